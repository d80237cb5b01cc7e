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
from hand_toml import BROKEN_SHARE, D, SEED, TODAY, VARIANTS_PER_KIND, comment, dress  # noqa: E402
from hand_records import GENERATORS, TARGET, WIN_ID, broken, insert_line  # noqa: E402
from in_place_judge import judge_append, judge_set, meaning  # noqa: E402
from in_place_changes import PLANNERS  # noqa: E402


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
