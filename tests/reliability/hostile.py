"""Hostile text and ids shared by test_hostile_text.py and test_hostile_repository.py, and a
real pseudo-terminal to run upward on."""
import os
import pty
import re
import select
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))


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


