"""upward nudge: silent with exit 0 when nothing needs the user, one line each and exit 3 when something does."""
import json
import os
import pty
import re
import shutil
import subprocess

from harness import BIN, SRC, UpwardTest, read_pty

DEMO = os.path.join(SRC, "examples", "demo")
FRIDAY = "2026-11-27"


def documented_json_keys():
    with open(os.path.join(SRC, "man", "upward-nudge.1")) as f:
        page = f.read()
    section = page.split(".SH JSON", 1)[1].split("\n.SH ", 1)[0]
    return re.findall(r"^\.TP\n\.B ([a-z_]+)$", section, re.M)


class NudgeTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.env["UPWARD_TODAY"] = FRIDAY
        self.env["UPWARD_DIR"] = self.repo  # the suggested commands reach it as they are (no --dir in them)

    def put(self, rel, text):
        path = os.path.join(self.repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def config(self, extra):
        with open(os.path.join(self.repo, "upward.toml"), "a") as f:
            f.write(extra)

    def nudge(self, *args, **kw):
        r = self.run_upward("nudge", *args, **kw)
        return r.returncode, r.stdout.decode(), r.stderr.decode()

    def fresh(self, day=FRIDAY):
        """A repository with a win (today) that says what it changed, and nothing due."""
        self.init()
        self.ok("-q", "log-win", "Cut checkout p99", "-i", "Conversion +1.2%", "-d", day)

    # -- the demo

    def test_the_demo_on_a_friday(self):
        shutil.copytree(DEMO, self.repo)
        rc, out, err = self.nudge()
        self.assertEqual((rc, err), (3, ""))
        d = self.repo
        self.assertEqual(out.splitlines(), [
            "overdue: action 'send-vendor-plan' for dana was due 2026-11-20: Send Dana the vendor API migration plan"
            " (upward prep-1on1 done send-vendor-plan)",
            "now: action 'hiring-loop-feedback' for dana is due today: Write up what to change in the backend"
            " interview loop (upward prep-1on1 done hiring-loop-feedback)",
            "now: what came of 'Migrated the inventory service to Postgres 15'? its follow-up was due 2026-11-17"
            " (upward outcome 2026-11-03-migrated-the-inventory-service-to TEXT)",
            "now: this week's digest is not sent yet (the last went on 2026-11-20) (upward digest --send)",
            "soon: 1:1 with dana on monday 2026-11-30: problem 'Staging deploys fail about one time in five' has no"
            f" proposed solution (add solution = \"...\" to {d}/1on1s/dana/topics/"
            "2026-11-19-staging-deploys-fail-about-one-time-in.toml)",
            "soon: goal 'checkout-latency' is due on monday 2026-11-30 (on-track at 90%): Checkout p99 under 400 ms"
            " (upward goals update checkout-latency --progress N%)",
            "habit: goal 'staff-promo' has had no update for 53 days: Make the case for staff engineer"
            " (upward goals update staff-promo --note TEXT)",
            "habit: 1 win of the last 30 days says nothing about its impact: 'Interviewed four backend candidates"
            " and wrote same-day feedback' (upward set win 2026-11-04-interviewed-four-backend-candidates-and"
            " --impact TEXT)",
        ])

    def test_the_demo_in_json(self):
        shutil.copytree(DEMO, self.repo)
        rc, out, err = self.nudge("--format", "json")
        self.assertEqual((rc, err), (3, ""))
        items = json.loads(out)
        keys = documented_json_keys()
        self.assertIn("urgency", keys)
        for item in items:
            self.assertEqual(sorted(item), sorted(keys))
        self.assertEqual([i["line"] for i in items], self.nudge()[1].splitlines())
        action = items[0]
        self.assertEqual((action["urgency"], action["kind"], action["date"], action["ref"], action["person"],
                          action["file"], action["command"]),
                         ("overdue", "action", "2026-11-20", "send-vendor-plan", "dana", "1on1s/dana/2026-11-16.toml",
                          "upward prep-1on1 done send-vendor-plan"))
        problem = next(i for i in items if i["kind"] == "1on1-problem")
        self.assertEqual((problem["date"], problem["command"], problem["refs"]),
                         ("2026-11-30", None, ["2026-11-19-staging-deploys-fail-about-one-time-in"]))
        self.assertTrue(os.path.exists(os.path.join(self.repo, problem["file"])))

    def test_the_demo_after_the_work_is_done_is_quieter(self):
        shutil.copytree(DEMO, self.repo)
        self.ok("-q", "prep-1on1", "done", "send-vendor-plan")
        self.ok("-q", "prep-1on1", "done", "hiring-loop-feedback")
        out = self.nudge()[1]
        self.assertNotIn("action", out)
        self.assertIn("digest", out)

    # -- silence and exit codes

    def test_a_fresh_repository_with_a_win_today_says_nothing(self):
        self.fresh()
        self.assertEqual(self.nudge(), (0, "", ""))
        self.assertEqual(self.nudge("--format", "json"), (0, "[]\n", ""))
        self.assertEqual(self.run_upward("-q", "nudge").returncode, 0)

    def test_no_win_for_three_working_days(self):
        self.init()
        self.ok("-q", "log-win", "Old win", "-i", "It helped", "-d", "2026-11-23")
        rc, out, err = self.nudge()
        self.assertEqual((rc, err), (3, ""))
        self.assertEqual(out, "habit: no win logged in the last 3 working days (since 2026-11-24); the last on"
                              " 2026-11-23 (upward log-win TEXT)\n")
        self.assertEqual(self.run_upward("-q", "nudge").stdout.decode(), out)  # -q keeps the payload
        self.ok("-q", "log-win", "Tuesday win", "-i", "It helped", "-d", "2026-11-24")  # exactly 3 working days back
        self.assertEqual(self.nudge(), (0, "", ""))
        # a Monday: Wednesday is 3 working days back, the weekend does not count
        self.assertEqual(self.nudge(env={"UPWARD_TODAY": "2026-11-30"})[0], 3)
        self.ok("-q", "log-win", "Wednesday win", "-i", "It helped", "-d", "2026-11-25")
        self.assertEqual(self.nudge(env={"UPWARD_TODAY": "2026-11-30"}), (0, "", ""))

    def test_shell_usage(self):
        self.init()
        script = f'"{BIN}" --dir "{self.repo}" nudge >/dev/null || echo nudged'
        r = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stdout, "nudged\n")
        self.ok("-q", "log-win", "Win", "-i", "It helped")
        r = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual((r.returncode, r.stdout), (0, ""))

    def test_nudge_switches_in_upward_toml(self):
        shutil.copytree(DEMO, self.repo)
        self.config("\n[nudge]\none_on_one = false\nactions = false\ngoals = false\nfollow_ups = false\n"
                    "digest = false\nvague_wins = false\nno_win_days = 0\n")
        self.assertEqual(self.nudge(), (0, "", ""))

    def test_each_switch_turns_its_check_off(self):
        kinds = {"one_on_one = false": ["1on1-problem"], "actions = false": ["action"],
                 "goals = false": ["goal-due", "goal-stale"], "follow_ups = false": ["follow-up"],
                 "digest = false": ["digest"], "vague_wins = false": ["vague-wins"], "due_days = 2": ["goal-due"]}
        shutil.copytree(DEMO, self.repo)
        config = os.path.join(self.repo, "upward.toml")
        with open(config) as f:
            base = f.read()
        everything = [i["kind"] for i in json.loads(self.nudge("--format", "json")[1])]
        for line, gone in kinds.items():
            with self.subTest(line=line):
                for kind in gone:
                    self.assertIn(kind, everything)
                with open(config, "w") as f:
                    f.write(base + "\n[nudge]\n" + line + "\n")
                rc, out, err = self.nudge("--format", "json")
                self.assertEqual((rc, err), (3, ""))
                got = [i["kind"] for i in json.loads(out)]
                self.assertEqual(got, [k for k in everything if k not in gone])

    def test_digest_day_and_a_digest_never_sent(self):
        self.fresh("2026-11-26")  # a win on Thursday: no-win is quiet on Thursday and Friday
        self.assertEqual(self.nudge()[0], 0)  # --send never used: never asked
        self.put("sent/2026-11-20-digest.toml", 'date = 2026-11-20\nperiod = { first = 2026-11-16, last = 2026-11-22 }\n'
                                                'to = ["dana@example.com"]\n')
        self.assertEqual(self.nudge(), (3, "now: this week's digest is not sent yet (the last went on 2026-11-20)"
                                           " (upward digest --send)\n", ""))
        self.assertEqual(self.nudge(env={"UPWARD_TODAY": "2026-11-26"})[0], 0)  # Thursday: not yet
        self.config('\n[nudge]\ndigest_day = "wednesday"\n')
        self.assertEqual(self.nudge(env={"UPWARD_TODAY": "2026-11-26"})[1],
                         "overdue: this week's digest was due wednesday 2026-11-25 and is not sent yet (the last went"
                         " on 2026-11-20) (upward digest --send)\n")
        self.put("sent/2026-11-24-digest.toml", 'date = 2026-11-24\nperiod = { first = 2026-11-16, last = 2026-11-22 }\n'
                                                'to = ["dana@example.com"]\n')
        self.assertEqual(self.nudge()[0], 3)  # last week's, sent late this week: not this week's
        self.put("sent/2026-11-25-digest.toml", 'date = 2026-11-25\nperiod = { first = 2026-11-23, last = 2026-11-29 }\n'
                                                'to = ["dana@example.com"]\n')
        self.assertEqual(self.nudge()[0], 0)  # this week's, sent
        self.put("sent/2026-11-26-digest.toml", 'date = 2026-11-26\nperiod = { first = 2026-11-16, last = 2026-11-22 }\n'
                                                'to = ["dana@example.com"]\n')
        self.assertEqual(self.nudge()[0], 0)  # last week's re-sent after it: this week's still counts

    def test_the_next_1on1_with_an_empty_agenda(self):
        self.fresh("2026-11-26")
        self.ok("-q", "people", "add", "dana", "--name", "Dana", "--relationship", "manager", "--cadence", "weekly")
        self.assertEqual(self.nudge()[0], 0)  # no 1:1 on record: when the next one is, nothing says
        self.put("1on1s/dana/2026-11-23.toml", "date = 2026-11-23\n")
        self.assertEqual(self.nudge(), (3, "soon: 1:1 with dana on monday 2026-11-30 has nothing on its agenda"
                                           " (upward prep-1on1 add --with dana TEXT)\n", ""))
        self.assertEqual(self.nudge(env={"UPWARD_TODAY": "2026-11-26"})[0], 0)  # Thursday: Monday is 2 working days off
        self.ok("-q", "prep-1on1", "add", "Promotion path")
        self.assertEqual(self.nudge(), (0, "", ""))
        self.ok("-q", "prep-1on1", "add", "--kind", "problem", "Flaky deploys")
        self.assertRegex(self.nudge()[1], r"^soon: 1:1 with dana on monday 2026-11-30: problem 'Flaky deploys' has no "
                                          r"proposed solution \(add solution = \"...\" to .*/1on1s/dana/topics/"
                                          r"2026-11-27-flaky-deploys.toml\)\n$")

    # -- what it reads

    def test_a_broken_win_of_another_year_is_never_opened(self):
        self.fresh()
        self.put("wins/2020/01/2020-01-02-broken.toml", "title = = nope\n")
        self.put("wins/2025/10/2025-10-02-broken.toml", "title = = nope\n")  # more than a year back
        self.assertEqual(self.nudge(), (0, "", ""))

    def test_only_the_months_the_enabled_checks_need_are_read(self):
        self.fresh()
        # follow-ups look back a year, but parse only the wins that name a follow-up
        self.put("wins/2026/09/2026-09-02-broken.toml", "title = = nope\n")
        self.assertEqual(self.nudge(), (0, "", ""))
        self.put("wins/2026/09/2026-09-03-broken.toml", "title = = nope\nfollow_up = 2026-10-01\n")
        rc, out, err = self.nudge()
        self.assertEqual((rc, out), (1, ""))
        self.assertRegex(err, r"^upward: .*wins/2026/09/2026-09-03-broken.toml:1:\d+: .* \(skipped\)\n$")
        self.config("\n[nudge]\nfollow_ups = false\n")  # then 30 days: October and November
        self.assertEqual(self.nudge(), (0, "", ""))
        self.put("wins/2026/10/2026-10-30-broken.toml", "title = = nope\n")  # within 30 days: every win is read
        self.assertEqual(self.nudge()[0], 1)

    def test_a_broken_file_it_needs_is_skipped_and_exit_1(self):
        self.fresh()
        self.put("wins/2026/11/2026-11-02-broken.toml", "title = = nope\n")
        self.put("goals/late.toml", 'title = "Late"\ndue = 2026-11-20\n')
        rc, out, err = self.nudge()
        self.assertEqual(rc, 1)
        self.assertEqual(out, "overdue: goal 'late' was due 2026-11-20 and is not done (on-track at 0%): Late"
                              " (upward goals done late)\n")
        self.assertRegex(err, r"^upward: .*wins/2026/11/2026-11-02-broken.toml:1:\d+: .* \(skipped\)\n$")
        self.assertEqual(self.run_upward("-q", "nudge").returncode, 1)  # -q does not hide it
        os.remove(os.path.join(self.repo, "goals", "late.toml"))
        self.assertEqual(self.nudge()[:2], (1, ""))  # nothing to say, still a file to fix

    def test_switched_off_checks_read_nothing(self):
        self.fresh()
        self.put("goals/broken.toml", "title = = nope\n")
        self.put("people/broken.toml", "name = = nope\n")
        self.put("1on1s/dana/2026-11-23.toml", "date = = nope\n")
        self.put("sent/2026-11-20-digest.toml", "date = = nope\n")
        self.assertEqual(self.nudge()[0], 1)
        self.config("\n[nudge]\none_on_one = false\nactions = false\ngoals = false\ndigest = false\n")
        self.assertEqual(self.nudge(), (0, "", ""))

    def test_no_repository_is_an_error(self):
        rc, out, err = self.nudge()
        self.assertEqual((rc, out), (1, ""))
        self.assertTrue(err.startswith("upward: "), err)

    def test_a_bad_format_is_a_usage_error(self):
        self.fresh()
        rc, out, err = self.nudge("--format", "md")
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("--format: unknown value 'md' (expected text, json)", err)

    # -- a terminal

    def on_terminal(self, *args):
        master, slave = pty.openpty()
        p = subprocess.Popen([BIN, "--dir", self.repo, *args, "nudge"], stdout=slave, stderr=subprocess.PIPE,
                             env=dict(self.env, LC_ALL="C.UTF-8", TERM="xterm"))
        os.close(slave)
        out = read_pty(master)
        err = p.stderr.read()
        p.stderr.close()
        rc = p.wait()
        os.close(master)
        self.assertEqual(err, b"")
        return rc, out.decode().replace("\r\n", "\n")

    def test_record_text_is_escaped_on_a_terminal_and_kept_in_a_pipe(self):
        self.init()
        self.put("wins/2026/11/2026-11-26-evil.toml", 'date = 2026-11-26\ntitle = "Evil \\u001b[2J title"\n')
        rc, out = self.on_terminal("--color", "never")
        self.assertEqual(rc, 3)
        self.assertEqual(out, "habit: 1 win of the last 30 days says nothing about its impact: 'Evil \\x1b[2J title'"
                              " (upward set win 2026-11-26-evil --impact TEXT)\n")
        rc, out = self.on_terminal("--color", "always")
        self.assertTrue(out.startswith("\x1b[2mhabit:\x1b[0m 1 win"), out)
        self.assertEqual(out.count("\x1b"), 2)
        self.assertIn("'Evil \x1b[2J title'", self.nudge()[1])  # a pipe gets the text as it is
        self.assertIn("Evil \x1b[2J title", json.loads(self.nudge("--format", "json")[1])[0]["message"])


class NudgeDirTest(UpwardTest):
    def test_suggested_commands_name_the_repository_when_only_dir_does(self):
        self.init()
        self.env["UPWARD_TODAY"] = FRIDAY
        r = self.run_upward("nudge")  # --dir REPO, and UPWARD_DIR unset: the command must carry it
        self.assertEqual(r.returncode, 3)
        self.assertIn(f"(upward --dir {self.repo} log-win TEXT)", r.stdout.decode())
        r = self.run_upward("nudge", env={"UPWARD_DIR": self.repo})
        self.assertIn("(upward log-win TEXT)", r.stdout.decode())
