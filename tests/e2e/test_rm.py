"""upward rm: one record removed and committed, refused while others name it, recoverable from git."""
import os
import shutil
import subprocess

from harness import UpwardTest


class RmTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("people", "add", "lee", "--name", "Lee Chen", "--relationship", "peer")
        self.ok("goals", "add", "Checkout fast", "--id", "checkout-latency")
        self.ok("goals", "add", "Hiring", "--id", "hiring", "--supports", "checkout-latency", "--owner", "lee")
        self.win_a = self.ok("log-win", "Cut p99", "-g", "checkout-latency", "-d", "2026-10-02").strip()
        self.win_b = self.ok("log-win", "Cache warmup", "-g", "checkout-latency").strip()

    def snapshot(self):
        return {rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")
                if not rel.startswith(".git" + os.sep) and not rel.startswith(".upward")}

    def refused(self, code, *args):
        before, commits = self.snapshot(), self.commits()
        r = self.run_upward(*args)
        self.assertEqual((r.returncode, r.stdout), (code, b""), (args, r.stderr))
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.commits(), commits)
        return r.stderr.decode()

    def test_a_goal_that_wins_name_is_refused_with_their_ids(self):
        err = self.refused(1, "rm", "goal", "checkout-latency")
        self.assertEqual(err, "upward: goal 'checkout-latency' is still named by win 2026-10-02-cut-p99, "
                              "win 2026-11-23-cache-warmup, goal hiring (supports); nothing was removed "
                              "(--force removes it anyway, leaving them naming it)\n")

    def test_rm_win_removes_it_and_git_log_shows_it(self):
        path = os.path.join(self.repo, "wins", "2026", "10", self.win_a + ".toml")
        text = self.read(path, "rb")
        r = self.run_upward("rm", "win", self.win_a)
        self.assertEqual((r.returncode, r.stdout), (0, b"wins/2026/10/2026-10-02-cut-p99.toml\n"), r.stderr)
        self.assertFalse(os.path.exists(path))
        self.assertEqual(self.commits()[0], "rm: wins/2026/10/2026-10-02-cut-p99.toml")
        self.assertEqual(self.git("log", "-1", "--format=", "--name-status").split(),
                         ["D", "wins/2026/10/2026-10-02-cut-p99.toml"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        err = r.stderr.decode()
        removal = self.git("rev-parse", "HEAD").strip()[:12]
        self.git("commit", "-q", "--allow-empty", "-m", "later")  # the note stays right after more commits
        restore = f"git -C {self.repo} show {removal}^:wins/2026/10/2026-10-02-cut-p99.toml > {path}"
        self.assertIn(restore, err)
        subprocess.run(restore, shell=True, check=True, env=self.env)  # the note's command gets it back
        self.assertEqual(self.read(path, "rb"), text)
        self.refused(1, "rm", "win", "2026-10-01-nope")
        # a record git never had is committed first, so its removal can be undone too
        hand = os.path.join(self.repo, "wins", "2026", "10", "2026-10-05-by-hand.toml")
        with open(hand, "w") as f:
            f.write('date = 2026-10-05\ntitle = "By hand"\n')
        r = self.run_upward("rm", "win", "2026-10-05-by-hand")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.commits()[:2], ["rm: wins/2026/10/2026-10-05-by-hand.toml",
                                              "edit by hand: wins/2026/10/2026-10-05-by-hand.toml"])
        self.assertEqual(self.git("show", "HEAD^:wins/2026/10/2026-10-05-by-hand.toml"),
                         'date = 2026-10-05\ntitle = "By hand"\n')
        self.refused(2, "rm", "win", "../../upward")

    def test_without_git_history_a_removal_needs_force(self):
        shutil.rmtree(os.path.join(self.repo, ".git"))
        self.assertIn("no git history would keep a copy", self.refused(1, "rm", "win", self.win_b))
        r = self.run_upward("rm", "win", self.win_b, "--force")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.files("wins"), [os.path.join("wins", "2026", "10", self.win_a + ".toml")])

    def test_rm_win_takes_its_outcome_note(self):
        self.ok("outcome", self.win_b, "Held")
        out = self.ok("rm", "win", self.win_b)
        self.assertEqual(out.split(), ["wins/2026/11/2026-11-23-cache-warmup.toml",
                                       "outcomes/2026/11/2026-11-23-2026-11-23-cache-warmup.toml"])
        self.assertEqual(self.files("outcomes"), [])
        self.assertEqual(len(self.git("log", "-1", "--format=", "--name-only").split()), 2)

    def test_force_removes_and_leaves_the_references(self):
        r = self.run_upward("rm", "goal", "checkout-latency", "--force")
        self.assertEqual((r.returncode, r.stdout), (0, b"goals/checkout-latency.toml\n"), r.stderr)
        self.assertIn("still named by win 2026-10-02-cut-p99", r.stderr.decode())
        self.assertFalse(os.path.exists(os.path.join(self.repo, "goals", "checkout-latency.toml")))
        self.assertEqual(self.commits()[0], "rm: goals/checkout-latency.toml")
        check = self.run_upward("check")
        self.assertEqual(check.returncode, 1)
        self.assertIn("unknown goal 'checkout-latency'", check.stdout.decode())

    def test_a_person_with_goals_1on1s_or_the_manager_role_is_refused(self):
        err = self.refused(1, "rm", "person", "lee")
        self.assertIn("person 'lee' is still named by goal hiring (owner)", err)
        err = self.refused(1, "rm", "person", "dana")
        self.assertIn("upward.toml (manager)", err)
        self.ok("rm", "goal", "hiring")
        self.ok("prep-1on1", "add", "--with", "lee", "Vendor API limits")
        err = self.refused(1, "rm", "person", "lee")
        self.assertIn("1 talking point in 1on1s/lee/topics/", err)
        self.ok("log-win", "Review", "--seen-by", "lee")  # seen_by is no refusal
        self.assertEqual(self.ok("rm", "person", "lee", "--force"), "people/lee.toml\n")
        self.refused(2, "rm", "person", "Lee")
        self.refused(1, "rm", "person", "lee")

    def test_rm_topic(self):
        a = self.ok("prep-1on1", "add", "--with", "dana", "Vendor API limits").strip()
        b = self.ok("prep-1on1", "add", "--with", "lee", "Vendor API limits").strip()
        self.assertEqual(a, b)
        err = self.refused(1, "rm", "topic", a)
        self.assertIn("queued for several people: dana, lee (give --with PERSON)", err)
        self.assertEqual(self.ok("rm", "topic", a, "--with", "lee"), f"1on1s/lee/topics/{a}.toml\n")
        self.assertEqual(self.ok("rm", "topic", a),
                         f"1on1s/dana/topics/{a}.toml\n")
        self.assertEqual(self.refused(1, "rm", "topic", a), f"upward: unknown topic '{a}'\n")
        self.refused(2, "rm", "topic", "Bad Id")
        self.refused(2, "rm")
