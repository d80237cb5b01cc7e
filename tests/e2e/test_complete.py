"""`upward __complete KIND [PREFIX]`: the live values the shell completions ask the binary for."""
import os
import shutil

from harness import SRC, UpwardTest

DEMO = os.path.join(SRC, "examples", "demo")


class CompleteTest(UpwardTest):
    def setUp(self):
        super().setUp()
        shutil.copytree(DEMO, self.repo)
        self.env["UPWARD_TODAY"] = "2026-11-27"

    def values(self, *args):
        r = self.run_upward("__complete", *args)
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        return r.stdout.decode().split()

    def test_ids_of_each_kind(self):
        self.assertEqual(self.values("people"), ["dana", "marcus", "priya"])
        self.assertIn("checkout-latency", self.values("goals"))
        self.assertEqual(self.values("goals", "check"), ["checkout-latency"])
        self.assertIn("send-vendor-plan", self.values("actions"))
        self.assertIn("2026-11-18-vendor-api-rate-limits-hit-at-peak", self.values("topics"))
        self.assertEqual(self.values("cycles"), ["cycle:h1-2026", "cycle:h2-2026"])
        self.assertIn("this-week", self.values("periods"))
        self.assertIn("cycle:h2-2026", self.values("periods"))
        self.assertEqual(self.values("wins", "2026-11-20-cut"), ["2026-11-20-cut-checkout-p99-from-900-ms-to-350-ms"])

    def test_reads_only_what_it_lists(self):
        # a broken goal is still an id; a month folder other than the prefix's is never opened
        with open(os.path.join(self.repo, "goals", "broken.toml"), "w") as f:
            f.write("title = [\n")
        self.assertIn("broken", self.values("goals"))
        october = os.path.join(self.repo, "wins", "2026", "10")
        os.chmod(october, 0)
        try:
            self.assertIn("2026-11-20-cut-checkout-p99-from-900-ms-to-350-ms", self.values("wins", "2026-11"))
        finally:
            os.chmod(october, 0o700)

    def test_no_repository_offers_nothing_and_says_nothing(self):
        r = self.run_upward("--dir", os.path.join(self.tmp, "nowhere"), "__complete", "goals")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"", b""))
        r = self.run_upward("__complete", "bogus")
        self.assertEqual(r.returncode, 2)
        self.assertNotIn(b"__complete", self.run_upward("--help").stdout)
