import json
import os
import subprocess
import tomllib

from harness import BIN, SRC, UpwardTest, read_pty

HAND_EDITED = """# Checkout latency: my main goal this quarter.
title    = "Checkout p99 under 400 ms"   # the bar Dana set
owner = "me"
due = 2026-12-31

  # why, in my own words
why = '''
Slow checkout
loses carts'''
supports = [ "q4-conversion",   ]   # Dana's


[[update]]      # first check-in
date = 2026-11-02
progress = 10
note = "baseline measured"
"""


class GoalsTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")

    def goal_file(self, goal_id):
        return os.path.join(self.repo, "goals", goal_id + ".toml")

    def load(self, goal_id):
        with open(self.goal_file(goal_id), "rb") as f:
            return tomllib.load(f)

    def test_add_boss_and_own_goals(self):
        self.assertEqual(self.ok("goals", "add", "Conversion +2% in Q4", "--id", "q4-conversion", "--owner", "dana",
                                 "--due", "2026-12-31"), "q4-conversion\n")
        self.ok("goals", "add", "Checkout p99 under 400 ms", "--id", "checkout-latency", "--supports",
                "q4-conversion", "--due", "+6w", "--why", "Slow checkout loses carts")
        g = self.load("checkout-latency")
        self.assertEqual(g["owner"], "me")
        self.assertEqual(g["supports"], ["q4-conversion"])
        self.assertEqual(g["due"].isoformat(), "2027-01-04")
        self.assertEqual(g["created"].isoformat(), "2026-11-23")
        self.assertEqual(self.load("q4-conversion")["owner"], "dana")
        self.assertEqual(self.commits()[0], "goals add: checkout-latency")

    def test_update_and_done_append_and_keep_every_byte(self):
        self.ok("goals", "add", "Conversion +2% in Q4", "--id", "q4-conversion", "--owner", "dana")
        with open(self.goal_file("checkout-latency"), "w") as f:
            f.write(HAND_EDITED)
        self.ok("goals", "update", "checkout-latency", "--progress", "40%", "--status", "at-risk", "--note",
                'p99 at 520 ms; "cache" next\nthen the CDN')
        text = self.read(self.goal_file("checkout-latency"))
        self.assertTrue(text.startswith(HAND_EDITED))
        self.ok("goals", "done", "checkout-latency", "--note", "Shipped", "-d", "2026-11-24", "--today", "2026-11-25")
        text = self.read(self.goal_file("checkout-latency"))
        self.assertTrue(text.startswith(HAND_EDITED))
        g = self.load("checkout-latency")
        self.assertEqual(g["why"], "Slow checkout\nloses carts")
        self.assertEqual(len(g["update"]), 3)
        self.assertEqual(g["update"][1], {"date": __import__("datetime").date(2026, 11, 23), "progress": 40,
                                          "status": "at-risk", "note": 'p99 at 520 ms; "cache" next\nthen the CDN'})
        self.assertEqual(g["update"][2]["status"], "done")
        self.assertEqual(g["update"][2]["progress"], 100)
        self.assertEqual(g["update"][2]["date"].isoformat(), "2026-11-24")
        self.assertEqual(self.commits()[0], "goals update: checkout-latency 100% done")
        self.assertEqual(self.commits()[1], "goals update: checkout-latency 40% at-risk")

    def test_bad_input_changes_nothing(self):
        self.ok("goals", "add", "Mine", "--id", "mine")
        before = self.read(self.goal_file("mine"))
        commits = self.commits()
        cases = [
            (["goals", "update", "mine", "--progress", "120%"], 2),
            (["goals", "update", "mine", "--progress", "-5"], 2),
            (["goals", "update", "mine", "--progress", "abc"], 2),
            (["goals", "update", "mine", "--status", "at risk"], 2),
            (["goals", "update", "mine"], 2),
            (["goals", "update", "nope", "--progress", "5"], 1),
            (["goals", "done", "nope"], 1),
            (["goals", "show", "nope"], 1),
            (["goals", "update", "../x", "--progress", "5"], 2),
            (["goals", "add", "T", "--id", "../x"], 2),
            (["goals", "add", "T", "--id", "Dana"], 2),
            (["goals", "add", "T", "--id", ".git"], 2),
            (["goals", "add", "T", "--id", "a/b"], 2),
            (["goals", "add", "T", "--id", "mine"], 1),
            (["goals", "add", "T", "--id", "x", "--owner", "bob"], 1),
            (["goals", "add", "T", "--id", "x", "--owner", "Bob"], 2),
            (["goals", "add", "T", "--id", "x", "--supports", "nope"], 1),
            (["goals", "add", "T", "--id", "x", "--due", "2026-02-30"], 2),
            (["goals", "add", b"\xff", "--id", "x"], 1),
        ]
        for args, code in cases:
            with self.subTest(args=args):
                r = self.run_upward(*args)
                self.assertEqual(r.returncode, code, r.stderr)
                self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)
        self.assertEqual(sorted(os.listdir(os.path.join(self.repo, "goals"))), ["mine.toml"])
        self.assertEqual(self.read(self.goal_file("mine")), before)
        self.assertEqual(self.commits(), commits)

    def test_a_refused_write_does_not_create_a_repository(self):
        self.repo = os.path.join(self.tmp, "fresh")
        for args in (["goals", "add", "T", "--id", "x", "--owner", "bob"], ["goals", "add", "T", "--id", "x",
                     "--supports", "nope"], ["log-win", "x", "-g", "nope"]):
            r = self.run_upward(*args)
            self.assertEqual(r.returncode, 1, args)
            self.assertFalse(os.path.exists(self.repo), args)

    def test_a_goal_file_that_does_not_parse_is_not_written(self):
        with open(self.goal_file("broken"), "w") as f:
            f.write('title = "open\n')
        r = self.run_upward("goals", "update", "broken", "--progress", "5")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.decode().startswith(f"upward: {self.repo}/goals/broken.toml:1:"))
        self.assertEqual(self.read(self.goal_file("broken")), 'title = "open\n')

    def test_list_formats(self):
        self.ok("goals", "add", "Conversion +2% in Q4", "--id", "q4-conversion", "--owner", "dana", "--due",
                "2026-11-30")
        self.ok("goals", "add", "Checkout p99", "--id", "checkout-latency", "--supports", "q4-conversion",
                "--due", "2026-11-01", "--today", "2026-10-01")
        self.ok("goals", "update", "checkout-latency", "--progress", "40", "--today", "2026-10-20")
        self.ok("goals", "add", "Old", "--id", "old")
        self.ok("goals", "done", "old")
        text = self.ok("goals")
        self.assertEqual(text, self.ok("goals", "list"))
        lines = text.splitlines()
        self.assertEqual(lines[0], "My goals")
        self.assertRegex(lines[1], r"^  checkout-latency  Checkout p99\s+on-track, stale  \[####------\]  40%  "
                                   r"due 2026-11-01 \(overdue\)  updated 34 days ago$")
        self.assertEqual(lines[3], "Dana Okafor (dana), manager")
        self.assertNotIn("old", text)
        self.assertIn("old", self.ok("goals", "--all"))
        self.assertNotIn("checkout-latency", self.ok("goals", "--owner", "dana"))
        md = self.ok("goals", "--format", "md")
        self.assertIn("| Checkout p99 (`checkout-latency`) | on-track, stale | 40% | 2026-11-01 (overdue) | "
                      "2026-10-20 (34 days ago) |", md)
        data = json.loads(self.ok("goals", "--format", "json", "--all"))
        self.assertEqual(data["today"], "2026-11-23")
        self.assertEqual(data["stale_after_days"], 21)
        by_id = {g["id"]: g for g in data["goals"]}
        c = by_id["checkout-latency"]
        self.assertEqual((c["status"], c["progress"], c["stale"], c["overdue"], c["days_since_update"]),
                         ("on-track", 40, True, True, 34))
        self.assertEqual(c["supports"], ["q4-conversion"])
        self.assertEqual(by_id["q4-conversion"]["owner_name"], "Dana Okafor (dana), manager")
        self.assertFalse(by_id["old"]["active"])
        documented = self.read(os.path.join(SRC, "man", "upward-goals.1")).replace("\\-", "-")
        for key in c:
            self.assertIn(f".B {key}", documented.replace("\\_", "_"), key)

    def test_json_carries_hostile_text_exactly(self):
        title = 'Quotes " and \\ back\nnew line\ttab \x01 \x7f é 🎉'
        self.ok("goals", "add", title, "--id", "hostile", "--why", title)
        goal = json.loads(self.ok("goals", "--format", "json"))["goals"][0]
        self.assertEqual((goal["title"], goal["why"]), (title, title))
        self.assertEqual(json.loads(self.ok("goals", "show", "hostile", "--format", "json"))["title"], title)

    def test_colour_only_when_asked(self):
        self.ok("goals", "add", "Late", "--id", "late", "--due", "2026-11-01", "--today", "2026-10-01")
        self.assertNotIn("\x1b[", self.ok("goals"))
        self.assertIn("\x1b[31m", self.ok("--color", "always", "goals"))

    def run_on_terminal(self, *args, env):
        """Run upward with stdout on a pseudo-terminal; return what it printed there."""
        import pty
        master, slave = pty.openpty()
        p = subprocess.Popen([BIN, "--dir", self.repo, *args], stdout=slave, stderr=subprocess.PIPE,
                             env=dict(self.env, **env))
        os.close(slave)
        out = read_pty(master)
        p.wait()
        os.close(master)
        return out.decode()

    def test_progress_bars_use_blocks_only_on_a_utf8_terminal(self):
        self.ok("goals", "add", "Half", "--id", "half")
        self.ok("goals", "update", "half", "--progress", "50%")
        self.assertIn("█████░░░░░", self.run_on_terminal("goals", env={"LC_ALL": "C.UTF-8", "TERM": "xterm"}))
        self.assertIn("[#####-----]", self.run_on_terminal("goals", env={"LC_ALL": "C", "TERM": "xterm"}))
        self.assertIn("[#####-----]", self.ok("goals", env={"LC_ALL": "C.UTF-8"}))  # a pipe, not a terminal
        coloured = self.run_on_terminal("goals", env={"LC_ALL": "C", "TERM": "xterm"})
        self.assertIn("\x1b[1mMy goals", coloured)
        self.assertNotIn("\x1b[", self.run_on_terminal("goals", env={"LC_ALL": "C", "TERM": "xterm", "NO_COLOR": "1"}))

    def test_stale_limit_is_configurable(self):
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path)
        self.assertIn("\n[goals]\n", text)  # the template has the key, set to its default
        with open(path, "w") as f:
            f.write(text.replace("stale_after_days = 21\n", "stale_after_days = 60\n"))
        self.ok("goals", "add", "Quiet", "--id", "quiet", "--today", "2026-10-01")
        self.assertNotIn("stale", self.ok("goals"))

    def test_show_and_align(self):
        self.ok("goals", "add", "Conversion +2% in Q4", "--id", "q4-conversion", "--owner", "dana")
        self.ok("goals", "add", "Hire two engineers", "--id", "hiring", "--owner", "dana")
        self.ok("goals", "add", "Checkout p99", "--id", "checkout-latency", "--supports", "q4-conversion")
        self.ok("goals", "add", "Learn Rust", "--id", "learn-rust")
        self.ok("goals", "update", "checkout-latency", "--progress", "40%", "--note", "halfway")
        self.ok("log-win", "Cut p99 to 350 ms", "-g", "checkout-latency", "-i", "Conversion +1.2%")
        self.ok("log-win", "Old win", "-g", "checkout-latency", "-d", "2026-09-30")
        shown = self.ok("goals", "show", "checkout-latency")
        self.assertIn("- Supports: Conversion +2% in Q4 (`q4-conversion`)", shown)
        self.assertIn("- 2026-11-23 40%: halfway", shown)
        # every linked win, the one dated before the goal was created too, oldest first
        self.assertIn("## Wins (2)\n\n- 2026-09-30 Old win\n- 2026-11-23 Cut p99 to 350 ms\n", shown)
        data = json.loads(self.ok("goals", "show", "q4-conversion", "--format", "json"))
        self.assertEqual(data["supported_by"], ["checkout-latency"])
        align = self.ok("goals", "align")
        self.assertIn("# Alignment, 2026-10-01..2026-12-31", align)
        self.assertIn("- Your goal: Checkout p99 (`checkout-latency`), on-track, 40%", align)
        self.assertIn("- Win 2026-11-23: Cut p99 to 350 ms", align)
        nothing = align.split("## Goals of your manager's that nothing supports")[1].split("##")[0]
        self.assertIn("Hire two engineers (`hiring`, dana)", nothing)
        self.assertIn("Learn Rust (`learn-rust`)", align.split("support no goal of your manager's")[1])
        data = json.loads(self.ok("goals", "align", "--format", "json", "--period", "2026-09"))
        self.assertEqual(data["period"], {"first": "2026-09-01", "last": "2026-09-30"})
        self.assertEqual(data["unsupported"], ["hiring"])
        self.assertEqual(data["unaligned"], ["learn-rust"])
        conv = [b for b in data["boss_goals"] if b["id"] == "q4-conversion"][0]
        self.assertEqual(conv["wins"], ["2026-09-30-old-win"])

    def test_log_win_goal_must_exist(self):
        self.ok("goals", "add", "Mine", "--id", "mine")
        win_id = self.ok("log-win", "Did it", "-g", "mine").strip()
        self.assertEqual(self.win(win_id)["goals"], ["mine"])
        self.assertEqual(self.run_upward("log-win", "x", "-g", "other").returncode, 1)

    def test_demo_repository_names_an_unsupported_boss_goal(self):
        demo = os.path.join(SRC, "examples", "demo")
        r = subprocess.run([BIN, "--dir", demo, "goals", "align",
                            "--format", "json"], capture_output=True, env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreaterEqual(len(json.loads(r.stdout)["unsupported"]), 1)
        r = subprocess.run([BIN, "--dir", demo, "check"],
                           capture_output=True, env=self.env)
        self.assertEqual((r.returncode, r.stdout), (0, b""))


class ReadingSurvivesABadFileTest(UpwardTest):
    """A hand-made bad file is skipped and named; the rest is shown; exit 1 (issue 6 §5)."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("goals", "add", "Conversion", "--id", "conversion", "--owner", "dana")
        self.ok("goals", "add", "Mine", "--id", "mine", "--supports", "conversion")
        self.ok("log-win", "Good win", "-g", "mine")

    def write(self, rel, text):
        path = os.path.join(self.repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def bad_name(self):
        self.write("goals/My Goal.toml", 'title = "Mine too"\n')
        return f"upward: {self.repo}/goals/My Goal.toml:1:1: the file name is not a goal id: rename it to " \
               "lowercase letters, digits and '-' (skipped)\n"

    def bad_value(self):
        self.write("goals/broken.toml", 'title = "Broken"\n\n[[update]]\ndate = 2026-11-20\nstatus = "at risk"\n')
        return f"upward: {self.repo}/goals/broken.toml:5:10: unknown status 'at risk' (expected on-track, at-risk, " \
               "blocked, done, dropped) (skipped)\n"

    def bad_syntax(self):
        self.write("goals/open.toml", 'title = "open\n')
        return f"upward: {self.repo}/goals/open.toml:1:14: Error while parsing string: unescaped control characters other than TAB (U+0009) " \
               "are explicitly prohibited (unterminated string?) (skipped)\n"

    def bad_win(self):
        self.write("wins/2026/11/2026-11-20-bad.toml", 'date = 2026-11-20\ntitle = "Bad"\nkind = "brag"\n'
                   'goals = ["mine"]\n')
        return f"upward: {self.repo}/wins/2026/11/2026-11-20-bad.toml:3:8: unknown kind 'brag' (expected win, " \
               "kudos) (skipped)\n"

    def bad_person(self):
        self.write("people/sam.toml", 'name = "Sam"\nrelationship = "boss"\n')
        return f"upward: {self.repo}/people/sam.toml:2:16: unknown relationship 'boss' (expected manager, " \
               "skip-level, stakeholder, mentor, peer) (skipped)\n"

    def assert_skips(self, args, expected_err, shows):
        r = self.run_upward(*args)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stderr.decode(), expected_err)
        for text in shows:
            self.assertIn(text, r.stdout.decode())

    def test_each_reading_command_shows_the_rest_and_names_each_skipped_file(self):
        for make in (self.bad_name, self.bad_value, self.bad_syntax):
            with self.subTest(make.__name__):
                err = make()
                self.assert_skips(["goals"], err, ["mine", "conversion"])
                self.assert_skips(["goals", "--format", "json"], err, ['"id": "mine"'])
                self.assert_skips(["goals", "show", "mine"], err, ["# Mine (`mine`)", "Good win"])
                self.assert_skips(["goals", "align"], err, ["- Your goal: Mine (`mine`)", "Good win"])
                self.assert_skips(["people", "show", "dana"], err, ["- Conversion (`conversion`)"])
                for f in os.listdir(os.path.join(self.repo, "goals")):
                    if f not in ("mine.toml", "conversion.toml"):
                        os.remove(os.path.join(self.repo, "goals", f))
        self.ok("goals")

    def test_a_bad_win_is_skipped_by_show_and_align(self):
        err = self.bad_win()
        self.assert_skips(["goals", "show", "mine"], err, ["## Wins (1)", "Good win"])
        self.assert_skips(["goals", "align"], err, ["Good win"])
        self.ok("goals")  # the list reads no wins

    def test_a_bad_person_is_skipped_and_every_bad_file_is_named_once_in_order(self):
        err = self.bad_person() + self.bad_value() + self.bad_name()
        expected = self.bad_name() + self.bad_value() + self.bad_person()  # by path: "My Goal" < "broken" < people/
        self.assert_skips(["goals", "align"], expected, ["Mine"])
        r = self.run_upward("-q", "goals")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode().count("(skipped)"), 3)

    def test_writing_commands_that_need_the_bad_file_refuse_with_its_location(self):
        self.bad_value()
        path = os.path.join(self.repo, "goals", "broken.toml")
        before, commits = self.read(path), self.commits()
        for args in (["goals", "update", "broken", "--progress", "5"], ["goals", "done", "broken"],
                     ["goals", "show", "broken"]):
            with self.subTest(args=args):
                r = self.run_upward(*args)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.stderr.decode(), f"upward: {path}:5:10: unknown status 'at risk' (expected "
                                                    "on-track, at-risk, blocked, done, dropped)\n")
        self.assertEqual((self.read(path), self.commits()), (before, commits))
        self.ok("goals", "update", "mine", "--progress", "5")  # other goals are still written
