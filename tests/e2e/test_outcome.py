"""upward outcome: what came of a win, recorded in place; the win then leaves "outcomes due"."""
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

    def test_unknown_win_is_an_error_and_writes_nothing(self):
        r = self.run_upward("outcome", "2026-10-02-nope", "Text")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"2026-10-02-nope", r.stderr)
        self.assertEqual(self.read(self.path), HAND_WIN)

    def test_text_is_required(self):
        r = self.run_upward("outcome", "2026-10-01-moved-search")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(self.read(self.path), HAND_WIN)
