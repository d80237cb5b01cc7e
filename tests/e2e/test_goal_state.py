"""Goal state as of a day, and align over a period (DESIGN §3; issue 6 §3)."""
import json
import os

from harness import UpwardTest


class GoalStateByDateTest(UpwardTest):
    """A goal's state at a day comes from its updates dated on or before it, by date (DESIGN §3)."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("goals", "add", "Conversion +2%", "--id", "conversion", "--owner", "dana", "--today", "2026-10-01")
        self.ok("goals", "add", "Checkout p99", "--id", "checkout", "--supports", "conversion", "--today", "2026-10-01")
        self.ok("goals", "update", "checkout", "--progress", "30", "--status", "on-track", "-d", "2026-11-10")
        self.ok("goals", "update", "checkout", "--progress", "60", "--status", "at-risk", "-d", "2026-11-20")
        # recorded afterwards, dated in the past: a forgotten update and a backdated note
        self.ok("goals", "update", "checkout", "--progress", "40", "-d", "2026-11-12")
        self.ok("goals", "update", "checkout", "--note", "kickoff notes", "-d", "2026-10-02")
        self.ok("goals", "update", "conversion", "--progress", "50", "-d", "2026-11-05")
        self.ok("goals", "done", "conversion", "-d", "2026-11-20")

    def state(self, goal_id, *today):
        data = json.loads(self.ok("goals", "--all", "--format", "json", *today))
        return {g["id"]: g for g in data["goals"]}.get(goal_id)

    def test_a_forgotten_update_does_not_override_a_newer_one(self):
        g = self.state("checkout")
        self.assertEqual((g["status"], g["progress"], g["last_update"], g["days_since_update"], g["stale"]),
                         ("at-risk", 60, "2026-11-20", 3, False))
        self.assertEqual([u["date"] for u in g["updates"]], ["2026-10-02", "2026-11-10", "2026-11-12", "2026-11-20"])

    def test_a_backdated_note_does_not_make_a_goal_stale(self):
        self.assertNotIn("stale", self.ok("goals"))
        self.assertIn("updated 3 days ago", self.ok("goals"))

    def test_today_in_the_past_ignores_later_updates_in_every_view(self):
        past = ("--today", "2026-11-15")
        g = self.state("checkout", *past)
        self.assertEqual((g["status"], g["progress"], g["last_update"], g["days_since_update"]),
                         ("on-track", 40, "2026-11-12", 3))
        self.assertEqual([u["date"] for u in g["updates"]], ["2026-10-02", "2026-11-10", "2026-11-12"])
        self.assertEqual(self.state("conversion", *past)["status"], "on-track")
        self.assertRegex(self.ok("goals", *past), r"conversion\s+Conversion \+2%\s+on-track .* 50%")
        shown = self.ok("goals", "show", "checkout", *past)
        self.assertIn("- Status: on-track, 40%\n", shown)
        self.assertIn("## Updates\n\n- 2026-10-02: kickoff notes\n- 2026-11-10 30%, on-track\n- 2026-11-12 40%\n\n",
                      shown)
        self.assertNotIn("60%", shown)
        self.assertIn("- Conversion +2% (`conversion`), on-track, 50%", self.ok("people", "show", "dana", *past))
        self.assertNotIn("conversion", self.ok("people", "show", "dana"))  # done by today: not active
        align = self.ok("goals", "align", "--period", "2026-11", *past)
        self.assertIn("States as of 2026-11-15.", align)
        self.assertIn("(`conversion`), on-track, 50%", align)
        self.assertIn("- Your goal: Checkout p99 (`checkout`), on-track, 40%", align)
        early = self.state("checkout", "--today", "2026-10-15")
        self.assertEqual((early["progress"], early["last_update"], len(early["updates"])), (0, "2026-10-02", 1))
        # before the goals were created, there were none
        self.assertIsNone(self.state("checkout", "--today", "2026-09-30"))

    def test_done_on_a_done_goal_changes_nothing(self):
        path = os.path.join(self.repo, "goals", "conversion.toml")
        before, commits = self.read(path), self.commits()
        r = self.run_upward("goals", "done", "conversion", "--note", "again")
        self.assertEqual((r.returncode, r.stdout), (0, b""))
        self.assertEqual(r.stderr.decode(), "upward: goal 'conversion' is already done since 2026-11-20; nothing "
                                            "changed (to add a note: goals update conversion --note TEXT)\n")
        self.assertEqual((self.read(path), self.commits()), (before, commits))
        # as of a day before it was done, it is not done yet: the update is recorded
        self.ok("goals", "done", "conversion", "-d", "2026-11-18", "--today", "2026-11-19")
        self.assertEqual(len(self.commits()), len(commits) + 1)

    def test_an_update_to_a_done_goal_says_it_does_not_reopen_it(self):
        r = self.run_upward("goals", "update", "conversion", "--note", "follow-up")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr.decode(), "upward: goal 'conversion' is done since 2026-11-20; this update does not "
                                            "reopen it (--status reopens it)\nupward: updated conversion\n")
        self.assertEqual(self.state("conversion")["status"], "done")
        self.ok("goals", "update", "conversion", "--status", "on-track", "--note", "reopened")
        self.assertEqual(self.state("conversion")["status"], "on-track")

    def test_an_update_dated_before_the_goal_or_after_today_is_refused(self):
        before = self.read(os.path.join(self.repo, "goals", "checkout.toml"))
        r = self.run_upward("goals", "update", "checkout", "--note", "early", "-d", "2026-09-01")
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (2, "upward: the update is dated 2026-09-01, before the goal was created (2026-10-01); "
                             "nothing was written\n"))
        r = self.run_upward("goals", "update", "checkout", "--note", "late", "-d", "+2d")
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (2, "upward: the update is dated 2026-11-25, after today (2026-11-23); nothing was written\n"))
        self.assertEqual(self.read(os.path.join(self.repo, "goals", "checkout.toml")), before)

    def test_a_backdated_update_says_it_is_history(self):
        self.ok("goals", "update", "checkout", "--progress", "80%")
        r = self.run_upward("goals", "update", "checkout", "--progress", "60%", "-d", "friday")
        self.assertEqual(r.returncode, 0)
        self.assertIn("recorded as of 2026-11-20, before the latest update (2026-11-23)", r.stderr.decode())
        self.assertEqual(self.state("checkout")["progress"], 80)


class AlignOverAPeriodTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        for pid, rel in (("dana", "manager"), ("kim", "skip-level"), ("priya", "peer"), ("sam", "stakeholder")):
            self.ok("people", "add", pid, "--name", pid.title(), "--relationship", rel)
        q3 = ("--today", "2026-07-01")
        self.ok("goals", "add", "Q3 revenue", "--id", "q3-revenue", "--owner", "dana", *q3)
        self.ok("goals", "add", "Company OKR", "--id", "okr", "--owner", "kim", *q3)
        self.ok("goals", "add", "Priya's launch", "--id", "priya-launch", "--owner", "priya", *q3)
        self.ok("goals", "add", "Sam's audit", "--id", "sam-audit", "--owner", "sam", *q3)
        self.ok("goals", "add", "Checkout", "--id", "checkout", "--supports", "q3-revenue", *q3)
        self.ok("goals", "add", "Cache layer", "--id", "cache", "--supports", "checkout", *q3)
        self.ok("goals", "add", "Cache eviction", "--id", "eviction", "--supports", "cache", *q3)
        self.ok("goals", "add", "Help Priya", "--id", "help-priya", "--supports", "priya-launch", *q3)
        self.ok("log-win", "Cache hit rate 90%", "-g", "eviction", "-d", "2026-08-20")
        self.ok("log-win", "Checkout shipped", "-g", "checkout", "-d", "2026-10-10")
        self.ok("log-win", "Reviewed Priya's plan", "-g", "help-priya", "-d", "2026-09-02")
        # finished after the quarter, or during it
        self.ok("goals", "update", "checkout", "--progress", "70", "-d", "2026-09-15")
        self.ok("goals", "done", "checkout", "-d", "2026-10-10")
        self.ok("goals", "done", "eviction", "-d", "2026-09-01")
        self.ok("goals", "done", "q3-revenue", "-d", "2026-10-20")

    def test_a_past_period_credits_goals_finished_since_with_their_wins_through_chains(self):
        data = json.loads(self.ok("goals", "align", "--period", "2026-Q3", "--format", "json"))
        self.assertEqual(data["period"], {"first": "2026-07-01", "last": "2026-09-30"})
        self.assertEqual(data["as_of"], "2026-09-30")
        boss = {b["id"]: b for b in data["boss_goals"]}
        self.assertEqual(list(boss), ["q3-revenue", "okr"])
        self.assertEqual((boss["q3-revenue"]["status"], boss["q3-revenue"]["progress"]), ("on-track", 0))
        self.assertEqual(sorted(boss["q3-revenue"]["supported_by"]), ["cache", "checkout", "eviction"])
        self.assertEqual(boss["q3-revenue"]["wins"], ["2026-08-20-cache-hit-rate-90"])
        self.assertEqual(boss["okr"]["owner_name"], "Kim (kim), skip-level")
        self.assertEqual(data["unsupported"], ["okr"])
        self.assertEqual(data["unaligned"], ["help-priya"])
        self.assertEqual([o["id"] for o in data["other_goals"]], ["priya-launch", "sam-audit"])
        self.assertEqual(data["other_goals"][0]["wins"], ["2026-09-02-reviewed-priya-s-plan"])
        md = self.ok("goals", "align", "--period", "2026-Q3")
        # states as of the period's end: stale then, since nothing was updated for over 21 days
        self.assertIn("## Dana (dana), manager: Q3 revenue (`q3-revenue`), on-track, stale, 0%\n\n"
                      "- Your goal: Checkout (`checkout`), on-track, 70%\n"
                      "- Your goal: Cache layer (`cache`), on-track, stale, 0%, via `checkout`\n"
                      "- Your goal: Cache eviction (`eviction`), done, 100%, via `cache` and `checkout`\n"
                      "- Win 2026-08-20: Cache hit rate 90%\n", md)
        others = md.split("## Other people's goals: peers, mentors and stakeholders\n")[1]
        self.assertIn("### Priya (priya), peer: Priya's launch (`priya-launch`), on-track, stale, 0%\n\n"
                      "- Your goal: Help Priya (`help-priya`), on-track, stale, 0%\n"
                      "- Win 2026-09-02: Reviewed Priya's plan\n", others)
        self.assertNotIn("priya-launch", md.split("## Other people's goals")[0])

    def test_the_quarter_a_goal_was_finished_in_still_shows_it_done(self):
        data = json.loads(self.ok("goals", "align", "--period", "2026-Q4", "--format", "json"))
        self.assertEqual(data["as_of"], "2026-11-23")
        boss = {b["id"]: b for b in data["boss_goals"]}
        self.assertEqual((boss["q3-revenue"]["status"], boss["q3-revenue"]["progress"]), ("done", 100))
        self.assertEqual(sorted(boss["q3-revenue"]["supported_by"]), ["cache", "checkout"])  # eviction ended in Q3
        self.assertEqual(boss["q3-revenue"]["wins"], ["2026-10-10-checkout-shipped"])
        # next year, the finished goals are no compass any more
        data = json.loads(self.ok("goals", "align", "--period", "2027-Q1", "--today", "2027-01-05", "--format", "json"))
        self.assertEqual([b["id"] for b in data["boss_goals"]], ["okr"])

