import json
import os
import stat
import subprocess
import tomllib

from harness import BIN, UpwardTest


class InitTest(UpwardTest):
    def test_init_creates_a_private_repository_with_git(self):
        self.init()
        with open(os.path.join(self.repo, "upward.toml"), "rb") as f:
            cfg = tomllib.load(f)
        self.assertEqual(cfg["schema"], 1)
        self.assertEqual(cfg["week_start"], "monday")
        self.assertEqual(cfg["me"], {"name": "Ada Tester", "email": "ada@example.com"})
        self.assertEqual(cfg["git"]["autocommit"], True)
        for sub in ("", "wins", "goals", "people", "1on1s"):
            mode = stat.S_IMODE(os.stat(os.path.join(self.repo, sub)).st_mode)
            self.assertEqual(mode, 0o700, sub)
        for f in ("upward.toml", ".gitignore"):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.repo, f)).st_mode), 0o600, f)
        with open(os.path.join(self.repo, ".gitignore")) as f:
            ignored = f.read().split("\n")
        self.assertIn(".upward.lock", ignored)
        self.assertIn(".*.upward-tmp.*", ignored)
        self.assertNotIn(".*.tmp.*", ignored)  # a user's own .notes.tmp.x stays visible to git
        self.assertEqual(self.commits(), ["init: upward repository"])
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_init_takes_name_and_email_from_git(self):
        with open(os.path.join(self.home, ".gitconfig"), "w") as f:
            f.write("[user]\n\tname = Grace \\\"Amazing\\\" Hopper\n\temail = grace@example.com\n")
        r = self.run_upward("init")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(self.repo, "upward.toml"), "rb") as f:
            cfg = tomllib.load(f)
        self.assertEqual(cfg["me"]["name"], 'Grace "Amazing" Hopper')
        self.assertEqual(cfg["me"]["email"], "grace@example.com")

    def test_init_dir_argument_and_second_init(self):
        other = os.path.join(self.tmp, "elsewhere")
        r = self.run_upward("init", other, "--name", "A")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(os.path.join(other, "upward.toml")))
        self.assertFalse(os.path.exists(self.repo))
        before = self.read(os.path.join(other, "upward.toml"))
        r = self.run_upward("init", other)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"already an upward repository", r.stderr)
        self.assertEqual(self.read(os.path.join(other, "upward.toml")), before)

    def test_first_write_creates_the_default_repository(self):
        env = {"XDG_DATA_HOME": os.path.join(self.tmp, "xdg")}
        r = subprocess.run([BIN, "log-win", "First win"], capture_output=True, env=dict(self.env, **env))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"2026-11-23-first-win\n")
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "xdg/upward/wins/2026/11/2026-11-23-first-win.toml")))
        self.assertIn(b"created an upward repository", r.stderr)

    def test_a_foreign_folder_is_not_written_into(self):
        os.mkdir(self.repo)
        with open(os.path.join(self.repo, "notes.txt"), "w") as f:
            f.write("mine\n")
        r = self.run_upward("log-win", "A win")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"is not an upward repository (no upward.toml); run 'upward init", r.stderr)
        self.assertEqual(os.listdir(self.repo), ["notes.txt"])

    def test_version_and_help(self):
        r = self.run_upward("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^\d+\.\d+\.\d+\n$")
        self.assertEqual(self.run_upward("-V").stdout, r.stdout)
        for cmd in ([], ["init"], ["log-win"], ["goals"], ["goals", "add"], ["people", "add"], ["check"]):
            r = self.run_upward(*cmd, "--help")
            self.assertEqual(r.returncode, 0)
            self.assertIn("Usage: " + " ".join(["upward", *cmd]) + " [OPTIONS]", r.stdout.decode())
            self.assertEqual(self.run_upward("help", *cmd).stdout, r.stdout, cmd)  # upward help [COMMAND]
        r = self.run_upward("help", "goals", "nope")
        self.assertEqual((r.returncode, r.stdout, r.stderr.decode()),
                         (2, b"", "upward: unknown command 'nope' (expected list, add, update, done, show, align)\n"))

    def test_only_the_named_command_is_built_and_help_still_lists_every_command(self):
        # upward builds the options of the command the line names only; the top-level help,
        # a help flag before the command and a global option's value that is a command's name still work
        full = self.run_upward("--help").stdout.decode()
        names = ["init", "log-win", "digest", "prep-1on1", "outcome", "goals", "people", "wins", "edit", "set",
                 "rm", "check", "nudge", "harvest", "sync"]
        for name in names:
            self.assertRegex(full, rf"\n  {name} ", name)
        self.assertEqual(self.run_upward("-q", "--color", "never", "--help").stdout.decode(), full)
        self.assertIn("Usage: upward goals [OPTIONS]", self.run_upward("--help", "goals").stdout.decode())
        other = os.path.join(self.tmp, "wins")  # --dir's value is a command's name: the command is `init`
        r = subprocess.run([BIN, "--dir", "wins", "init", "--name", "A", "--email", "a@example.com"], cwd=self.tmp,
                           capture_output=True, env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(os.path.join(other, "upward.toml")))
        r = subprocess.run([BIN, "--dir=wins", "-q", "wins", "--format", "json"], cwd=self.tmp, capture_output=True, env=self.env)
        self.assertEqual((r.returncode, json.loads(r.stdout)["wins"]), (0, []), r.stderr)

    def test_usage_errors_exit_2(self):
        for args in (["bogus"], ["log-win", "--bogus", "x"], ["log-win", "--kind", "brag", "x"],
                     ["--color", "sometimes", "check"], [], ["--today", "someday", "check"]):
            r = self.run_upward(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertEqual(r.stdout, b"", args)
            self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)
        r = self.run_upward("-x")  # an unknown option with no command is named as such
        self.assertEqual((r.returncode, r.stderr.decode().splitlines()[0]), (2, "upward: unknown option '-x'"))
        r = subprocess.run([BIN, "--dir", "", "log-win", "x"], capture_output=True, env=self.env)  # --dir "$UNSET"
        self.assertEqual((r.returncode, r.stderr.decode()), (2, "upward: --dir: the repository folder is empty\n"))
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local")))
        r = self.run_upward("bogus")
        self.assertEqual(r.stderr.decode().splitlines()[0],
                         "upward: unknown command 'bogus' (expected help, init, log-win, digest, prep-1on1, outcome, goals, people, wins, edit, set, rm, check, nudge, harvest, sync)")
        r = self.run_upward("goals", "bogus")
        self.assertEqual((r.returncode, r.stderr.decode().splitlines()[0]),
                         (2, "upward: unknown command 'bogus' (expected list, add, update, done, show, align)"))
        r = self.run_upward("goals", "update", "x", "--status", "At Risk")
        self.assertEqual((r.returncode, r.stderr.decode().splitlines()[0]),
                         (2, "upward: --status: unknown value 'At Risk' (expected on-track, at-risk, blocked, done, "
                             "dropped)"))
