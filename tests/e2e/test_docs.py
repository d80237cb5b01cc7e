"""Man pages and completions say what the binary does, and real tools accept them."""
import os
import re
import shutil
import subprocess
import unittest

from harness import BIN, SRC, UpwardTest

COMMANDS = ["init", "log-win", "digest", "prep-1on1", "outcome", "goals", "people", "wins", "edit", "set", "rm",
            "check", "nudge", "harvest", "sync"]  # and `help`, which needs no page of its own
# every command line whose options must be documented and completed, with its man page
COMMAND_LINES = [(["init"], "init"), (["log-win"], "log-win"), (["check"], "check"), (["goals"], "goals"),
                 (["goals", "add"], "goals"), (["goals", "update"], "goals"), (["goals", "done"], "goals"),
                 (["goals", "show"], "goals"), (["goals", "align"], "goals"), (["people"], "people"),
                 (["people", "add"], "people"), (["people", "show"], "people"), (["prep-1on1"], "prep-1on1"),
                 (["prep-1on1", "add"], "prep-1on1"), (["prep-1on1", "done"], "prep-1on1"),
                 (["prep-1on1", "list"], "prep-1on1"), (["outcome"], "outcome"), (["digest"], "digest"),
                 (["wins"], "wins"), (["wins", "show"], "wins"), (["edit"], "edit"), (["set", "win"], "set"),
                 (["set", "goal"], "set"), (["set", "person"], "set"), (["rm", "win"], "rm"),
                 (["rm", "goal"], "rm"), (["rm", "person"], "rm"), (["rm", "topic"], "rm"), (["nudge"], "nudge"),
                 (["harvest"], "harvest"), (["sync"], "sync")]
MAN = os.path.join(SRC, "man")
COMP = os.path.join(SRC, "completions")


def long_options(argv):
    out = subprocess.run([BIN, *argv, "--help"], capture_output=True, text=True).stdout
    return sorted(set(re.findall(r"(--[a-z][a-z-]+)", out)) - {"--help"})


def read(path):
    with open(path) as f:
        return f.read()


class DocsTest(UpwardTest):
    def test_man_pages_have_no_warnings(self):
        pages = sorted(os.listdir(MAN))
        self.assertEqual(pages, ["upward-check.1", "upward-digest.1", "upward-edit.1", "upward-files.5",
                                 "upward-goals.1", "upward-harvest.1", "upward-init.1", "upward-log-win.1",
                                 "upward-nudge.1", "upward-outcome.1", "upward-people.1", "upward-prep-1on1.1",
                                 "upward-rm.1", "upward-set.1", "upward-sync.1", "upward-wins.1", "upward.1"])
        for page in pages:
            r = subprocess.run(["groff", "-man", "-ww", "-z", os.path.join(MAN, page)], capture_output=True, text=True)
            self.assertEqual((r.returncode, r.stderr), (0, ""), page)
            if shutil.which("mandoc"):
                r = subprocess.run(["mandoc", "-Tlint", "-Wstyle", os.path.join(MAN, page)], capture_output=True,
                                   text=True)
                self.assertEqual(r.stdout + r.stderr, "", page)

    def test_every_option_is_documented_and_completed(self):
        bash, zsh, fish = (read(os.path.join(COMP, f)) for f in ("upward.bash", "_upward", "upward.fish"))
        for argv, cmd in COMMAND_LINES:
            page = read(os.path.join(MAN, f"upward-{cmd}.1")).replace("\\-", "-")
            for opt in long_options(argv):
                if opt in ("--dir", "--today", "--color", "--quiet", "--version"):
                    continue  # global: documented in upward(1)
                with self.subTest(argv=argv, opt=opt):
                    self.assertIn(opt, page)
                    self.assertIn(opt, bash)
                    self.assertIn(opt, zsh)
                    self.assertIn("-l " + opt[2:], fish)
        top = read(os.path.join(MAN, "upward.1")).replace("\\-", "-")
        for opt in ("--dir", "--today", "--color", "--quiet", "--version"):
            self.assertIn(opt, top)
        readme = read(os.path.join(SRC, "README.md"))
        for cmd in COMMANDS:
            self.assertIn(f"upward {cmd}", readme)
            self.assertIn(f"upward-{cmd}", top)

    def test_no_man_page_documents_an_option_that_does_not_exist(self):
        given = {}
        for argv, cmd in COMMAND_LINES:
            given.setdefault(cmd, set()).update(long_options(argv))
        for cmd, options in given.items():
            text = read(os.path.join(MAN, f"upward-{cmd}.1"))
            section = text.split(".SH OPTIONS", 1)[1].split("\n.SH ", 1)[0] if ".SH OPTIONS" in text else ""
            documented = set()
            for heading in re.findall(r"^\.TP\n\.B[IR]? (.*)$", section, re.M):  # each option's own heading
                documented.update(re.findall(r"(--[a-z][a-z-]+)", heading.replace("\\-", "-")))
            with self.subTest(page=f"upward-{cmd}.1"):
                if options - {"--dir", "--today", "--color", "--quiet", "--version"}:  # check and edit have none
                    self.assertTrue(documented, "no option headings found: the test no longer reads this page")
                self.assertEqual(documented - options - {"--dir", "--today", "--color", "--quiet", "--version"}, set())

    def make_goals(self):
        # the scripts ask the binary (upward __complete): it is on PATH, as when installed
        self.env = dict(self.env, PATH=os.path.dirname(BIN) + ":" + self.env["PATH"])
        self.init()
        for goal in ("checkout-latency", "hiring"):
            with open(os.path.join(self.repo, "goals", goal + ".toml"), "w") as f:
                f.write('title = "x"\n')

    def test_bash_completes_commands_options_and_goal_ids(self):
        self.make_goals()
        script = f"""
source {COMP}/upward.bash
complete -p upward
COMP_WORDS=(upward lo); COMP_CWORD=1; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward log-win --go); COMP_CWORD=2; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward --dir {self.repo} log-win -g ''); COMP_CWORD=5; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward --dir {self.repo} goals update ''); COMP_CWORD=5; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward goals a); COMP_CWORD=2; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward people add dana --rel); COMP_CWORD=4; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward help go); COMP_CWORD=2; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward help goals a); COMP_CWORD=3; _upward; echo "${{COMPREPLY[*]}}"
"""
        r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout.splitlines(), ["complete -F _upward upward", "log-win", "--goal",
                                                 "checkout-latency hiring", "checkout-latency hiring", "add align",
                                                 "--relationship", "goals", "add align"])

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
    def test_zsh_loads_the_completion(self):
        script = f"fpath=({COMP} $fpath); autoload -Uz compinit; compinit -u -D; print -r -- $_comps[upward]"
        r = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual((r.stdout.strip(), r.stderr), ("_upward", ""))
        r = subprocess.run(["zsh", "-n", os.path.join(COMP, "_upward")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish_completes_commands_options_and_goal_ids(self):
        self.make_goals()
        script = (f"source {COMP}/upward.fish; complete -C'upward '; echo ---; complete -C'upward log-win --go'; "
                  f"echo ---; complete -C'upward --dir {self.repo} log-win -g '; "
                  f"echo ---; complete -C'upward --dir {self.repo} goals show '")
        r = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        parts = r.stdout.split("---\n")
        self.assertIn("log-win\tRecord a win and why it mattered", parts[0])
        self.assertIn("--goal\tGoal id", parts[1])
        self.assertEqual(sorted(l.split("\t")[0] for l in parts[2].splitlines()), ["checkout-latency", "hiring"])
        self.assertEqual(sorted(l.split("\t")[0] for l in parts[3].splitlines()), ["checkout-latency", "hiring"])


class OneOnOneCompletionTest(UpwardTest):
    """prep-1on1 completes its sub-commands, person ids and the open action ids the binary lists."""

    def setUp(self):
        super().setUp()
        shutil.copytree(os.path.join(SRC, "examples", "demo"), self.repo)
        self.env = dict(self.env, PATH=os.path.dirname(BIN) + ":" + self.env["PATH"])

    def test_bash_completes_people_and_open_actions(self):
        script = f"""
source {COMP}/upward.bash
COMP_WORDS=(upward --dir {self.repo} prep-1on1 done ''); COMP_CWORD=5; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward --dir {self.repo} prep-1on1 ''); COMP_CWORD=4; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward prep-1on1 add --kind p); COMP_CWORD=4; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward ou); COMP_CWORD=1; _upward; echo "${{COMPREPLY[*]}}"
"""
        r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout.splitlines(), ["intro-sre-lead send-vendor-plan hiring-loop-feedback",
                                                 "add done list dana marcus priya", "problem", "outcome"])

    @unittest.skipUnless(shutil.which("fish"), "fish is not installed")
    def test_fish_completes_open_actions(self):
        script = f"source {COMP}/upward.fish; complete -C'upward --dir {self.repo} prep-1on1 done '"
        r = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True, env=self.env)
        self.assertEqual(r.stderr, "")
        self.assertEqual(sorted(l.split("\t")[0] for l in r.stdout.splitlines()),
                         ["hiring-loop-feedback", "intro-sre-lead", "send-vendor-plan"])
