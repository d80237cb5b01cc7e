"""What reaches a terminal: lines that fit its width, columns aligned by display width, colours
that end before the newline, and record text shown escaped (issue 6 §6, issue 7 §5). Also the
file edits that must keep the user's bytes: CRLF, a byte-order mark, the template's manager line."""
import json
import os
import pty
import select
import subprocess
import tomllib
import unicodedata

from harness import BIN, UpwardTest, read_pty, run_on_terminal

BOM = b"\xef\xbb\xbf"


def cols(s):
    """Display width judged independently of upward: Python's Unicode database."""
    n = 0
    for ch in s:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def strip_colour(s):
    out, i = "", 0
    while i < len(s):
        if s[i] == "\x1b":
            i = s.index("m", i) + 1
        else:
            out += s[i]
            i += 1
    return out


GOLDEN_80 = """\
My goals
  jp-search  検索を速くする: make s...  at-risk    40%  due 2026-11-01 (overdue)
  short      Short                      on-track    0%  due 2026-12-31
  launch     🚀 Launch the new chec...  on-track   60%

Dana Ōkubo (dana), manager
  q4-search  四半期の検索目標: 日本...  on-track    0%
"""

GOLDEN_100 = """\
My goals
  jp-search  検索を速くする: make search f...  at-risk   [####------]  40%  due 2026-11-01 (overdue)
  short      Short                             on-track  [----------]   0%  due 2026-12-31
  launch     🚀 Launch the new checkout 🎉...  on-track  [######----]  60%

Dana Ōkubo (dana), manager
  q4-search  四半期の検索目標: 日本語の検...   on-track  [----------]   0%
"""

GOLDEN_40 = """\
My goals
  jp-search  検索を速...  at-risk    40%
  short      Short        on-track    0%
  launch     🚀 Launc...  on-track   60%

Dana Ōkubo (dana), manager
  q4-search  四半期の...  on-track    0%
"""


class TerminalWidthTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Ōkubo", "--relationship", "manager")
        self.ok("goals", "add", "検索を速くする: make search fast for every Japanese user", "--id", "jp-search",
                "--due", "2026-11-01", "--today", "2026-10-01")
        self.ok("goals", "add", "🚀 Launch the new checkout 🎉 before the holiday freeze", "--id", "launch")
        self.ok("goals", "add", "Short", "--id", "short", "--due", "2026-12-31")
        self.ok("goals", "add", "四半期の検索目標: 日本語の検索を二倍速く", "--id", "q4-search", "--owner", "dana")
        self.ok("goals", "update", "jp-search", "--progress", "40%", "--status", "at-risk")
        self.ok("goals", "update", "launch", "--progress", "60%")

    def goals(self, columns, *extra):
        return self.ok("goals", *extra, env={"COLUMNS": str(columns)})

    def assert_fits_and_aligns(self, out, columns):
        lines = strip_colour(out).splitlines()
        for line in lines:
            self.assertLessEqual(cols(line), columns, line)
            self.assertEqual(line, line.rstrip(), "no trailing space")
        # the status column starts at the same display column on every goal line
        starts = set()
        for line in lines:
            if line.startswith("  "):
                at = min(line.find(w) for w in (" on-track", " at-risk") if line.find(w) >= 0)
                starts.add(cols(line[:at]))
        self.assertEqual(len(starts), 1, out)

    def test_goals_at_80_columns(self):
        out = self.goals(80)
        self.assertEqual(out, GOLDEN_80)
        self.assert_fits_and_aligns(out, 80)

    def test_goals_at_100_columns_keeps_the_bar(self):
        out = self.goals(100)
        self.assertEqual(out, GOLDEN_100)
        self.assert_fits_and_aligns(out, 100)

    def test_goals_at_40_columns_keeps_id_title_status_and_percent(self):
        out = self.goals(40)
        self.assertEqual(out, GOLDEN_40)
        self.assert_fits_and_aligns(out, 40)

    def test_every_width_fits_and_never_cuts_a_character(self):
        for columns in range(34, 161, 7):
            out = self.goals(columns)
            self.assert_fits_and_aligns(out, columns)
            self.assertIn("jp-search", out)
        for columns in (10, 20, 30):  # too narrow to fit: the line runs over, but no title vanishes
            rows = [l for l in self.goals(columns).splitlines() if l.startswith("  ")]
            self.assertTrue(all(len(l.split()) >= 4 for l in rows), rows)

    def test_a_wide_terminal_shows_every_column(self):
        out = self.goals(200)
        self.assertIn("検索を速くする: make search fast for every Japanese user  at-risk", out)
        self.assertIn("due 2026-11-01 (overdue)  updated today", out)
        self.assert_fits_and_aligns(out, 200)

    def test_a_pipe_without_columns_is_not_cut(self):
        out = self.ok("goals")
        self.assertIn("🚀 Launch the new checkout 🎉 before the holiday freeze   on-track", out)
        self.assertNotIn("...", out)
        rows = [l for l in out.splitlines() if l.startswith("  ") and "%" in l]
        self.assertEqual(len({cols(l[:l.index("%")]) for l in rows}), 1, out)  # whole titles, aligned columns

    def test_the_due_date_is_red_when_overdue_not_the_status_and_colours_end_before_the_newline(self):
        out = self.ok("--color", "always", "goals", env={"COLUMNS": "120"})
        self.assertIn("\x1b[31mdue 2026-11-01 (overdue)\x1b[0m", out)
        self.assertIn("\x1b[33mat-risk\x1b[0m", out)
        self.assertNotIn("\x1b[31mat-risk", out)
        for line in out.splitlines():
            if "\x1b[" in line:
                self.assertTrue(line.endswith("\x1b[0m") or line.rstrip(" ").rfind("\x1b[0m") > line.rfind("\x1b[3"),
                                repr(line))
                self.assertEqual(line.count("\x1b[") % 2, 0, repr(line))
        self.assertEqual(strip_colour(out), self.goals(120))

    def test_without_columns_the_terminal_width_is_used(self):
        import fcntl
        import struct
        import termios
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 50, 0, 0))
        p = subprocess.Popen([BIN, "--dir", self.repo, "--color", "never", "goals"], stdout=slave,
                             stderr=subprocess.PIPE, env=dict(self.env, LC_ALL="C.UTF-8", TERM="xterm"))
        os.close(slave)
        out = read_pty(master)
        self.assertEqual(p.wait(), 0)
        os.close(master)
        text = out.decode().replace("\r\n", "\n")
        self.assert_fits_and_aligns(text, 50)
        self.assertIn("\u2026", text)  # a UTF-8 terminal gets a real ellipsis
        self.assertIn("jp-search  検索を速くする: make\u2026  at-risk    40%\n", text)

    def test_people_fit_the_width(self):
        self.ok("people", "add", "kenji", "--name", "山田 健二 (Platform Engineering Director, APAC)",
                "--relationship", "skip-level", "--email", "kenji.yamada@example.com")
        out = self.ok("people", env={"COLUMNS": "60"})
        for line in out.splitlines():
            self.assertLessEqual(cols(line), 60, line)
        self.assertEqual(out.splitlines(), ["* dana   Dana Ōkubo     manager",
                                            "  kenji  山田 健二...   skip-level  kenji.yamada@example.com"])
        wide = self.ok("people")
        self.assertIn("山田 健二 (Platform Engineering Director, APAC)  skip-level", wide)


HOSTILE = "Fix \x1b[2J\x1b]0;pwned\x07 login \u202eexe.txt\u202c and \u2066iso\u2069 \x9b31m c1"
SHOWN = "Fix \\x1b[2J\\x1b]0;pwned\\x07 login \\u202eexe.txt\\u202c and \\u2066iso\\u2069 \\u009b31m c1"


class TerminalEscapeTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def run_on_terminal(self, *args, env=None):
        """Run upward with stdout and stderr on pseudo-terminals; return (rc, stdout, stderr)."""
        rc, out, err = run_on_terminal([BIN, "--dir", self.repo, *args],
                                       dict(self.env, LC_ALL="C.UTF-8", TERM="xterm", **(env or {})))
        return rc, out.decode(), err.decode()

    def test_titles_and_names_are_escaped_on_a_terminal(self):
        self.ok("goals", "add", HOSTILE, "--id", "hostile")
        self.ok("people", "add", "eve", "--name", "Eve \x1b[31mRed\u202e", "--relationship", "peer")
        rc, out, err = self.run_on_terminal("--color", "never", "goals")
        self.assertEqual(rc, 0, err)
        self.assertNotIn("\x1b", out)
        self.assertNotIn("\u202e", out)
        self.assertIn(SHOWN, out)
        for args in (["goals", "show", "hostile"], ["goals", "--format", "md"]):
            rc, out, err = self.run_on_terminal(*args)
            self.assertEqual(rc, 0, err)
            self.assertIn(SHOWN, out)
            self.assertNotIn("\x1b", out)
        rc, out, err = self.run_on_terminal("people")
        self.assertIn("Eve \\x1b[31mRed\\u202e", out)
        self.assertNotIn("\x1b", out)
        rc, out, err = self.run_on_terminal("people", "show", "eve")
        self.assertIn("Eve \\x1b[31mRed\\u202e", out)
        self.assertNotIn("\x1b", out)

    def test_colours_of_upward_itself_still_work_on_a_terminal(self):
        self.ok("goals", "add", HOSTILE, "--id", "hostile")
        rc, out, err = self.run_on_terminal("--color", "always", "goals")
        self.assertIn("\x1b[1mMy goals\x1b[0m", out)
        self.assertIn(SHOWN, out)
        self.assertNotIn("\x1b[2J", out)

    def test_files_and_json_keep_the_text_exactly(self):
        self.ok("goals", "add", HOSTILE, "--id", "hostile")
        with open(os.path.join(self.repo, "goals", "hostile.toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], HOSTILE)
        data = json.loads(self.ok("goals", "--format", "json"))
        self.assertEqual(data["goals"][0]["title"], HOSTILE)
        self.assertIn(HOSTILE, self.ok("goals", "show", "hostile"))  # a pipe: exactly as recorded

    def test_values_quoted_in_errors_are_escaped_on_a_terminal(self):
        self.ok("goals", "add", "Fine", "--id", "bad")
        path = os.path.join(self.repo, "goals", "bad.toml")
        with open(path, "a") as f:
            f.write('\n[[update]]\ndate = 2026-11-20\nstatus = "\\u001b[2Jgone\\u202e"\n')
        rc, out, err = self.run_on_terminal("goals", "show", "bad")
        self.assertNotEqual(rc, 0)
        self.assertIn("\\x1b[2Jgone\\u202e", err)
        self.assertNotIn("\x1b", err)
        r = self.run_upward("goals", "show", "bad")  # into a file: exactly
        self.assertIn("\x1b[2Jgone\u202e", r.stderr.decode())

    def test_check_escapes_the_values_it_quotes_on_a_terminal(self):
        self.ok("goals", "add", "Fine", "--id", "bad")
        with open(os.path.join(self.repo, "goals", "bad.toml"), "a") as f:
            f.write('\n[[update]]\ndate = 2026-11-20\nstatus = "\\u001b]0;pwned\\u0007"\n')
        rc, out, err = self.run_on_terminal("check")
        self.assertEqual(rc, 1, err)
        self.assertIn("\\x1b]0;pwned\\x07", out)
        self.assertNotIn("\x1b", out)


class FileBytesTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.config_path = os.path.join(self.repo, "upward.toml")

    def test_people_add_manager_replaces_the_template_example(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.assertEqual(self.read(self.config_path), """\
# upward configuration: see upward-files(5)
schema = 1
week_start = "monday"
# the primary manager's person id (people add ID --relationship manager, people primary ID)
manager = "dana"

[me]
name = "Ada Tester"
email = "ada@example.com"

[git]
autocommit = true

[goals]
# an active goal without an update for longer than this is stale (1 to 3650)
stale_after_days = 21

[digest]
# to = "dana@example.com"
# cc = ""
# subject = "Weekly update"
# sendmail = "/usr/sbin/sendmail -t -i"

[sections]
# which brag-document section a tag's wins go in (digest --group-by section):
# projects, collaboration, design, company or learning
# mentoring = "collaboration"
# rfc = "design"

[cycles]
# named periods for review packets: upward digest cycle:h2-2026
# h2-2026 = "2026-07-01..2026-12-31"
""")
        with open(self.config_path, "rb") as f:
            self.assertEqual(tomllib.load(f)["goals"]["stale_after_days"], 21)

    def test_crlf_files_get_crlf_lines(self):
        self.ok("goals", "add", "Checkout", "--id", "checkout")
        goal = os.path.join(self.repo, "goals", "checkout.toml")
        for path in (self.config_path, goal):
            data = self.read(path, "rb").replace(b"\n", b"\r\n")
            with open(path, "wb") as f:
                f.write(data)
        self.git("commit", "-qam", "crlf by hand")
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "update", "checkout", "--progress", "30%", "--note", "halfway")
        for path in (self.config_path, goal):
            data = self.read(path, "rb")
            self.assertEqual(data.count(b"\n"), data.count(b"\r\n"), path)
            with open(path, "rb") as f:
                tomllib.load(f)
        self.assertIn(b'manager = "dana"\r\n', self.read(self.config_path, "rb"))
        self.assertIn(b'note = "halfway"\r\n', self.read(goal, "rb"))

    def test_a_byte_order_mark_is_accepted_and_kept(self):
        # tomllib itself refuses a BOM; it reads the same file decoded as utf-8-sig, and upward
        # accepts exactly that: a mark at the very start of a file that is TOML after it.
        with self.assertRaises(tomllib.TOMLDecodeError):
            tomllib.loads((BOM + b"a = 1\n").decode())
        self.ok("goals", "add", "Checkout", "--id", "checkout")
        win_id = self.ok("log-win", "Cut p99", "-g", "checkout").strip()
        goal = os.path.join(self.repo, "goals", "checkout.toml")
        win = os.path.join(self.repo, "wins", win_id[0:4], win_id[5:7], win_id + ".toml")
        for path in (self.config_path, goal, win):
            data = self.read(path, "rb")
            with open(path, "wb") as f:
                f.write(BOM + data)
        self.git("commit", "-qam", "bom by hand")
        self.assertIn("Checkout", self.ok("goals"))
        self.assertIn("Cut p99", self.ok("goals", "show", "checkout"))
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "update", "checkout", "--progress", "30%")
        self.ok("check")
        for path in (self.config_path, goal):
            data = self.read(path, "rb")
            self.assertTrue(data.startswith(BOM), path)
            self.assertEqual(data.count(BOM), 1, path)
            tomllib.loads(data.decode("utf-8-sig"))
        self.assertEqual(tomllib.loads(self.read(self.config_path, "rb").decode("utf-8-sig"))["manager"], "dana")
        self.assertEqual(tomllib.loads(self.read(goal, "rb").decode("utf-8-sig"))["update"][0]["progress"], 30)
        # an error on the first line is located as an editor shows it (the mark takes no column)
        data = self.read(goal, "rb")
        with open(goal, "wb") as f:
            f.write(BOM + b"title = = 1\n" + data[len(BOM):])
        r = self.run_upward("goals", "show", "checkout")
        self.assertIn("checkout.toml:1:9:", r.stderr.decode())

    def test_slugs_transliterate_accents(self):
        out = self.ok("log-win", "Naïve café menu for the Straße team")
        self.assertEqual(out.strip(), "2026-11-23-naive-cafe-menu-for-the-strasse-team")

