"""Issue 13 §5: hostile ids and repositories, as permanent tests (text: test_hostile_text.py).

Ids like '../x', '.git', '-rf' and '' through every command that takes an id; repositories with
a hook that hangs, a stale index.lock, read-only folders, and email header injection from files.
"""
import os
import signal
import subprocess
import sys
import time
import tomllib
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402
from hostile import BAD_IDS  # noqa: E402


class HostileIdsTest(UpwardTest):
    """Ids that are no slugs, through every command that takes one: refused, nothing written,
    nothing created outside the repository."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "add", "G", "--id", "g")
        self.win = self.ok("log-win", "W").strip()

    def outside(self):
        out = []
        for root, dirs, names in os.walk(self.tmp):
            if root.startswith(self.repo) or root.startswith(self.home):
                continue
            out += [os.path.join(root, n) for n in names + dirs]
        return sorted(out)

    def commands(self, bad):
        w = self.win
        positional = [["goals", "update", bad, "--progress", "5"], ["goals", "done", bad], ["goals", "show", bad],
                      ["set", "goal", bad, "--title", "x"], ["set", "person", bad, "--name", "x"],
                      ["set", "win", bad, "--title", "x"], ["rm", "goal", bad], ["rm", "person", bad], ["rm", "win", bad],
                      ["rm", "topic", bad], ["people", "add", bad, "--name", "x", "--relationship", "peer"],
                      ["people", "show", bad], ["people", "primary", bad], ["prep-1on1", bad], ["prep-1on1", "list", bad],
                      ["prep-1on1", "done", bad], ["outcome", bad, "text"], ["wins", "show", bad], ["edit", "goal", bad],
                      ["edit", "person", bad], ["edit", "win", bad], ["edit", "1on1", bad]]
        options = [["goals", "add", "T", f"--id={bad}"], ["goals", "add", "T", "--id", "ok", f"--owner={bad}"],
                   ["goals", "add", "T", "--id", "ok", f"--supports={bad}"], ["goals", f"--owner={bad}"],
                   ["log-win", "x", f"--goal={bad}"], ["log-win", "x", f"--seen-by={bad}"],
                   ["log-win", "x", "--kind", "kudos", f"--from={bad}"], ["set", "goal", "g", f"--supports={bad}"],
                   ["set", "goal", "g", f"--owner={bad}"], ["set", "win", w, f"--goal={bad}"],
                   ["set", "win", w, f"--seen-by={bad}"], ["prep-1on1", "add", "x", f"--with={bad}"],
                   ["prep-1on1", "done", "a", f"--with={bad}"], ["rm", "topic", "x", f"--with={bad}"],
                   ["digest", f"--for={bad}"]]
        out = options + positional
        if bad.startswith("-"):  # after --, a word is a word
            out += [a[:-1] + ["--", a[-1]] if a[-1] == bad else a[:a.index(bad)] + ["--", bad] + a[a.index(bad) + 1:]
                    for a in positional]
        return out

    def test_every_command_refuses_ids_that_are_not_slugs(self):
        before, commits, outside = self.snapshot(), self.commits(), self.outside()
        n = 0
        for bad in BAD_IDS:
            for args in self.commands(bad):
                with self.subTest(args=args):
                    r = self.run_upward(*args, env={"EDITOR": "false", "VISUAL": "false"})
                    self.assertIn(r.returncode, (1, 2), (args, r.stderr))
                    self.assertTrue(r.stderr.startswith(b"upward: "), (args, r.stderr))
                    self.assertNotIn(b"internal error", r.stderr)
                    self.assertEqual(r.stdout, b"", args)
                    n += 1
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.commits(), commits)
        self.assertEqual(self.outside(), outside)
        self.assertGreater(n, 400)

    def snapshot(self):
        return {rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")
                if not rel.startswith(".git" + os.sep) and not rel.startswith(".upward")}


class HostileRepositoryTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def test_a_hook_that_hangs_loses_nothing_when_upward_is_killed(self):
        hook = os.path.join(self.repo, ".git", "hooks", "pre-commit")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\nexec sleep 60\n")
        os.chmod(hook, 0o755)
        p = subprocess.Popen([BIN, "--dir", self.repo, "log-win", "Hook hangs"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env, start_new_session=True)
        path = os.path.join(self.repo, "wins", "2026", "11", "2026-11-23-hook-hangs.toml")
        deadline = time.monotonic() + 20
        while not os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        self.assertIsNone(p.poll(), "upward waits for git, as git waits for its hook")
        self.assertTrue(os.path.exists(path), "the win is saved before git runs")
        os.killpg(p.pid, signal.SIGKILL)  # upward, git and the hook: what ^C does
        p.communicate()
        os.unlink(hook)
        for lock in ("index.lock", "HEAD.lock"):  # what git's own message asks of the user
            if os.path.exists(os.path.join(self.repo, ".git", lock)):
                os.unlink(os.path.join(self.repo, ".git", lock))
        self.ok("log-win", "After the hang")
        with open(path, "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], "Hook hangs")
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertIn("log-win: Hook hangs", self.commits())

    def test_a_stale_index_lock_saves_the_record_and_says_what_to_do(self):
        lock = os.path.join(self.repo, ".git", "index.lock")
        open(lock, "w").close()
        r = self.run_upward("log-win", "With a stale lock")
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("upward: the win is saved, but git update-index failed", err)
        self.assertIn("index.lock': File exists", err)
        self.assertIn("upward: it is saved as '2026-11-23-with-a-stale-lock'; do not record it again", err)
        self.assertEqual(self.win("2026-11-23-with-a-stale-lock")["title"], "With a stale lock")
        os.unlink(lock)
        r = self.run_upward("check")
        self.assertIn(b"not committed although autocommit is on", r.stdout)

    def run_read_only(self, *args):
        """upward on a read-only repository: permissions for a user, a read-only mount for root."""
        argv = [BIN, "--dir", self.repo, *args]
        if os.geteuid() != 0:
            subprocess.run(["chmod", "-R", "a-w", self.repo], check=True)
            try:
                return subprocess.run(argv, capture_output=True, env=self.env)
            finally:
                subprocess.run(["chmod", "-R", "u+w", self.repo], check=True)
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"'
        r = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", self.repo, *argv], capture_output=True,
                           env=self.env)
        if b"mount:" in r.stderr or b"unshare:" in r.stderr:
            self.skipTest("no read-only mount here: " + r.stderr.decode())
        return r

    def test_a_read_only_repository_is_a_clear_error_and_reading_still_works(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "add", "G", "--id", "g")
        win = self.ok("log-win", "Before").strip()
        before = {rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")}
        for args in (["log-win", "Read only"], ["goals", "update", "g", "--progress", "5"], ["set", "goal", "g", "--title", "x"],
                     ["people", "primary", "dana"], ["outcome", win, "x"], ["prep-1on1", "add", "x"],
                     ["rm", "goal", "g"], ["goals", "add", "H", "--id", "h"]):
            with self.subTest(args=args):
                r = self.run_read_only(*args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr.decode(), r"^upward: .*(Read-only file system|Permission denied)")
        for args in (["wins"], ["goals"], ["digest"], ["prep-1on1"], ["check"]):
            with self.subTest(args=args):
                r = self.run_read_only(*args)
                self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual({rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")}, before)

    def test_email_header_injection_from_files_is_refused(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager", "--email", "dana@example.com")
        self.ok("log-win", "Something")
        cfg = os.path.join(self.repo, "upward.toml")
        person = os.path.join(self.repo, "people", "dana.toml")
        config_text, person_text = self.read(cfg), self.read(person)
        cases = [(cfg, config_text + '\n[digest]\nto = "dana@example.com\\r\\nBcc: all@example.com"\n'),
                 (cfg, config_text + '\n[digest]\nsubject = "Update\\nBcc: all@example.com"\n'),
                 (cfg, config_text + '\n[digest]\ncc = ["a@example.com\\nBcc: b@example.com"]\n'),
                 (cfg, config_text.replace('name = "Ada Tester"', 'name = "Ada\\r\\nBcc: all@example.com"')),
                 (person, person_text.replace('"dana@example.com"', '"dana@example.com\\nBcc: all@example.com"'))]
        for path, text in cases:
            with self.subTest(text=text):
                with open(path, "w") as f:
                    f.write(text)
                for args in (["digest", "--format", "email"], ["digest", "--format", "email", "--for", "dana",
                                                               "--to", "dana@example.com"]):
                    r = self.run_upward(*args)
                    self.assertEqual(r.returncode, 1, (args, r.stdout[:300]))
                    self.assertNotIn(b"Bcc:", r.stdout)
                    self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)
                with open(path, "w") as f:
                    f.write(config_text if path == cfg else person_text)


if __name__ == "__main__":
    unittest.main()
