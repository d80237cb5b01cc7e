"""The editor snippets and the git hook in examples/ work as their comments say."""
import os
import shutil
import subprocess
import unittest

from harness import BIN, SRC, UpwardTest

EXAMPLES = os.path.join(SRC, "examples")


class ExamplesTest(UpwardTest):
    def setUp(self):
        super().setUp()
        # the snippets run `upward` from PATH, as when installed
        self.env = dict(self.env, PATH=os.path.dirname(BIN) + ":" + self.env["PATH"], UPWARD_DIR=self.repo)

    def test_the_pre_push_hook_stops_a_push_while_check_finds_a_problem(self):
        self.init()
        self.ok("log-win", "Cut checkout p99")
        remote = os.path.join(self.tmp, "remote.git")
        subprocess.run(["git", "init", "-q", "--bare", remote], check=True, env=self.env)
        self.git("remote", "add", "origin", remote)
        hook = os.path.join(self.repo, ".git", "hooks", "pre-push")
        shutil.copy(os.path.join(EXAMPLES, "git-hooks", "pre-push"), hook)

        def push():
            return subprocess.run(["git", "-C", self.repo, "push", "-q", "origin", "HEAD:main"], capture_output=True,
                                  text=True, env=self.env)

        self.assertEqual(push().returncode, 0)
        with open(os.path.join(self.repo, "goals", "broken.toml"), "w") as f:
            f.write('title = "unterminated\n')
        self.git("add", "goals/broken.toml")
        self.git("commit", "-qm", "a broken hand edit")
        r = push()
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("goals/broken.toml:1:", r.stderr)
        self.assertIn("pre-push: 'upward check' found problems", r.stderr)
        log = subprocess.run(["git", "-C", remote, "log", "--format=%s", "main"], capture_output=True, text=True).stdout
        self.assertNotIn("a broken hand edit", log)

    @unittest.skipUnless(shutil.which("vim"), "vim is not installed")
    def test_the_vim_commands_insert_and_list(self):
        shutil.copytree(os.path.join(EXAMPLES, "demo"), self.repo)
        self.env["UPWARD_TODAY"] = "2026-11-27"
        out, count = os.path.join(self.tmp, "out.md"), os.path.join(self.tmp, "count")
        script = os.path.join(EXAMPLES, "editors", "upward.vim")
        r = subprocess.run(["vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-S", script,
                            "-c", "UpwardDigest last-week --for dana", "-c", f"write! {out}",
                            "-c", "UpwardWins --all --tag perf",
                            "-c", f"call writefile([len(getqflist())], '{count}')", "-c", "qa!"],
                           capture_output=True, text=True, env=self.env, stdin=subprocess.DEVNULL, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("# Weekly update: 2026-11-16..2026-11-22", self.read(out))
        perf = self.run_upward("wins", "--all", "--tag", "perf", "--format", "vimgrep").stdout.splitlines()
        self.assertGreater(len(perf), 0)
        self.assertEqual(self.read(count).strip(), str(len(perf)))
