"""The judge of the in-place fuzzer (test_in_place_editors.py): the meaning by tomllib, and the
bytes outside the edited value."""
import re
import tomllib


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


