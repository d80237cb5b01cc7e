import fcntl
import os
import pty
import pwd
import select
import shutil
import subprocess
import termios

from harness import BIN, UpwardTest


def git_in(path, *args, env):
    return subprocess.run(["git", "-C", path, *args], capture_output=True, text=True, env=env)


class EnclosingRepositoryTest(UpwardTest):
    """A data folder inside another repository (a dotfiles repository in $HOME) whose own .git
    is not a valid repository: git would walk up, and private wins would land in the outer one."""

    def setUp(self):
        super().setUp()
        self.outer = os.path.join(self.tmp, "outer")
        os.mkdir(self.outer)
        git_in(self.outer, "init", "-q", env=self.env)
        with open(os.path.join(self.outer, ".bashrc"), "w") as f:
            f.write("# dotfiles\n")
        git_in(self.outer, "add", ".bashrc", env=self.env)
        git_in(self.outer, "commit", "-qm", "dotfiles", env=self.env)
        self.repo = os.path.join(self.outer, "data")

    def outer_untouched(self):
        log = git_in(self.outer, "log", "--format=%s", env=self.env).stdout.split()
        self.assertEqual(log, ["dotfiles"])
        staged = git_in(self.outer, "diff", "--cached", "--name-only", env=self.env).stdout
        self.assertEqual(staged, "")

    def test_a_write_with_an_empty_git_folder_is_refused_loudly_and_commits_nothing_outside(self):
        self.init()
        shutil.rmtree(os.path.join(self.repo, ".git"))
        os.mkdir(os.path.join(self.repo, ".git"))  # an interrupted `git init`
        r = self.run_upward("log-win", "Private: negotiated my raise", "--private")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.decode().split()), 1)  # the win is saved, and its id said
        self.assertIn(f"the win is saved, but '{self.repo}/.git' is not a valid git repository; "
                      "nothing was committed (upward never commits into an enclosing repository); "
                      f"run 'upward init {self.repo}'", r.stderr.decode())
        self.outer_untouched()

    def test_init_completes_a_half_made_git_folder_and_commits_in_its_own_repository(self):
        os.makedirs(os.path.join(self.repo, ".git"))
        self.init()
        self.ok("log-win", "Private win", "--private")
        self.assertEqual(self.commits()[-1], "init: upward repository")
        self.assertEqual(len(self.commits()), 2)
        top = git_in(self.repo, "rev-parse", "--show-toplevel", env=self.env).stdout.strip()
        self.assertEqual(os.path.realpath(top), os.path.realpath(self.repo))
        self.outer_untouched()

    def test_a_folder_inside_a_repository_gets_its_own(self):
        self.init()
        self.ok("log-win", "A win")
        self.assertEqual(len(self.commits()), 2)
        self.outer_untouched()


class OtherGitFolderTest(UpwardTest):
    """`.git` must be the folder's own: a link or a `gitdir:` file points at someone else's."""

    def outer(self):
        outer = os.path.join(self.tmp, "outer")
        os.mkdir(outer)
        subprocess.run(["git", "init", "-q", outer], check=True, env=self.env)
        subprocess.run(["git", "-C", outer, "commit", "-q", "--allow-empty", "-m", "outer"], check=True, env=self.env)
        return outer

    def outer_log(self, outer):
        return subprocess.run(["git", "-C", outer, "log", "--format=%s"], capture_output=True, text=True,
                              env=self.env).stdout.split("\n")[:-1]

    def test_a_dot_git_link_or_gitdir_file_is_refused(self):
        outer = self.outer()
        self.init()
        for kind in ("link", "gitdir"):
            shutil.rmtree(os.path.join(self.repo, ".git"), ignore_errors=True)
            if os.path.lexists(os.path.join(self.repo, ".git")):
                os.unlink(os.path.join(self.repo, ".git"))
            if kind == "link":
                os.symlink(os.path.join(outer, ".git"), os.path.join(self.repo, ".git"))
            else:
                with open(os.path.join(self.repo, ".git"), "w") as f:
                    f.write(f"gitdir: {outer}/.git\n")
            r = self.run_upward("log-win", f"Secret through a {kind}", "--private")
            self.assertEqual(r.returncode, 1, kind)
            self.assertIn(f"'{self.repo}/.git' is a {'link' if kind == 'link' else 'file'} to a git folder "
                          "elsewhere, not this folder's own repository; nothing was committed".encode(), r.stderr)
            self.assertEqual(self.outer_log(outer), ["outer"], kind)
            with open(os.path.join(outer, ".git", "config")) as f:
                config = f.read()
            r = self.run_upward("init")  # what the message says to run only after moving it away
            self.assertEqual(r.returncode, 1, kind)
            with open(os.path.join(outer, ".git", "config")) as f:
                self.assertEqual(f.read(), config, kind)  # never `git init` through it: its work tree stays
        os.unlink(os.path.join(self.repo, ".git"))
        r = self.run_upward("init")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"made a git repository", r.stderr)
        self.assertEqual(self.outer_log(outer), ["outer"])


class IdentityTest(UpwardTest):
    def setUp(self):
        super().setUp()
        for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
            del self.env[k]
        # no identity, and git must not guess one from the host name
        self.env.update({"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.useConfigOnly",
                         "GIT_CONFIG_VALUE_0": "true"})

    def test_without_a_git_identity_commits_are_by_me_from_upward_toml(self):
        self.init()
        self.ok("log-win", "Works on a fresh machine")
        who = self.git("log", "--format=%an <%ae>|%cn <%ce>").splitlines()
        self.assertEqual(who, ["Ada Tester <ada@example.com>|Ada Tester <ada@example.com>"] * 2)

    def test_git_configured_identity_wins(self):
        os.makedirs(self.repo)
        subprocess.run(["git", "-C", self.repo, "init", "-q"], env=self.env, check=True)
        self.git("config", "user.name", "Git Self")
        self.git("config", "user.email", "self@example.com")
        self.init()
        self.assertEqual(self.git("log", "--format=%an <%ae>").splitlines(), ["Git Self <self@example.com>"])

    def test_without_any_identity_commits_are_by_the_login_name(self):
        r = self.run_upward("init", env={"USER": "sam"})  # no --name, no identity anywhere
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.git("log", "--format=%an <%ae>|%cn <%ce>").strip(),
                         "sam <sam@localhost>|sam <sam@localhost>")
        r = self.run_upward("log-win", "No name anywhere")  # no USER either: the system's name for the user
        self.assertEqual(r.returncode, 0, r.stderr)
        login = pwd.getpwuid(os.geteuid()).pw_name
        self.assertEqual(self.git("log", "-1", "--format=%an <%ae>").strip(), f"{login} <{login}@localhost>")

    def test_gits_message_reaches_the_user_whole(self):
        self.init()
        hook = os.path.join(self.repo, ".git", "hooks", "pre-commit")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\necho 'refused by policy; see below' >&2\necho '  run: make lint' >&2\nexit 1\n")
        os.chmod(hook, 0o755)
        r = self.run_upward("log-win", "Blocked by a hook")
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("upward: the win is saved, but git commit failed (exit 1):\nrefused by policy; see below\n"
                      "  run: make lint\n", err)
        self.assertIn("do not record it again", err)


class NotCommittedTest(UpwardTest):
    def write(self, rel, text):
        path = os.path.join(self.repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def test_check_lists_records_not_committed_with_the_command_that_commits_them(self):
        self.init()
        self.write("wins/2026/11/2026-11-20-by-hand.toml", 'date = 2026-11-20\ntitle = "By hand"\n')
        self.write("goals/staged.toml", 'title = "Staged"\nowner = "me"\n')
        self.git("add", "goals/staged.toml")
        self.write("notes.md", "not a record\n")
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        fix = f" && git -C {self.repo} commit"
        self.assertEqual(r.stdout.decode().splitlines(), [
            f"{self.repo}/goals/staged.toml:1:1: not committed although autocommit is on; commit it with: "
            f"git -C {self.repo} add -- goals/staged.toml" + fix,
            f"{self.repo}/wins/2026/11/2026-11-20-by-hand.toml:1:1: not committed although autocommit is on; "
            f"commit it with: git -C {self.repo} add -- wins/2026/11/2026-11-20-by-hand.toml" + fix,
        ])
        for line in r.stdout.decode().splitlines():  # the command given works as written
            cmd = line.split("commit it with: ", 1)[1].replace(" commit", " commit -qm by-hand")
            subprocess.run(["sh", "-c", cmd], env=self.env, check=True, capture_output=True)
        self.ok("check")

    def test_no_report_when_autocommit_is_off(self):
        self.init()
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path).replace("autocommit = true", "autocommit = false")
        with open(path, "w") as f:
            f.write(text)
        self.write("wins/2026/11/2026-11-20-by-hand.toml", 'date = 2026-11-20\ntitle = "By hand"\n')
        self.ok("check")


EDITOR = """#!/bin/sh
echo "editor chatter on stdout"
printf 'Written in the editor\\n' > "$1"
"""


class EditorTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        editor = os.path.join(self.tmp, "editor.sh")
        with open(editor, "w") as f:
            f.write(EDITOR)
        os.chmod(editor, 0o755)
        self.env["EDITOR"] = editor

    def test_without_a_terminal_the_editor_writes_to_stderr_and_stdout_is_only_the_id(self):
        r = subprocess.run([BIN, "--dir", self.repo, "log-win", "-e"], stdin=subprocess.DEVNULL,
                           capture_output=True, env=self.env, start_new_session=True)  # no /dev/tty
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.decode(), "2026-11-23-written-in-the-editor\n")
        self.assertIn(b"editor chatter on stdout", r.stderr)
        self.assertEqual(self.win("2026-11-23-written-in-the-editor")["title"], "Written in the editor")

    def test_with_a_terminal_the_editor_writes_to_it_and_stdout_is_only_the_id(self):
        master, slave = pty.openpty()

        def own_terminal():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        try:
            r = subprocess.run([BIN, "--dir", self.repo, "log-win", "-e"], stdin=slave, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=self.env, preexec_fn=own_terminal)
            seen = b""
            while select.select([master], [], [], 0.2)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
        finally:
            os.close(master)
            os.close(slave)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.decode(), "2026-11-23-written-in-the-editor\n")
        self.assertNotIn(b"editor chatter", r.stderr)
        self.assertIn(b"editor chatter on stdout", seen)


if __name__ == "__main__":
    import unittest
    unittest.main()
