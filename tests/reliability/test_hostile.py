"""Issue 13 §5: hostile repositories and input, as permanent tests.

Text with terminal escape sequences, bidirectional overrides, C1 controls, NUL, quotes,
backslashes, ''' and \"\"\", invalid UTF-8 and a megabyte, through every text field of every
writing command and every reader that prints it: stored exactly (tomllib) or refused with a clear
error; printed exactly to a pipe; never raw to a terminal (a real pseudo-terminal). Ids like
'../x', '.git', '-rf' and '' through every command that takes an id. Repositories with a hook
that hangs, a stale index.lock, read-only folders, and email header injection from files.
Most other classes are tested where their feature is (see the audit in the report of issue 13).
"""
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import time
import tomllib
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, UpwardTest  # noqa: E402

ESC = "Fix \x1b[2J\x1b]0;pwned\x07 login \u202eexe.txt\u202c and \u2066iso\u2069 \x9b31m c1 \x7f del"
QUOTES = "Quotes \"double\" 'single' back\\slash ''' triple \"\"\" triple # hash = eq [x] {y} Zürich 東京 🚀"
RAW = ["\x1b", "\x07", "\x9b", "\x7f", "\x00", "\r"] + [chr(c) for c in range(0x202A, 0x202F)] + \
      [chr(c) for c in range(0x2066, 0x206A)]
SHOWN = "Fix \\x1b[2J\\x1b]0;pwned\\x07 login \\u202eexe.txt\\u202c"  # how a terminal shows ESC's start

BAD_IDS = ["../x", ".git", "-rf", "", "a/b", "Dana", "a b", "x" * 65, "é", "x\n", "..", "."]


def toml_quote(s):
    """A TOML basic string, written here without upward's help."""
    out = ""
    for c in s:
        if c in '"\\':
            out += "\\" + c
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out += "\\u%04x" % ord(c)
        else:
            out += c
    return '"' + out + '"'


def text_of(kind, n):
    """A hostile one-line text, different for each field so each is found where it belongs."""
    return f"{kind} {n}: {ESC} {QUOTES}"


def run_on_terminal(argv, env):
    """Run with stdout and stderr on pseudo-terminals (so isatty is true); (rc, out, err) with
    the terminal's CRLF turned back into LF."""
    out_m, out_s = pty.openpty()
    err_m, err_s = pty.openpty()
    for fd in (out_s, err_s):  # a real terminal has a size
        import fcntl
        import termios
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    p = subprocess.Popen(argv, stdout=out_s, stderr=err_s, stdin=subprocess.DEVNULL, env=env)
    os.close(out_s)
    os.close(err_s)
    got = {out_m: b"", err_m: b""}
    fds = [out_m, err_m]
    deadline = time.monotonic() + 60
    while fds and time.monotonic() < deadline:
        ready, _, _ = select.select(fds, [], [], 5)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                got[fd] += chunk
            else:
                fds.remove(fd)
    rc = p.wait(timeout=60)
    os.close(out_m)
    os.close(err_m)
    return rc, got[out_m].replace(b"\r\n", b"\n"), got[err_m].replace(b"\r\n", b"\n")


def unmd(s):
    """CommonMark text without its backslash escapes (what a Markdown reader shows)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


def strings_in(value):
    """Every string in a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


class HostileTextTest(UpwardTest):
    """Every text field of every writing command, then every reader, on a pipe and a terminal."""

    def setUp(self):
        super().setUp()
        self.init()
        self.texts = {}

        def t(kind):
            self.texts[kind] = text_of(kind, len(self.texts))
            return self.texts[kind]

        self.ok("--today", "2026-10-01", "people", "add", "dana", "--name", t("name"), "--relationship", "manager",
                "--priority", t("priority"), "--pressure", t("pressure"), "--cadence", "weekly")
        self.ok("--today", "2026-10-01", "goals", "add", t("boss goal title"), "--id", "boss", "--owner", "dana",
                "--why", t("boss why"))
        self.ok("--today", "2026-10-01", "goals", "add", t("goal title"), "--id", "g", "--supports", "boss",
                "--why", t("goal why"), "--due", "2026-11-25")
        self.ok("goals", "update", "g", "--status", "at-risk", "--note", t("update note"), "-d", "2026-11-02")
        self.win = self.ok("log-win", t("win title"), "-i", t("impact"), "-g", "g", "-d", "2026-11-10",
                           "--follow-up", "2026-11-20").strip()
        self.kudos = self.ok("log-win", t("kudos title"), "--kind", "kudos", "--from", "dana", "-d", "2026-11-18").strip()
        self.vague = self.ok("log-win", t("vague title"), "-d", "2026-11-19").strip()
        self.topic = self.ok("--today", "2026-11-20", "prep-1on1", "add", t("topic"), "--kind", "problem",
                             "--solution", t("solution")).strip()
        self.ok("outcome", self.vague, t("outcome"))
        os.makedirs(os.path.join(self.repo, "1on1s", "dana"), exist_ok=True)
        notes, action = t("meeting notes"), t("action text")
        with open(os.path.join(self.repo, "1on1s", "dana", "2026-11-16.toml"), "w", encoding="utf-8") as f:
            f.write(f'date = 2026-11-16\nwith = "dana"\nnotes = {toml_quote(notes)}\n\n[[action]]\nid = "send-plan"\n'
                    f'owner = "me"\ntext = {toml_quote(action)}\ndue = 2026-11-20\n')
        self.git("add", "-A")
        self.git("commit", "-qm", "a 1:1 by hand")
        self.env["NO_COLOR"] = "1"

    def stored(self):
        """Every field as tomllib reads it back."""
        def load(rel):
            with open(os.path.join(self.repo, rel), "rb") as f:
                return tomllib.load(f)
        win, vague = self.win_path(self.win), self.win_path(self.vague)
        kudos = self.win_path(self.kudos)
        person, goal, boss = load("people/dana.toml"), load("goals/g.toml"), load("goals/boss.toml")
        topic = load(f"1on1s/dana/topics/{self.topic}.toml")
        meeting = load("1on1s/dana/2026-11-16.toml")
        return {"name": person["name"], "priority": person["priorities"][0], "pressure": person["pressures"][0],
                "boss goal title": boss["title"], "boss why": boss["why"], "goal title": goal["title"],
                "goal why": goal["why"], "update note": goal["update"][0]["note"], "win title": load(win)["title"],
                "impact": load(win)["impact"], "kudos title": load(kudos)["title"], "vague title": load(vague)["title"],
                "topic": topic["text"], "solution": topic["solution"], "outcome": load(vague)["outcome"],
                "meeting notes": meeting["notes"], "action text": meeting["action"][0]["text"]}

    def win_path(self, win_id):
        return os.path.join("wins", win_id[:4], win_id[5:7], win_id + ".toml")

    def test_every_text_field_is_stored_exactly(self):
        self.assertEqual(self.stored(), self.texts)

    def test_set_stores_hostile_text_exactly(self):
        new = {k: text_of("set " + k, 99) for k in ("title", "impact", "goal", "why", "name", "priority")}
        self.ok("set", "win", self.win, "--title", new["title"], "--impact", new["impact"])
        self.ok("set", "goal", "g", "--title", new["goal"], "--why", new["why"])
        self.ok("set", "person", "dana", "--name", new["name"], "--priority", new["priority"])
        with open(os.path.join(self.repo, self.win_path(self.win)), "rb") as f:
            win = tomllib.load(f)
        with open(os.path.join(self.repo, "goals", "g.toml"), "rb") as f:
            goal = tomllib.load(f)
        with open(os.path.join(self.repo, "people", "dana.toml"), "rb") as f:
            person = tomllib.load(f)
        self.assertEqual((win["title"], win["impact"]), (new["title"], new["impact"]))
        self.assertEqual((goal["title"], goal["why"]), (new["goal"], new["why"]))
        self.assertEqual((person["name"], person["priorities"][-1]), (new["name"], new["priority"]))

    READERS = [
        (["wins", "2026-11"], "text", ["win title", "kudos title"]),
        (["wins", "2026-11", "--format", "md"], "md", ["win title", "kudos title"]),
        (["wins", "2026-11", "--format", "json"], "json", ["win title", "impact", "outcome"]),
        (["wins", "show", "{win}"], "md", ["win title", "impact"]),
        (["wins", "show", "{vague}"], "md", ["outcome"]),
        (["goals"], "text", ["goal title", "boss goal title"]),
        (["goals", "--format", "md"], "md", ["goal title"]),
        (["goals", "--format", "json"], "json", ["goal title", "goal why", "update note"]),
        (["goals", "show", "g"], "md", ["goal title", "update note", "win title"]),
        (["goals", "align", "--period", "2026-Q4"], "md", ["boss goal title", "goal title"]),
        (["people"], "text", ["name"]),
        (["people", "show", "dana"], "md", ["name", "priority", "pressure"]),
        (["digest", "2026-11"], "md", ["win title", "impact", "goal title"]),
        (["digest", "2026-11", "--format", "text"], "wrapped", ["win title", "impact"]),
        (["digest", "2026-11", "--format", "vimgrep"], "text", ["win title"]),
        (["digest", "2026-11", "--format", "json"], "json", ["win title", "impact"]),
        (["digest", "2026-11", "--format", "html"], "html", []),
        (["prep-1on1"], "md", ["topic", "solution", "action text", "pressure"]),
        (["prep-1on1", "--format", "text"], "text", ["topic", "action text"]),
        (["prep-1on1", "--format", "json"], "json", ["topic", "solution", "action text", "win title"]),
        (["prep-1on1", "list"], "text", ["topic", "action text"]),
        (["nudge"], "text", ["action text"]),
        (["nudge", "--format", "json"], "json", ["action text"]),
    ]

    def reader_args(self, args):
        return [a.format(win=self.win, vague=self.vague) for a in args]

    def test_every_reader_prints_the_text_exactly_to_a_pipe(self):
        for args, kind, fields in self.READERS:
            args = self.reader_args(args)
            with self.subTest(args=args):
                r = self.run_upward(*args, env={"COLUMNS": "100000"})
                self.assertIn(r.returncode, (0, 3), r.stderr)  # nudge says 3 when it has something
                if kind == "json":
                    found = set(strings_in(json.loads(r.stdout)))
                    for field in fields:
                        self.assertTrue(any(self.texts[field] in s for s in found), (field, args))
                else:
                    out = r.stdout.decode()
                    out = unmd(out) if kind == "md" else out
                    if kind == "wrapped":  # lines wrapped at spaces (and between wide characters)
                        out = " ".join(out.split())
                    for field in fields:
                        if kind == "wrapped":
                            self.assertIn(" ".join(self.texts[field].split(" Zürich")[0].split()), out, (field, args))
                            continue
                        self.assertIn(self.texts[field], out, (field, args))

    def test_no_reader_writes_an_escape_sequence_to_a_terminal(self):
        env = dict(self.env, LC_ALL="C.UTF-8", TERM="xterm", COLUMNS="100000")
        for args, kind, fields in self.READERS + [(["check"], "text", []), (["digest", "--format", "email", "--to", "dana@example.com"], "", [])]:
            args = self.reader_args(args)
            with self.subTest(args=args):
                rc, out, err = run_on_terminal([BIN, "--dir", self.repo, "--color", "never", *args], env)
                self.assertIn(rc, (0, 3), err)
                for name, data in (("stdout", out), ("stderr", err)):
                    text = data.decode("utf-8", errors="replace")
                    for ch in RAW:
                        if ch == "\r" and "email" in args:
                            continue  # a message's lines end in CRLF
                        self.assertNotIn(ch, text, (name, args, repr(ch), text[:3000]))
                if kind in ("text", "md", "wrapped") and fields:  # shown, escaped: not left out
                    self.assertIn("\\x1b", out.decode(), args)
                    self.assertIn("\\u202e", out.decode(), args)

    def test_harvest_shows_a_hostile_commit_subject_exactly_to_a_pipe_and_escaped_on_a_terminal(self):
        src = os.path.join(self.home, "src")
        os.makedirs(src)
        subject = text_of("commit", 50)
        with open(os.path.join(src, "file.txt"), "w") as f:
            f.write("work\n")
        for args in (["init", "-q", "-b", "main"], ["add", "file.txt"], ["commit", "-q", "-m", subject]):
            subprocess.run(["git", "-C", src, *args], check=True, capture_output=True,
                           env=dict(self.env, GIT_AUTHOR_DATE="2026-11-23T10:00:00Z"))
        r = self.run_upward("harvest", "--repo", src)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(subject, unmd(r.stdout.decode()))  # Markdown
        env = dict(self.env, LC_ALL="C.UTF-8", TERM="xterm", COLUMNS="100000")
        rc, out, err = run_on_terminal([BIN, "--dir", self.repo, "--color", "never", "harvest", "--repo", src], env)
        self.assertEqual(rc, 0, err)
        for ch in RAW:
            self.assertNotIn(ch, (out + err).decode(), repr(ch))
        self.assertIn(b"\\x1b", out)

    def test_notes_on_stderr_quote_record_text_escaped_on_a_terminal(self):
        env = dict(self.env, LC_ALL="C.UTF-8", TERM="xterm")
        for args in (["outcome", self.vague, "Second"],          # names the previous outcome
                     ["rm", "topic", self.topic],                 # names what it removed
                     ["goals", "done", "g", "--note", "done"]):
            with self.subTest(args=args):
                rc, out, err = run_on_terminal([BIN, "--dir", self.repo, "--color", "never", *args], env)
                self.assertEqual(rc, 0, err)
                for ch in RAW:
                    self.assertNotIn(ch, (out + err).decode(), (args, repr(ch)))

    def test_words_in_brackets_arrive_as_typed(self):
        # CLI11 read "[WIP]" given to a TEXT... positional as a list: "WIP"; "[a,b]" as "a b"
        win = self.ok("log-win", "[WIP]", "cut", "[a,b]", "-i", "[impact,x]", "-d", "2026-11-21").strip()
        with open(os.path.join(self.repo, self.win_path(win)), "rb") as f:
            stored = tomllib.load(f)
        self.assertEqual((stored["title"], stored["impact"]), ("[WIP] cut [a,b]", "[impact,x]"))
        self.ok("outcome", win, "[[update]]", "--", "[x,y]", "-z")
        with open(os.path.join(self.repo, self.win_path(win)), "rb") as f:
            self.assertEqual(tomllib.load(f)["outcome"], "[[update]] [x,y] -z")
        topic = self.ok("prep-1on1", "add", "[ask]", "--kind", "ask").strip()
        with open(os.path.join(self.repo, "1on1s", "dana", "topics", topic + ".toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["text"], "[ask]")
        self.ok("goals", "update", "g", "--note", "[n]")
        self.ok("set", "goal", "g", "--title", "[t]")
        with open(os.path.join(self.repo, "goals", "g.toml"), "rb") as f:
            goal = tomllib.load(f)
        self.assertEqual((goal["title"], goal["update"][-1]["note"]), ("[t]", "[n]"))
        r = self.run_upward("goals", "--format", "[md]")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"unknown value '[md]'", r.stderr)

    def test_invalid_utf8_is_refused_in_every_text_field(self):
        bad = b"caf\xe9 \xff\xfe"
        cases = [["log-win", bad], ["log-win", "ok", "-i", bad], ["goals", "add", bad, "--id", "u"],
                 ["goals", "add", "T", "--id", "u", "--why", bad], ["goals", "update", "g", "--note", bad],
                 ["goals", "done", "g", "--note", bad], ["people", "add", "u", "--name", bad, "--relationship", "peer"],
                 ["people", "add", "u", "--name", "U", "--relationship", "peer", "--priority", bad],
                 ["prep-1on1", "add", bad], ["prep-1on1", "add", "T", "--kind", "problem", "--solution", bad],
                 ["outcome", self.win, bad], ["set", "win", self.win, "--title", bad],
                 ["set", "win", self.win, "--impact", bad], ["set", "goal", "g", "--why", bad],
                 ["set", "person", "dana", "--name", bad], ["set", "person", "dana", "--pressure", bad],
                 ["digest", "--format", "email", "--to", "dana@example.com", "--subject", bad]]
        for args in cases:
            with self.subTest(args=args):
                before, commits = self.snapshot(), self.commits()
                r = subprocess.run([BIN.encode(), b"--dir", self.repo.encode()] +
                                   [a if isinstance(a, bytes) else a.encode() for a in args],
                                   capture_output=True, env=self.env)
                self.assertIn(r.returncode, (1, 2), r.stderr)
                self.assertRegex(r.stderr, rb"^upward: .*(UTF-8|utf-8)", args)
                self.assertEqual(r.stdout, b"")
                self.assertEqual(self.snapshot(), before, args)
                self.assertEqual(self.commits(), commits, args)
        r = self.run_upward("log-win", "--stdin", input=b"caf\xe9\n")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"UTF-8", r.stderr)

    def snapshot(self):
        out = {}
        for rel in self.files(""):
            if not rel.startswith(".git" + os.sep) and not rel.startswith(".upward"):
                out[rel] = self.read(os.path.join(self.repo, rel), "rb")
        return out

    def test_a_nul_from_stdin_or_a_file_is_kept_and_never_printed_raw(self):
        r = self.run_upward("log-win", "--stdin", "-d", "2026-11-21", input=b"Before\x00after \x1b[31m\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        win_id = r.stdout.decode().strip()
        with open(os.path.join(self.repo, self.win_path(win_id)), "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], "Before\x00after \x1b[31m")
        self.assertIn("Before\x00after \x1b[31m", unmd(self.ok("wins", "show", win_id)))  # a pipe: exactly
        env = dict(self.env, LC_ALL="C.UTF-8", TERM="xterm")
        for args in (["wins", "show", win_id], ["wins", "2026-11"], ["digest", "2026-11"]):
            rc, out, err = run_on_terminal([BIN, "--dir", self.repo, *args], env)
            self.assertEqual(rc, 0, err)
            self.assertIn(b"Before\\x00after \\x1b", out, args)
            self.assertNotIn(b"\x00", out)

    def test_a_megabyte_is_stored_and_read_back_exactly(self):
        big = ("Ünïcödé 🚀 \"q\" \\ ''' " * 40000)[:1_000_000].strip()
        r = self.run_upward("log-win", "--stdin", "-d", "2026-11-21", input=big.encode() + b"\n")
        self.assertEqual(r.returncode, 0, r.stderr[:500])
        win_id = r.stdout.decode().strip()
        with open(os.path.join(self.repo, self.win_path(win_id)), "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], big)
        shown = json.loads(self.ok("wins", "show", win_id, "--format", "json"))
        self.assertEqual(shown["title"] if "title" in shown else shown["wins"][0]["title"], big)
        note = "n" * 120_000  # near the kernel's limit for one argument
        self.ok("goals", "update", "g", "--note", note)
        with open(os.path.join(self.repo, "goals", "g.toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["update"][-1]["note"], note)
        self.assertIn(note, self.ok("goals", "show", "g"))
        self.assertEqual(self.run_upward("check").returncode, 0)


class HostileIdsTest(UpwardTest):
    """Ids that are no slugs, through every command that takes one: refused, nothing written,
    nothing created outside the repository."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "add", "G", "--id", "g")
        self.win = self.ok("log-win", "W").strip()

    def outside(self):
        out = []
        for root, dirs, names in os.walk(self.tmp):
            if root.startswith(self.repo) or root.startswith(self.home):
                continue
            out += [os.path.join(root, n) for n in names + dirs]
        return sorted(out)

    def commands(self, bad):
        w = self.win
        positional = [["goals", "update", bad, "--progress", "5"], ["goals", "done", bad], ["goals", "show", bad],
                      ["set", "goal", bad, "--title", "x"], ["set", "person", bad, "--name", "x"],
                      ["set", "win", bad, "--title", "x"], ["rm", "goal", bad], ["rm", "person", bad], ["rm", "win", bad],
                      ["rm", "topic", bad], ["people", "add", bad, "--name", "x", "--relationship", "peer"],
                      ["people", "show", bad], ["people", "primary", bad], ["prep-1on1", bad], ["prep-1on1", "list", bad],
                      ["prep-1on1", "done", bad], ["outcome", bad, "text"], ["wins", "show", bad], ["edit", "goal", bad],
                      ["edit", "person", bad], ["edit", "win", bad], ["edit", "1on1", bad]]
        options = [["goals", "add", "T", f"--id={bad}"], ["goals", "add", "T", "--id", "ok", f"--owner={bad}"],
                   ["goals", "add", "T", "--id", "ok", f"--supports={bad}"], ["goals", f"--owner={bad}"],
                   ["log-win", "x", f"--goal={bad}"], ["log-win", "x", f"--seen-by={bad}"],
                   ["log-win", "x", "--kind", "kudos", f"--from={bad}"], ["set", "goal", "g", f"--supports={bad}"],
                   ["set", "goal", "g", f"--owner={bad}"], ["set", "win", w, f"--goal={bad}"],
                   ["set", "win", w, f"--seen-by={bad}"], ["prep-1on1", "add", "x", f"--with={bad}"],
                   ["prep-1on1", "done", "a", f"--with={bad}"], ["rm", "topic", "x", f"--with={bad}"],
                   ["digest", f"--for={bad}"]]
        out = options + positional
        if bad.startswith("-"):  # after --, a word is a word
            out += [a[:-1] + ["--", a[-1]] if a[-1] == bad else a[:a.index(bad)] + ["--", bad] + a[a.index(bad) + 1:]
                    for a in positional]
        return out

    def test_every_command_refuses_ids_that_are_not_slugs(self):
        before, commits, outside = self.snapshot(), self.commits(), self.outside()
        n = 0
        for bad in BAD_IDS:
            for args in self.commands(bad):
                with self.subTest(args=args):
                    r = self.run_upward(*args, env={"EDITOR": "false", "VISUAL": "false"})
                    self.assertIn(r.returncode, (1, 2), (args, r.stderr))
                    self.assertTrue(r.stderr.startswith(b"upward: "), (args, r.stderr))
                    self.assertNotIn(b"internal error", r.stderr)
                    self.assertEqual(r.stdout, b"", args)
                    n += 1
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.commits(), commits)
        self.assertEqual(self.outside(), outside)
        self.assertGreater(n, 400)

    def snapshot(self):
        return {rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")
                if not rel.startswith(".git" + os.sep) and not rel.startswith(".upward")}


class HostileRepositoryTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def test_a_hook_that_hangs_loses_nothing_when_upward_is_killed(self):
        hook = os.path.join(self.repo, ".git", "hooks", "pre-commit")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\nexec sleep 60\n")
        os.chmod(hook, 0o755)
        p = subprocess.Popen([BIN, "--dir", self.repo, "log-win", "Hook hangs"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env, start_new_session=True)
        path = os.path.join(self.repo, "wins", "2026", "11", "2026-11-23-hook-hangs.toml")
        deadline = time.monotonic() + 20
        while not os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        self.assertIsNone(p.poll(), "upward waits for git, as git waits for its hook")
        self.assertTrue(os.path.exists(path), "the win is saved before git runs")
        os.killpg(p.pid, signal.SIGKILL)  # upward, git and the hook: what ^C does
        p.communicate()
        os.unlink(hook)
        for lock in ("index.lock", "HEAD.lock"):  # what git's own message asks of the user
            if os.path.exists(os.path.join(self.repo, ".git", lock)):
                os.unlink(os.path.join(self.repo, ".git", lock))
        self.ok("log-win", "After the hang")
        with open(path, "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], "Hook hangs")
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertIn("log-win: Hook hangs", self.commits())

    def test_a_stale_index_lock_saves_the_record_and_says_what_to_do(self):
        lock = os.path.join(self.repo, ".git", "index.lock")
        open(lock, "w").close()
        r = self.run_upward("log-win", "With a stale lock")
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("upward: the win is saved, but git update-index failed", err)
        self.assertIn("index.lock': File exists", err)
        self.assertIn("upward: it is saved as '2026-11-23-with-a-stale-lock'; do not record it again", err)
        self.assertEqual(self.win("2026-11-23-with-a-stale-lock")["title"], "With a stale lock")
        os.unlink(lock)
        r = self.run_upward("check")
        self.assertIn(b"not committed although autocommit is on", r.stdout)

    def run_read_only(self, *args):
        """upward on a read-only repository: permissions for a user, a read-only mount for root."""
        argv = [BIN, "--dir", self.repo, *args]
        if os.geteuid() != 0:
            subprocess.run(["chmod", "-R", "a-w", self.repo], check=True)
            try:
                return subprocess.run(argv, capture_output=True, env=self.env)
            finally:
                subprocess.run(["chmod", "-R", "u+w", self.repo], check=True)
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"'
        r = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", self.repo, *argv], capture_output=True,
                           env=self.env)
        if b"mount:" in r.stderr or b"unshare:" in r.stderr:
            self.skipTest("no read-only mount here: " + r.stderr.decode())
        return r

    def test_a_read_only_repository_is_a_clear_error_and_reading_still_works(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        self.ok("goals", "add", "G", "--id", "g")
        win = self.ok("log-win", "Before").strip()
        before = {rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")}
        for args in (["log-win", "Read only"], ["goals", "update", "g", "--progress", "5"], ["set", "goal", "g", "--title", "x"],
                     ["people", "primary", "dana"], ["outcome", win, "x"], ["prep-1on1", "add", "x"],
                     ["rm", "goal", "g"], ["goals", "add", "H", "--id", "h"]):
            with self.subTest(args=args):
                r = self.run_read_only(*args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr.decode(), r"^upward: .*(Read-only file system|Permission denied)")
        for args in (["wins"], ["goals"], ["digest"], ["prep-1on1"], ["check"]):
            with self.subTest(args=args):
                r = self.run_read_only(*args)
                self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual({rel: self.read(os.path.join(self.repo, rel), "rb") for rel in self.files("")}, before)

    def test_email_header_injection_from_files_is_refused(self):
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager", "--email", "dana@example.com")
        self.ok("log-win", "Something")
        cfg = os.path.join(self.repo, "upward.toml")
        person = os.path.join(self.repo, "people", "dana.toml")
        config_text, person_text = self.read(cfg), self.read(person)
        cases = [(cfg, config_text + '\n[digest]\nto = "dana@example.com\\r\\nBcc: all@example.com"\n'),
                 (cfg, config_text + '\n[digest]\nsubject = "Update\\nBcc: all@example.com"\n'),
                 (cfg, config_text + '\n[digest]\ncc = ["a@example.com\\nBcc: b@example.com"]\n'),
                 (cfg, config_text.replace('name = "Ada Tester"', 'name = "Ada\\r\\nBcc: all@example.com"')),
                 (person, person_text.replace('"dana@example.com"', '"dana@example.com\\nBcc: all@example.com"'))]
        for path, text in cases:
            with self.subTest(text=text):
                with open(path, "w") as f:
                    f.write(text)
                for args in (["digest", "--format", "email"], ["digest", "--format", "email", "--for", "dana",
                                                               "--to", "dana@example.com"]):
                    r = self.run_upward(*args)
                    self.assertEqual(r.returncode, 1, (args, r.stdout[:300]))
                    self.assertNotIn(b"Bcc:", r.stdout)
                    self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)
                with open(path, "w") as f:
                    f.write(config_text if path == cfg else person_text)


if __name__ == "__main__":
    unittest.main()
