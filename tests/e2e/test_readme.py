"""The README's tour and every example in the man pages run as written, pasted into a shell."""
import os
import re
import subprocess
import tomllib

from harness import BIN, SRC, TODAY, UpwardTest

NO_IDENTITY = ("Please tell me who you are", "unable to auto-detect email address", "empty ident name")


def shell_commands(text):
    """The commands of a shell snippet: `\\` continuations joined, comments and blank lines dropped."""
    commands, current = [], ""
    for line in text.splitlines():
        if line.endswith("\\"):
            current += line[:-1]
            continue
        current += line
        command = re.sub(r"\s+#.*$", "", current).strip()
        current = ""
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def readme_blocks():
    with open(os.path.join(SRC, "README.md")) as f:
        return re.findall(r"```sh\n(.*?)```", f.read(), re.S)


def tour():
    block = [b for b in readme_blocks() if "upward init" in b][0]
    return shell_commands(block)


def man_examples(page):
    """The commands of a man page's EXAMPLES section, with groff's escapes undone."""
    with open(os.path.join(SRC, "man", page)) as f:
        text = f.read()
    section = text.split(".SH EXAMPLES", 1)[1].split("\n.SH ", 1)[0] if ".SH EXAMPLES" in text else ""
    out = []
    for block in re.findall(r"^\.EX\n(.*?)^\.EE", section, re.S | re.M):
        block = block.replace("\\-", "-").replace("\\(dq", '"').replace("\\e", "\\").replace("\\(->", "->")
        out += shell_commands(block)
    return out


class ShellTest(UpwardTest):
    """Runs command lines through bash with `upward` on PATH, as a user pastes them."""

    def setUp(self):
        super().setUp()
        self.bin = os.path.join(self.tmp, "bin")
        os.mkdir(self.bin)
        os.symlink(BIN, os.path.join(self.bin, "upward"))
        self.editor = os.path.join(self.bin, "editor")
        with open(self.editor, "w") as f:
            f.write('#!/bin/sh\nprintf "Wrote the on-call guide\\n\\nNew hires ship on day two\\n" > "$1"\n')
        os.chmod(self.editor, 0o755)
        self.project = os.path.join(self.tmp, "project")  # where `git log | upward log-win` runs
        os.mkdir(self.project)
        ident = ["-c", "user.name=Sam Rivera", "-c", "user.email=sam@example.com"]
        env = dict(self.env, GIT_AUTHOR_DATE="", GIT_COMMITTER_DATE="")  # now: `--since=1.week` finds them
        for args in (["init", "-q"], [*ident, "commit", "-q", "--allow-empty", "-m", "Fix flaky checkout test"],
                     [*ident, "commit", "-q", "--allow-empty", "-m", "Add retry to the payment client"]):
            subprocess.run(["git", "-C", self.project, *args], check=True, env=env, capture_output=True)

    def shell_env(self, identity=True):
        env = dict(self.env, PATH=self.bin + ":" + self.env["PATH"], EDITOR=self.editor)
        if not identity:  # a new machine: no ~/.gitconfig, no GIT_AUTHOR_*/GIT_COMMITTER_*
            env = {k: v for k, v in env.items() if not k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))}
        return env

    def sh(self, command, env, cwd=None):
        return subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True,
                              env=env, cwd=cwd or self.project, stdin=subprocess.DEVNULL)


class ReadmeTourTest(ShellTest):
    def run_tour(self, identity):
        env = self.shell_env(identity)
        repo = os.path.join(self.home, ".local", "share", "upward")
        results = []
        for command in tour():
            r = self.sh(command, env)
            results.append((command, r))
            if r.returncode != 0:
                return repo, results
        return repo, results

    def check_tour(self, repo, results):
        for command, r in results:
            self.assertEqual(r.returncode, 0, f"{command}\n{r.stderr}")
            self.assertNotIn("warning", r.stderr, command)
        out = {command: r.stdout for command, r in results}
        lines = list(out)
        self.assertEqual(len(lines), 26, lines)
        self.assertTrue(os.path.isfile(os.path.join(repo, "upward.toml")))
        self.assertEqual(out[lines[1]], "dana\n")
        # the id, on stdout, and the file the README shows
        self.assertEqual(out[lines[2]], "2026-11-23-cut-checkout-p99-from-900-ms-to-350-ms\n")
        with open(os.path.join(SRC, "README.md")) as f:
            readme = f.read()
        shown = tomllib.loads(re.search(r"```toml\n(.*?)```", readme, re.S).group(1))
        win = self.read_win(repo, out[lines[2]].strip())
        self.assertEqual(win, shown)
        w = self.read_win(repo, out[lines[3]].strip())
        self.assertEqual((w["title"], w["date"].isoformat(), w["seen_by"]),
                         ("Ran the incident review", "2026-11-20", ["dana"]))
        w = self.read_win(repo, out[lines[4]].strip())
        self.assertEqual((w["title"], w["kind"], w["from"]), ("Thanks for unblocking the launch", "kudos", "dana"))
        w = self.read_win(repo, out[lines[5]].strip())
        self.assertEqual((w["title"], w["impact"]), ("Wrote the on-call guide", "New hires ship on day two"))
        ids = out[lines[6]].split()
        self.assertEqual(sorted(self.read_win(repo, i)["title"] for i in ids),
                         ["Add retry to the payment client", "Fix flaky checkout test"])
        self.assertTrue(all(self.read_win(repo, i)["tags"] == ["git"] for i in ids))
        self.assertEqual([out[lines[7]], out[lines[8]]], ["q4-conversion\n", "checkout-latency\n"])
        with open(os.path.join(repo, "goals", "checkout-latency.toml"), "rb") as f:
            goal = tomllib.load(f)
        self.assertEqual(goal["supports"], ["q4-conversion"])
        self.assertEqual((goal["update"][-1]["progress"], goal["update"][-1]["status"]), (40, "at-risk"))
        self.assertEqual(self.read_win(repo, out[lines[10]].strip())["goals"], ["checkout-latency"])
        goals = out[lines[11]]  # yours, then Dana's
        self.assertLess(goals.index("Checkout p99 under 400 ms"), goals.index("Checkout conversion +2% in Q4"))
        self.assertIn("Dana", goals)
        self.assertIn("at-risk", goals)
        align = out[lines[12]]
        self.assertLess(align.index("Checkout conversion +2% in Q4"), align.index("Checkout p99 under 400 ms"))
        self.assertIn("Shipped the order-history cache", align)
        topic = out[lines[13]].strip()  # prep-1on1 add: the topic's id
        with open(os.path.join(repo, "1on1s", "dana", "topics", topic + ".toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["solution"], "Move to v3")
        self.assertIn("Vendor API limits at peak", out[lines[14]])  # the agenda
        self.assertIn("Dana", out[lines[14]])
        self.assertEqual(out[lines[15]], os.path.join(repo, "1on1s", "dana", "2026-11-23.toml") + "\n")
        with open(out[lines[15]].strip(), "rb") as f:
            self.assertEqual(tomllib.load(f)["topics"], [topic])
        self.assertEqual(self.read_win(repo, "2026-11-20-ran-the-incident-review")["outcome"],
                         "No repeat in the next four weeks")
        self.assertIn("Shipped the order-history cache", out[lines[17]])  # this week's digest
        self.assertIn("Checkout p99 under 400 ms", out[lines[17]])
        self.assertIn("Ran the incident review", out[lines[18]])  # last week's, for Dana
        self.assertIn("Cut checkout p99 from 900 ms to 350 ms", out[lines[19]])  # the year's packet
        self.assertIn("To: dana@example.com", out[lines[20]])
        self.assertIn("Cut checkout p99 from 900 ms to 350 ms", out[lines[21]])  # wins --tag perf,git
        self.assertIn("Fix flaky checkout test", out[lines[21]])
        self.assertNotIn("Ran the incident review", out[lines[21]])
        self.assertIn("No repeat in the next four weeks", out[lines[22]])  # wins show
        self.assertEqual((out[lines[23]], out[lines[24]]), ("checkout-latency\n", "dana\n"))  # set
        with open(os.path.join(repo, "goals", "checkout-latency.toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["due"].isoformat(), "2026-12-18")
        with open(os.path.join(repo, "people", "dana.toml"), "rb") as f:
            dana = tomllib.load(f)
        self.assertEqual((dana["priorities"][-1], dana["style"]), ("Hiring", "detailed"))
        self.assertEqual(out[lines[25]], "")  # check: no problems
        # every change is its own commit
        log = subprocess.run(["git", "-C", repo, "log", "--format=%s"], capture_output=True, text=True).stdout
        self.assertIn("log-win: Cut checkout p99 from 900 ms to 350 ms", log)
        self.assertEqual(subprocess.run(["git", "-C", repo, "status", "--porcelain"], capture_output=True,
                                        text=True).stdout, "")

    def read_win(self, repo, win_id):
        with open(os.path.join(repo, "wins", win_id[0:4], win_id[5:7], win_id + ".toml"), "rb") as f:
            return tomllib.load(f)

    def test_the_tour_with_a_git_identity(self):
        self.check_tour(*self.run_tour(identity=True))

    def test_the_tour_on_a_machine_without_a_git_identity(self):
        repo, results = self.run_tour(identity=False)
        for command, r in results:
            self.assertFalse(any(s in r.stderr for s in NO_IDENTITY), command + ": " + r.stderr)
        self.check_tour(repo, results)

    def test_the_tour_pins_today_as_the_readme_shows(self):
        self.assertEqual(TODAY, "2026-11-23")
        self.assertIn("upward log-win -e", tour())


class ManExamplesTest(ShellTest):
    """Each page's examples, pasted in order into a fresh repository, all succeed."""

    DANA = 'upward people add dana --name "Dana Okafor" --relationship manager'
    PREPARE = {"upward-goals.1": [DANA], "upward-log-win.1": [DANA], "upward.1": [DANA],
               "upward-prep-1on1.1": [DANA], "upward-outcome.1": [DANA], "upward-digest.1": [DANA],
               "upward-harvest.1": [  # a repository of Sam's commits to harvest, in [harvest] repos
                   "git init -q ~/src/api && GIT_AUTHOR_EMAIL=sam@example.com git -C ~/src/api commit -q "
                   "--allow-empty -m 'ABC-1: Add retry to checkout'",
                   "printf '\\n[harvest]\\nrepos = [\"~/src/api\"]\\n' >> ~/.local/share/upward/upward.toml"]}

    def test_every_example_runs_as_written(self):
        pages = sorted(p for p in os.listdir(os.path.join(SRC, "man")) if p.endswith(".1"))
        blocks = {page: man_examples(page) for page in pages}
        blocks["README.md"] = [part.strip() for b in readme_blocks() if "upward init" not in b
                               for c in shell_commands(b) for part in c.split("&&")
                               if re.match(r"(\S+/)?upward ", part.strip())]
        self.assertGreater(sum(len(v) for v in blocks.values()), 15)
        for page, commands in blocks.items():
            home = os.path.join(self.tmp, "home-" + page)
            os.mkdir(home)
            env = dict(self.shell_env(), HOME=home)
            if not any(c.startswith("upward init") for c in commands):
                self.sh("upward init --name 'Sam Rivera' --email sam@example.com", env)
            for command in self.PREPARE.get(page, []) + commands:
                with self.subTest(page=page, command=command):
                    r = self.sh(command.replace("build/upward", "upward"), env, cwd=self.project if "git log" in command
                                else SRC)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertNotIn("warning", r.stderr)

    def test_multi_line_examples_continue_their_lines(self):
        for page in os.listdir(os.path.join(SRC, "man")):
            with open(os.path.join(SRC, "man", page)) as f:
                text = f.read()
            for block in re.findall(r"^\.EX\n(.*?)^\.EE", text, re.S | re.M):
                lines = block.splitlines()
                for before, line in zip(lines, lines[1:]):
                    if not line.startswith(" "):
                        continue
                    with self.subTest(page=page, line=line):
                        self.assertTrue(before.endswith("\\e"), "an indented line continues the one before it")
