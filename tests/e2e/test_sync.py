"""upward sync: two clones of one bare remote (file://) log the same wins and topics, and sync
without a conflict; every refusal leaves the repository as it was."""
import glob
import os
import re
import subprocess
import tomllib

from harness import BIN, TODAY, UpwardTest

DAY_PATH = f"1on1s/dana/{TODAY}.toml"


class SyncTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.remote = os.path.join(self.tmp, "remote.git")
        subprocess.run(["git", "init", "-q", "--bare", self.remote], check=True, env=self.env)
        self.url = "file://" + self.remote

    # --- helpers -------------------------------------------------------------------------

    def up(self, d, *args, env=None):
        """upward --dir D ARGS..., its result (text)."""
        return subprocess.run([BIN, "--dir", d, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              env=dict(self.env, **(env or {})), cwd=self.tmp, timeout=60)

    def up_ok(self, d, *args):
        r = self.up(d, *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def git_at(self, d, *args, check=True):
        r = subprocess.run(["git", "-C", d, *args], capture_output=True, text=True, env=self.env, timeout=60)
        if check:
            self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def state(self, d):
        """What a failed sync must leave as it was: HEAD, the branch, the status, every file."""
        files = {}
        for path in glob.glob(os.path.join(d, "**", "*"), recursive=True):
            if os.path.isfile(path):
                files[os.path.relpath(path, d)] = self.read(path, "rb")
        return (self.git_at(d, "rev-parse", "HEAD"), self.git_at(d, "symbolic-ref", "HEAD"),
                self.git_at(d, "status", "--porcelain"), files)

    def no_rebase_in_progress(self, d):
        self.assertFalse(os.path.exists(os.path.join(d, ".git", "rebase-merge")))
        self.assertFalse(os.path.exists(os.path.join(d, ".git", "rebase-apply")))
        self.assertNotIn("rebase", self.git_at(d, "status").lower())

    def all_toml_parse(self, d):
        for path in glob.glob(os.path.join(d, "**", "*.toml"), recursive=True):
            with open(path, "rb") as f:
                tomllib.load(f)

    def origin(self):
        """Clone A: an upward repository with dana, pushed to the empty remote by its first sync."""
        a = os.path.join(self.tmp, "a")
        self.up_ok(a, "init", "--name", "Ada Tester", "--email", "ada@example.com")
        self.up_ok(a, "people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.git_at(a, "remote", "add", "origin", self.url)
        r = self.up_ok(a, "sync")
        branch = self.git_at(a, "symbolic-ref", "--short", "HEAD").strip()
        self.assertIn(f"upward: the branch '{branch}' had no upstream: it is now origin/{branch} (the only remote)\n",
                      r.stderr)
        self.assertIn(f"upward: synced with origin/{branch}: 2 commits pushed\n", r.stderr)
        return a, branch

    def clone(self, name):
        d = os.path.join(self.tmp, name)
        subprocess.run(["git", "clone", "-q", self.url, d], check=True, env=self.env, capture_output=True)
        return d

    def wins(self, d):
        return sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(d, "wins", "*", "*", "*.toml")))

    def topics(self, d):
        return sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(d, "1on1s", "dana", "topics", "*.toml")))

    # --- two clones ----------------------------------------------------------------------

    def test_two_clones_log_the_same_title_and_sync_in_turn_without_a_conflict(self):
        a, branch = self.origin()
        b = self.clone("b")
        for d in (a, b):
            r = self.up_ok(d, "log-win", "Fix login")
            tag = self.git_at(d, "config", "--local", "upward.machine").strip()
            self.assertRegex(tag, r"^[a-z0-9]{4}$")
            self.assertEqual(r.stdout, f"{TODAY}-fix-login-{tag}\n")
            self.assertIn(f"upward: new records made here end in '-{tag}', this clone's machine tag", r.stderr)
            self.up_ok(d, "prep-1on1", "add", "--with", "dana", "Vendor limits")
        tag_a = self.git_at(a, "config", "upward.machine").strip()
        tag_b = self.git_at(b, "config", "upward.machine").strip()
        self.assertNotEqual(tag_a, tag_b)
        with open(os.path.join(b, ".gitignore"), "a") as f:  # a change that is no record: autostashed
            f.write("scratch/\n")

        self.assertEqual(self.up_ok(a, "sync").stderr, f"upward: synced with origin/{branch}: 2 commits pushed\n")
        self.assertEqual(self.up_ok(b, "sync").stderr,
                         f"upward: synced with origin/{branch}: 2 commits pulled, 2 pushed\n")
        self.assertEqual(self.up_ok(a, "sync").stderr, f"upward: synced with origin/{branch}: 2 commits pulled\n")
        self.assertEqual(self.up_ok(b, "sync").stderr, f"upward: synced with origin/{branch}: already up to date\n")

        expected = sorted([f"{TODAY}-fix-login-{tag_a}", f"{TODAY}-fix-login-{tag_b}"])
        for d in (a, b):
            self.assertEqual(self.wins(d), expected)
            self.assertEqual(self.topics(d), sorted([f"{TODAY}-vendor-limits-{tag_a}", f"{TODAY}-vendor-limits-{tag_b}"]))
            r = self.up(d, "check")
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", f"upward: no problems in {d}\n"))
            self.all_toml_parse(d)
            self.no_rebase_in_progress(d)
            self.assertEqual(self.up_ok(d, "wins", "--format", "vimgrep").stdout.count("Fix login"), 2)
        self.assertIn("scratch/", self.read(os.path.join(b, ".gitignore")))
        self.assertEqual(self.git_at(a, "rev-parse", "HEAD"), self.git_at(b, "rev-parse", "HEAD"))
        self.assertEqual(self.git_at(self.remote, "rev-parse", branch), self.git_at(a, "rev-parse", "HEAD"))

    def test_a_tag_the_user_chose_ends_new_names_and_a_moved_win_keeps_its_tag(self):
        a, _ = self.origin()
        self.git_at(a, "config", "upward.machine", "laptop")
        win = self.up_ok(a, "log-win", "Cut p99", "--date", "2026-11-20").stdout.strip()
        self.assertEqual(win, "2026-11-20-cut-p99-laptop")
        moved = self.up_ok(a, "set", "win", win, "--date", "2026-11-21").stdout.strip()
        self.assertEqual(moved, "2026-11-21-cut-p99-laptop")
        self.assertEqual(self.up_ok(a, "check").stdout, "")

    def test_a_machine_tag_that_is_not_one_is_refused_naming_the_key_and_the_remedy(self):
        a, _ = self.origin()
        self.git_at(a, "config", "upward.machine", "Ada's laptop")
        before = self.state(a)
        r = self.up(a, "log-win", "Fix login")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: upward.machine 'Ada's laptop' in '{a}/.git/config' is not a machine tag; "
                                   "set one of 1 to 12 letters a-z and digits: "
                                   f"git -C {a} config upward.machine laptop\n")
        self.assertEqual(self.state(a), before)

    def test_without_a_remote_new_names_have_no_tag_and_git_config_is_untouched(self):
        a = os.path.join(self.tmp, "a")
        self.up_ok(a, "init")
        self.assertEqual(self.up_ok(a, "log-win", "Fix login").stdout, f"{TODAY}-fix-login\n")
        self.assertEqual(self.git_at(a, "config", "--local", "upward.machine", check=False), "")

    # --- refusals ------------------------------------------------------------------------

    def test_no_remote_is_an_error_and_changes_nothing(self):
        a = os.path.join(self.tmp, "a")
        self.up_ok(a, "init")
        self.up_ok(a, "log-win", "Fix login")
        before = self.state(a)
        r = self.up(a, "sync")
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertEqual(r.stderr, f"upward: sync: no git remote is set; add one: git -C {a} remote add origin URL\n")
        self.assertEqual(self.state(a), before)

    def test_several_remotes_without_an_upstream_are_listed_with_the_remedy(self):
        a = os.path.join(self.tmp, "a")
        self.up_ok(a, "init")
        self.git_at(a, "remote", "add", "origin", self.url)
        self.git_at(a, "remote", "add", "backup", self.url)
        branch = self.git_at(a, "symbolic-ref", "--short", "HEAD").strip()
        before = self.state(a)
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: sync: the branch '{branch}' has no upstream and there are several remotes "
                                   f"(backup, origin); nothing was synced; choose one: git -C {a} config "
                                   f"branch.{branch}.remote REMOTE && git -C {a} config branch.{branch}.merge "
                                   f"refs/heads/{branch}\n")
        self.assertEqual(self.state(a), before)
        self.assertEqual(self.git_at(self.remote, "for-each-ref"), "")
        # the remedy works as written, on a remote that has no branch yet
        for key, value in ((f"branch.{branch}.remote", "origin"), (f"branch.{branch}.merge", f"refs/heads/{branch}")):
            self.git_at(a, "config", key, value)
        self.up_ok(a, "sync")
        self.assertEqual(self.git_at(self.remote, "rev-parse", branch), self.git_at(a, "rev-parse", "HEAD"))

    def test_an_empty_remote_gets_the_branch_and_becomes_the_upstream(self):
        a, branch = self.origin()  # its first sync pushed to the empty remote
        self.assertEqual(self.git_at(a, "config", f"branch.{branch}.remote").strip(), "origin")
        self.assertEqual(self.git_at(self.remote, "log", "--format=%s", branch).splitlines(),
                         ["people add: dana (primary manager)", "init: upward repository"])
        self.assertEqual(self.up_ok(a, "sync").stderr, f"upward: synced with origin/{branch}: already up to date\n")
        self.assertEqual(self.up_ok(a, "-q", "sync").stderr, "")

    def test_a_clone_of_an_empty_remote_pushes_its_first_records(self):
        c = self.clone("c")  # git sets the upstream, but the remote has no branch yet
        self.up_ok(c, "init")
        self.up_ok(c, "log-win", "Fix login")
        branch = self.git_at(c, "symbolic-ref", "--short", "HEAD").strip()
        self.assertEqual(self.up_ok(c, "sync").stderr, f"upward: synced with origin/{branch}: 2 commits pushed\n")
        self.assertEqual(self.git_at(self.remote, "rev-parse", branch), self.git_at(c, "rev-parse", "HEAD"))

    def test_a_conflict_aborts_the_rebase_and_leaves_both_clones_as_they_were(self):
        a, branch = self.origin()
        self.up_ok(a, "prep-1on1", "--save")
        self.up_ok(a, "sync")
        b = self.clone("b")
        for d, notes in ((a, "A's notes"), (b, "B's notes")):
            with open(os.path.join(d, DAY_PATH), "a") as f:
                f.write(f'notes = "{notes}"\n')
            self.git_at(d, "commit", "-qam", f"notes: {notes}")
        with open(os.path.join(b, ".gitignore"), "a") as f:  # autostashed, and given back by the abort
            f.write("scratch/\n")
        self.up_ok(a, "sync")
        a_head = self.git_at(a, "rev-parse", "HEAD")
        before = self.state(b)
        r = self.up(b, "sync")
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertEqual(r.stderr, f"upward: sync: the pull conflicts in '{DAY_PATH}'; nothing was changed (rebase "
                                   f"aborted)\nto merge by hand: git -C {b} pull --rebase --autostash origin {branch}, fix the "
                                   f"files, git -C {b} add them, git -C {b} rebase --continue; then upward sync\n")
        self.assertEqual(self.state(b), before)
        self.no_rebase_in_progress(b)
        self.assertEqual(self.git_at(b, "log", "-1", "--format=%s"), "notes: B's notes\n")
        self.assertEqual(self.git_at(a, "rev-parse", "HEAD"), a_head)
        self.assertEqual(self.git_at(self.remote, "rev-parse", branch), a_head)
        self.assertEqual(self.git_at(b, "stash", "list"), "")

    def test_a_push_the_remote_refuses_fails_with_gits_message(self):
        a, branch = self.origin()
        hook = os.path.join(self.remote, "hooks", "pre-receive")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\necho 'the remote refuses: frozen until Monday' >&2\nexit 1\n")
        os.chmod(hook, 0o755)
        self.up_ok(a, "log-win", "Fix login")
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("upward: sync: git push to origin failed (exit 1):\n"), r.stderr)
        self.assertIn("remote: the remote refuses: frozen until Monday\n", r.stderr)
        self.assertIn("pre-receive hook declined", r.stderr)

    def test_a_record_a_failed_autocommit_left_is_committed_and_pushed(self):
        a, branch = self.origin()
        hook = os.path.join(a, ".git", "hooks", "pre-commit")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\necho 'pre-commit: lint failed' >&2\nexit 1\n")
        os.chmod(hook, 0o755)
        r = self.up(a, "log-win", "Fix login")
        self.assertEqual(r.returncode, 1)
        self.assertIn("pre-commit: lint failed", r.stderr)
        win = r.stdout.strip()
        os.remove(hook)
        rel = f"wins/2026/11/{win}.toml"
        r = self.up_ok(a, "sync")
        self.assertEqual(r.stderr, f"upward: first committed 1 record file left uncommitted: '{rel}'\n"
                                   f"upward: synced with origin/{branch}: 1 commit pushed\n")
        self.assertEqual(self.git_at(self.remote, "log", "-1", "--format=%s", branch), "sync: records not yet committed\n")
        self.assertEqual(self.git_at(self.remote, "ls-tree", "--name-only", branch, rel), rel + "\n")
        self.assertEqual(self.up_ok(a, "check").stdout, "")

    def test_a_folder_that_is_not_its_own_git_repository_is_refused(self):
        outer = os.path.join(self.tmp, "outer")
        os.mkdir(outer)
        self.git_at(outer, "init", "-q")
        self.git_at(outer, "remote", "add", "origin", self.url)
        data = os.path.join(outer, "data")
        self.up_ok(data, "init")  # git init'ed: its own repository
        self.git_at(data, "remote", "add", "origin", self.url)
        subprocess.run(["rm", "-rf", os.path.join(data, ".git")], check=True)
        r = self.up(data, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: sync: '{data}' is not a git repository; nothing was synced (upward never "
                                   f"syncs an enclosing repository); make it one: upward init {data}, then "
                                   f"git -C {data} remote add origin URL\n")
        os.mkdir(os.path.join(data, ".git"))  # an interrupted git init
        r = self.up(data, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"upward: sync: '{data}/.git' is not a valid git repository of this folder's own", r.stderr)
        self.assertEqual(self.git_at(outer, "rev-list", "--all"), "")
        self.assertEqual(self.git_at(self.remote, "for-each-ref"), "")

    def test_a_detached_head_or_a_rebase_in_progress_is_refused(self):
        a, branch = self.origin()
        self.git_at(a, "checkout", "-q", "--detach")
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: sync: HEAD is detached in '{a}' (no branch is checked out); nothing was "
                                   f"synced; check out your branch first: git -C {a} switch BRANCH\n")
        self.git_at(a, "checkout", "-q", branch)
        os.mkdir(os.path.join(a, ".git", "rebase-merge"))
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"upward: sync: a rebase is in progress in '{a}'; nothing was synced", r.stderr)
        self.assertTrue(os.path.isdir(os.path.join(a, ".git", "rebase-merge")))  # the user's, left alone

    def test_a_broken_record_left_uncommitted_is_never_pushed(self):
        a, branch = self.origin()
        win = self.up_ok(a, "log-win", "Fix login").stdout.strip()
        path = os.path.join(a, "wins", "2026", "11", win + ".toml")
        with open(path, "a") as f:
            f.write("this is = = broken\n")
        before = self.state(a)
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("upward: sync: records not yet committed have problems; nothing was "
                                            "synced"), r.stderr)
        self.assertIn(f"\n{path}:3:", r.stderr)
        self.assertEqual(self.state(a), before)
        self.assertEqual(self.git_at(self.remote, "rev-list", "--count", branch), "2\n")  # the first sync's only

    def test_uncommitted_changes_that_conflict_when_put_back_stop_before_the_push(self):
        a, branch = self.origin()
        with open(os.path.join(a, "NOTES.md"), "w") as f:
            f.write("start\n")
        self.git_at(a, "add", "NOTES.md")
        self.git_at(a, "commit", "-qm", "notes")
        self.up_ok(a, "sync")
        b = self.clone("b")
        with open(os.path.join(a, "NOTES.md"), "a") as f:
            f.write("A line\n")
        self.git_at(a, "commit", "-qam", "A's notes")
        self.up_ok(a, "sync")
        with open(os.path.join(b, "NOTES.md"), "a") as f:  # not committed: set aside by the pull, then put back
            f.write("B line\n")
        self.up_ok(b, "log-win", "Fix login")
        r = self.up(b, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: sync: pulled 1 commit from origin/{branch}, but your uncommitted changes "
                                   f"to 'NOTES.md' conflict with it: git kept them in the stash (git -C {b} stash list) "
                                   f"and marked the conflicts in the files; nothing was pushed; fix the files, "
                                   f"git -C {b} stash drop, then run upward sync again\n")
        self.assertIn("autostash", self.git_at(b, "stash", "list"))
        self.assertEqual(self.git_at(self.remote, "log", "-1", "--format=%s", branch), "A's notes\n")

    def test_an_upstream_that_is_a_local_branch_is_refused(self):
        a, branch = self.origin()
        self.git_at(a, "branch", "work")
        self.git_at(a, "branch", f"--set-upstream-to=work")
        r = self.up(a, "sync")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, f"upward: sync: the upstream of '{branch}' is the local branch 'work', not a remote; "
                                   f"nothing was synced; point it at a remote: git -C {a} config branch.{branch}.remote "
                                   f"REMOTE && git -C {a} config branch.{branch}.merge refs/heads/{branch}\n")

    def test_a_write_on_a_detached_head_or_mid_rebase_is_saved_not_committed_then_synced(self):
        a, branch = self.origin()
        self.git_at(a, "checkout", "-q", "--detach")
        head = self.git_at(a, "rev-parse", "HEAD")
        r = self.up(a, "log-win", "On a detached head")
        self.assertEqual(r.returncode, 1)
        win = r.stdout.strip()
        self.assertIn(f"upward: the win is saved, but not committed: HEAD is detached in '{a}' (a commit would be "
                      f"on no branch: switch to your branch, then 'upward sync' commits this)\n", r.stderr)
        self.assertEqual(self.git_at(a, "rev-parse", "HEAD"), head)  # no commit on the detached HEAD
        self.git_at(a, "checkout", "-q", branch)
        for what in ("rebase-merge", "CHERRY_PICK_HEAD"):  # the user's operation in progress: nothing committed
            marker = os.path.join(a, ".git", what)
            os.mkdir(marker) if what == "rebase-merge" else open(marker, "w").close()
            r = self.up(a, "goals", "add", "Goal " + what, "--id", what.lower().replace("_", "-"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("is saved, but not committed: a ", r.stderr)
            self.assertEqual(self.git_at(a, "rev-parse", "HEAD"), head)
            r = self.up(a, "sync")
            self.assertEqual(r.returncode, 1)
            self.assertIn("is in progress", r.stderr)
            os.rmdir(marker) if what == "rebase-merge" else os.remove(marker)
        r = self.up_ok(a, "sync")  # every record saved meanwhile is committed and pushed
        self.assertIn("first committed 3 record files left uncommitted", r.stderr)
        self.assertIn(f"wins/2026/11/{win}.toml", self.git_at(self.remote, "ls-tree", "-r", "--name-only", branch))
        self.assertEqual(self.git_at(a, "status", "--porcelain"), "")
