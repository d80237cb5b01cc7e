"""Issue 13 §6: differential fuzzing of the in-place editors.

A seeded generator writes hand-edited variants of goal, person, 1:1, win and upward.toml files,
starting from what upward writes and from examples/demo (comments on their own lines and after
values, blank lines, indentation, spaces around '=', key order, literal and basic strings, escapes,
both kinds of multi-line strings, arrays over several lines with trailing commas and comments,
inline tables, quoted keys, CRLF, a byte-order mark, no final newline, unicode, [[update]] and
[[action]] tables in odd shapes). Every command that edits a file in place runs on each variant,
and Python's tomllib judges the result:

- the meaning after is the meaning before plus exactly the requested change (computed here);
- an append (goals update, goals done) keeps the original bytes as a prefix, followed only by the
  separating newline a file without a final one needs, then the new [[update]] table;
- a set (set goal/person/win, people primary, outcome, prep-1on1 done) changes only the edited
  value's text, or inserts one `key = value` line (for upward.toml's manager, in place of the
  template's `# manager = ...` example); every other byte stays;
- a variant upward must refuse (a syntax error, a value its reader rejects) is refused with exit 1
  and `upward: FILE:LINE:COL: message`, and nothing is written; a valid one is never refused.
"""
import collections
import datetime
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import BIN, SRC, UpwardTest  # noqa: E402
from test_write_path import figures  # noqa: E402

SEED = 13_6
TODAY = datetime.date(2026, 11, 23)
VARIANTS_PER_KIND = 80
BROKEN_SHARE = 0.15
D = datetime.date

# -- text the generator puts into values and comments ------------------------------------------

WORDS = ["Checkout", "p99", "latency", "café", "naïve", "Zürich", "東京", "🚀", "é́", "ß", "Ω", "αβγ",
         "under", "400", "ms", "a\tb", "it's", 'say "hi"', "back\\slash", "C:\\path\\", "'''", '"""',
         "# not a comment", "key = value", "[[update]]", "[table]", "{ x = 1 }", "100%", "½", "—",
         "\u200b", "ﬁ", "x\u0301", "\U0001F469\u200D\U0001F4BB", "tab\there", "end'", 'end"', "semi;colon"]
COMMENTS = ["", " a comment", " título: ñandú", " title = \"not this one\"", " [[update]]", " [[action]]",
            " manager = \"someone\"", "# double", " '''", ' """', " 🚀 shipped", " = ", "\t tabbed", " done = 2026-11-23",
            " date = 2026-01-01", " {", " ]"]

CTRL = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def phrase(rng, n=None, one_line=True):
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(1, 5))]
    s = " ".join(words)
    if not one_line and rng.random() < 0.4:
        s += "\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
    s = s.strip(" \t")
    return s or "x"


def cli_text(rng):
    """Text for a command-line value: one line, not starting with '-', not blank."""
    s = phrase(rng, rng.randint(1, 6))
    return s if not s.startswith("-") else "x" + s


# -- a TOML writer with a person's habits ------------------------------------------------------

def is_ctrl(c):
    o = ord(c)
    return o < 0x20 and c != "\t" or o == 0x7F


def esc_basic(rng, s, ml=False):
    out = []
    for c in s:
        if c == "\n" and ml:
            out.append("\n")
        elif c in CTRL:
            out.append(CTRL[c] if not (c == "\t" and rng.random() < 0.5) else "\t")
        elif is_ctrl(c):
            out.append("\\u%04X" % ord(c))
        elif ord(c) > 0x7F and rng.random() < 0.15:
            out.append("\\u%04x" % ord(c) if ord(c) <= 0xFFFF else "\\U%08X" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def r_str(rng, s, inline=False):
    """A TOML string for `s`, in one of the four kinds when that kind can hold it."""
    kinds = ["basic", "basic"]
    if "'" not in s and not any(is_ctrl(c) for c in s) and "\n" not in s:
        kinds.append("literal")
    if not inline:
        kinds.append("ml_basic")
        if "'''" not in s and not s.endswith("'") and not any(is_ctrl(c) and c != "\n" for c in s):
            kinds.append("ml_literal")
    if "\n" in s and not inline:
        kinds = [k for k in kinds if k.startswith("ml")] + ["basic"]
    kind = rng.choice(kinds)
    if kind == "basic":
        return '"' + esc_basic(rng, s) + '"'
    if kind == "literal":
        return "'" + s + "'"
    lead = "\n" if rng.random() < 0.5 else ""
    if kind == "ml_literal":
        return "'''" + lead + s + "'''"
    body = esc_basic(rng, s, ml=True)
    spaces = [i for i in range(len(s) - 1) if s[i] == " " and s[i + 1] not in " \t\n"]
    if spaces and rng.random() < 0.4:  # a line-ending backslash: "a \<newline>   b" is "a b"
        i = rng.choice(spaces)
        body = esc_basic(rng, s[:i + 1], ml=True) + "\\\n" + rng.choice(["", "  ", "\t"]) + esc_basic(rng, s[i + 1:], ml=True)
    return '"""' + lead + body + '"""'


def r_int(rng, n):
    r = rng.random()
    if r < 0.1:
        return "+" + str(n)
    if r < 0.15 and n >= 10:
        return "0x%x" % n
    if r < 0.2 and n >= 10:
        s = str(n)
        return s[0] + "_" + s[1:]
    return str(n)


def r_key(rng, k):
    r = rng.random()
    if r < 0.08:
        return '"' + k + '"'
    if r < 0.14:
        return "'" + k + "'"
    if r < 0.16:
        return '"\\u%04x' % ord(k[0]) + k[1:] + '"'
    return k


def comment(rng):
    return "#" + rng.choice(COMMENTS)


def r_val(rng, v, inline=False):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return r_int(rng, v)
    if isinstance(v, (datetime.date,)):
        return v.isoformat()
    if isinstance(v, str):
        return r_str(rng, v, inline)
    if isinstance(v, dict):
        items = [f"{r_key(rng, k)}{rng.choice(['=', ' = ', '  =  '])}{r_val(rng, x, True)}" for k, x in v.items()]
        return "{" + rng.choice(["", " "]) + ", ".join(items) + rng.choice(["", " "]) + "}" if items else "{}"
    if isinstance(v, list):
        if inline or not v or rng.random() < 0.5:
            sep = rng.choice([", ", ",", " , "])
            tail = rng.choice(["", ","]) if v and not inline else ""
            return "[" + rng.choice(["", " "]) + sep.join(r_val(rng, x, True) for x in v) + tail + rng.choice(["", " "]) + "]"
        ind = rng.choice(["  ", "    ", "\t"])
        lines = ["["]
        for i, x in enumerate(v):
            if rng.random() < 0.2:
                lines.append(ind + comment(rng))
            last = i == len(v) - 1
            item = ind + r_val(rng, x, rng.random() < 0.7) + ("," if not last or rng.random() < 0.6 else "")
            if rng.random() < 0.25:
                item += "  " + comment(rng)
            lines.append(item)
            if rng.random() < 0.1:
                lines.append("")
        lines.append(rng.choice(["", "  "]) + "]")
        return "\n".join(lines)
    raise TypeError(v)


def r_pair(rng, k, v, indent=""):
    eq = rng.choice(["=", " = ", " = ", " = ", "  =  ", "\t=\t", " =", "= "])
    line = indent + r_key(rng, k) + eq + r_val(rng, v)
    if rng.random() < 0.2:
        line += rng.choice([" ", "  ", "\t"]) + comment(rng)
    return line


def noise(rng, lines, p=0.25):
    """Blank lines, whitespace-only lines and comment lines, now and then."""
    while rng.random() < p:
        lines.append(rng.choice(["", "", "   ", "\t", comment(rng), "  " + comment(rng)]))


def render(rng, top, tables=(), dotted=()):
    """TOML text: `top` pairs (in the order given), `dotted` (name, dict) as dotted top-level keys,
    then `tables`: (header, pairs) where header is '[name]' / '[[name]]' text."""
    lines = []
    noise(rng, lines, 0.4)
    ind = rng.choice(["", "", "", " ", "\t"]) if rng.random() < 0.2 else ""
    entries = [("pair", k, v) for k, v in top] + [("dotted", n, d) for n, d in dotted]
    for kind, k, v in entries:
        if kind == "pair":
            lines.append(r_pair(rng, k, v, ind if rng.random() < 0.5 else ""))
        else:
            for dk, dv in v.items():
                lines.append(f"{r_key(rng, k)}{rng.choice(['.', ' . '])}{r_key(rng, dk)} = {r_val(rng, dv)}")
        noise(rng, lines)
    for header, pairs in tables:
        if lines and rng.random() < 0.8:
            lines.append("")
        line = (rng.choice(["", " ", "  "]) if rng.random() < 0.1 else "") + header
        if rng.random() < 0.2:
            line += rng.choice(["  ", " "]) + comment(rng)
        lines.append(line)
        noise(rng, lines, 0.15)
        tind = rng.choice(["  ", "\t", "    "]) if rng.random() < 0.25 else ""
        for k, v in pairs:
            lines.append(r_pair(rng, k, v, tind))
            noise(rng, lines, 0.15)
    noise(rng, lines, 0.2)
    return "\n".join(lines) + "\n"


def header(rng, name, array):
    sp = rng.choice(["", "", "", " "])
    key = rng.choice([name, name, name, f'"{name}"', f"'{name}'"])
    return ("[[" if array else "[") + sp + key + sp + ("]]" if array else "]")


def dress(rng, text, allow_bom=True):
    """Byte-level habits: CRLF line ends, a byte-order mark, no final newline. Returns bytes."""
    if rng.random() < 0.25:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.2:
        text = text.rstrip("\r\n")
        if not text.strip():
            text += "\n"
    data = text.encode()
    if allow_bom and rng.random() < 0.15:
        data = b"\xef\xbb\xbf" + data
    return data


def shuffled(rng, pairs, keep_first=0):
    pairs = list(pairs)
    head, rest = pairs[:keep_first], pairs[keep_first:]
    if rng.random() < 0.6:
        rng.shuffle(rest)
    return head + rest


def extra_pairs(rng):
    """Keys upward does not know: kept and ignored."""
    out = []
    if rng.random() < 0.3:
        out.append(("x-hand-note", phrase(rng, one_line=False)))
    if rng.random() < 0.2:
        out.append(("refs", {"jira": "CHK-" + str(rng.randint(1, 999)), "doc": phrase(rng, 2)}))
    if rng.random() < 0.15:
        out.append(("numbers", [rng.randint(0, 99) for _ in range(rng.randint(0, 4))]))
    if rng.random() < 0.1:  # a multi-line string whose lines look like keys, comments and headers
        out.append(("pasted", "\n# manager = \"x\"\n[[update]]\ntitle = \"no\"\n[x]\n"))
    return out


def day_between(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


# -- the records: what upward writes, then a person's hand ---------------------------------------
# Each generator returns the file's text (str, "\n" line ends) for a valid variant.

STATUSES = ["on-track", "at-risk", "blocked"]


def goal_text(rng):
    created = day_between(rng, D(2026, 6, 1), D(2026, 11, 10))
    top = [("title", phrase(rng)), ("owner", rng.choice(["me", "me", "dana", "marcus"])), ("created", created)]
    if rng.random() < 0.7:
        top.append(("due", day_between(rng, D(2026, 11, 1), D(2027, 3, 31))))
    if rng.random() < 0.6:
        top.append(("why", phrase(rng, one_line=False)))
    if rng.random() < 0.5:
        top.append(("supports", ["q4-conversion"]))
    if rng.random() < 0.1:
        top.append(("private", rng.random() < 0.5))
    top = shuffled(rng, top + extra_pairs(rng))
    dotted = [("meta", {"source": phrase(rng, 2), "n": rng.randint(0, 9)})] if rng.random() < 0.1 else []
    tables = []
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
        pairs = [("date", day_between(rng, created, TODAY))]
        if rng.random() < 0.7:
            pairs.append(("progress", rng.randint(0, 100)))
        if rng.random() < 0.7:
            pairs.append(("status", rng.choice(STATUSES + ["done"] if rng.random() < 0.1 else STATUSES)))
        if rng.random() < 0.7:
            pairs.append(("note", phrase(rng, one_line=False)))
        if rng.random() < 0.1:
            pairs.append(("by", "hand"))
        tables.append((header(rng, "update", True), shuffled(rng, pairs)))
        if rng.random() < 0.1:
            tables.append((header(rng, "update.meta", False).replace('"update.meta"', "update.meta")
                           .replace("'update.meta'", "update.meta"), [("reviewed", rng.random() < 0.5)]))
    if rng.random() < 0.08:
        tables.append((header(rng, "extra", False), [("kept", phrase(rng))]))
    return render(rng, top, tables, dotted)


def person_text(rng):
    top = [("name", phrase(rng, 2)), ("relationship", rng.choice(["manager", "skip-level", "stakeholder", "mentor", "peer"]))]
    if rng.random() < 0.6:
        top.append(("email", rng.choice(["dana@example.com", "dana.okafor@corp.example.org", "d+q4@ex.io"])))
    if rng.random() < 0.5:
        top.append(("style", rng.choice(["brief", "detailed"])))
    if rng.random() < 0.5:
        top.append(("cadence", rng.choice(["weekly", "biweekly", "monthly"])))
    if rng.random() < 0.6:
        top.append(("priorities", [phrase(rng, 3) for _ in range(rng.randint(0, 3))]))
    if rng.random() < 0.6:
        top.append(("pressures", [phrase(rng, 3) for _ in range(rng.randint(0, 3))]))
    top = shuffled(rng, top + extra_pairs(rng))
    tables = [(header(rng, "extra", False), [("kept", phrase(rng))])] if rng.random() < 0.1 else []
    return render(rng, top, tables)


MEETING = D(2026, 11, 16)


def meeting_text(rng):
    top = [("date", MEETING)]
    if rng.random() < 0.8:
        top.append(("with", "dana"))
    if rng.random() < 0.6:
        top.append(("topics", rng.choice([[], ["2026-11-02-on-call"], ["2026-11-02-on-call", "2026-11-10-budget"]])))
    if rng.random() < 0.8:
        top.append(("notes", phrase(rng, 6, one_line=False)))
    if rng.random() < 0.5:
        top.append(("reflection", phrase(rng)))
    if rng.random() < 0.2:
        top.append(("career", rng.random() < 0.5))
    top = shuffled(rng, top + extra_pairs(rng))
    tables = []
    for n in range(rng.randint(1, 4)):
        pairs = [("id", f"a{n}-" + rng.choice(["send-plan", "intro", "review", "x"])), ("owner", rng.choice(["me", "dana"])),
                 ("text", phrase(rng, one_line=False))]
        if rng.random() < 0.6:
            pairs.append(("due", day_between(rng, MEETING, D(2026, 12, 31))))
        if rng.random() < 0.3:
            pairs.append(("done", day_between(rng, MEETING, TODAY)))
        if rng.random() < 0.1:
            pairs.append(("ticket", {"id": rng.randint(1, 99)}))
        tables.append((header(rng, "action", True), shuffled(rng, pairs)))
        if rng.random() < 0.1:
            tables.append(("[action.meta]", [("from", phrase(rng, 2))]))
    return render(rng, top, tables)


def config_text(rng):
    top = [("schema", 1)]
    if rng.random() < 0.7:
        top.append(("week_start", rng.choice(["monday", "sunday"])))
    if rng.random() < 0.6:
        top.append(("manager", rng.choice(["dana", "marcus"])))
    top = shuffled(rng, top + extra_pairs(rng))
    me = {"name": phrase(rng, 2), "email": "ada@example.com"}
    tables, dotted = [], []
    shape = rng.random()
    if shape < 0.15:
        top.append(("me", me))  # an inline table
    elif shape < 0.3:
        dotted.append(("me", me))
    else:
        tables.append((header(rng, "me", False), list(me.items())))
    tables.append((header(rng, "git", False), [("autocommit", False)]))
    if rng.random() < 0.5:
        tables.append((header(rng, "digest", False), [("subject", phrase(rng)), ("to", rng.choice(["dana@example.com", ["a@x.io", "b@x.io"]]))]))
    if rng.random() < 0.4:
        tables.append((header(rng, "sections", False), [("mentoring", "collaboration"), ("docs", "design")]))
    if rng.random() < 0.3:
        tables.append((header(rng, "cycles", False), [("h2-2026", "2026-07-01..2026-12-31")]))
    if rng.random() < 0.2:
        tables.append((header(rng, "goals", False), [("stale_after_days", rng.randint(1, 60))]))
    rng.shuffle(tables)
    text = render(rng, top, tables, dotted)
    if rng.random() < 0.4:  # the template's example line, before the first table
        example = rng.choice(['# manager = "dana"    # the primary manager\'s person id', "#manager=x", "  ## manager = ''"])
        text = insert_line(rng, text, example, before_tables=True)
    return text


def insert_line(rng, text, line, before_tables=False):
    """`text` with `line` put at the start of a line where it changes nothing (not inside a
    multi-line value), before the first table when asked."""
    lines = text.split("\n")
    last = first_table_line(lines) if before_tables else len(lines) - 1
    want = tomllib.loads(text)
    for at in rng.sample(range(last + 1), last + 1):
        candidate = "\n".join(lines[:at] + [line] + lines[at:])
        try:
            if tomllib.loads(candidate) == want:
                return candidate
        except tomllib.TOMLDecodeError:
            pass
    return text


WIN_DATE = D(2026, 11, 20)
WIN_ID = "2026-11-20-cut-p99"


def win_text(rng):
    top = [("date", WIN_DATE), ("title", phrase(rng))]
    if rng.random() < 0.6:
        top.append(("impact", phrase(rng, one_line=False)))
    if rng.random() < 0.6:
        top.append(("tags", rng.choice([[], ["perf"], ["perf", "checkout"]])))
    if rng.random() < 0.4:
        top.append(("goals", ["q4-conversion"]))
    if rng.random() < 0.4:
        top.append(("seen_by", rng.choice([[], ["dana"], ["dana", "marcus"]])))
    if rng.random() < 0.3:
        top.append(("follow_up", day_between(rng, WIN_DATE, D(2027, 1, 31))))
    if rng.random() < 0.2:
        top.append(("outcome", phrase(rng, one_line=False)))
        top.append(("outcome_date", day_between(rng, WIN_DATE, TODAY)))
    if rng.random() < 0.1:
        top.append(("kind", "win"))
    if rng.random() < 0.1:
        top.append(("private", rng.random() < 0.5))
    metric = {"name": "p99", "before": "900 ms", "after": "350 ms"}
    tables = []
    if rng.random() < 0.15:
        top.append(("metrics", [metric]))
    elif rng.random() < 0.1:
        tables.append((header(rng, "metrics", True), list(metric.items())))
    return render(rng, shuffled(rng, top + extra_pairs(rng)), tables)


GENERATORS = {"goal": goal_text, "person": person_text, "meeting": meeting_text, "config": config_text, "win": win_text}
TARGET = {"goal": "goals/g1.toml", "person": "people/dana.toml", "meeting": "1on1s/dana/2026-11-16.toml",
          "config": "upward.toml", "win": f"wins/2026/11/{WIN_ID}.toml"}

# -- variants upward must refuse ------------------------------------------------------------------

SYNTAX = [
    ("an unterminated string", 'oops = "unterminated'),
    ("a key with a space", "bad key = 1"),
    ("an invalid escape", 'oops = "a\\qb"'),
    ("a key without a value", "oops ="),
    ("a bare word", "oops = maybe"),
]
MODEL = {
    "goal": [("an unknown status", '[[update]]\ndate = 2026-11-20\nstatus = "at risk"'),
             ("a quoted date", '[[update]]\ndate = "2026-11-20"'),
             ("progress over 100", "[[update]]\ndate = 2026-11-20\nprogress = 150"),
             ("a goal key inside an update", '[[update]]\ndate = 2026-11-20\nprivate = true'),
             ("an inline update array", "update = [{ date = 2026-11-20, progress = 10 }]")],
    "person": [("an unknown style", 'style = "verbose"'), ("a string for a list", 'priorities = "x"'),
               ("a bad email", 'email = "Dana <d@x.io>"')],
    "meeting": [("an action without text", '[[action]]\nid = "zz"\nowner = "me"'),
                ("an action id that is not a slug", '[[action]]\nid = "Not A Slug"\nowner = "me"\ntext = "t"')],
    "config": [("a manager that is not an id", 'manager = "Dana Okafor"'), ("a schema from the future", "schema = 99"),
               ("an unknown week start", 'week_start = "someday"')],
    "win": [("an empty title", 'title = ""'), ("a quoted date", 'date = "2026-11-20"'), ("an unknown kind", 'kind = "loss"')],
}


def first_table_line(lines):
    return next((i for i, l in enumerate(lines) if l.lstrip().startswith("[")), len(lines))


def broken(rng, kind, text):
    """A variant upward must refuse: (bytes, what, 1-based line of the mistake or None)."""
    lines = text.split("\n")
    r = rng.random()
    for _ in range(20):  # a place where the mistake is one (not inside a multi-line string)
        if r < 0.45:
            what, line = rng.choice(SYNTAX)
            at = rng.randint(0, first_table_line(lines))
        elif r < 0.55:
            keys = [i for i, l in enumerate(lines[:first_table_line(lines)]) if re.match(r"[a-z_]+ = [^\[{\"']*$", l)]
            if not keys:
                break
            at = rng.choice(keys) + 1
            what, line = "a key given twice", lines[at - 1]
        else:
            break
        candidate = "\n".join(lines[:at] + [line] + lines[at:])
        try:
            tomllib.loads(candidate)
        except tomllib.TOMLDecodeError:
            return candidate.encode(), what, at + 1
    if r < 0.65:  # invalid UTF-8 in a comment
        at = rng.randint(0, len(lines) - 1)
        data = "\n".join(lines[:at]).encode() + (b"\n" if at else b"") + b"# caf\xe9 \xff\n" + "\n".join(lines[at:]).encode()
        return data, "invalid UTF-8", at + 1
    what, block = rng.choice(MODEL[kind])
    if block.startswith("update = "):  # read as updates, but no [[update]] can be appended to it
        candidate = "\n".join(lines[:first_table_line(lines)] + [block]) + "\n"
        try:
            if isinstance(tomllib.loads(candidate).get("update"), list):
                return candidate.encode(), what, None
        except tomllib.TOMLDecodeError:
            pass
        what, block = MODEL[kind][0]
    if block.startswith("[[") or kind == "goal":
        return (text.rstrip("\n") + "\n\n" + block + "\n").encode(), what, None
    key = block.split(" =")[0]
    kept = [l for l in lines if not re.match(r"\s*['\"]?" + key + r"['\"]?\s*=", l)]
    kept.insert(rng.randint(0, first_table_line(kept)), block)
    return "\n".join(kept).encode(), what, None


# -- the judge ------------------------------------------------------------------------------------

def meaning(text):
    return tomllib.loads(text.removeprefix("\ufeff"))


def eol_of(text):
    nl = text.find("\n")
    return "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"


def scan_value(t, i):
    """The end of the TOML value that starts at t[i] (strings, arrays, inline tables, scalars)."""
    if t.startswith('"""', i):
        j = i + 3
        while True:
            if t[j] == "\\":
                j += 2
            elif t.startswith('"""', j):
                k = j + 3
                while k < len(t) and t[k] == '"' and k - j < 5:
                    k += 1
                return k
            else:
                j += 1
    if t.startswith("'''", i):
        k = t.index("'''", i + 3) + 3
        while k < len(t) and t[k] == "'" and k - i < 5 + len(t):
            k += 1
        return k
    if t[i] == '"':
        j = i + 1
        while t[j] != '"':
            j += 2 if t[j] == "\\" else 1
        return j + 1
    if t[i] == "'":
        return t.index("'", i + 1) + 1
    if t[i] in "[{":
        close, j = {"[": "]", "{": "}"}[t[i]], i + 1
        while t[j] != close:
            if t[j] in "\"'[{":
                j = scan_value(t, j)
            elif t[j] == "#":
                j = t.index("\n", j)
            else:
                j += 1
        return j + 1
    j = i
    while j < len(t) and t[j] not in " \t\r\n#,]}":
        j += 1
    return j


KEY = r"(?:[A-Za-z0-9_-]+|\"(?:[^\"\\\r\n]|\\.)*\"|'[^'\r\n]*')"
SENTINEL = "\u2603 sentinel"


def get_path(d, path):
    for p in path:
        d = d[p]
    return d


def with_path(d, path, value):
    """A copy of d with the value at path set (a missing last key added)."""
    if not path:
        return value
    out = list(d) if isinstance(d, list) else dict(d)
    out[path[0]] = with_path(out[path[0]] if isinstance(out, list) or path[0] in out else {}, path[1:], value)
    return out


def value_spans(text, path):
    """Where the value at `path` (("title",), ("action", 2, "done")) is written in `text`, found
    independently of upward: each `KEY =` line start whose value, replaced by a sentinel, is
    exactly that value for tomllib."""
    base = meaning(text)
    out = []
    for m in re.finditer(r"(?m)^\ufeff?[ \t]*(" + KEY + r")[ \t]*=[ \t]*", text):
        try:
            if list(tomllib.loads(m.group(1) + " = 0"))[0] != path[-1]:
                continue
            vb = m.end()
            ve = scan_value(text, vb)
            if meaning(text[:vb] + '"' + SENTINEL + '"' + text[ve:]) == with_path(base, path, SENTINEL):
                out.append((vb, ve))
        except (tomllib.TOMLDecodeError, ValueError, IndexError):
            continue
    return out


def line_bounds(text, at):
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, (len(text) if end < 0 else end + 1)


EXAMPLE = re.compile(r"[ \t]*#[ \t#]*([A-Za-z0-9_-]+)[ \t]*=.*(\r?\n|$)")


def judge_set(before, after, edits, example_key=None):
    """None when `after` is `before` with only the values at the paths of `edits` rewritten (or,
    for a key `before` lacks, one `key = value` line inserted); else what differs."""
    mb = meaning(before)
    b_cuts, a_cuts = [], []
    inserted = 0
    for path, value in edits:
        a = value_spans(after, path)
        if len(a) != 1:
            return f"{path}: the new value is not found exactly once in the new text ({a})"
        vb, ve = a[0]
        if "\n" in after[vb:ve]:
            return f"{path}: the new value spans lines: {after[vb:ve]!r}"
        present = True
        try:
            get_path(mb, path)
        except (KeyError, IndexError):
            present = False
        if present:
            b = value_spans(before, path)
            if len(b) != 1:
                return f"{path}: the old value is not found exactly once ({b})"
            b_cuts.append(b[0])
            a_cuts.append((vb, ve, "\x00"))
        else:
            start, end = line_bounds(after, vb)
            start += 1 if start == 0 and after.startswith("\ufeff") else 0
            line = after[start:end]
            if not re.fullmatch(re.escape(path[-1]) + r" = [^\r\n]*" + re.escape(eol_of(before)), line):
                return f"{path}: the inserted line is {line!r}"
            a_cuts.append((start, end, ""))
            inserted += 1

    def cut(text, spans):
        for b, e, mark in sorted(spans, reverse=True):
            text = text[:b] + mark + text[e:]
        return text

    bn = cut(before, [(b, e, "\x00") for b, e in b_cuts])
    an = cut(after, a_cuts)
    if an == bn:
        return None
    if inserted and not before.endswith("\n") and an == bn + eol_of(before):
        return None  # a file without a final newline gets one before the new last line
    if example_key and inserted:  # the key's line takes the place of the template's `# key = ...`
        lines = bn.splitlines(keepends=True)
        first_table = next((i for i, l in enumerate(lines) if l.lstrip(" \t\ufeff").startswith("[")), len(lines))
        for i, l in enumerate(lines[:first_table]):
            m = EXAMPLE.fullmatch(l.removeprefix("\ufeff"))
            if m and m.group(1) == example_key:
                if "".join(lines[:i] + (["\ufeff"] if l.startswith("\ufeff") else []) + lines[i + 1:]) == an:
                    return None
                break
    return "bytes outside the edited values changed:\n" + diff_excerpt(bn, an)


def diff_excerpt(a, b):
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return f"  at {i}: before {a[max(0, i - 40):i + 60]!r}\n         after  {b[max(0, i - 40):i + 60]!r}"


APPENDED = r"(?:[a-z_]+ = [^\r\n]*{eol})+"


def judge_append(before, after, table):
    """None when `after` is `before`, the separating newline a file without a final one needs,
    then a blank line and one `[[table]]` of `key = value` lines in the file's line ends."""
    if not after.startswith(before):
        return "the original text is not a prefix:\n" + diff_excerpt(before, after)
    eol = eol_of(before)
    tail = after[len(before):]
    if before and not before.endswith("\n") and before != "\ufeff":
        if not tail.startswith(eol):
            return f"no line end after the original last line: {tail[:20]!r}"
        tail = tail[len(eol):]
    pattern = re.escape(eol + f"[[{table}]]" + eol) + APPENDED.format(eol=re.escape(eol))
    if not re.fullmatch(pattern, tail):
        return f"the appended text is not one [[{table}]] table in the file's line ends: {tail!r}"
    return None


# -- the changes, and what each must do ------------------------------------------------------------

class Change:
    def __init__(self, args, rel, mode, meaning=None, edits=(), creates=(), example_key=None):
        self.args, self.rel, self.mode, self.meaning = list(args), rel, mode, meaning
        self.edits, self.creates, self.example_key = list(edits), list(creates), example_key

    def noop(self):
        return self.meaning is None


def derived_status(updates, today=TODAY):
    status = "on-track"
    for u in sorted((u for u in updates if u.get("date", today) <= today), key=lambda u: u["date"]):
        status = u.get("status", status)
    return status


def set_edits(mb, fields):
    """(edits, expected meaning) for `fields`: key -> (model value before, value after)."""
    edits = [((k, ), after) for k, (before, after) in fields.items() if before != after]
    expected = mb
    for path, value in edits:
        expected = with_path(expected, path, value)
    return edits, (expected if edits else None)


def plan_goal(rng, mb, n):
    rel = TARGET["goal"]
    created = mb.get("created", D(2026, 6, 1))
    r = rng.random()
    if r < 0.45:
        update, args = {}, ["goals", "update", "g1"]
        while not update:
            if rng.random() < 0.5:
                update["progress"] = rng.randint(0, 100)
                args += ["--progress", rng.choice([str(update["progress"]), f"{update['progress']}%"])]
            if rng.random() < 0.4:
                update["status"] = rng.choice(STATUSES + ["done", "dropped"])
                args += ["--status", update["status"]]
            if rng.random() < 0.5:
                update["note"] = cli_text(rng) if rng.random() < 0.8 else phrase(rng, 4, one_line=False).lstrip("-")
                args += ["--note", update["note"]]
        update["date"] = TODAY
        if rng.random() < 0.3:
            update["date"] = day_between(rng, created, TODAY)
            args += ["-d", update["date"].isoformat()]
        return Change(args, rel, "append", with_path(mb, ("update",), mb.get("update", []) + [update]))
    if r < 0.6:
        args, update = ["goals", "done", "g1"], {"date": TODAY, "progress": 100, "status": "done"}
        if rng.random() < 0.5:
            update["note"] = cli_text(rng)
            args += ["--note", update["note"]]
        if derived_status(mb.get("update", [])) == "done":
            return Change(args, rel, "append")  # already done: nothing written
        return Change(args, rel, "append", with_path(mb, ("update",), mb.get("update", []) + [update]))
    args, fields = ["set", "goal", "g1"], {}
    while not fields:
        if rng.random() < 0.4:
            t = cli_text(rng) if rng.random() < 0.85 else mb["title"].replace("\n", " ")
            fields["title"] = (mb["title"], t)
            args += ["--title", t]
        if rng.random() < 0.3:
            w = cli_text(rng)
            fields["why"] = (mb.get("why", ""), w)
            args += ["--why", w]
        if rng.random() < 0.3:
            d = day_between(rng, D(2026, 11, 1), D(2027, 6, 30))
            fields["due"] = (mb.get("due"), d)
            args += ["--due", d.isoformat()]
        if rng.random() < 0.2:
            o = rng.choice(["me", "dana", "marcus"])
            fields["owner"] = (mb.get("owner", "me"), o)
            args += ["--owner", o]
        if rng.random() < 0.25:
            before = mb.get("supports", [])
            after = list(before)
            clear = rng.random() < 0.4
            if clear:
                args.append("--clear-supports")
                after = []
            if rng.random() < 0.7 or not clear:
                args += ["--supports", "q4-conversion"]
                after += [] if "q4-conversion" in after else ["q4-conversion"]
            fields["supports"] = (before, after)
    edits, expected = set_edits(mb, fields)
    return Change(args, rel, "set", expected, edits)


EMAILS = ["dana@example.com", "dana.okafor@corp.example.org", "d+q4@ex.io"]


def plan_person(rng, mb, n):
    args, fields = ["set", "person", "dana"], {}
    while not fields:
        for key, option, values in (("name", "--name", None), ("email", "--email", EMAILS),
                                    ("style", "--style", ["brief", "detailed"]), ("cadence", "--cadence", ["weekly", "biweekly", "monthly"]),
                                    ("relationship", "--relationship", ["manager", "skip-level", "stakeholder", "mentor", "peer"])):
            if rng.random() < 0.2:
                v = rng.choice(values) if values else cli_text(rng)
                fields[key] = (mb.get(key, ""), v)
                args += [option, v]
        for key, option in (("priorities", "--priority"), ("pressures", "--pressure")):
            if rng.random() < 0.25:
                before = mb.get(key, [])
                after = list(before)
                if rng.random() < 0.3:
                    args.append("--clear-" + key)
                    after = []
                for _ in range(rng.randint(0 if args[-1].startswith("--clear") else 1, 2)):
                    v = cli_text(rng) if rng.random() < 0.8 or not before else before[0].replace("\n", " ")
                    args += [option, v]
                    after += [] if v in after else [v]
                fields[key] = (before, after)
    edits, expected = set_edits(mb, fields)
    return Change(args, TARGET["person"], "set", expected, edits)


def plan_config(rng, mb, n):
    if rng.random() < 0.7:
        p = rng.choice(["dana", "marcus"])
        edits, expected = set_edits(mb, {"manager": (mb.get("manager"), p)})
        return Change(["people", "primary", p], "upward.toml", "set", expected, edits, example_key="manager")
    p = f"p{n}"
    edits, expected = set_edits(mb, {"manager": (mb.get("manager"), p)})
    return Change(["people", "add", p, "--name", cli_text(rng), "--relationship", rng.choice(["peer", "manager"]), "--primary"],
                  "upward.toml", "set", expected, edits, creates=[f"people/{p}.toml"], example_key="manager")


def plan_meeting(rng, mb, n):
    if rng.random() < 0.15:  # a new file beside the record: the record's bytes stay
        text = cli_text(rng)
        args = ["prep-1on1", "add", text] + (["--with", "dana"] if rng.random() < 0.5 else [])
        change = Change(args, TARGET["meeting"], "create")
        change.new_text = text
        return change
    actions = mb["action"]
    i = rng.choice([i for i, a in enumerate(actions) if re.fullmatch("[a-z0-9][a-z0-9-]*", str(a.get("id")))] or [0])
    day = TODAY
    args = ["prep-1on1", "done", actions[i]["id"]]
    if rng.random() < 0.4:
        args += ["--with", "dana"]
    if rng.random() < 0.4:
        day = day_between(rng, MEETING, TODAY)
        args += [rng.choice(["-d", "--date"]), day.isoformat()]
    if "done" in actions[i]:
        return Change(args, TARGET["meeting"], "set")
    path = ("action", i, "done")
    return Change(args, TARGET["meeting"], "set", with_path(mb, path, day), [(path, day)])


def plan_win(rng, mb, n):
    rel = TARGET["win"]
    if rng.random() < 0.4:
        text, day = cli_text(rng), TODAY
        args = ["outcome", WIN_ID, text]
        if rng.random() < 0.4:
            day = day_between(rng, WIN_DATE, TODAY)
            args += ["--date", day.isoformat()]
        edits = [(("outcome",), text), (("outcome_date",), day)]
        expected = with_path(with_path(mb, ("outcome",), text), ("outcome_date",), day)
        return Change(args, rel, "set", expected, edits, creates=[f"outcomes/2026/11/{day.isoformat()}-{WIN_ID}.toml"])
    if rng.random() < 0.12:  # a new date renames the win: the same text, its date replaced, in a new file
        last = min([TODAY] + [mb[k] for k in ("follow_up", "outcome_date") if k in mb])
        d = day_between(rng, D(2026, 9, 1), last)
        if d != mb.get("date"):
            new_id = d.isoformat() + WIN_ID[10:]
            change = Change(["set", "win", WIN_ID, "--date", d.isoformat()], rel, "move", with_path(mb, ("date",), d),
                            [(("date",), d)])
            change.new_rel = f"wins/{d.year}/{d.month:02}/{new_id}.toml"
            change.new_id = new_id
            return change
    args, fields = ["set", "win", WIN_ID], {}
    while not fields:
        if rng.random() < 0.3:
            t = cli_text(rng)
            fields["title"] = (mb["title"], t)
            args += ["--title", t]
        if rng.random() < 0.3:
            t = cli_text(rng)
            fields["impact"] = (mb.get("impact", ""), t)
            args += ["--impact", t]
        for key, option, values in (("tags", "--tag", ["perf", "latency", "q4"]), ("seen_by", "--seen-by", ["dana", "marcus"])):
            if rng.random() < 0.25:
                before = mb.get(key, [])
                after = list(before)
                if rng.random() < 0.3:
                    args.append("--clear-" + key.replace("_", "-"))
                    after = []
                v = rng.choice(values)
                args += [option, v]
                after += [] if v in after else [v]
                fields[key] = (before, after)
        if rng.random() < 0.15:
            v = rng.random() < 0.5
            fields["private"] = (mb.get("private", False), v)
            args.append("--private" if v else "--no-private")
        if rng.random() < 0.15:
            d = day_between(rng, WIN_DATE, D(2027, 2, 28))
            fields["follow_up"] = (mb.get("follow_up"), d)
            args += ["--follow-up", d.isoformat()]
    edits, expected = set_edits(mb, fields)
    return Change(args, rel, "set", expected, edits)


PLANNERS = {"goal": plan_goal, "person": plan_person, "meeting": plan_meeting, "config": plan_config, "win": plan_win}


# -- the run --------------------------------------------------------------------------------------

ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C", "UPWARD_TODAY": TODAY.isoformat(),
       "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Ada Tester", "GIT_AUTHOR_EMAIL": "ada@example.com",
       "GIT_COMMITTER_NAME": "Ada Tester", "GIT_COMMITTER_EMAIL": "ada@example.com"}

ACTIONS_BY_HAND = """
[[action]]
id = "send-vendor-plan"
owner = "me"
text = "Send Dana the vendor API migration plan"
due = 2026-11-20

[[action]]
id = "intro-sre-lead"
owner = "dana"
text = "Introduce me to the SRE lead"
done = 2026-11-18
"""


def snapshot(repo):
    out = {}
    for root, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d != ".git"]
        for n in names:
            if n.startswith(".upward"):
                continue
            p = os.path.join(root, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, repo)] = f.read()
    return out


class InPlaceEditorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="upward-inplace-")
        cls.home = os.path.join(cls.tmp, "home")
        os.mkdir(cls.home)
        cls.env = dict(ENV, HOME=cls.home)
        t = cls.template = os.path.join(cls.tmp, "template")

        def up(today, *args):
            r = subprocess.run([BIN, "--dir", t, *args], capture_output=True, env=dict(cls.env, UPWARD_TODAY=today))
            assert r.returncode == 0, (args, r.stderr)

        up("2026-11-01", "init", "--name", "Ada Tester", "--email", "ada@example.com")
        up("2026-11-01", "people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager", "--email",
           "dana@example.com", "--style", "brief", "--cadence", "weekly", "--priority", "Black Friday, no incidents",
           "--pressure", "Headcount freeze")
        up("2026-11-01", "people", "add", "marcus", "--name", "Marcus Lee", "--relationship", "skip-level")
        up("2026-11-01", "goals", "add", "Checkout conversion +2% in Q4", "--id", "q4-conversion", "--owner", "dana",
           "--due", "2026-12-31")
        up("2026-11-01", "goals", "add", "Checkout p99 under 400 ms", "--id", "g1", "--supports", "q4-conversion",
           "--due", "2026-12-15", "--why", 'Every 100 ms costs "0.5%" conversion')
        up("2026-11-05", "goals", "update", "g1", "--progress", "20", "--status", "on-track", "--note", "Baseline 900 ms")
        up("2026-11-20", "log-win", "Cut checkout p99 from 900 ms to 350 ms", "--impact", "Conversion +1.2%", "-t", "perf",
           "-g", "g1", "--seen-by", "dana", "--follow-up", "2026-12-20", "--metric", "p99=900ms->350ms")
        up("2026-11-10", "prep-1on1", "add", "Vendor API limits", "--kind", "problem", "--solution", "Move to v3")
        up("2026-11-16", "prep-1on1", "--save")
        shutil.rmtree(os.path.join(t, ".git"), ignore_errors=True)  # no commits: faster, and the judge reads files

        def text(rel, root=t):
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                return f.read()

        demo = os.path.join(SRC, "examples", "demo")
        win = next(n for n in os.listdir(os.path.join(t, "wins", "2026", "11")))
        meeting = text("1on1s/dana/2026-11-16.toml") + ACTIONS_BY_HAND
        cls.pristine = {  # what upward writes (and a person adds by hand), and the demo's files
            "goal": [text("goals/g1.toml")] + [text(f"goals/{g}.toml", demo) for g in ("checkout-latency", "ci-speed", "platform-cost")],
            "person": [text("people/dana.toml")] + [text(f"people/{p}.toml", demo) for p in ("dana", "marcus", "priya")],
            "meeting": [meeting, text("1on1s/dana/2026-11-16.toml", demo)],
            "config": [text("upward.toml").replace("autocommit = true", "autocommit = false"), text("upward.toml", demo)],
            "win": [text(f"wins/2026/11/{win}"), text("wins/2026/11/2026-11-20-cut-checkout-p99-from-900-ms-to-350-ms.toml", demo)],
        }
        os.remove(os.path.join(t, "wins", "2026", "11", win))
        os.remove(os.path.join(t, "1on1s", "dana", "2026-11-16.toml"))
        with open(os.path.join(t, "upward.toml"), "w") as f:
            f.write(cls.pristine["config"][0])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def variant(self, rng, kind):
        """(bytes, what upward must refuse or None, line of the mistake or None)."""
        r = rng.random()
        if r < 0.2:
            text = rng.choice(self.pristine[kind])
            if rng.random() < 0.5:  # a comment somewhere
                text = insert_line(rng, text, comment(rng))
        else:
            text = GENERATORS[kind](rng)
        if rng.random() < BROKEN_SHARE:
            data, what, line = broken(rng, kind, text)
            if rng.random() < 0.3 and b"\r" not in data:
                data = data.replace(b"\n", b"\r\n")
            return data, what, line
        return dress(rng, text), None, None

    def run_upward(self, repo, args):
        return subprocess.run([BIN, "--dir", repo, *args], capture_output=True, env=self.env)

    def test_every_in_place_change_on_hand_edited_variants(self):
        rng = random.Random(SEED)
        stats, mismatches = collections.Counter(), []
        start = time.monotonic()
        n = 0
        for kind in GENERATORS:
            for v in range(VARIANTS_PER_KIND):
                n += 1
                data, refusal, line = self.variant(rng, kind)
                repo = os.path.join(self.tmp, f"r{n}")
                shutil.copytree(self.template, repo)
                rel = TARGET[kind]
                os.makedirs(os.path.dirname(os.path.join(repo, rel)), exist_ok=True)
                with open(os.path.join(repo, rel), "wb") as f:
                    f.write(data)
                stats["variants"] += 1
                if refusal is None:
                    try:
                        meaning(data.decode())
                    except Exception as e:  # the generator's own mistake
                        self.fail(f"{kind} variant {v} is not valid TOML ({e}):\n{data.decode(errors='replace')}")
                for step in range(rng.randint(1, 3)):
                    before = snapshot(repo)
                    try:
                        mb = meaning(before[rel].decode())
                    except Exception:
                        mb = meaning(rng.choice(self.pristine[kind]))  # for a broken variant: any plan will do
                    change = PLANNERS[kind](rng, mb, n * 10 + step)
                    # a refusal needs a command that reads the file; an inline update array refuses an append only
                    while refusal and change.mode == "create" or refusal == "an inline update array" and change.mode != "append":
                        change = PLANNERS[kind](rng, mb, n * 10 + step)
                    r = self.run_upward(repo, change.args)
                    after = snapshot(repo)
                    stats["changes"] += 1
                    problem = self.judge(kind, refusal, line, change, r, before, after, stats)
                    if problem:
                        mismatches.append((kind, v, change.args, problem, before[rel]))
                        break
                    if refusal or change.mode == "move":  # a refused file stays refused; a moved win has a new id
                        break
                shutil.rmtree(repo)
        stats["mismatches"] = len(mismatches)
        stats["seconds"] = round(time.monotonic() - start)
        figures("in-place editors", stats)
        report = [f"{len(mismatches)} mismatches:"] + [f"  {k} {v}: {' '.join(a)}: {p.splitlines()[0]}" for k, v, a, p, _ in mismatches]
        for kind, v, args, problem, text in mismatches[:8]:
            report.append(f"--- {kind} variant {v}: upward {' '.join(args)}\n{problem}\n--- the file before:\n{text!r}")
        self.assertFalse(mismatches, "\n\n".join(report))

    def judge_move(self, change, before, after, stats):
        """set win --date: the file moves to the new date's name with only its date changed; its
        outcome notes move with it, their win key changed."""
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        notes_before = {k for k in before if k.startswith("outcomes/") and k.endswith(f"-{WIN_ID}.toml")}
        notes_after = {k for k in after if k.startswith("outcomes/") and k.endswith(f"-{change.new_id}.toml")}
        if change.rel in after or change.new_rel not in after:
            return f"expected {change.rel} moved to {change.new_rel}; changed {sorted(changed)}"
        if changed != {change.rel, change.new_rel} | notes_before | notes_after or len(notes_before) != len(notes_after):
            return f"changed {sorted(changed)}"
        for note in notes_after:
            if meaning(after[note].decode()).get("win") != change.new_id:
                return f"{note} does not name {change.new_id}"
        b_text, a_text = before[change.rel].decode(), after[change.new_rel].decode()
        if meaning(a_text) != change.meaning:
            return f"the meaning is not the old one plus the change:\n  got      {meaning(a_text)}\n  expected {change.meaning}"
        problem = judge_set(b_text, a_text, change.edits)
        if problem:
            return problem
        stats["moves judged (set win --date)"] += 1
        return None

    def judge(self, kind, refusal, line, change, r, before, after, stats):
        err = r.stderr.decode(errors="replace")
        rel = change.rel
        if refusal:
            stats["refusals"] += 1
            stats[f"refusals: {refusal}"] += 1
            if r.returncode != 1:
                return f"exit {r.returncode} for a variant with {refusal} (expected 1)\n{err}"
            if after != before:
                return f"a refused change wrote: {sorted(k for k in after if after.get(k) != before.get(k))}"
            m = re.search(r"^upward: (\S.*?):(\d+):(\d+): \S", err, re.M)
            if not m or not m.group(1).endswith(rel):
                return f"the refusal does not say FILE:LINE:COL: message for {rel}:\n{err}"
            if line is not None and int(m.group(2)) != line:
                return f"the refusal points at line {m.group(2)}, the mistake is on line {line}:\n{err}"
            return None
        if r.returncode != 0:
            return f"a valid variant was refused (exit {r.returncode}):\n{err}"
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        if change.mode == "create":
            stats["creates beside a hand-edited record"] += 1
            if len(changed) != 1 or changed[0] in before or not changed[0].startswith("1on1s/dana/topics/"):
                return f"expected one new talking point, changed {changed}"
            return None if meaning(after[changed[0]].decode())["text"] == change.new_text else "the new text differs"
        if change.mode == "move":
            return self.judge_move(change, before, after, stats)
        if change.noop():
            stats["changes that change nothing (no write)"] += 1
            return None if not changed else f"a change that changes nothing wrote {changed}"
        expected_files = sorted({rel, *change.creates})
        # recording an outcome again on another day moves its note (upward-outcome(1))
        changed = [c for c in changed if not (c.startswith("outcomes/") and c.endswith(f"-{WIN_ID}.toml") and c not in after)]
        if not set(changed) <= set(expected_files) or rel not in changed and change.mode == "append":
            return f"changed {changed}, expected {expected_files}"
        for c in change.creates:
            if c not in after:
                return f"{c} was not written"
            meaning(after[c].decode())
        b_text, a_text = before[rel].decode(), after[rel].decode()
        try:
            ma = meaning(a_text)
        except Exception as e:
            return f"the new text is not TOML: {e}\n{a_text!r}"
        if ma != change.meaning:
            return f"the meaning is not the old one plus the change:\n  got      {ma}\n  expected {change.meaning}"
        if change.mode == "append":
            problem = judge_append(b_text, a_text, "update")
        else:
            problem = judge_set(b_text, a_text, change.edits, change.example_key)
        if problem:
            return problem + f"\n--- after:\n{a_text!r}"
        stats[f"{change.mode}s judged"] += 1
        return None


class JudgeTest(unittest.TestCase):
    """The judge itself can fail: a byte outside the value, a lost comment, a misplaced line."""

    def test_a_set_that_touches_only_the_value_passes_and_any_other_byte_fails(self):
        before = '\ufeffa = 1 # c\r\n"title" =  """x\r\ny"""  # keep\r\n\r\n[[update]]\r\ndate = 2026-11-20\r\n'
        good = before.replace('"""x\r\ny"""', '"new"')
        self.assertIsNone(judge_set(before, good, [(("title",), "new")]))
        self.assertIsNotNone(judge_set(before, good.replace("# keep", "#keep"), [(("title",), "new")]))
        self.assertIsNotNone(judge_set(before, good.replace("\r\n\r\n", "\r\n"), [(("title",), "new")]))
        inserted = before.replace("\r\n\r\n[[", '\r\nwhy = "w"\r\n\r\n[[')
        self.assertIsNone(judge_set(before, inserted, [(("why",), "w")]))
        self.assertIsNotNone(judge_set(before, inserted.replace('why = "w"\r\n', 'why = "w"\n'), [(("why",), "w")]))
        self.assertIsNotNone(judge_set(before, inserted.replace("a = 1", "a = 1 "), [(("why",), "w")]))
        action = 'date = 2026-11-16\n[[action]]\nid = "a"\n[[action]]\nid = "b"  # me\n\n[x]\n'
        done = action.replace('"b"  # me\n', '"b"  # me\ndone = 2026-11-23\n')
        self.assertIsNone(judge_set(action, done, [(("action", 1, "done"), D(2026, 11, 23))]))
        example = '# manager = "x"\nschema = 1\n[me]\n'
        self.assertIsNone(judge_set(example, 'manager = "d"\nschema = 1\n[me]\n', [(("manager",), "d")], "manager"))
        self.assertIsNotNone(judge_set(example, 'manager = "d"\nschema = 1\n[me]\n', [(("manager",), "d")]))

    def test_an_append_keeps_the_prefix_and_adds_one_table(self):
        before = "title = 'x'  # no final newline"
        block = "\n[[update]]\ndate = 2026-11-23\nnote = \"n\"\n"
        self.assertIsNone(judge_append(before, before + "\n" + block, "update"))
        self.assertIsNotNone(judge_append(before, before + block, "update"))
        self.assertIsNotNone(judge_append(before, before.replace("  #", " #") + "\n" + block, "update"))
        crlf = "title = 'x'\r\n"
        self.assertIsNone(judge_append(crlf, crlf + block.replace("\n", "\r\n"), "update"))
        self.assertIsNotNone(judge_append(crlf, crlf + block, "update"))


class FoundByTheFuzzerTest(UpwardTest):
    """What the generator above found, pinned one case each."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "peer")
        self.config = os.path.join(self.repo, "upward.toml")

    def hand_commit(self, text):
        with open(self.config, "w") as f:
            f.write(text)
        self.git("commit", "-qam", "by hand")

    def test_people_primary_on_the_manager_written_another_way_changes_nothing(self):
        for value in ("'dana'", '"""dana"""', "'''\ndana'''", r'"d\u0061na"'):
            text = f"schema = 1\nmanager = {value}  # mine\n\n[me]\nname = 'Ada'\n"
            self.hand_commit(text)
            commits = self.commits()
            r = self.run_upward("people", "primary", "dana")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(b"'dana' already is your primary manager; nothing changed", r.stderr, value)
            self.assertEqual(self.read(self.config), text, value)
            self.assertEqual(self.commits(), commits, value)

    def test_goals_update_on_an_inline_update_array_says_what_to_write(self):
        path = os.path.join(self.repo, "goals", "t.toml")
        for value in ("[{ date = 2026-11-20, progress = 10 }]", "[]"):
            text = f'title = "T"\nupdate = {value}\n'
            with open(path, "w") as f:
                f.write(text)
            for args in (["goals", "update", "t", "--progress", "20"], ["goals", "done", "t"]):
                r = self.run_upward(*args)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertRegex(r.stderr.decode(), f"^upward: {re.escape(path)}:2:10: .*\\[\\[update\\]\\] tables")
                self.assertEqual(self.read(path), text)

    def test_a_comment_line_inside_a_multi_line_value_is_not_the_manager_example(self):
        for value in ("'''\n# manager = \"x\"\n'''", "[\n  ## manager = ''\n  42,\n]"):
            text = f"pasted = {value}\nschema = 1\n\n[me]\nname = 'Ada'\n"
            self.hand_commit(text)
            self.ok("people", "primary", "dana")
            self.assertEqual(self.read(self.config), text.replace("schema = 1\n", "schema = 1\nmanager = \"dana\"\n"))
            with open(self.config, "rb") as f:
                self.assertEqual(tomllib.load(f)["manager"], "dana")


if __name__ == "__main__":
    unittest.main()
