"""Hand-edited TOML for the in-place fuzzer (test_in_place_editors.py): text, and a TOML writer
with a person's habits (quoting, spacing, comments, key order, line ends)."""
import datetime


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


