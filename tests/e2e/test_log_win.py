import os
import stat
import subprocess
import tomllib

from harness import BIN, UpwardTest

HOSTILE_TITLES = [
    'Quotes "double" and \'single\'',
    "Backslashes C:\\Users\\dana\\new\\table and \\n literally",
    "Triple ''' single\nand a newline",
    'Triple """ double\nand a newline',
    "\nLeading newline",
    "Tabs\tinside\tit",
    "Emoji 🎉 and naïve ☃ and 日本語",
    "Windows path C:\\Program Files\\x",
    "$(touch pwned) `touch pwned2`; rm -rf nothing",
    "Trailing spaces   ",
    "Control \x01 bell \x07 del \x7f",
]


class LogWinTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def log(self, *args, **kw):
        return self.ok("log-win", *args, **kw).strip()

    def assert_nothing_written(self, r, code=1):
        self.assertEqual(r.returncode, code, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(self.files(), [])
        self.assertEqual(self.commits(), ["init: upward repository"])

    def test_the_design_example(self):
        os.makedirs(os.path.join(self.repo, "goals"), exist_ok=True)
        with open(os.path.join(self.repo, "goals", "checkout-latency.toml"), "w") as f:
            f.write('title = "Checkout under 400 ms"\n')
        win_id = self.log("Cut checkout p99 from 900 ms to 350 ms",
                          "-i", "Conversion +1.2% in the A/B test; unblocks the Black Friday launch",
                          "-t", "perf", "-t", "checkout", "-g", "checkout-latency", "--seen-by", "dana")
        self.assertEqual(win_id, "2026-11-23-cut-checkout-p99-from-900-ms-to-350-ms")
        self.assertEqual(self.win(win_id), {
            "date": __import__("datetime").date(2026, 11, 23),
            "title": "Cut checkout p99 from 900 ms to 350 ms",
            "impact": "Conversion +1.2% in the A/B test; unblocks the Black Friday launch",
            "tags": ["perf", "checkout"],
            "goals": ["checkout-latency"],
            "seen_by": ["dana"],
        })
        self.assertEqual(self.commits()[0], "log-win: Cut checkout p99 from 900 ms to 350 ms")
        self.assertEqual(self.git("status", "--porcelain"), "?? goals/\n")  # only the hand-made goal

    def test_hostile_titles_read_back_identically(self):
        for title in HOSTILE_TITLES:
            with self.subTest(title=title):
                win_id = self.log(title)
                self.assertEqual(self.win(win_id)["title"], title)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "pwned")))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "pwned2")))
        self.assertEqual(len(self.commits()), len(HOSTILE_TITLES) + 1)
        for msg in self.commits()[:-1]:
            self.assertTrue(msg.startswith("log-win: "), msg)
        for path in self.files():
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.repo, path)).st_mode), 0o600)
        for d in ("wins", "wins/2026", "wins/2026/11"):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.repo, d)).st_mode), 0o700)

    def test_invalid_utf8_is_refused(self):
        self.assert_nothing_written(self.run_upward("log-win", b"bad \xff\xfe title"))
        self.assert_nothing_written(self.run_upward("log-win", "ok", "-i", b"bad \xc3"))
        self.assert_nothing_written(self.run_upward("log-win", "-", input=b"bad \xff\n"))
        r = self.run_upward("log-win", "--stdin-lines", input=b"good one\nbad \xff\n")
        self.assert_nothing_written(r)
        self.assertIn(b"not valid UTF-8", r.stderr)

    def test_dates(self):
        self.assertEqual(self.win(self.log("a", "-d", "last friday"))["date"].isoformat(), "2026-11-20")
        self.assertEqual(self.win(self.log("b", "-d", "3 days ago"))["date"].isoformat(), "2026-11-20")
        self.assertEqual(self.win(self.log("c", "-d", "yesterday"))["date"].isoformat(), "2026-11-22")
        self.assertEqual(self.win(self.log("d", "--today", "2027-01-01", "-d", "-1d"))["date"].isoformat(),
                         "2026-12-31")
        self.assertTrue(os.path.exists(os.path.join(self.repo, "wins/2026/12/2026-12-31-d.toml")))

    def test_bad_dates_are_refused(self):
        r = self.run_upward("log-win", "x", "-d", "2026-02-30")
        self.assert_nothing_written(r, 2)
        self.assertIn(b"no such day '2026-02-30'", r.stderr)
        r = self.run_upward("log-win", "x", "-d", "someday")
        self.assert_nothing_written(r, 2)
        self.assertIn(b"(expected today, yesterday, tomorrow, YYYY-MM-DD", r.stderr)

    def test_unknown_goal_writes_nothing(self):
        r = self.run_upward("log-win", "x", "-g", "no-such-goal")
        self.assert_nothing_written(r)
        self.assertEqual(r.stderr, b"upward: unknown goal 'no-such-goal' (no goals/no-such-goal.toml; see 'upward goals')\n")
        self.assert_nothing_written(self.run_upward("log-win", "x", "-g", "../upward"), 2)

    def test_every_option(self):
        win_id = self.log("Great launch support", "--from", "dana", "--metric", "p99=900ms->350ms",
                          "--metric", "errors = 3% -> 0.1%", "--follow-up", "+6w", "--link",
                          "https://example.com/pr/1", "--private", "-t", "perf,launch", "-d", "2026-11-20")
        w = self.win(win_id)
        self.assertEqual(w["kind"], "kudos")
        self.assertEqual(w["from"], "dana")
        self.assertEqual(w["metrics"], [{"name": "p99", "before": "900ms", "after": "350ms"},
                                        {"name": "errors", "before": "3%", "after": "0.1%"}])
        self.assertEqual(w["follow_up"].isoformat(), "2027-01-04")
        self.assertEqual(w["links"], ["https://example.com/pr/1"])
        self.assertIs(w["private"], True)
        self.assertEqual(w["tags"], ["perf", "launch"])
        self.assertEqual(w["date"].isoformat(), "2026-11-20")
        r = self.run_upward("log-win", "x", "--kind", "win", "--from", "dana")
        self.assertEqual(r.returncode, 2)
        r = self.run_upward("log-win", "x", "--metric", "p99")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"expected NAME=BEFORE->AFTER", r.stderr)

    def test_stdin_text(self):
        win_id = self.log("-", input="Shipped the thing\n\nIt saved the on-call 3 hours a week.\n")
        w = self.win(win_id)
        self.assertEqual(w["title"], "Shipped the thing")
        self.assertEqual(w["impact"], "It saved the on-call 3 hours a week.")
        win_id = self.log("--stdin", "-i", "given", input="# not a comment\n")
        self.assertEqual(self.win(win_id)["title"], "# not a comment")
        self.assertEqual(self.win(win_id)["impact"], "given")
        r = self.run_upward("log-win", "-", input="\n\n")
        self.assertEqual(r.returncode, 2)

    def test_stdin_lines_records_each_line_in_one_commit(self):
        out = self.ok("log-win", "--stdin-lines", "-t", "git",
                      input="Fix flaky test\n\n  Add retries to the client  \nFix flaky test\n")
        ids = out.split()
        self.assertEqual(len(ids), 3)
        self.assertEqual(ids[0], "2026-11-23-fix-flaky-test")
        self.assertRegex(ids[2], r"^2026-11-23-fix-flaky-test-[0-9a-f]{4}$")
        self.assertEqual(self.win(ids[1])["title"], "Add retries to the client")
        self.assertEqual(self.win(ids[2])["tags"], ["git"])
        self.assertEqual(self.commits()[0], "log-win: 3 wins")
        self.assertEqual(len(self.commits()), 2)
        r = self.run_upward("log-win", "--stdin-lines", input="")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"nothing recorded", r.stderr)

    def test_same_title_twice_gets_a_suffix(self):
        a = self.log("Same title")
        b = self.log("Same title")
        self.assertNotEqual(a, b)
        self.assertEqual(self.win(a)["title"], self.win(b)["title"])

    def write_editor(self, body):
        path = os.path.join(self.tmp, "fake editor.sh")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body)
        os.chmod(path, 0o755)
        return path

    def test_edit_through_the_editor_like_git(self):
        editor = self.write_editor('printf "Edited title\\n\\nEdited impact\\n# dropped\\n" > "$1"\n')
        win_id = self.log("-e", env={"EDITOR": "'" + editor + "'"})
        w = self.win(win_id)
        self.assertEqual((w["title"], w["impact"]), ("Edited title", "Edited impact"))
        # a plain editor path, and the template keeps the TEXT given on the command line
        keep = self.write_editor('sed -i "s/^Draft/Kept draft/" "$1"\n')
        os.rename(keep, os.path.join(self.tmp, "keeper"))
        win_id = self.log("-e", "Draft", "title", env={"VISUAL": os.path.join(self.tmp, "keeper")})
        self.assertEqual(self.win(win_id)["title"], "Kept draft title")
        leftovers = [n for n in os.listdir(self.repo) if n.startswith(".edit-")]
        self.assertEqual(leftovers, [])

    def test_an_empty_edit_or_failing_editor_records_nothing(self):
        before = self.files()
        r = self.run_upward("log-win", "-e", env={"EDITOR": "true"})
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"the win is empty; nothing was recorded", r.stderr)
        r = self.run_upward("log-win", "-e", env={"EDITOR": "false"})
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"the editor 'false' failed", r.stderr)
        self.assertEqual(self.files(), before)

    def test_quiet_silences_notes_and_keeps_the_id(self):
        r = self.run_upward("-q", "log-win", "quiet one")  # would note "created an upward repository"
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"2026-11-23-quiet-one\n", b""))
        r = self.run_upward("log-win", "quiet two", "-q")
        self.assertEqual((r.returncode, r.stdout), (0, b"2026-11-23-quiet-two\n"))
        r = self.run_upward("-q", "log-win", "--stdin-lines", input="line one\nline two\n")
        self.assertEqual((r.returncode, r.stdout.decode().split()),
                         (0, ["2026-11-23-line-one", "2026-11-23-line-two"]))
        self.assertEqual(len(self.files()), 4)

    def test_a_dash_with_text_is_refused_like_stdin_with_text(self):
        for args in (["-", "more"], ["Text", "-"], ["--", "-", "x"]):
            r = self.run_upward("log-win", *args, input="from stdin\n")
            self.assertEqual((r.returncode, r.stdout), (2, b""), args)
            self.assertEqual(r.stderr, b"upward: '-' reads the text from stdin; give no other TEXT arguments with it\n")
        self.assertEqual(self.files(), [])
        self.assertEqual(self.win(self.ok("log-win", "-", input="from stdin\n").strip())["title"], "from stdin")

    def test_unknown_people_are_recorded_with_a_warning(self):
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        r = self.run_upward("-q", "log-win", "--seen-by", "dana,lee", "Ran the incident review")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr.decode(), "upward: warning: --seen-by 'lee' is not in people/ (recorded as given; "
                                            "'upward people add lee' adds them)\n")
        self.assertEqual(self.win(r.stdout.decode().strip())["seen_by"], ["dana", "lee"])
        r = self.run_upward("log-win", "--from", "a-customer", "Thanks!")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"warning: --from 'a-customer' is not in people/", r.stderr)
        r = self.run_upward("log-win", "--from", "dana", "Thanks again")
        self.assertNotIn(b"warning", r.stderr)

    def test_a_failed_write_to_stdout_is_an_error_said_once_with_its_cause(self):
        with open("/dev/full", "wb") as full:
            r = self.run_upward("log-win", "to a full disk", stdout=full)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.decode(), "upward: the win is saved, but cannot write its id to stdout: No space left "
                                            "on device\nupward: it is saved as '2026-11-23-to-a-full-disk'; do not "
                                            "record it again\n")
        # a reader whose output fills the disk, or meets a closed pipe: one line, the cause, exit 1
        for i in range(60):
            self.ok("log-win", f"Win number {i} with a title long enough to fill a buffer quickly")
        with open("/dev/full", "wb") as full:
            r = self.run_upward("wins", stdout=full)
        self.assertEqual((r.returncode, r.stderr.decode()), (1, "upward: cannot write to stdout: No space left on device\n"))
        p = subprocess.Popen([BIN, "--dir", self.repo, "wins"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        p.stdout.close()  # the reader went away (`| head -0`)
        err = p.stderr.read().decode()
        p.stderr.close()
        self.assertEqual((p.wait(), err), (1, "upward: cannot write to stdout: Broken pipe\n"))

    def test_a_failed_commit_keeps_the_win(self):
        self.git("config", "user.useConfigOnly", "true")
        env = {k: "" for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")}
        env["EMAIL"] = ""
        r = self.run_upward("log-win", "Saved anyway", env=env)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, b"2026-11-23-saved-anyway\n")
        self.assertIn(b"the win is saved, but git commit failed", r.stderr)
        self.assertEqual(self.win("2026-11-23-saved-anyway")["title"], "Saved anyway")

    def test_without_autocommit_nothing_is_committed(self):
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path).replace("autocommit = true", "autocommit = false")
        with open(path, "w") as f:
            f.write(text)
        self.log("No commit")
        self.assertEqual(self.commits(), ["init: upward repository"])
