"""Every command that writes, killed with SIGKILL at random instants (issue 13 §1).

Each writing command runs RUNS times, killed at a random instant of its usual duration: half
the time upward alone (its git child lives on), half its whole process group (git too). After
each kill the next command (a reader: `upward goals`, and every tenth time `upward check`) must
finish or undo what was interrupted:
no journal is left, every file parses with Python's tomllib, `check` finds nothing wrong, and a
command that had exited 0 before the kill has its record. upward's hidden temporaries
(`.NAME.upward-tmp.XXXXXX`, ignored by git) that a kill leaves are removed by the next write into
their folder: after every run that completes, and after a last run, none is left.
"""
import collections
import concurrent.futures
import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402
from test_write_path import figures  # noqa: E402

RUNS = int(os.environ.get("UPWARD_KILL_RUNS", "200"))


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


class Scenario:
    """One writing command: prepare(i) makes what run i needs (never killed) and returns
    (argv, stdin); recorded(i) says whether run i's record is there."""

    def __init__(self, repo, env, tmp):
        self.repo, self.env, self.tmp = repo, env, tmp

    def up(self, *args, input=None, env=None):
        r = subprocess.run([BIN, "--dir", self.repo, *args], input=input, capture_output=True, text=True,
                           env=dict(self.env, **(env or {})))
        if r.returncode != 0:
            raise AssertionError(f"{args}: {r.stderr}")
        return r.stdout.strip()

    def path(self, *parts):
        return os.path.join(self.repo, *parts)

    def extra_env(self):
        return {}

    def made_by_hand(self, rel):
        """A file the test wrote itself: a write commits it only when it changes it (`upward sync`
        commits the rest), so a kill may leave it uncommitted."""
        return False


class LogWin(Scenario):
    def prepare(self, i):
        return ["log-win", f"Kill {i}", "-t", "kill"], None

    def recorded(self, i):
        return os.path.exists(self.path("wins", "2026", "11", f"2026-11-23-kill-{i}.toml"))


class LogWinBatch(Scenario):
    def prepare(self, i):
        return ["log-win", "--stdin-lines"], "".join(f"Batch {i} line {k}\n" for k in range(3))

    def recorded(self, i):
        return len(glob.glob(self.path("wins", "2026", "11", f"2026-11-23-batch-{i}-line-*.toml"))) == 3


class GoalsAdd(Scenario):
    def prepare(self, i):
        return ["goals", "add", f"Goal {i}", "--id", f"g{i}"], None

    def recorded(self, i):
        return os.path.exists(self.path("goals", f"g{i}.toml"))


class GoalsUpdate(Scenario):
    def prepare(self, i):
        if i == 0:
            self.up("goals", "add", "Base", "--id", "base")
        return ["goals", "update", "base", "--note", f"note {i}", "--progress", f"{i % 100}%"], None

    def recorded(self, i):
        return any(u.get("note") == f"note {i}" for u in load(self.path("goals", "base.toml")).get("update", []))


class GoalsDone(Scenario):
    def prepare(self, i):
        self.up("goals", "add", f"Done {i}", "--id", f"d{i}")
        return ["goals", "done", f"d{i}"], None

    def recorded(self, i):
        return any(u.get("status") == "done" for u in load(self.path("goals", f"d{i}.toml")).get("update", []))


class PeopleAdd(Scenario):
    def prepare(self, i):
        return ["people", "add", f"p{i}", "--name", f"P {i}", "--relationship", "peer"], None

    def recorded(self, i):
        return os.path.exists(self.path("people", f"p{i}.toml"))


class PeoplePrimary(Scenario):
    def prepare(self, i):
        self.up("people", "add", f"m{i}", "--name", f"M {i}", "--relationship", "manager")
        return ["people", "primary", f"m{i}"], None

    def recorded(self, i):
        return load(self.path("upward.toml")).get("manager") == f"m{i}"


class OneOnOne(Scenario):
    def prepare(self, i):
        if i == 0:
            self.up("people", "add", "dana", "--name", "Dana", "--relationship", "manager", "--primary")
        return self.command(i), None


class TopicAdd(OneOnOne):
    def command(self, i):
        return ["prep-1on1", "add", "--with", "dana", f"Topic {i}"]

    def recorded(self, i):
        return bool(glob.glob(self.path("1on1s", "dana", "topics", f"2026-11-23-topic-{i}.toml")))


def day(i):
    return time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2025, 1, 1, 12, 0, 0, 0, 0, 0)) + i * 86400))


class OneOnOneSave(OneOnOne):
    def command(self, i):
        return ["--today", day(i), "prep-1on1", "dana", "--save", "--date", day(i)]

    def recorded(self, i):
        return os.path.exists(self.path("1on1s", "dana", f"{day(i)}.toml"))


class ActionDone(OneOnOne):
    def command(self, i):
        # an open action item in a record of its own, made by hand (the next write commits it first)
        os.makedirs(self.path("1on1s", "dana"), exist_ok=True)
        with open(self.path("1on1s", "dana", f"{day(i)}.toml"), "w") as f:
            f.write(f'date = {day(i)}\n\n[[action]]\nid = "a{i}"\nowner = "me"\ntext = "Do {i}"\n')
        return ["prep-1on1", "done", f"a{i}"]

    def made_by_hand(self, rel):
        return rel.startswith("1on1s/dana/")

    def recorded(self, i):
        return all("done" in a for a in load(self.path("1on1s", "dana", f"{day(i)}.toml"))["action"])


class WinScenario(Scenario):
    def win(self, i):
        self.win_id = self.up("log-win", f"Base {i}")
        return self.win_id

    def file(self, i):
        return self.path("wins", "2026", "11", f"2026-11-23-base-{i}.toml")


class Outcome(WinScenario):
    def prepare(self, i):
        return ["outcome", self.win(i), f"Outcome {i}"], None

    def recorded(self, i):
        return load(self.file(i)).get("outcome") == f"Outcome {i}"


class SetWin(WinScenario):
    def prepare(self, i):
        return ["set", "win", self.win(i), "--impact", f"Impact {i}"], None

    def recorded(self, i):
        return load(self.file(i)).get("impact") == f"Impact {i}"


class SetGoal(Scenario):
    def prepare(self, i):
        if i == 0:
            self.up("goals", "add", "Base", "--id", "base")
        return ["set", "goal", "base", "--why", f"why {i}"], None

    def recorded(self, i):
        return load(self.path("goals", "base.toml")).get("why") == f"why {i}"


class SetPerson(OneOnOne):
    def command(self, i):
        return ["set", "person", "dana", "--email", f"d{i}@example.com"]

    def recorded(self, i):
        return load(self.path("people", "dana.toml")).get("email") == f"d{i}@example.com"


class RmWin(WinScenario):
    def prepare(self, i):
        return ["rm", "win", self.win(i)], None

    def recorded(self, i):
        return not os.path.exists(self.file(i))


class Edit(WinScenario):
    def extra_env(self):
        editor = os.path.join(self.tmp, "editor.sh")
        if not os.path.exists(editor):
            with open(editor, "w") as f:
                # no temporary file of its own (sed -i leaves one when killed): read, then write in place
                f.write("#!/bin/sh\nt=$(sed 's/^title = .*/title = \"Edited by hand\"/' \"$1\")\n"
                        "printf '%s\\n' \"$t\" > \"$1\"\n")
            os.chmod(editor, 0o755)
        return {"EDITOR": editor}

    def prepare(self, i):
        return ["edit", "win", self.win(i)], None

    def recorded(self, i):
        return load(self.file(i)).get("title") == "Edited by hand"


class DigestSend(Scenario):
    def prepare(self, i):
        if i == 0:
            sendmail = os.path.join(self.tmp, "sendmail.sh")
            with open(sendmail, "w") as f:
                f.write("#!/bin/sh\ncat >/dev/null\n")
            os.chmod(sendmail, 0o755)
            with open(self.path("upward.toml")) as f:
                text = f.read()
            with open(self.path("upward.toml"), "w") as f:
                f.write(text.replace("[digest]\n", f'[digest]\nsendmail = "{sendmail}"\n', 1))
            subprocess.run(["git", "-C", self.repo, "commit", "-qam", "sendmail"], env=self.env, check=True)
            self.up("log-win", "Something to report")
        self.before = set(os.listdir(self.path("sent"))) if os.path.isdir(self.path("sent")) else set()
        return ["digest", "--send", "--to", "dana@example.com", "--subject", f"Update {i}"], None

    def recorded(self, i):
        now = set(os.listdir(self.path("sent"))) if os.path.isdir(self.path("sent")) else set()
        return any(load(self.path("sent", n)).get("subject", "").startswith(f"Update {i}") for n in now - self.before)


SCENARIOS = [LogWin, LogWinBatch, GoalsAdd, GoalsUpdate, GoalsDone, PeopleAdd, PeoplePrimary, TopicAdd, OneOnOneSave,
             ActionDone, Outcome, SetWin, SetGoal, SetPerson, RmWin, Edit, DigestSend]


class KillEveryCommandTest(UpwardTest):
    def leftovers(self, repo):
        out = []
        for root, dirs, names in os.walk(repo):
            dirs[:] = [d for d in dirs if d != ".git"]
            out += [os.path.join(root, n) for n in names if ".upward-tmp." in n or n == ".upward-journal"]
        return out

    def kill_loop(self, kind):
        """RUNS kills of one command in a repository of its own; the counts, or an AssertionError."""
        tmp = tempfile.mkdtemp(prefix="upward-kill-", dir=self.tmp)
        repo = os.path.join(tmp, "repo")
        subprocess.run([BIN, "--dir", repo, "init", "--name", "Ada", "--email", "ada@example.com"], env=self.env,
                       capture_output=True, check=True)
        s = kind(repo, self.env, tmp)
        env = dict(self.env, **s.extra_env())
        rng = random.Random(kind.__name__)
        stats = collections.Counter()
        duration = None
        for i in range(RUNS):
            argv, stdin = s.prepare(i)
            start = time.monotonic()
            p = subprocess.Popen([BIN, "--dir", repo, *argv], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, env=env, start_new_session=True)
            if stdin:
                p.stdin.write(stdin.encode())
            p.stdin.close()
            group = i % 2 == 1
            if i == 0:  # the first run is not killed: it measures how long the command takes
                p.wait()
                duration = time.monotonic() - start
            else:
                time.sleep(rng.uniform(0, duration * 1.2))
                try:
                    os.killpg(p.pid, signal.SIGKILL) if group else p.send_signal(signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait()
            err = p.stderr.read().decode(errors="replace")
            p.stderr.close()
            if i == 0:
                assert p.returncode == 0, (kind.__name__, argv, err)
            stats["runs"] += 1
            stats["exited 0 before the kill" if p.returncode == 0 else "killed"] += 1
            if group:  # a killed git leaves its own locks; git's message says to remove them, as a person would
                git_dir = os.path.join(repo, ".git")
                for lock in glob.glob(os.path.join(git_dir, "*.lock")) + glob.glob(
                        os.path.join(git_dir, "refs", "heads", "*.lock")):
                    os.unlink(lock)
            # the next command, a reader, finishes or undoes what the kill interrupted; every tenth
            # time it is `check`, which also reads every file (the others: `goals`, which is quicker)
            full = i % 10 == 0 or i == RUNS - 1
            r = subprocess.run([BIN, "--dir", repo, *(["check"] if full else ["goals", "--all"])], capture_output=True,
                               text=True, env=env)
            # a kill between the rename and git's commit leaves a record saved but not committed:
            # check says so, and the next write commits it (asserted below)
            problems = [l for l in r.stdout.splitlines() if "not committed although autocommit is on" not in l]
            assert r.returncode == 0 or (full and not problems), (kind.__name__, i, argv, r.stdout, r.stderr)
            stats["kills that left a record not yet committed"] += r.returncode != 0
            assert not os.path.exists(os.path.join(repo, ".upward-journal")), (kind.__name__, i, "journal left")
            if p.returncode == 0:
                # a write removes the temporaries an earlier kill left in the folders it writes to
                assert self.leftovers(repo) == [], (kind.__name__, i, self.leftovers(repo))
                status = subprocess.run(["git", "-C", repo, "status", "--porcelain"], capture_output=True, text=True,
                                        env=env).stdout
                left = [l for l in status.splitlines() if not s.made_by_hand(l[3:])]
                assert left == [], (kind.__name__, i, "not committed after a write", status)
                assert s.recorded(i), (kind.__name__, i, argv, "exited 0 but its record is missing", err)
                stats["records present after exit 0"] += 1
            if i % 20 == 19 or i == RUNS - 1:
                for path in glob.glob(os.path.join(repo, "**", "*.toml"), recursive=True):
                    load(path)  # every file parses with an independent reader
        argv, stdin = s.prepare(RUNS)  # one last run, not killed: nothing of the kills is left
        r = subprocess.run([BIN, "--dir", repo, *argv], input=stdin, capture_output=True, text=True, env=env)
        assert r.returncode == 0 and s.recorded(RUNS), (kind.__name__, argv, r.stderr)
        assert self.leftovers(repo) == [], (kind.__name__, self.leftovers(repo))
        shutil.rmtree(tmp, ignore_errors=True)
        return stats

    def test_every_writing_command_survives_kills(self):
        total = collections.Counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for kind, stats in zip(SCENARIOS, pool.map(self.kill_loop, SCENARIOS)):
                with self.subTest(command=kind.__name__):
                    self.assertEqual(stats["runs"], RUNS)
                total.update(stats)
                figures(f"kills of {kind.__name__}", stats)
        self.assertGreater(total["killed"], RUNS * len(SCENARIOS) // 3)  # most runs were really interrupted
        figures("kills of every writing command", total)


if __name__ == "__main__":
    unittest.main()
