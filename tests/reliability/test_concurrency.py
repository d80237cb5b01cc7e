"""Eight processes, twenty-five mixed writes each, all at once (issue 13 §2): every record present,
every file valid, one git commit per write, `git fsck` clean."""
import os
import subprocess
import sys
import tomllib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402
from test_write_path import figures  # noqa: E402

WRITERS, WRITES = 8, 25


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


class ConcurrencyTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager", "--primary")
        self.ok("goals", "add", "Shared goal", "--id", "shared")

    def writes(self, w):
        """Writer w's 25 commands, each leaving one record the test can find."""
        for k in range(WRITES):
            tag = f"w{w}k{k}"
            kind = k % 5
            if kind == 0:
                yield ["log-win", f"Win {tag}", "-t", "load"]
            elif kind == 1:
                yield ["goals", "update", "shared", "--note", f"note {tag}"]
            elif kind == 2:
                yield ["prep-1on1", "add", "--with", "dana", f"Topic {tag}"]
            elif kind == 3:
                yield ["goals", "add", f"Goal {tag}", "--id", f"g-{tag}"]
            else:
                yield ["people", "add", f"p-{tag}", "--name", f"P {tag}", "--relationship", "peer"]

    def test_eight_writers_of_mixed_commands_lose_nothing(self):
        before = len(self.commits())
        script = "\n".join(  # each writer is one shell running its commands in a row, all writers at once
            "(" + "; ".join(" ".join(["'" + BIN + "'", "-q", "--dir", "'" + self.repo + "'",
                                      *("'" + a + "'" for a in argv)]) + " >/dev/null || echo FAILED " + str(w)
                            for argv in self.writes(w)) + ") &"
            for w in range(WRITERS)) + "\nwait\n"
        r = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=self.env, timeout=600)
        self.assertNotIn("FAILED", r.stdout, r.stderr)
        self.assertEqual(r.stderr, "")
        notes = [u.get("note") for u in load(os.path.join(self.repo, "goals", "shared.toml"))["update"]]
        wins = {load(os.path.join(self.repo, f))["title"] for f in self.files()}
        topics = os.listdir(os.path.join(self.repo, "1on1s", "dana", "topics"))
        for w in range(WRITERS):
            for k in range(WRITES):
                tag = f"w{w}k{k}"
                with self.subTest(write=tag):
                    kind = k % 5
                    if kind == 0:
                        self.assertIn(f"Win {tag}", wins)
                    elif kind == 1:
                        self.assertEqual(notes.count(f"note {tag}"), 1)
                    elif kind == 2:
                        self.assertIn(f"2026-11-23-topic-{tag}.toml", topics)
                    elif kind == 3:
                        self.assertTrue(os.path.exists(os.path.join(self.repo, "goals", f"g-{tag}.toml")))
                    else:
                        self.assertTrue(os.path.exists(os.path.join(self.repo, "people", f"p-{tag}.toml")))
        for root, dirs, names in os.walk(self.repo):
            dirs[:] = [d for d in dirs if d != ".git"]
            for n in names:
                self.assertNotIn(".upward-tmp.", n)
                if n.endswith(".toml"):
                    load(os.path.join(root, n))
        commits = len(self.commits()) - before
        self.assertEqual(commits, WRITERS * WRITES)  # one commit per write, none lost, none merged
        self.assertEqual(self.git("status", "--porcelain"), "")
        fsck = subprocess.run(["git", "-C", self.repo, "fsck", "--strict"], capture_output=True, text=True,
                              env=self.env)
        self.assertEqual(fsck.returncode, 0, fsck.stderr)
        self.assertEqual(self.run_upward("check").returncode, 0)
        figures("concurrent mixed writes", {"writers": WRITERS, "writes": WRITERS * WRITES, "commits": commits,
                                            "records lost": 0})
