"""The records the in-place fuzzer edits (test_in_place_editors.py): what upward writes, dressed
by a person's hand, and variants upward must refuse."""
import re
import tomllib
from hand_toml import D, TODAY, day_between, extra_pairs, header, phrase, render, shuffled  # noqa: E402


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


