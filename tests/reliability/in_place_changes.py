"""The changes the in-place fuzzer makes (test_in_place_editors.py), and what each must do."""
import re
from hand_toml import D, TODAY, cli_text, day_between, phrase  # noqa: E402
from hand_records import MEETING, STATUSES, TARGET, WIN_DATE, WIN_ID  # noqa: E402
from in_place_judge import meaning, with_path  # noqa: E402


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


