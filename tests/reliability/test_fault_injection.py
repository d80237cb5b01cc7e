"""Fault injection into every writing command (issue 13 §3).

The shim faultinj.c (LD_PRELOAD) fails the Nth call of one function family inside upward
itself (git children spared): write, read, fsync, rename, open, mkostemp, unlink, flock, with
ENOSPC or EIO. For every writing command (the Scenario classes of test_kill_every_command), for
every family, for N = 1, 2, ... until the command completes without meeting its Nth call (the
shim reports whether it injected), in a repository of its own per command:

- upward exits 1 with a message naming the cause (strerror's words), or exits 0 when the failed
  call is one it rightly tolerates (see TOLERATED: each such call is named there);
- when it does not say the change is saved, every file outside .git is byte-identical to before
  (upward's hidden temporaries aside: readers never see them, and the next write removes them),
  and no journal is left that a later upward would roll forward;
- when it says "the change is saved, but ...", the record is there and the message names it;
- every *.toml parses with tomllib; a rerun without faults succeeds and leaves no temporary;
  after each family, `upward check` is clean and git has every record.

A second run fails git instead (FAULT_IN=git: the shim stays in the environment, inactive in
upward, active in the git processes whose command line has FAULT_GIT_CMD): upward reports the
record saved but not committed, exits 1 with git's own words, `upward check` lists the file as
not committed, and `upward sync` commits it.

What it found, each fixed in a commit of its own (the case that fails without the fix):
- a failed write of git's stdin was taken for a child that stopped reading: git then failed with
  "nothing to commit" and the message never named the cause (every command, write N = 3);
- an unreadable file just before the renames was reported as "changed while upward was editing
  it" (goals update, read N = 15);
- prep-1on1 --save exited 1 with only "(skipped)" for a file that did not read, its record saved
  (OneOnOneSave, read N = 3);
- digest --send said "nothing was changed" when recording the sent update failed after the mail
  went out (DigestSend, any fault inside the transaction);
- a 1on1s folder that could not be listed made prep-1on1 done say "there are no open action
  items" (ActionDone, open N = 1).
"""
import collections
import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402
from test_kill_every_command import SCENARIOS, DigestSend, LogWinBatch, PeoplePrimary, RmWin  # noqa: E402
from test_write_path import FAULTINJ, figures  # noqa: E402

FAMILIES = ("write", "read", "fsync", "rename", "open", "mkostemp", "unlink", "flock")
# every Nth value of N for these families (UPWARD_FAULT_EVERY=1: all of them): the reads and opens
# are most of the calls, and 2 shared cores have about three minutes for this test
STRIDE = {fn: int(os.environ.get("UPWARD_FAULT_EVERY", "3")) for fn in ("read", "open")}
ERRNOS = {28: "No space left on device", 5: "Input/output error"}


def is_temp(name):
    """upward's own hidden temporary, `.NAME.upward-tmp.XXXXXX`."""
    return name.startswith(".") and ".upward-tmp." in name


def snapshot(repo):
    """Every file outside .git (the lock file and upward's temporaries aside): path -> bytes."""
    out = {}
    for root, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for n in names:
            if n == ".upward.lock" or is_temp(n):
                continue
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                out[os.path.relpath(path, repo)] = f.read()
    return out


def leftovers(repo):
    out = []
    for root, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        out += [os.path.relpath(os.path.join(root, n), repo) for n in names if is_temp(n) or n == ".upward-journal"]
    return out


def parse_all(repo, paths=None):
    for rel in paths if paths is not None else [os.path.relpath(p, repo) for p in glob.glob(
            os.path.join(repo, "**", "*.toml"), recursive=True)]:
        if rel.endswith(".toml") and not os.path.basename(rel).startswith("."):
            with open(os.path.join(repo, rel), "rb") as f:
                tomllib.load(f)


def read_counts(path):
    """The shim's blocks ("FAMILY COUNT" lines, then "injected 0|1"), one per process."""
    blocks, cur = [], {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, value = line.rstrip("\n").split(" ", 1)
                cur[key] = value if key == "at" else int(value)
                if key == "injected":
                    blocks.append(cur)
                    cur = {}
        os.unlink(path)
    return blocks


class Bench:
    """One command's repository, and runs of it under the shim."""

    def __init__(self, kind, env, tmp):
        self.tmp = tempfile.mkdtemp(prefix=f"fault-{kind.__name__}-", dir=tmp)
        self.repo = os.path.join(self.tmp, "repo")
        self.env = env
        subprocess.run([BIN, "--dir", self.repo, "init", "--name", "Ada", "--email", "ada@example.com"], env=env,
                       capture_output=True, check=True)
        self.s = kind(self.repo, env, self.tmp)
        self.run_env = dict(env, **self.s.extra_env())
        self.count_file = os.path.join(self.tmp, "counts")
        self.name = kind.__name__

    def upward(self, argv, stdin, **shim):
        """Run upward under the shim (count mode unless FAULT_FN is given): rc, stderr, blocks."""
        env = dict(self.run_env, LD_PRELOAD=FAULTINJ, FAULT_COUNT_FILE=self.count_file,
                   **{k: str(v) for k, v in shim.items()})
        r = subprocess.run([BIN, "--dir", self.repo, *argv], input=stdin, capture_output=True, text=True, env=env)
        return r.returncode, r.stderr, read_counts(self.count_file)

    def git(self, *args):
        return subprocess.run(["git", "-C", self.repo, *args], capture_output=True, text=True, env=self.env)

    def status(self):
        lines = self.git("status", "--porcelain").stdout.splitlines()
        return [l for l in lines if not self.s.made_by_hand(l[3:])]

    def check(self, where):
        r = subprocess.run([BIN, "--dir", self.repo, "check"], capture_output=True, text=True, env=self.run_env)
        # files the test made by hand are committed only when a write changes them
        problems = [l for l in r.stdout.splitlines() if not ("not committed although autocommit is on" in l and
                    self.s.made_by_hand(os.path.relpath(l.split(":")[0], self.repo)))]
        assert r.returncode == 0 or not problems, (self.name, where, "check", r.stdout, r.stderr)

    def done(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def tolerated(repo, fn, at):
    """Why upward rightly exits 0 although the call `fn` on `at` failed, or None: only these.
    Any other exit 0 after an injected fault fails the test (it would hide a failure)."""
    rel = os.path.relpath(at, repo) if at.startswith(repo + "/") or at == repo else at
    if fn == "unlink" and rel == ".upward-journal":
        # after the commit: the change is saved and committed; the journal left behind is finished
        # again (a no-op) and removed by the next upward, reader or writer
        return "removing the journal after the commit (the next upward removes it)"
    if fn in ("fsync", "open") and rel == ".":
        # the sync of the root folder after the journal's removal: a crash could bring the
        # journal back, and finishing it again is a no-op
        return "syncing the folder after the journal's removal"
    if fn == "unlink" and (rel.startswith(".edit-") or rel.startswith(".git/upward-commit-") or
                           not at.startswith("/")):
        # (a name alone: libstdc++'s remove_all removing the scratch index relative to its folder)
        return "removing a scratch file of upward's own it no longer needs (ignored by git, never read)"
    if fn in ("open", "read") and rel.startswith("1on1s/"):
        # prep-1on1 done: the action is found in its own record; the others are only searched
        return "reading another 1:1 record while looking for the action (found in its own record)"
    if fn == "open" and rel == "/dev/tty":
        return "opening /dev/tty for the editor's output (it gets stderr instead, as when there is no terminal)"
    if fn in ("open", "read") and rel == ".git/HEAD":
        return "reading .git/HEAD to see whether a rebase is in progress (git's commit judges that)"
    if fn == "open" and (rel == ".git" or rel.startswith(".git/upward-commit-")):
        return "listing .git for the scratch folders of commits a killed upward left (removed next time)"
    if fn in ("open", "read") and rel == "upward.toml":
        return "reading [me] again for the commit's fallback identity (git's own identity commits)"
    if fn in ("open", "read") and rel.startswith("people/"):
        return "reading the people for a name: the one person is then read again, and that read succeeds"
    return None


class FaultInjectionTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.assertTrue(os.path.exists(FAULTINJ), "build the faultinj target (UPWARD_FAULTINJ)")

    def faults(self, kind):
        """Every family, every N, for one command: the counts, or an AssertionError."""
        b = Bench(kind, self.env, self.tmp)
        stats = collections.Counter()
        i = 0
        argv, stdin = b.s.prepare(i)
        rc, err, blocks = b.upward(argv, stdin)
        assert rc == 0 and b.s.recorded(i), (b.name, argv, err)
        clean_counts = counts = blocks[0]
        for fi, fn in enumerate(FAMILIES):
            # every N up to the calls a clean run just made (a record more may add a read or two;
            # the loop also ends when a run made fewer than N calls: then it completed unharmed)
            stats[f"{fn}: calls in a clean run"] += counts[fn]
            for n in range(1, counts[fn] + 2, STRIDE.get(fn, 1)):
                i += 1
                argv, stdin = b.s.prepare(i)
                errno = (28, 5)[(n + fi) % 2]
                before = snapshot(b.repo)
                head = b.git("rev-parse", "HEAD").stdout
                rc, err, blocks = b.upward(argv, stdin, FAULT_FN=fn, FAULT_N=n, FAULT_ERRNO=errno)
                where = (b.name, fn, n, errno, argv, err)
                assert len(blocks) == 1, where
                if not blocks[0]["injected"]:
                    # the command made fewer than N such calls: a clean run, which must succeed
                    assert rc == 0 and b.s.recorded(i), where
                    assert leftovers(b.repo) == [], (where, leftovers(b.repo))
                    break
                stats["faults injected"] += 1
                stats[f"{fn}: faults injected"] += 1
                stats[f"faults with {ERRNOS[errno]}"] += 1
                after = snapshot(b.repo)
                changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
                parse_all(b.repo, [p for p in changed if p in after])
                if rc == 0:
                    why = tolerated(b.repo, fn, blocks[0]["at"])
                    assert why, (where, "exit 0 after an injected fault nobody tolerates", blocks[0]["at"])
                    assert b.s.recorded(i), where
                    stats[f"exit 0: {why}"] += 1
                    stats["outcome: exit 0, the fault tolerated"] += 1
                else:
                    assert rc == 1, where
                    assert err.startswith("upward: "), where
                    assert ERRNOS[errno] in err, (where, "the message does not name the cause")
                    if "is saved" in err:
                        assert b.s.recorded(i), (where, "said saved, but the record is missing")
                        assert "saved as" in err or "rm" in argv, (where, "the message does not name the record")
                        stats["outcome: saved, a later step failed (said so, exit 1)"] += 1
                        if b.git("status", "--porcelain").stdout:  # not committed: as the user would
                            b.git("add", "-A")
                            b.git("commit", "-qm", f"by hand after {fn} {n}")
                    else:
                        # the editor's copy holds the user's text: kept, and named in the message
                        kept = [p for p in changed if p.startswith(".edit-") and f"{b.repo}/{p}'" in err]
                        assert [p for p in changed if p not in kept] == [], (where, "changed, though not saved", changed)
                        assert not os.path.exists(os.path.join(b.repo, ".upward-journal")), (where, "journal left")
                        assert not b.s.recorded(i), where
                        for p in kept:  # the user's text, kept on purpose: they take it back by hand
                            os.unlink(os.path.join(b.repo, p))
                        if kind is DigestSend and "nothing was changed" in err:  # the transaction runs after sending
                            assert "the update is sent to" in err, (where, "the mail went out, the message hides it")
                        stats["outcome: rolled back in full (said so)" if "rolled back" in err else
                              "outcome: refused, nothing was changed"] += 1
                        # a rerun without faults succeeds, and leaves nothing of the failed run
                        rc2, err2, _ = b.upward(argv, stdin)
                        assert rc2 == 0 and b.s.recorded(i), (where, "rerun", err2)
            # after every family: nothing left over once a write ran, every file parses, check is
            # clean, git has every record
            i += 1
            argv, stdin = b.s.prepare(i)
            rc, err, blocks = b.upward(argv, stdin)
            assert rc == 0 and b.s.recorded(i), (b.name, fn, "after", err)
            counts = blocks[0]
            assert leftovers(b.repo) == [], (b.name, fn, leftovers(b.repo))
            parse_all(b.repo)
            b.check(fn)
            assert b.status() == [], (b.name, fn, b.status())
        stats["clean run's calls"] = sum(clean_counts[f] for f in FAMILIES)
        b.done()
        return stats

    def test_every_writing_command_under_every_fault(self):
        total = collections.Counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for kind, stats in zip(SCENARIOS, pool.map(self.faults, SCENARIOS)):
                total.update(stats)
                figures(f"faults in {kind.__name__}",
                        {k: v for k, v in stats.items() if k.startswith("outcome") or k == "faults injected"})
        every = STRIDE["read"]
        figures(f"faults in every writing command (every N; {'read and open: N in steps of ' + str(every) if every > 1 else 'none sampled'})", total)
        self.assertGreater(total["outcome: rolled back in full (said so)"], 0)
        self.assertGreater(total["outcome: saved, a later step failed (said so, exit 1)"], 0)

    # -- git failing -----------------------------------------------------------------------------

    def git_faults(self, kind):
        """Faults in the git processes that write (update-index, read-tree, commit), upward spared."""
        b = Bench(kind, self.env, self.tmp)
        stats = collections.Counter()
        remote = os.path.join(b.tmp, "remote.git")
        subprocess.run(["git", "init", "-q", "--bare", remote], env=self.env, check=True)
        i = 0
        argv, stdin = b.s.prepare(i)
        rc, err, _ = b.upward(argv, stdin)
        assert rc == 0, (b.name, err)
        for cmd in GIT_COMMANDS:
            for fn in GIT_FAMILIES:
                for n in GIT_NS:
                    i += 1
                    argv, stdin = b.s.prepare(i)
                    head = b.git("rev-parse", "HEAD").stdout
                    errno = (28, 5)[(n + len(fn)) % 2]
                    rc, err, blocks = b.upward(argv, stdin, FAULT_IN="git", FAULT_GIT_CMD=cmd, FAULT_FN=fn,
                                               FAULT_N=n, FAULT_ERRNO=errno)
                    where = (b.name, cmd, fn, n, errno, argv, err)
                    assert b.s.recorded(i), (where, "git failed, and the record is missing")
                    if not any(bl["injected"] for bl in blocks):
                        assert rc == 0 and b.status() == [], where
                        break
                    stats["faults injected in git"] += 1
                    stats[f"git {cmd}: faults injected"] += 1
                    # a git whose unlink failed leaves its lock; its message (now or at the next
                    # commit) says to remove it by hand, as a person does here
                    for lock in glob.glob(os.path.join(b.repo, ".git", "**", "*.lock"), recursive=True):
                        os.unlink(lock)
                        stats["git's own .lock files left, removed as its message says"] += 1
                    if rc == 0:
                        # git survived its failed call (or failed after committing): then it is committed
                        assert b.status() == [] and b.git("rev-parse", "HEAD").stdout != head, where
                        stats["outcome: git survived, committed (exit 0)"] += 1
                        continue
                    assert rc == 1, where
                    assert "is saved, but git " in err and "failed (exit " in err, (where, "git's failure not reported")
                    assert "saved as" in err or "rm" in argv, where
                    # git's own lines say what failed: the system's words for the errno, or what git made of it
                    stats["outcome: saved, not committed, git's message shown (exit 1)"] += 1
                    stats["git's message names the errno" if ERRNOS[errno] in err else
                          "git's message in its own words"] += 1
                    if b.git("rev-parse", "HEAD").stdout != head and b.status() == []:
                        stats["git committed, then failed"] += 1
                        continue
                    # check says the record is not committed; upward sync commits it
                    r = subprocess.run([BIN, "--dir", b.repo, "check"], capture_output=True, text=True, env=b.run_env)
                    if kind is not RmWin:  # (check points at files; a removal not committed has none)
                        assert r.returncode == 1 and "not committed although autocommit is on" in r.stdout, (where, r.stdout)
                    b.git("remote", "add", "origin", remote)  # (a remote makes new names end in a machine tag)
                    r = subprocess.run([BIN, "--dir", b.repo, "sync"], capture_output=True, text=True, env=b.run_env)
                    b.git("remote", "remove", "origin")
                    assert r.returncode == 0 and "first committed" in r.stderr, (where, "sync", r.stderr)
                    assert b.status() == [], (where, b.status())
                    stats["records committed by upward sync afterwards"] += 1
        b.check("end")
        assert leftovers(b.repo) == [], leftovers(b.repo)
        b.done()
        return stats

    def test_git_failing_under_a_few_commands(self):
        total = collections.Counter()
        kinds = [LogWinBatch, PeoplePrimary, RmWin]  # several new files; two files changed; a removal
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for kind, stats in zip(kinds, pool.map(self.git_faults, kinds)):
                total.update(stats)
        figures(f"faults in git under {len(kinds)} commands (N = {', '.join(map(str, GIT_NS))} only)", total)
        self.assertGreater(total["outcome: saved, not committed, git's message shown (exit 1)"], 0)
        self.assertGreater(total["records committed by upward sync afterwards"], 0)


GIT_COMMANDS = ("update-index", "commit")
GIT_FAMILIES = ("write", "rename", "open", "unlink")
GIT_NS = (1, 3, 9)


if __name__ == "__main__":
    unittest.main()
