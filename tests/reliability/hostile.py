"""Hostile text and ids shared by test_hostile_text.py and test_hostile_repository.py."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import run_on_terminal  # noqa: E402,F401 (the hostile tests' terminal)


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


