"""upward set: one record's fields changed in place, every other byte kept, one commit."""
import itertools
import os
import subprocess
import tomllib

from harness import UpwardTest

HAND_GOAL = """# Dana's goal for Q4, copied from the planning doc
title = "Checkout p99 under 400 ms"    # the headline
owner = "me"

# due moved twice already
due = 2026-12-31
why = 'Conversion'   # literal string, kept as is

[[update]]
date = 2026-11-02
progress = 20   # first cut
"""


class SetTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("people", "add", "lee", "--name", "Lee Chen", "--relationship", "peer")
        self.ok("goals", "add", "Hiring", "--id", "hiring")
        self.goal_path = os.path.join(self.repo, "goals", "checkout-latency.toml")
        self.hand_commit(self.goal_path, HAND_GOAL)

    def hand_commit(self, path, text, mode="w"):
        with open(path, mode) as f:
            f.write(text)
        self.git("add", "-A")
        self.git("commit", "-qm", "by hand")

    def load(self, path):
        with open(path, "rb") as f:
            return tomllib.load(f)

    def assert_refused(self, code, *args, says=None):
        before, commits = self.snapshot(), self.commits()
        r = self.run_upward(*args)
        self.assertEqual(r.returncode, code, (args, r.stderr))
        if says:
            self.assertIn(says, r.stderr.decode(), args)
        self.assertEqual(r.stdout, b"", args)
        self.assertEqual(self.snapshot(), before, args)
        self.assertEqual(self.commits(), commits, args)
        return r.stderr.decode()

    def test_due_friday_changes_exactly_one_line(self):
        before = self.load(self.goal_path)
        r = self.run_upward("set", "goal", "checkout-latency", "--due", "friday")
        self.assertEqual((r.returncode, r.stdout), (0, b"checkout-latency\n"), r.stderr)
        old, new = HAND_GOAL.splitlines(keepends=True), self.read(self.goal_path).splitlines(keepends=True)
        self.assertEqual(len(old), len(new))
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        self.assertEqual(changed, [("due = 2026-12-31\n", "due = 2026-11-27\n")])
        after = self.load(self.goal_path)
        self.assertEqual(after.pop("due").isoformat(), "2026-11-27")
        before.pop("due")
        self.assertEqual(after, before)
        self.assertEqual(self.commits()[0], "set: goals/checkout-latency.toml")
        self.assertEqual(self.git("show", "--format=", "--name-only", "HEAD").split(), ["goals/checkout-latency.toml"])
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_crlf_and_bom_stay(self):
        text = "\ufeff" + HAND_GOAL.replace("\n", "\r\n")
        self.hand_commit(self.goal_path, text.encode(), "wb")
        self.ok("set", "goal", "checkout-latency", "--due", "2027-01-15", "--title", "Faster")
        got = self.read(self.goal_path, "rb").decode()
        want = text.replace("2026-12-31", "2027-01-15").replace('"Checkout p99 under 400 ms"', '"Faster"')
        self.assertEqual(got, want)

    def test_every_field_of_every_kind(self):
        win = self.ok("log-win", "Cut p99", "-t", "perf", "-d", "2026-11-20").strip()
        out = self.ok("set", "win", win, "--title", "Cut checkout p99", "--impact", "Conversion +1.2%",
                      "--follow-up", "2027-01-05", "--tag", "checkout,perf", "--goal", "hiring",
                      "--goal", "checkout-latency", "--seen-by", "dana", "--private")
        self.assertEqual(out, win + "\n")
        w = self.win(win)
        self.assertEqual((w["title"], w["impact"], w["follow_up"].isoformat(), w["tags"], w["goals"], w["seen_by"],
                          w["private"], w["date"].isoformat()),
                         ("Cut checkout p99", "Conversion +1.2%", "2027-01-05", ["perf", "checkout"],
                          ["hiring", "checkout-latency"], ["dana"], True, "2026-11-20"))
        self.ok("set", "win", win, "--no-private", "--clear-tags", "--tag", "x", "--clear-goals",
                "--clear-seen-by", "--seen-by", "lee")
        w = self.win(win)
        self.assertEqual((w["private"], w["tags"], w["goals"], w["seen_by"]), (False, ["x"], [], ["lee"]))

        self.ok("set", "goal", "hiring", "--title", "Hire two", "--due", "2027-03-31", "--why", "Team of 6",
                "--owner", "dana", "--supports", "checkout-latency")
        g = self.load(os.path.join(self.repo, "goals", "hiring.toml"))
        self.assertEqual((g["title"], g["due"].isoformat(), g["why"], g["owner"], g["supports"]),
                         ("Hire two", "2027-03-31", "Team of 6", "dana", ["checkout-latency"]))
        self.ok("set", "goal", "hiring", "--clear-supports", "--owner", "me")
        g = self.load(os.path.join(self.repo, "goals", "hiring.toml"))
        self.assertEqual((g["owner"], g["supports"]), ("me", []))

        self.ok("set", "person", "lee", "--name", "Lee C.", "--email", "lee@example.com", "--style", "detailed",
                "--cadence", "biweekly", "--relationship", "stakeholder", "--priority", "Hiring, retention",
                "--pressure", "Q4 launch", "--pressure", "Budget")
        p = self.load(os.path.join(self.repo, "people", "lee.toml"))
        self.assertEqual(p, {"name": "Lee C.", "relationship": "stakeholder", "email": "lee@example.com",
                             "style": "detailed", "cadence": "biweekly", "priorities": ["Hiring, retention"],
                             "pressures": ["Q4 launch", "Budget"]})
        self.ok("set", "person", "lee", "--clear-priorities", "--clear-pressures", "--pressure", "Hiring")
        p = self.load(os.path.join(self.repo, "people", "lee.toml"))
        self.assertEqual((p["priorities"], p["pressures"]), ([], ["Hiring"]))
        self.assertEqual(self.commits()[:2], ["set: people/lee.toml", "set: people/lee.toml"])
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_seen_by_someone_outside_people_is_recorded_with_a_warning(self):
        win = self.ok("log-win", "Cut p99").strip()
        r = self.run_upward("set", "win", win, "--seen-by", "kim")
        self.assertEqual((r.returncode, r.stdout), (0, (win + "\n").encode()), r.stderr)
        self.assertIn("upward: warning: --seen-by 'kim' is not in people/ (recorded as given)", r.stderr.decode())
        self.assertEqual(self.win(win)["seen_by"], ["kim"])

    def test_options_in_any_order_give_the_same_file(self):
        path = os.path.join(self.repo, "people", "dana.toml")
        original = self.read(path)
        results = set()
        words = [["--priority", "Hiring"], ["--style", "brief"], ["dana"]]
        for order in itertools.permutations(words):
            with open(path, "w") as f:
                f.write(original)
            self.ok("set", "person", *[w for part in order for w in part])
            results.add(self.read(path))
        self.ok("set", "person", "dana", "--priority=Hiring", "--style=brief")
        results.add(self.read(path))
        self.assertEqual(len(results), 1, results)
        self.assertEqual(results.pop(), original + 'style = "brief"\npriorities = ["Hiring"]\n')

    def test_every_id_is_validated_as_a_slug(self):
        win = self.ok("log-win", "Cut p99").strip()
        for args in (["set", "goal", "../hiring", "--title", "x"],
                     ["set", "goal", "Hiring", "--title", "x"],
                     ["set", "person", "dana/..", "--name", "x"],
                     ["set", "win", "../../upward", "--title", "x"],
                     ["set", "win", "2026-11-23", "--title", "x"],
                     ["set", "goal", "hiring", "--owner", "Dana"],
                     ["set", "goal", "hiring", "--supports", "a b"],
                     ["set", "win", win, "--goal", "Hiring"],
                     ["set", "win", win, "--seen-by", "../dana"],
                     ["set", "win", win, "--tag", "two words"]):
            self.assert_refused(2, *args)

    def test_unknown_ids_give_exit_1_and_write_nothing(self):
        win = self.ok("log-win", "Cut p99").strip()
        self.assert_refused(1, "set", "goal", "nope", "--title", "x", says="unknown goal 'nope'")
        self.assert_refused(1, "set", "person", "kim", "--name", "x", says="unknown person 'kim'")
        self.assert_refused(1, "set", "win", "2026-11-01-nope", "--title", "x", says="unknown win '2026-11-01-nope'")
        self.assert_refused(1, "set", "win", win, "--goal", "nope", says="unknown goal 'nope'")
        self.assert_refused(1, "set", "goal", "hiring", "--supports", "nope", says="unknown goal 'nope'")
        self.assert_refused(1, "set", "goal", "hiring", "--owner", "kim", says="unknown person 'kim' (expected dana, lee)")

    def test_bad_values_are_usage_errors(self):
        win = self.ok("log-win", "Cut p99", "-d", "2026-11-20", "--follow-up", "2026-12-01").strip()
        self.assert_refused(2, "set", "win", win, says="nothing to set: give at least one of --title")
        self.assert_refused(2, "set", "win", win, "--date", "tomorrow", says="is after today")
        self.assert_refused(2, "set", "win", win, "--date", "2026-12-02 ", says="")
        self.assert_refused(2, "set", "win", win, "--title", "", says="")
        self.assert_refused(2, "set", "win", win, "--title", "two\nlines", says="--title: a title is one line")
        self.assert_refused(2, "set", "win", win, "--private", "--no-private")
        self.assert_refused(2, "set", "goal", "hiring", "--supports", "hiring", says="cannot support itself")
        self.assert_refused(2, "set", "goal", "hiring", "--due", "someday", says="")
        self.assert_refused(2, "set", "person", "dana", "--style", "terse",
                            says="--style: unknown value 'terse' (expected brief, detailed)")
        self.assert_refused(2, "set", "person", "dana", "--email", "dana at example", says="--email")
        self.assert_refused(2, "set", says="set what?")

    def test_same_values_write_nothing(self):
        commits = self.commits()
        r = self.run_upward("set", "goal", "checkout-latency", "--due", "2026-12-31", "--owner", "me")
        self.assertEqual((r.returncode, r.stdout), (0, b"checkout-latency\n"), r.stderr)
        self.assertIn("already has these values; nothing was written", r.stderr.decode())
        self.assertEqual(self.read(self.goal_path), HAND_GOAL)
        self.assertEqual(self.commits(), commits)

    def test_a_file_that_does_not_parse_is_never_written(self):
        broken = HAND_GOAL.replace('owner = "me"', 'owner = "me')
        self.hand_commit(self.goal_path, broken)
        err = self.assert_refused(1, "set", "goal", "checkout-latency", "--due", "friday")
        self.assertIn(self.goal_path + ":3:", err)

    def test_a_new_date_moves_the_win_with_its_outcome_note_in_one_commit(self):
        win = self.ok("log-win", "Cut p99", "-d", "2026-11-20", "--follow-up", "2026-11-21").strip()
        self.assertEqual(win, "2026-11-20-cut-p99")
        self.ok("outcome", win, "--date", "2026-11-21", "Held at 80 ms")
        note_old = os.path.join(self.repo, "outcomes", "2026", "11", "2026-11-21-" + win + ".toml")
        self.assertTrue(os.path.exists(note_old))
        commits = self.commits()
        r = self.run_upward("set", "win", win, "--date", "2026-10-30", "--title", "Cut checkout p99")
        self.assertEqual((r.returncode, r.stdout), (0, b"2026-10-30-cut-p99\n"), r.stderr)
        self.assertIn("moved win '2026-11-20-cut-p99' to '2026-10-30-cut-p99'", r.stderr.decode())
        w = self.win("2026-10-30-cut-p99")
        self.assertEqual((w["date"].isoformat(), w["title"], w["outcome"]), ("2026-10-30", "Cut checkout p99", "Held at 80 ms"))
        self.assertEqual(self.files("wins"), ["wins/2026/10/2026-10-30-cut-p99.toml"])
        self.assertEqual(self.files("outcomes"), ["outcomes/2026/11/2026-11-21-2026-10-30-cut-p99.toml"])
        note = self.load(os.path.join(self.repo, "outcomes/2026/11/2026-11-21-2026-10-30-cut-p99.toml"))
        self.assertEqual(note["win"], "2026-10-30-cut-p99")
        self.assertEqual(len(self.commits()), len(commits) + 1)
        self.assertEqual(self.commits()[0],
                         "set: wins/2026/11/2026-11-20-cut-p99.toml -> wins/2026/10/2026-10-30-cut-p99.toml")
        changed = sorted(self.git("show", "--format=", "--name-status", "--no-renames", "HEAD").splitlines())
        self.assertEqual(changed, ["A\toutcomes/2026/11/2026-11-21-2026-10-30-cut-p99.toml",
                                   "A\twins/2026/10/2026-10-30-cut-p99.toml",
                                   "D\toutcomes/2026/11/2026-11-21-2026-11-20-cut-p99.toml",
                                   "D\twins/2026/11/2026-11-20-cut-p99.toml"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        check = self.run_upward("check")
        self.assertEqual(check.returncode, 0, check.stdout.decode() + check.stderr.decode())
        # a day in the same month renames it too: the file name's date stays the win's date
        self.assertEqual(self.ok("set", "win", "2026-10-30-cut-p99", "--date", "2026-10-31"), "2026-10-31-cut-p99\n")
        self.assertEqual(self.files("wins"), ["wins/2026/10/2026-10-31-cut-p99.toml"])
        # after the outcome's day, or after the follow-up: refused
        self.assert_refused(2, "set", "win", "2026-10-31-cut-p99", "--date", "2026-11-22", says="follow-up")
        self.assert_refused(2, "set", "win", "2026-10-31-cut-p99", "--date", "2026-11-22", "--follow-up", "2026-12-01",
                            says="outcome was recorded")
