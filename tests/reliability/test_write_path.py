"""The one write path (issue 7): batches all or nothing across SIGKILLs, full rollbacks under
injected faults, only upward's own temporaries cleaned, links refused, a lock no hook keeps,
twenty first writes at once, half-made repositories completed."""
import collections
import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402

FAULTINJ = os.environ.get("UPWARD_FAULTINJ", "")
FIGURES = os.environ.get("UPWARD_FIGURES")  # a file to append the figures to, when set


def figures(name, counts):
    line = f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print("\n" + line, file=sys.stderr)
    if FIGURES:
        with open(FIGURES, "a") as f:
            f.write(line + "\n")


class WritePathTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def command(self, *args, repo=None):
        return [BIN, "--dir", repo or self.repo, *args]

    def leftovers(self, repo=None):
        """upward's own temporaries and journal anywhere outside .git."""
        out = []
        for root, dirs, names in os.walk(repo or self.repo):
            dirs[:] = [d for d in dirs if d != ".git"]
            out += [n for n in names if ".upward-tmp." in n or n == ".upward-journal"]
        return out

    def all_files_parse(self):
        for path in glob.glob(os.path.join(self.repo, "**", "*.toml"), recursive=True):
            with open(path, "rb") as f:
                tomllib.load(f)

    def manager(self):
        with open(os.path.join(self.repo, "upward.toml"), "rb") as f:
            return tomllib.load(f).get("manager", "")

    # -- issue 7 §2: batches are all or nothing across crashes ---------------------------------

    def test_batches_killed_at_random_instants_are_all_or_nothing(self):
        rng = random.Random(2026)
        start = time.monotonic()
        self.ok("log-win", "--stdin-lines", input="Warm-up one\nWarm-up two\nWarm-up three\n")
        duration = time.monotonic() - start
        stats = collections.Counter()
        for i in range(110):
            group = i % 2 == 1
            lines = "".join(f"Batch {i} line {k}\n" for k in range(5))
            p = subprocess.Popen(self.command("log-win", "--stdin-lines"), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env, start_new_session=True)
            p.stdin.write(lines.encode())
            p.stdin.close()
            time.sleep(rng.uniform(0, duration * 1.3))
            try:
                if group:
                    os.killpg(p.pid, signal.SIGKILL)
                else:
                    p.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
            p.stdout.close()
            p.stderr.close()
            stats["kills of the process group" if group else "kills of upward alone"] += 1
            stats["batches that finished before the kill" if p.returncode == 0 else "batches killed"] += 1
            if os.path.exists(os.path.join(self.repo, ".upward-journal")):
                stats["kills that left a journal"] += 1
            if self.leftovers():
                stats["kills that left temporaries"] += 1
            if group:
                # git itself, killed in the middle, leaves its own locks (index.lock, HEAD.lock);
                # git's message says to remove them, as a person would
                git_dir = os.path.join(self.repo, ".git")
                for lock in glob.glob(os.path.join(git_dir, "*.lock")) + glob.glob(
                        os.path.join(git_dir, "refs", "heads", "*.lock")):
                    os.unlink(lock)
                    stats["git's own .lock files left by a killed git, removed"] += 1
            pattern = os.path.join(self.repo, "wins", "2026", "11", f"2026-11-23-batch-{i}-line-*.toml")
            if i % 4 < 2:
                # a reader comes first: it finishes an interrupted change before it reads, so it
                # sees the whole batch or none of it (and what it leaves is committed)
                r = self.run_upward("check")
                self.assertEqual(r.returncode, 0, (i, r.stdout, r.stderr))
                self.assertNotIn(b"not committed", r.stdout)
                self.assertIn(len(glob.glob(pattern)), (0, 5), i)
                self.assertFalse(os.path.exists(os.path.join(self.repo, ".upward-journal")), i)
                stats["kills followed by a reader first"] += 1
            r = self.run_upward("log-win", f"Probe {i}")
            self.assertEqual(r.returncode, 0, (i, r.stderr))
            visible = glob.glob(pattern)
            self.assertIn(len(visible), (0, 5), (i, visible))
            stats["batches seen whole" if visible else "batches seen not at all"] += 1
            self.assertEqual(self.leftovers(), [], i)
            self.assertEqual(self.git("status", "--porcelain"), "", i)  # every visible win is committed
            if i % 10 == 9:
                self.all_files_parse()
        self.all_files_parse()
        self.assertGreaterEqual(stats["batches killed"], 50)
        figures("kill loop", stats)

    # -- issue 7 §3: multi-file changes roll back in full ---------------------------------------

    def test_people_add_primary_under_injected_faults_changes_both_files_or_neither(self):
        self.assertTrue(os.path.exists(FAULTINJ), "build the faultinj target")
        stats = collections.Counter()
        for fn, last in (("write", 8), ("fsync", 12), ("rename", 5), ("unlink", 4), ("mkostemp", 4)):
            for n in range(1, last + 1):
                pid = f"p-{fn}-{n}"
                config_before = self.read(os.path.join(self.repo, "upward.toml"))
                env = dict(self.env, LD_PRELOAD=FAULTINJ, FAULT_FN=fn, FAULT_N=str(n), FAULT_ERRNO="5")
                r = subprocess.run(self.command("people", "add", pid, "--name", "P", "--relationship", "manager",
                                                "--primary"), capture_output=True, env=env)
                person = os.path.join(self.repo, "people", pid + ".toml")
                err = r.stderr.decode()
                if r.returncode == 0 or "the change is saved, but" in err:
                    self.assertTrue(os.path.exists(person), (fn, n, err))
                    self.assertEqual(self.manager(), pid, (fn, n))
                    stats["saved" if r.returncode == 0 else "saved, then a later step failed (said so, exit 1)"] += 1
                    if r.returncode != 0:
                        self.assertIn(f"it is saved as '{pid}'", err)
                        self.git("add", "-A")  # what the user does after git's message
                        self.git("commit", "-qm", f"{pid} by hand")
                else:
                    self.assertEqual(r.returncode, 1, err)
                    self.assertRegex(err, r"^upward: .*Input/output error", (fn, n))
                    self.assertFalse(os.path.exists(person), (fn, n, err))
                    self.assertEqual(self.read(os.path.join(self.repo, "upward.toml")), config_before, (fn, n, err))
                    self.assertIn("nothing was changed", err)
                    stats["faults rolled back in full" if "rolled back" in err else "faults before anything was visible"] += 1
                stats["faults injected"] += 1
                self.ok("log-win", f"After {pid}")  # the next writer removes what a failed unlink left
                self.assertEqual(self.leftovers(), [], (fn, n))
                self.all_files_parse()
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertGreaterEqual(stats["faults rolled back in full"], 1)
        figures("faults in people add --primary", stats)

    def test_people_primary_and_add_read_upward_toml_before_writing_anything(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        path = os.path.join(self.repo, "upward.toml")
        bad = self.read(path).replace('week_start = "monday"', 'week_start = "mondy"')
        self.assertNotEqual(bad, self.read(path))
        with open(path, "w") as f:
            f.write(bad)
        r = self.run_upward("people", "add", "lee", "--name", "Lee", "--relationship", "manager", "--primary")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"upward.toml", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.repo, "people", "lee.toml")))
        r = self.run_upward("people", "primary", "dana")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(self.read(path), bad)

    def test_a_no_op_change_is_a_success_with_a_note_and_no_commit(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        commits = self.commits()
        r = self.run_upward("people", "primary", "dana")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, b"upward: 'dana' already is your primary manager; nothing changed\n")
        self.assertEqual(self.commits(), commits)

    # -- issue 7 §4: nothing of the user's deleted, nothing left behind -------------------------

    def test_only_upwards_own_temporaries_are_cleaned_the_root_included(self):
        month = os.path.join(self.repo, "wins", "2026", "11")
        os.makedirs(month)
        mine = {os.path.join(month, ".notes.tmp.abcdef"): "my notes", os.path.join(self.repo, ".todo.tmp.123456"): "x"}
        stale = [os.path.join(month, ".2026-11-23-x.toml.upward-tmp.AbC123"),
                 os.path.join(self.repo, ".upward.toml.upward-tmp.XyZ789")]
        for path, text in mine.items():
            with open(path, "w") as f:
                f.write(text)
        for path in stale:
            with open(path, "w") as f:
                f.write("half")
        self.ok("log-win", "Cleans up")
        for path, text in mine.items():
            self.assertEqual(self.read(path), text)
        for path in stale:
            self.assertFalse(os.path.exists(path), path)

    def test_twenty_first_writes_into_a_missing_folder_all_succeed(self):
        fresh = os.path.join(self.tmp, "not", "yet")
        procs = [subprocess.Popen(self.command("log-win", f"First {i}", repo=fresh), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=self.env) for i in range(20)]
        ids = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
            ids.append(out.decode().strip())
        self.assertEqual(len(set(ids)), 20)
        log = subprocess.run(["git", "-C", fresh, "log", "--format=%s"], capture_output=True, text=True,
                             env=self.env).stdout.splitlines()
        self.assertEqual(len(log), 21)
        self.assertEqual(log[-1], "init: upward repository")
        self.assertEqual(subprocess.run(["git", "-C", fresh, "status", "--porcelain"], capture_output=True,
                                        text=True, env=self.env).stdout, "")

    def test_a_killed_first_write_never_leaves_a_folder_later_writes_refuse(self):
        rng = random.Random(5)
        stats = collections.Counter()
        for i in range(12):
            fresh = os.path.join(self.tmp, f"fresh-{i}")
            p = subprocess.Popen(self.command("log-win", "Killed first", repo=fresh), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, env=self.env, start_new_session=True)
            time.sleep(rng.uniform(0, 0.08))
            p.kill()
            p.wait()
            stats["first writes killed" if p.returncode else "first writes finished"] += 1
            for attempt in range(2):
                r = subprocess.run(self.command("log-win", f"Next {attempt}", repo=fresh), capture_output=True,
                                   env=self.env)
                self.assertNotIn(b"not an upward repository", r.stderr, i)
            self.assertEqual(r.returncode, 0, (i, r.stderr))
            with open(os.path.join(fresh, "upward.toml"), "rb") as f:
                tomllib.load(f)
            self.assertEqual(self.leftovers(fresh), [], i)
        figures("killed first writes", stats)

    def test_init_beside_a_git_init_that_outlived_a_killed_upward_succeeds(self):
        # a kill of upward alone leaves its `git init` running: the next init races it, and git
        # refuses to copy a template file the other one just wrote ("File exists")
        for i in range(30):
            fresh = os.path.join(self.tmp, f"racing-{i}")
            os.makedirs(os.path.join(fresh, ".git"))
            orphan = subprocess.Popen(["git", "init", "-q", fresh], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, env=self.env)
            r = subprocess.run([BIN, "init", fresh], capture_output=True, env=self.env)
            orphan.wait()
            self.assertEqual(r.returncode, 0, (i, r.stderr))
            log = subprocess.run(["git", "-C", fresh, "log", "--format=%s"], capture_output=True, text=True,
                                 env=self.env).stdout
            self.assertEqual(log, "init: upward repository\n", i)

    # -- issue 7 §4: log-win -e ------------------------------------------------------------------

    def editor(self, body):
        path = os.path.join(self.tmp, "editor.sh")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body)
        os.chmod(path, 0o755)
        return path

    def test_edit_opens_the_editor_only_after_the_goals_are_checked(self):
        marker = os.path.join(self.tmp, "editor-ran")
        r = self.run_upward("log-win", "-e", "-g", "nosuch", env={"EDITOR": self.editor(f'touch "{marker}"\n')})
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"unknown goal 'nosuch'", r.stderr)
        self.assertFalse(os.path.exists(marker))
        foreign = os.path.join(self.tmp, "home")  # not empty, not a repository: never written to
        with open(os.path.join(foreign, "notes.txt"), "w") as f:
            f.write("mine\n")
        r = subprocess.run([BIN, "--dir", foreign, "log-win", "-e"], capture_output=True,
                           env=dict(self.env, EDITOR=self.editor(f'touch "{marker}"\n')))
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"is not an upward repository", r.stderr)
        self.assertFalse(os.path.exists(marker))
        self.assertEqual(os.listdir(foreign), ["notes.txt"])

    def test_a_saved_win_whose_id_cannot_be_printed_says_it_is_saved(self):
        with open("/dev/full", "wb") as full:
            r = self.run_upward("log-win", "To a full disk", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"upward: the win is saved, but cannot write its id to stdout: No space left on device\n"
                      b"upward: it is saved as '2026-11-23-to-a-full-disk'", r.stderr)
        self.assertEqual(self.win("2026-11-23-to-a-full-disk")["title"], "To a full disk")

    def test_a_nul_in_a_title_stays_out_of_the_commit_message(self):
        r = self.run_upward("log-win", "--stdin-lines", input=b"With a \x00 byte\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        win_id = r.stdout.decode().strip()
        self.assertEqual(self.win(win_id)["title"], "With a \x00 byte")
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_win_refused_after_editing_keeps_the_typed_text(self):
        cfg = os.path.join(self.repo, "upward.toml")
        editor = self.editor(f'printf "Typed with care\\n\\nWhy it mattered\\n" > "$1"\n'
                             f'sed -i "s/^schema = 1/schema = 99/" "{cfg}"\n')
        r = self.run_upward("log-win", "-e", env={"EDITOR": editor})
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("your text is kept in '", err)
        kept = err.split("your text is kept in '")[1].split("'")[0]
        self.assertTrue(kept.startswith(self.repo + "/.edit-win-"), kept)
        self.assertIn("Typed with care\n\nWhy it mattered\n", self.read(kept))
        self.assertEqual(self.files(), [])

    # -- issue 7 §5: locks, hooks and links ------------------------------------------------------

    def test_a_hooks_background_job_does_not_block_the_next_write(self):
        pidfile = os.path.join(self.tmp, "bg.pid")
        hook = os.path.join(self.repo, ".git", "hooks", "post-commit")
        # the job keeps git's stdout and stderr: upward must not wait for it to close them
        with open(hook, "w") as f:
            f.write(f'#!/bin/sh\nsleep 30 </dev/null &\necho $! >> "{pidfile}"\n')
        os.chmod(hook, 0o755)
        try:
            start = time.monotonic()
            self.ok("log-win", "Starts a background job")
            self.assertLess(time.monotonic() - start, 10)
            start = time.monotonic()
            r = subprocess.run(self.command("log-win", "Not blocked"), capture_output=True, env=self.env, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertLess(time.monotonic() - start, 10)
            self.assertNotIn(b"waiting for the lock", r.stderr)
        finally:
            with open(pidfile) as f:
                for pid in f.read().split():
                    try:
                        os.kill(int(pid), signal.SIGKILL)
                    except ProcessLookupError:
                        pass

    def test_a_writer_that_waits_says_what_for(self):
        import fcntl
        with open(os.path.join(self.repo, ".upward.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            p = subprocess.Popen(self.command("log-win", "Patient"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 env=self.env)
            time.sleep(1.8)
            fcntl.flock(lock, fcntl.LOCK_UN)
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 0, err)
        self.assertIn(f"upward: waiting for the lock on '{self.repo}/.upward.lock'".encode(), err)

    def test_a_batch_of_30000_lines_commits_as_one(self):
        # in memory where there is some: the point is git's command line, not the disk's fsync
        base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else self.tmp
        repo = tempfile.mkdtemp(prefix="upward-big-", dir=base)
        try:
            env = dict(self.env)
            run = lambda *a, **kw: subprocess.run([BIN, "--dir", repo, *a], capture_output=True, env=env, **kw)
            self.assertEqual(run("init", "--name", "Ada", "--email", "ada@example.com").returncode, 0)
            lines = "".join(f"Large batch line {i}\n" for i in range(30000)).encode()
            r = run("log-win", "--stdin-lines", "-t", "bulk", input=lines, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr[-2000:])
            self.assertEqual(len(r.stdout.splitlines()), 30000)
            git = lambda *a: subprocess.run(["git", "-C", repo, *a], capture_output=True, text=True, env=env).stdout
            self.assertEqual(git("log", "--format=%s").splitlines(), ["log-win: 30000 wins", "init: upward repository"])
            self.assertEqual(len(git("ls-files", "wins").splitlines()), 30000)
            self.assertEqual(git("status", "--porcelain"), "")
        finally:
            shutil.rmtree(repo, ignore_errors=True)

    def test_a_journal_that_points_outside_the_repository_is_never_followed(self):
        outside = os.path.join(self.tmp, "outside")
        os.mkdir(outside)
        victim = os.path.join(outside, "victim.txt")
        with open(victim, "w") as f:
            f.write("mine\n")
        with open(os.path.join(self.repo, "..x.upward-tmp.abcdef"), "w") as f:
            f.write("title = 'x'\n")
        for entry in ("remove\t-\t../outside/victim.txt", "create\t..x.upward-tmp.abcdef\t../outside/new.toml",
                      "create\t../outside/victim.txt\twins/x.toml", "rename\t..x.upward-tmp.abcdef\tgoals/x.toml"):
            with open(os.path.join(self.repo, ".upward-journal"), "w") as f:
                f.write(f"upward journal 1\ncommit 0\n{entry}\nmessage\nhostile\n")
            for args in (("check",), ("log-win", "After a hostile journal")):
                r = self.run_upward(*args)
                self.assertNotEqual(r.returncode, 0, (entry, args))
            r = self.run_upward("log-win", "After a hostile journal")
            self.assertIn(b"is not a journal this upward can finish", r.stderr, entry)
            self.assertEqual(sorted(os.listdir(outside)), ["victim.txt"], entry)
            self.assertEqual(self.read(victim), "mine\n")
            self.assertEqual(self.files(), [], entry)

    def test_links_inside_the_repository_are_refused(self):
        outside = os.path.join(self.tmp, "outside")
        os.mkdir(outside)
        self.ok("goals", "add", "Goal", "--id", "g")
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "peer")
        commits = self.commits()
        # a folder
        os.symlink(outside, os.path.join(self.repo, "wins", "2026"))
        r = self.run_upward("log-win", "Through a link")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"'{self.repo}/wins/2026' is a symbolic link (to '{outside}')".encode(), r.stderr)
        self.assertEqual(os.listdir(outside), [])
        # a record
        goal = os.path.join(self.repo, "goals", "g.toml")
        os.rename(goal, os.path.join(outside, "g.toml"))
        os.symlink(os.path.join(outside, "g.toml"), goal)
        before = self.read(goal)
        r = self.run_upward("goals", "update", "g", "--note", "through a link")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"goals/g.toml' is a symbolic link", r.stderr)
        self.assertTrue(os.path.islink(goal))
        self.assertEqual(self.read(goal), before)
        # upward.toml
        cfg = os.path.join(self.repo, "upward.toml")
        os.rename(cfg, os.path.join(outside, "upward.toml"))
        os.symlink(os.path.join(outside, "upward.toml"), cfg)
        before = self.read(cfg)
        r = self.run_upward("people", "primary", "dana")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"upward.toml' is a symbolic link", r.stderr)
        self.assertTrue(os.path.islink(cfg))
        self.assertEqual(self.read(cfg), before)
        # the lock file
        lock = os.path.join(self.repo, ".upward.lock")
        os.unlink(lock)
        os.symlink(os.path.join(outside, "lock"), lock)
        r = self.run_upward("goals", "add", "Other", "--id", "other")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b".upward.lock' is a symbolic link", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(outside, "lock")))
        self.assertEqual(self.commits(), commits)
        self.assertEqual(self.leftovers(), [])
