"""Nothing lost: concurrent writers, writers killed at random instants, injected I/O errors, fuzz."""
import os
import random
import signal
import subprocess
import sys
import time
import tomllib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402

FAULTINJ = os.environ.get("UPWARD_FAULTINJ", "")


class ReliabilityTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def all_records_parse(self):
        """Every TOML file parses; no temporary file is left beside a record."""
        for rel in self.files(""):
            if rel.startswith(".git/") or rel in (".gitignore", ".upward.lock"):
                continue
            if rel.endswith(".toml"):
                with open(os.path.join(self.repo, rel), "rb") as f:
                    tomllib.load(f)

    def temps(self):
        """upward's own temporaries and journal, anywhere but .git."""
        return [r for r in self.files("") if (".upward-tmp." in os.path.basename(r) or r == ".upward-journal")
                and not r.startswith(".git/")]

    def check_finds_only_uncommitted(self):
        """check finds nothing wrong but the records a killed or failed writer left uncommitted."""
        r = self.run_upward("check")
        lines = r.stdout.decode().splitlines()
        self.assertTrue(all(":1:1: not committed although autocommit is on; " in l for l in lines), r.stdout)
        self.assertEqual(r.returncode, 1 if lines else 0, r.stdout)

    def command(self, *args):
        return [BIN, "--dir", self.repo, *args]

    def test_fifty_writers_at_once_lose_nothing(self):
        procs = [subprocess.Popen(self.command("log-win", f"Parallel win {i}", "-t", "load"),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
                 for i in range(50)]
        ids = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
            ids.append(out.decode().strip())
        self.assertEqual(len(set(ids)), 50)
        titles = sorted(self.win(i)["title"] for i in ids)
        self.assertEqual(titles, sorted(f"Parallel win {i}" for i in range(50)))
        self.assertEqual(len(self.files()), 50)
        commits = self.commits()
        self.assertEqual(len(commits), 51)
        self.assertTrue(all(c.startswith("log-win: Parallel win") for c in commits[:-1]))
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_writers_killed_at_random_instants(self):
        rng = random.Random(7)
        acknowledged = []
        for i in range(20):
            p = subprocess.Popen(self.command("log-win", f"Killed win {i}"), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=self.env)
            time.sleep(rng.uniform(0, 0.012))
            p.send_signal(signal.SIGKILL)
            out, _ = p.communicate()
            if out.strip():
                acknowledged.append(out.decode().strip())
            self.all_records_parse()
        for win_id in acknowledged:
            self.assertTrue(self.win(win_id)["title"].startswith("Killed win"))
        for rel in self.files():
            self.assertTrue(rel.endswith(".toml") or ".upward-tmp." in rel, rel)
        # git children inherit the repository lock, so a killed writer's commit never collides
        out = self.ok("log-win", "After the storm")
        self.assertEqual(self.win(out.strip())["title"], "After the storm")
        self.assertEqual(self.temps(), [])  # the next writer removed what the killed ones left
        self.check_finds_only_uncommitted()

    def test_injected_io_errors_at_every_write_fsync_and_rename(self):
        self.assertTrue(os.path.exists(FAULTINJ), "build the faultinj target")
        for fn in ("write", "fsync", "rename"):
            for n in range(1, 12):
                for err in (28, 5):  # ENOSPC, EIO
                    before = set(self.files())
                    title = f"Fault {fn} {n} {err}"
                    env = dict(self.env, LD_PRELOAD=FAULTINJ, FAULT_FN=fn, FAULT_N=str(n), FAULT_ERRNO=str(err))
                    r = subprocess.run(self.command("log-win", title), capture_output=True, env=env)
                    after = set(self.files())
                    self.all_records_parse()
                    self.assertEqual(self.temps(), [], (fn, n))
                    if r.returncode == 0:
                        win_id = r.stdout.decode().strip()
                        self.assertEqual(self.win(win_id)["title"], title)
                    elif b"the win is saved, but" in r.stderr:
                        # a fault after the rename (the folder's fsync, the pipe to git) stops
                        # the commit or the sync, never the record; the message names its id
                        win_id = r.stdout.decode().strip()
                        self.assertIn(f"it is saved as '{win_id}'".encode(), r.stderr)
                        self.assertEqual(self.win(win_id)["title"], title)
                        self.git("reset", "-q")
                    else:
                        msg = r.stderr.decode()
                        self.assertRegex(msg, r"^upward: .*(No space left on device|Input/output error)", (fn, n))
                        self.assertIn("nothing was changed", msg)
                        self.assertEqual(after, before, (fn, n, msg))
        self.check_finds_only_uncommitted()

    def test_a_batch_that_fails_midway_leaves_nothing(self):
        self.assertTrue(os.path.exists(FAULTINJ), "build the faultinj target")
        lines = "".join(f"Batch win {i}\n" for i in range(5))
        for fn, n in (("rename", 3), ("fsync", 5), ("write", 4)):
            env = dict(self.env, LD_PRELOAD=FAULTINJ, FAULT_FN=fn, FAULT_N=str(n), FAULT_ERRNO="5")
            r = subprocess.run(self.command("log-win", "--stdin-lines"), input=lines.encode(), capture_output=True,
                               env=env)
            self.assertEqual(r.returncode, 1, (fn, n))
            self.assertEqual(r.stdout, b"")
            self.assertEqual(self.files(), [], (fn, n))
            self.assertEqual(self.temps(), [])
        self.assertEqual(len(self.commits()), 1)

    def test_twenty_concurrent_goal_updates_are_all_appended(self):
        goal = os.path.join(self.repo, "goals", "g.toml")
        self.ok("goals", "add", "Goal", "--id", "g")
        with open(goal, "a") as f:
            f.write("# a comment the user wrote\n")
        before = self.read(goal)
        procs = [subprocess.Popen(self.command("goals", "update", "g", "--progress", str(i), "--note", f"n{i}"),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env) for i in range(20)]
        for p in procs:
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        text = self.read(goal)
        self.assertTrue(text.startswith(before))
        with open(goal, "rb") as f:
            updates = tomllib.load(f)["update"]
        self.assertEqual(sorted(u["progress"] for u in updates), list(range(20)))
        # init, goals add, the user's comment committed first as its own commit, then 20 updates
        commits = self.commits()
        self.assertEqual(len(commits), 23)
        self.assertEqual(commits[-3], "edit by hand: goals/g.toml")
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_injected_io_errors_never_damage_a_goal_file(self):
        self.assertTrue(os.path.exists(FAULTINJ), "build the faultinj target")
        goal = os.path.join(self.repo, "goals", "g.toml")
        self.ok("goals", "add", "Goal", "--id", "g")
        for fn in ("write", "fsync", "rename"):
            for n in range(1, 8):
                before = self.read(goal)
                env = dict(self.env, LD_PRELOAD=FAULTINJ, FAULT_FN=fn, FAULT_N=str(n), FAULT_ERRNO="28")
                r = subprocess.run(self.command("goals", "update", "g", "--note", f"{fn} {n}"), capture_output=True,
                                   env=env)
                after = self.read(goal)
                self.assertEqual(self.temps(), [], (fn, n))
                with open(goal, "rb") as f:
                    tomllib.load(f)
                if r.returncode == 0 or b"the change is saved, but" in r.stderr:
                    self.assertEqual(after, before + f'\n[[update]]\ndate = 2026-11-23\nnote = "{fn} {n}"\n')
                    self.git("reset", "-q")
                else:
                    self.assertEqual(after, before, (fn, n, r.stderr))

    def test_fuzzed_titles_read_back_identically(self):
        rng = random.Random(42)
        alphabet = ([chr(c) for c in range(1, 128)] + list("éüß☃€𝄞🎉日本語") + ['"""', "'''", "\\u00e9", "\\"])
        titles = []
        for _ in range(60):
            t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
            if not t.strip():
                t += "x"
            titles.append(t)
        with open(os.path.join(self.repo, "upward.toml")) as f:
            cfg = f.read().replace("autocommit = true", "autocommit = false")
        with open(os.path.join(self.repo, "upward.toml"), "w") as f:
            f.write(cfg)
        for t in titles:
            win_id = self.ok("log-win", "--", t).strip()
            self.assertEqual(self.win(win_id)["title"], t)
