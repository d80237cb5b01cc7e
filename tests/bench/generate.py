#!/usr/bin/env python3
"""Synthetic histories for the benchmark, in upward's own format and in the peers' formats.

    python3 tests/bench/generate.py OUT_DIR --wins 10000 [--git]

Writes OUT_DIR/upward (an upward repository), OUT_DIR/taskdata (taskwarrior 2.6 data: one
completed task per win), OUT_DIR/timewdb (timewarrior: one interval per win) and
OUT_DIR/ledger.dat (ledger: one transaction per win), all ending on 2026-11-27 (a Friday).
The same entries everywhere: five wins a working day, going back as far as WINS needs (more a
day when five would reach back before 1971: 100k wins are seven a day since 1971).
upward's repository also has four goals a quarter with a weekly [[update]] (past ones done), five
people, a weekly 1:1 with the manager (two actions each) and a sent digest every Friday.
Deterministic: the same arguments write the same bytes.
"""
import argparse
import datetime
import os
import subprocess
import uuid

END = datetime.date(2026, 11, 27)
PER_DAY = 5
EARLIEST = datetime.date(1971, 1, 1)
GOALS_PER_QUARTER = 4
TAGS = ["perf", "reliability", "mentoring", "hiring", "docs", "design", "learning", "oncall"]


def quarter(day):
    return day.year * 4 + (day.month - 1) // 3


def goal_id(day, g):
    """The id of goal G of DAY's quarter."""
    return f"goal-{day.year}-q{(day.month - 1) // 3 + 1}-{g}"


def done_line(day, after):
    """An action's `done` line AFTER days past DAY, when that is not in the future."""
    when = day + datetime.timedelta(days=after)
    return f"done = {when}\n" if when <= END else ""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def working_days(count):
    """The last COUNT working days up to END, oldest first."""
    days, day = [], END
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= datetime.timedelta(days=1)
    return days[::-1]


def per_day(wins):
    """Five wins a working day, more when five would reach back before 1971 (the peers keep Unix
    time stamps)."""
    since_1971 = sum(1 for k in range((END - EARLIEST).days + 1) if (EARLIEST + datetime.timedelta(days=k)).weekday() < 5)
    return max(PER_DAY, -(-wins // since_1971))


def entries(wins):
    """(date, n, title, impact, tags, goal) for each win, oldest first."""
    k = per_day(wins)
    days = working_days((wins + k - 1) // k)
    out = []
    for n in range(wins):
        day = days[n // k]
        out.append((day, n, f"Synthetic win {n} with a title of ordinary length",
                    f"Saved the team about {n % 9 + 1} hours a week", [TAGS[n % len(TAGS)], TAGS[(n * 3 + 1) % len(TAGS)]],
                    goal_id(day, n % GOALS_PER_QUARTER)))
    return out


def upward_repo(root, wins, git):
    win_list = entries(wins)
    first = win_list[0][0]
    write(f"{root}/upward.toml",
          'schema = 1\nweek_start = "monday"\nmanager = "dana"\n\n[me]\nname = "Bench Person"\n'
          f'email = "bench@example.com"\n\n[git]\nautocommit = {"true" if git else "false"}\n\n'
          '[digest]\nto = "dana@example.com"\nsubject = "Weekly update"\n\n'
          '[sections]\nmentoring = "collaboration"\nhiring = "company"\ndocs = "design"\ndesign = "design"\n'
          'learning = "learning"\n\n[cycles]\nh1-2026 = "2026-01-01..2026-06-30"\nh2-2026 = "2026-07-01..2026-12-31"\n')
    write(f"{root}/.gitignore", "# upward: the lock, its journal, temporary files and editor leftovers are never "
          "committed\n.upward.lock\n.upward-journal\n.*.upward-tmp.*\n.edit-*\n*.swp\n*~\n")
    # goals: four a quarter, each with a weekly [[update]] over its quarter; past ones done
    for q in range(quarter(first), quarter(END) + 1):
        start = datetime.date(q // 4, q % 4 * 3 + 1, 1)
        last = datetime.date(q // 4 + (q % 4 == 3), (q % 4 * 3 + 3) % 12 + 1, 1) - datetime.timedelta(days=1)
        for g in range(GOALS_PER_QUARTER):
            text = (f'title = "Goal {g} of {start:%Y} Q{q % 4 + 1}: make something measurably better"\n'
                    f'owner = "{"dana" if g == 0 else "me"}"\ncreated = {start}\ndue = {last}\n'
                    f'why = "Because it matters to the team"\n')
            day, k = start + datetime.timedelta(days=g), 0
            while day <= min(last, END):
                done = day + datetime.timedelta(days=7) > last
                text += (f'\n[[update]]\ndate = {day}\nprogress = {100 if done else k * 7}\n'
                         + ('status = "done"\n' if done else "") + f'note = "Week {k}"\n')
                day += datetime.timedelta(days=7)
                k += 1
            write(f"{root}/goals/{goal_id(start, g)}.toml", text)
    people = [("dana", "manager"), ("lee", "skip-level"), ("priya", "mentor"), ("marcus", "peer"), ("ana", "stakeholder")]
    for pid, rel in people:
        write(f"{root}/people/{pid}.toml",
              f'name = "{pid.title()}"\nrelationship = "{rel}"\nemail = "{pid}@example.com"\n'
              + ('cadence = "weekly"\npriorities = ["Ship the launch", "Grow the team"]\n' if rel == "manager" else ""))
    # a weekly 1:1 with the manager, a topic each, two actions each (done), and a sent digest each Friday
    day, k = first - datetime.timedelta(days=first.weekday()), 0  # the Monday of the first week
    while day <= END:
        write(f"{root}/1on1s/dana/topics/{day}-topic-{k}.toml", f'date = {day}\nkind = "idea"\ntext = "Idea {k}"\n')
        write(f"{root}/1on1s/dana/{day}.toml",
              f'date = {day}\nwith = "dana"\ntopics = ["{day}-topic-{k}"]\nnotes = "Talked about idea {k}"\n'
              f'\n[[action]]\nid = "action-{k}-a"\nowner = "me"\ntext = "Follow up on idea {k}"\n'
              f'due = {day + datetime.timedelta(days=7)}\n{done_line(day, 5)}'
              f'\n[[action]]\nid = "action-{k}-b"\nowner = "dana"\ntext = "Review idea {k}"\n{done_line(day, 3)}')
        friday = day + datetime.timedelta(days=4)
        if friday < END:  # this week's digest is not sent yet
            write(f"{root}/sent/{friday}-digest.toml",
                  f'date = {friday}\nperiod = {{ first = {day}, last = {day + datetime.timedelta(days=6)} }}\n'
                  f'to = ["dana@example.com"]\ncc = []\nsubject = "Weekly update: {day}..{day + datetime.timedelta(days=6)}"\n')
        day += datetime.timedelta(days=7)
        k += 1
    for day, n, title, impact, tags, goal in win_list:
        write(f"{root}/wins/{day:%Y/%m}/{day}-synthetic-win-{n}.toml",
              f'date = {day}\ntitle = "{title}"\nimpact = "{impact}"\ntags = ["{tags[0]}", "{tags[1]}"]\n'
              f'goals = ["{goal}"]\n')
    if git:
        env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
                   GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
        subprocess.run(["git", "init", "-q", root], check=True, env=env)
        subprocess.run(["git", "-C", root, "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", root, "commit", "-qm", "bench history"], check=True, env=env)


def taskwarrior(data, wins):
    """taskwarrior 2.6's own files: one completed task per win in completed.data."""
    os.makedirs(data, exist_ok=True)
    lines = []
    for day, n, title, impact, tags, goal in entries(wins):
        stamp = int(datetime.datetime(day.year, day.month, day.day, 9 + n % 8,
                                      tzinfo=datetime.timezone.utc).timestamp())
        lines.append(f'[description:"{title}" end:"{stamp + 3600}" entry:"{stamp}" modified:"{stamp + 3600}" '
                     f'project:"{goal}" status:"completed" tags:"{tags[0]},{tags[1]}" '
                     f'uuid:"{uuid.UUID(int=n + 1)}"]\n')
    write(f"{data}/completed.data", "".join(lines))
    write(f"{data}/pending.data", "")
    write(f"{data}/backlog.data", "")
    write(f"{data}/undo.data", "")


def timewarrior(db, wins):
    """timewarrior's own files: one closed interval per win in data/YYYY-MM.data."""
    months = {}
    for day, n, title, impact, tags, goal in entries(wins):
        start = datetime.datetime(day.year, day.month, day.day, 8 + n % PER_DAY)
        end = start + datetime.timedelta(minutes=50)
        months.setdefault(f"{day:%Y-%m}", []).append(
            f"inc {start:%Y%m%dT%H%M%S}Z - {end:%Y%m%dT%H%M%S}Z # {tags[0]} {tags[1]} {goal}\n")
    for month, lines in months.items():
        write(f"{db}/data/{month}.data", "".join(lines))
    write(f"{db}/data/tags.data", "{}\n")
    write(f"{db}/timewarrior.cfg", "verbose = off\nconfirmation = off\n")


def ledger(path, wins):
    """ledger: one transaction per win (an hour saved, booked to its goal)."""
    out = []
    for day, n, title, impact, tags, goal in entries(wins):
        out.append(f"{day:%Y/%m/%d} {title}\n    Impact:{goal}    {n % 9 + 1} h\n    Effort\n\n")
    write(path, "".join(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--wins", type=int, required=True)
    ap.add_argument("--git", action="store_true", help="make the upward repository a git repository with autocommit")
    args = ap.parse_args()
    upward_repo(os.path.join(args.out, "upward"), args.wins, args.git)
    taskwarrior(os.path.join(args.out, "taskdata"), args.wins)
    timewarrior(os.path.join(args.out, "timewdb"), args.wins)
    ledger(os.path.join(args.out, "ledger.dat"), args.wins)


if __name__ == "__main__":
    main()
