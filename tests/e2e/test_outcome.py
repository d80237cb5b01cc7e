"""upward outcome: what came of a win, recorded in place; the win then leaves "outcomes due"."""
import datetime
import json
import os
import tomllib

from harness import UpwardTest

HAND_WIN = """# the big one
date = 2026-10-01
title   =   "Moved search to the new index"   # finally
follow_up = 2026-11-01

tags = ["search"]
"""


class OutcomeTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.path = os.path.join(self.repo, "wins", "2026", "10", "2026-10-01-moved-search.toml")
        os.makedirs(os.path.dirname(self.path))
        with open(self.path, "w") as f:
            f.write(HAND_WIN)

    def due(self):
        return [w["id"] for w in json.loads(self.ok("prep-1on1", "--format", "json"))["outcomes_due"]]

    def test_outcome_is_written_in_place_and_leaves_outcomes_due(self):
        self.assertEqual(self.due(), ["2026-10-01-moved-search"])
        r = self.run_upward("outcome", "2026-10-01-moved-search", "Latency", "held", "at", "80", "ms")
        self.assertEqual((r.returncode, r.stdout), (0, b""), r.stderr)
        after = self.read(self.path)
        self.assertTrue(after.startswith(HAND_WIN.rstrip("\n")), after)  # every byte before stays
        with open(self.path, "rb") as f:
            win = tomllib.load(f)
        self.assertEqual((win["outcome"], win["outcome_date"].isoformat()), ("Latency held at 80 ms", "2026-11-23"))
        self.assertEqual(self.due(), [])

    def test_options_before_between_and_after_the_text(self):
        want = None
        for argv in (["-d", "yesterday", "2026-10-01-moved-search", "Held", "up"],
                     ["2026-10-01-moved-search", "Held", "--date", "yesterday", "up"],
                     ["2026-10-01-moved-search", "Held", "up", "--date=yesterday"]):
            with open(self.path, "w") as f:
                f.write(HAND_WIN)
            self.ok("outcome", *argv)
            got = self.read(self.path)
            want = want or got
            self.assertEqual(got, want, argv)
        self.assertIn('outcome = "Held up"', want)
        self.assertIn("outcome_date = 2026-11-22", want)

    def test_a_previous_outcome_is_replaced_and_shown(self):
        with open(self.path, "a") as f:
            f.write('outcome = "Too early to say"   # by hand\n')
        self.assertEqual(self.due(), [])  # an outcome written by hand counts the same
        r = self.run_upward("outcome", "2026-10-01-moved-search", "Held at 80 ms")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"Too early to say", r.stderr)
        text = self.read(self.path)
        self.assertIn('outcome = "Held at 80 ms"   # by hand\n', text)
        self.assertNotIn("Too early", text)

    def test_a_note_dated_by_the_outcome_lets_that_periods_digest_find_it(self):
        self.git("add", "-A")
        self.git("commit", "-qm", "hand")
        note = os.path.join(self.repo, "outcomes", "2026", "11", "2026-11-23-2026-10-01-moved-search.toml")
        self.ok("outcome", "2026-10-01-moved-search", "Held at 80 ms")
        with open(note, "rb") as f:
            self.assertEqual(tomllib.load(f), {"win": "2026-10-01-moved-search",
                                               "date": datetime.date(2026, 11, 23)})
        self.assertEqual(self.commits()[0], "outcome: 2026-10-01-moved-search")
        self.assertEqual(self.git("show", "--format=", "--name-only", "HEAD").split(),
                         ["outcomes/2026/11/2026-11-23-2026-10-01-moved-search.toml",
                          "wins/2026/10/2026-10-01-moved-search.toml"])
        self.ok("check")

        def outcomes(period):
            return [w["id"] for w in json.loads(self.ok("digest", period, "--format", "json"))["outcomes"]]
        self.assertEqual(outcomes("this-week"), ["2026-10-01-moved-search"])
        self.assertEqual(outcomes("last-week"), [])
        # recorded again on another day: the note moves with it, in one commit
        self.ok("outcome", "-d", "2026-11-16", "2026-10-01-moved-search", "Held at 80 ms")
        self.assertFalse(os.path.exists(note))
        self.assertTrue(os.path.exists(note.replace("2026-11-23-2026", "2026-11-16-2026")))
        self.assertEqual((outcomes("this-week"), outcomes("last-week")), ([], ["2026-10-01-moved-search"]))
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.ok("check")

    def test_check_reports_an_outcome_without_its_note_and_a_note_without_its_outcome(self):
        with open(self.path, "a") as f:
            f.write("outcome = \"By hand\"\noutcome_date = 2026-11-20\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "hand")
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 0, r.stderr)  # a warning
        self.assertIn(b"2026-10-01-moved-search.toml:8:16: warning: the outcome has no note "
                      b"outcomes/2026/11/2026-11-20-2026-10-01-moved-search.toml", r.stdout + r.stderr)
        self.ok("outcome", "-d", "2026-11-20", "2026-10-01-moved-search", "By hand")
        self.assertEqual(self.run_upward("check").returncode, 0)
        with open(self.path, "w") as f:
            f.write(HAND_WIN)
        self.git("commit", "-qam", "hand")
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"2026-11-20-2026-10-01-moved-search.toml:3:7: the win's outcome_date is not set", r.stdout + r.stderr)

    def test_unknown_win_is_an_error_and_writes_nothing(self):
        r = self.run_upward("outcome", "2026-10-02-nope", "Text")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"2026-10-02-nope", r.stderr)
        self.assertEqual(self.read(self.path), HAND_WIN)

    def test_text_is_required(self):
        r = self.run_upward("outcome", "2026-10-01-moved-search")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(self.read(self.path), HAND_WIN)
