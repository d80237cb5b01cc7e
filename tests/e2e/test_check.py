import os

from harness import UpwardTest


class CheckTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def write(self, rel, text):
        path = os.path.join(self.repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        # as if it came through git: records not committed are a problem of their own
        self.git("add", "--", rel)
        self.git("commit", "-qm", "by hand: " + rel)

    def check(self):
        r = self.run_upward("check")
        return r.returncode, r.stdout.decode(), r.stderr.decode()

    def test_a_clean_repository(self):
        self.ok("log-win", "A good win", "-t", "x")
        code, out, err = self.check()
        self.assertEqual((code, out), (0, ""))
        self.assertIn("no problems", err)

    def test_a_win_broken_by_hand_points_at_its_line(self):
        win_id = self.ok("log-win", "Shipped it").strip()
        rel = f"wins/2026/11/{win_id}.toml"
        self.write(rel, 'date = 2026-11-23\ntitle = "Shipped it\ntags = []\n')
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertRegex(out, rf"^{self.repo}/{rel}:2:\d+: .*\(unterminated string\?\)\n$")

    def test_types_values_folders_and_goals(self):
        self.write("wins/2026/11/2026-11-02-x.toml",
                   'date = 2026-10-02\ntitle = "x"\ntags = "perf"\ngoals = ["nope"]\nkind = "brag"\n'
                   'private = 1\nfuture_key = "kept and ignored"\n')
        self.write("wins/2026/11/2026-11-03-y.toml", 'title = "no date"\n')
        code, out, err = self.check()
        self.assertEqual(code, 1)
        p = f"{self.repo}/wins/2026/11/2026-11-02-x.toml"
        q = f"{self.repo}/wins/2026/11/2026-11-03-y.toml"
        self.assertEqual(out.splitlines(), [
            f"{p}:1:8: date 2026-10-02 does not belong in this folder (move the file to wins/2026/10/)",
            f"{p}:3:8: 'tags' must be an array of strings, not a string",
            f"{p}:4:10: unknown goal 'nope' (no goals/nope.toml)",
            f"{p}:5:8: unknown kind 'brag' (expected win, kudos)",
            f"{p}:6:11: 'private' must be true or false, not an integer",
            f"{q}:1:1: missing required key 'date'",
        ])
        self.assertIn("6 problems in 2 files", err)

    def test_a_broken_config_and_other_files(self):
        self.write("upward.toml", 'schema = 1\nweek_start = "caturday"\n')
        self.write("people/dana.toml", "name = \n")
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        lines = out.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[0].startswith(f"{self.repo}/people/dana.toml:1:"))
        self.assertEqual(lines[1], f"{self.repo}/upward.toml:2:14: unknown week_start 'caturday' "
                                   "(expected monday ... sunday)")

    def test_invalid_utf8_in_a_file(self):
        with open(os.path.join(self.repo, "wins", "bad.toml"), "wb") as f:
            f.write(b'title = "\xff"\n')
        code, out, _ = self.check()
        self.assertEqual(code, 1)
        self.assertIn("wins/bad.toml:", out)

    def test_no_repository(self):
        self.repo = os.path.join(self.tmp, "nowhere")
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"not an upward repository", r.stdout)

    def test_a_broken_config_stops_log_win_with_its_location(self):
        self.write("upward.toml", 'schema = 1\nweek_start = "caturday"\n')
        r = self.run_upward("log-win", "x")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode(), f"upward: {self.repo}/upward.toml:2:14: unknown week_start 'caturday' "
                                            "(expected monday ... sunday)\n")
        self.assertEqual(self.files(), [])


class CheckGoalUpdatesTest(UpwardTest):
    """Updates dated before the goal or after today are problems; changing a done goal is a warning."""

    def setUp(self):
        super().setUp()
        self.init()

    def write(self, rel, text):
        with open(os.path.join(self.repo, rel), "w") as f:
            f.write(text)
        self.git("add", "--", rel)  # committed, as if it came through git
        self.git("commit", "-qm", "by hand: " + rel)

    def test_misdated_updates_point_at_their_date(self):
        self.write("goals/g.toml", 'title = "G"\ncreated = 2026-11-01\n\n[[update]]\ndate = 2026-10-20\nprogress = 5\n'
                                   '\n[[update]]\ndate = 2026-11-10\nprogress = 10\n'
                                   '\n[[update]]\n  date = 2026-11-24\nprogress = 20\n')
        r = self.run_upward("check")
        p = f"{self.repo}/goals/g.toml"
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.decode().splitlines(), [
            f"{p}:5:8: update dated 2026-10-20 is before the goal was created (2026-11-01)",
            f"{p}:13:10: update dated 2026-11-24 is after today (2026-11-23)",
        ])
        self.assertEqual(r.stderr.decode(), "upward: 2 problems in 1 file\n")
        # the same file is fine on a later day
        self.assertEqual(self.run_upward("check", "--today", "2026-11-24").stdout.decode().count("\n"), 1)

    def test_a_done_goal_updated_without_reopening_it_is_a_warning(self):
        self.write("goals/g.toml", 'title = "G"\ncreated = 2026-11-01\n\n[[update]]\ndate = 2026-11-12\nnote = "x"\n'
                                   '\n[[update]]\ndate = 2026-11-10\nstatus = "done"\n')
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(r.stdout.decode(), f"{self.repo}/goals/g.toml:5:8: warning: the goal is done before this "
                                            "update, which sets no 'status' to reopen it (add status = \"on-track\" "
                                            "to reopen it)\n")
        self.assertEqual(r.stderr.decode(), f"upward: no problems in {self.repo}; 1 warning\n")

    def test_an_explicit_status_reopens_a_done_goal(self):
        self.ok("goals", "add", "G", "--id", "g", "--today", "2026-11-01")
        self.ok("goals", "done", "g", "-d", "2026-11-10")
        self.ok("goals", "update", "g", "--status", "on-track", "--note", "reopened", "-d", "2026-11-12")
        self.ok("goals", "update", "g", "--progress", "50")
        r = self.run_upward("check")
        self.assertEqual((r.returncode, r.stdout), (0, b""))
        self.ok("goals", "done", "g")
        self.ok("goals", "update", "g", "--note", "one more thing", "-d", "2026-11-24", "--today", "2026-11-24")
        r = self.run_upward("check")
        p = f"{self.repo}/goals/g.toml"
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.decode().splitlines(), [
            f"{p}:25:8: update dated 2026-11-24 is after today (2026-11-23)",
            f"{p}:25:8: warning: the goal is done before this update, which sets no 'status' to reopen it "
            "(add status = \"on-track\" to reopen it)",
        ])
        self.assertEqual(r.stderr.decode(), "upward: 1 problem in 1 file; 1 warning\n")
