"""The completions, asked through real shells: every command and option the binary parses is offered.

The list of commands and options comes from the binary's own CLI11 definitions
(`upward __options`), so an option added to a command without its completion fails here, in
bash (with the bash-completion package), zsh and fish alike.
"""
import os
import shutil
import subprocess
import unittest

from harness import BIN, SRC, UpwardTest
from shells import Bash, Zsh

COMP = os.path.join(SRC, "completions")
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"
ALWAYS = {"-h", "--help", "-V", "--version"}  # every command takes them (CLI11's help and version)


def parsed():
    """{command path: set of option names} and the global options, from the binary."""
    out = subprocess.run([BIN, "__options"], capture_output=True, text=True, check=True).stdout
    commands, globals_ = {}, set(ALWAYS)
    for line in out.splitlines():
        path, names, kind = line.split("\t")
        if kind == "command":
            commands.setdefault(path, set())
        elif not kind.startswith("positional"):
            (commands.setdefault(path, set()) if path else globals_).update(names.split(","))
    return commands, globals_


def children(commands, path):
    return {p.split()[-1] for p in commands if p.startswith(path + " ") and len(p.split()) == len(path.split()) + 1}


class CompletionListsTest(UpwardTest):
    """For each command path: the options a shell offers after `-` are exactly those CLI11 parses."""

    @classmethod
    def setUpClass(cls):
        cls.commands, cls.globals = parsed()

    def setUp(self):
        super().setUp()
        self.env["PATH"] = os.path.dirname(BIN) + ":" + self.env["PATH"]  # as when installed
        self.init()

    def expected(self, path):
        return self.commands[path] | self.globals

    def test_the_binary_lists_every_command(self):
        self.assertGreater(len(self.commands), 30)
        for cmd in ("log-win", "digest", "prep-1on1", "goals", "goals update", "nudge", "harvest", "sync"):
            self.assertIn(cmd, self.commands)

    def test_bash_offers_every_option_of_every_command(self):
        lines = [f"source {COMP}/upward.bash"]
        for path in sorted(self.commands):
            if path == "help":
                continue
            words = ["upward", *path.split(), "-"]
            lines.append(f"COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); _upward; "
                         f"echo \"{path}:${{COMPREPLY[*]}}\"")
        r = subprocess.run(["bash", "--norc", "-c", "\n".join(lines)], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        offered = dict(line.split(":", 1) for line in r.stdout.splitlines())
        for path in sorted(self.commands):
            if path == "help":
                continue
            with self.subTest(shell="bash", command=path):
                self.assertEqual(set(offered[path].split()), self.expected(path))

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish_offers_every_option_of_every_command(self):
        script = "; ".join([f"source {COMP}/upward.fish"] + [
            f"echo '@@{path}'; complete -C'upward {path} -'" for path in sorted(self.commands) if path != "help"])
        r = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        offered, path = {}, None
        for line in r.stdout.splitlines():
            if line.startswith("@@"):
                path = line[2:]
                offered[path] = set()
            else:
                offered[path].add(line.split("\t")[0])
        for path in sorted(offered):
            with self.subTest(shell="fish", command=path):
                self.assertEqual(offered[path], self.expected(path))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
    def test_zsh_offers_every_option_of_every_command(self):
        zsh = Zsh(COMP, self.env)
        try:
            for path in sorted(self.commands):
                if path == "help":
                    continue
                with self.subTest(shell="zsh", command=path):
                    offered = {w for w in zsh.complete(f"upward {path} -") if w.startswith("-")}
                    self.assertEqual(offered, self.expected(path))
        finally:
            zsh.close()

    def test_bash_offers_every_sub_command(self):
        tops = {p for p in self.commands if " " not in p}
        script = f"source {COMP}/upward.bash\n" + "\n".join(
            f"COMP_WORDS=(upward {p} ''); COMP_CWORD={len(p.split()) + 1}; COMPREPLY=(); _upward; "
            f"echo \"{p}:${{COMPREPLY[*]}}\"" for p in sorted(["", *tops]))
        r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=self.env)
        bash = dict(line.split(":", 1) for line in r.stdout.splitlines())
        for path in sorted(["", *tops]):
            subs = children(self.commands, path) if path else tops
            if not subs:
                continue
            with self.subTest(shell="bash", command=path):
                self.assertLessEqual(subs, set(bash[path].split()))


class RealShellTest(UpwardTest):
    """Typing, as a user does: `upward <TAB>` and `upward goals update <TAB>` in real shells."""

    def setUp(self):
        super().setUp()
        self.env["PATH"] = os.path.dirname(BIN) + ":" + self.env["PATH"]
        self.init()
        for goal in ("checkout-latency", "hiring"):
            self.ok("goals", "add", goal.title(), "--id", goal)
        self.env["UPWARD_DIR"] = self.repo

    @unittest.skipUnless(os.path.exists(BASH_COMPLETION), "the bash-completion package is not installed")
    def test_bash_with_bash_completion(self):
        bash = Bash(BASH_COMPLETION, os.path.join(COMP, "upward.bash"), self.env)
        try:
            listed, _ = bash.complete("upward ")
            self.assertLessEqual({"log-win", "prep-1on1", "digest", "goals"}, listed)
            listed, _ = bash.complete("upward goals update ")
            self.assertLessEqual({"checkout-latency", "hiring"}, listed)
            _, line = bash.complete("upward goals update chec")  # one fits: TAB writes it
            self.assertEqual(line, "upward goals update checkout-latency")
            listed, _ = bash.complete(f"upward --dir {self.repo} log-win -g ")
            self.assertLessEqual({"checkout-latency", "hiring"}, listed)
        finally:
            bash.close()

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
    def test_zsh(self):
        zsh = Zsh(COMP, self.env)
        try:
            self.assertLessEqual({"log-win", "prep-1on1", "digest", "goals"}, zsh.complete("upward "))
            self.assertEqual({"checkout-latency", "hiring"}, zsh.complete("upward goals update "))
            other = os.path.join(self.tmp, "other")
            self.ok("init", other)
            self.ok("--dir", other, "goals", "add", "Elsewhere", "--id", "elsewhere")
            # --dir before the command names the repository the ids come from
            self.assertEqual({"elsewhere"}, zsh.complete(f"upward --dir {other} goals update "))
        finally:
            zsh.close()


class OneIdTest(UpwardTest):
    """A command that takes one id offers ids only until it has one; `--dir=DIR` names the repository too."""

    def setUp(self):
        super().setUp()
        self.env["PATH"] = os.path.dirname(BIN) + ":" + self.env["PATH"]
        self.init()
        for goal in ("checkout-latency", "hiring"):
            self.ok("goals", "add", goal.title(), "--id", goal)
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")

    LINES = [("goals update ", {"checkout-latency", "hiring"}), ("goals update hiring ", set()),
             ("goals update --note x ", {"checkout-latency", "hiring"}), ("people show dana ", set()),
             ("prep-1on1 dana ", set()), ("set goal hiring ", set()), ("set goal ", {"checkout-latency", "hiring"})]

    def test_bash(self):
        script = f"source {COMP}/upward.bash\n"
        for rest, _ in self.LINES:
            for dir_words in (f"--dir {self.repo}", f"--dir = {self.repo}"):  # bash splits --dir=DIR at '='
                words = ["upward", *dir_words.split(), *rest.split(), "''"]
                script += (f"COMP_WORDS=({' '.join(words)}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); _upward; "
                           f"echo \"${{COMPREPLY[*]}}\"\n")
        r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=self.env)
        got = r.stdout.splitlines()
        for n, (rest, want) in enumerate(self.LINES):
            for k in range(2):
                with self.subTest(line=rest, form=k):
                    self.assertEqual(set(got[2 * n + k].split()) - {"add", "done", "list", "marcus"}, want)

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish(self):
        script = f"source {COMP}/upward.fish; " + "; ".join(
            f"echo @@; complete -C'upward {form}{self.repo} {rest}'" for rest, _ in self.LINES
            for form in ("--dir ", "--dir="))
        r = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True, env=self.env)
        got = r.stdout.split("@@\n")[1:]
        for n, (rest, want) in enumerate(self.LINES):
            for k in range(2):
                with self.subTest(line=rest, form=k):
                    words = {l.split("\t")[0] for l in got[2 * n + k].splitlines()}
                    self.assertEqual(words - {"add", "done", "list"}, want)
