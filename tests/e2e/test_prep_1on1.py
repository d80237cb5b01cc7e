"""upward prep-1on1: the agenda on the demo (golden files), and the 1:1 records it reads and writes."""
import difflib
import glob
import itertools
import json
import os
import pty
import shutil
import subprocess
import tomllib

import golden
from harness import BIN, SRC, UpwardTest, read_pty

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
DEMO = os.path.join(SRC, "examples", "demo")

HAND_RECORD = """# 1:1 with Dana, typed by hand
date    =   2026-11-16   # Monday
with = "dana"
topics = [ ]

notes = '''
Vendor limits again.'''

[[action]]   # mine
id   = "send-plan"
owner = "me"
text =  "Send the vendor plan"    # she wants it in writing
due = 2026-11-20

[[action]]
id = "book-room"
owner = "dana"
text = "Book the offsite room"
"""


class GoldenTest(UpwardTest):
    """Each file of tests/e2e/golden/ pins whole outputs, ledger style."""

    def run_file(self, path):
        repo, files, today, tests = golden.parse(path)
        self.repo = os.path.join(self.tmp, os.path.basename(path)[:-len(".test")])  # one repository per file
        if repo:
            shutil.copytree(repo, self.repo)
        os.makedirs(self.repo, exist_ok=True)
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(self.repo, rel)), exist_ok=True)
            with open(os.path.join(self.repo, rel), "w") as f:
                f.write(text)
        env = {"UPWARD_TODAY": today} if today else {}
        results = []
        for argv, status, stdout, stderr in tests:
            r = self.run_upward(*argv, env=env)
            got = (r.returncode, r.stdout.decode(), r.stderr.decode())
            results.append(got)
            if not os.environ.get("UPDATE_GOLDEN"):
                with self.subTest(file=os.path.basename(path), argv=argv):
                    self.assertEqual(got, (status, stdout, stderr))
        if os.environ.get("UPDATE_GOLDEN"):
            golden.update(path, results)

    def test_golden_files(self):
        paths = sorted(glob.glob(os.path.join(GOLDEN, "*.test")))
        self.assertTrue(paths)
        for path in paths:
            self.run_file(path)


class DemoTest(UpwardTest):
    """On a copy of the demo repository, as of 2026-11-23 (a Monday: the weekly 1:1 with Dana)."""

    def setUp(self):
        super().setUp()
        shutil.copytree(DEMO, self.repo)

    def agenda(self, *args, fmt="md"):
        return self.ok("prep-1on1", "--format", fmt, *args)

    def snapshot(self):
        out = {}
        for root, dirs, names in os.walk(self.repo):
            for n in names:
                out[os.path.join(root, n)] = self.read(os.path.join(root, n), "rb")
        return out

    def test_the_demo_agenda_shows_every_section(self):
        a = json.loads(self.agenda(fmt="json"))
        self.assertEqual(a["date"], "2026-11-23")
        for key in ("actions", "talking_points", "goals", "questions", "know_your_manager", "wins", "outcomes_due"):
            self.assertTrue(a[key], key)
        self.assertTrue(a["style"])
        self.assertTrue(a["career"]["due"])
        self.assertTrue(a["career"]["prompts"])
        self.assertEqual({q["kind"] for q in a["questions"]},
                         {"no-update", "due-soon", "overdue-action", "outcome", "impact"})
        self.assertGreaterEqual(min(w["date"] for w in a["wins"]), "2026-11-16")  # nothing before the last 1:1
        md = self.agenda()
        self.assertIn("bring a proposed solution, not just the problem", md)
        self.assertNotIn("Moving closer to my family", md)  # a private topic
        self.assertNotIn("on-call rotation", md)  # covered by the 2026-11-09 record
        self.assertNotIn("Share the order-history cache design", md)  # done

    def test_a_topic_covered_by_a_saved_1on1_leaves_the_queue(self):
        tid = self.ok("prep-1on1", "add", "Conference budget for next year").strip()
        self.assertIn("Conference budget", self.agenda())
        path = self.ok("prep-1on1", "--save").strip()
        self.assertEqual(path, os.path.join(self.repo, "1on1s", "dana", "2026-11-23.toml"))
        with open(path, "rb") as f:
            self.assertIn(tid, tomllib.load(f)["topics"])
        self.assertNotIn("Conference budget", self.agenda())
        self.assertNotIn(tid, self.ok("prep-1on1", "list"))

    def test_saving_twice_is_refused_and_names_the_file(self):
        first = self.ok("prep-1on1", "--save").strip()
        self.assertTrue(os.path.isfile(first))
        before = self.read(first)
        r = self.run_upward("prep-1on1", "--save")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"1on1s/dana/2026-11-23.toml", r.stderr)
        self.assertEqual(self.read(first), before)

    def test_save_with_a_date_writes_that_day(self):
        path = self.ok("prep-1on1", "--save", "--date", "friday").strip()  # the last Friday: a 1:1 held
        self.assertTrue(path.endswith("/1on1s/dana/2026-11-20.toml"), path)
        with open(path, "rb") as f:
            record = tomllib.load(f)
        self.assertEqual(record["date"].isoformat(), "2026-11-20")
        # it covers what was queued by that day; the later talking points stay queued
        self.assertNotIn("2026-11-21-how-did-my-design-review-of-the", record["topics"])
        self.assertIn("How did my design review", self.agenda())

    def test_save_after_today_is_refused(self):
        r = self.run_upward("prep-1on1", "--save", "--date", "2026-11-24")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"2026-11-24 is after today (2026-11-23); nothing was written", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.repo, "1on1s", "dana", "2026-11-24.toml")))

    def test_an_action_added_by_hand_is_carried_until_done(self):
        with open(os.path.join(self.repo, "1on1s", "dana", "2026-11-16.toml"), "a") as f:
            f.write('\n[[action]]\nid = "fix-alerts"\nowner = "me"\ntext = "Tune the checkout alerts"\n'
                    "due = 2026-11-30\n")
        self.assertIn("Tune the checkout alerts", self.agenda())
        self.assertIn("action\tdana\tfix-alerts\tTune the checkout alerts\n", self.ok("prep-1on1", "list"))
        self.assertIn("Tune the checkout alerts", self.agenda("--date", "2026-12-07"))  # still open
        self.ok("prep-1on1", "done", "fix-alerts")
        self.assertNotIn("Tune the checkout alerts", self.agenda())
        self.assertNotIn("fix-alerts", self.ok("prep-1on1", "list"))

    def test_unknown_person_lists_the_known_people(self):
        for argv in (["prep-1on1", "zed"], ["prep-1on1", "add", "--with", "zed", "Text"],
                     ["prep-1on1", "list", "zed"], ["prep-1on1", "done", "send-vendor-plan", "--with", "zed"]):
            before = self.snapshot()
            r = self.run_upward(*argv)
            self.assertEqual((r.returncode, r.stdout, r.stderr),
                             (1, b"", b"upward: unknown person 'zed' (expected dana, marcus, priya)\n"), argv)
            self.assertEqual(self.snapshot(), before)

    def test_unknown_action_id_writes_nothing(self):
        before = self.snapshot()
        r = self.run_upward("prep-1on1", "done", "no-such-action")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"no-such-action", r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_done_twice_says_so_and_writes_nothing(self):
        self.ok("prep-1on1", "done", "send-vendor-plan", "--date", "2026-11-21")
        before = self.snapshot()
        r = self.run_upward("prep-1on1", "done", "send-vendor-plan")
        self.assertEqual((r.returncode, r.stdout), (0, b""))
        self.assertIn(b"already done (2026-11-21)", r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_the_agenda_never_opens_wins_older_than_a_year(self):
        old = os.path.join(self.repo, "wins", "2024", "01")
        os.makedirs(old)
        with open(os.path.join(old, "2024-01-15-broken.toml"), "w") as f:
            f.write("date = \ntitle = [unclosed\n")
        r = self.run_upward("prep-1on1")
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        # the same file in a month of the past year is read, and reported
        shutil.copy(os.path.join(old, "2024-01-15-broken.toml"),
                    os.path.join(self.repo, "wins", "2026", "11", "2026-11-15-broken.toml"))
        r = self.run_upward("prep-1on1")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"wins/2026/11/2026-11-15-broken.toml", r.stderr)
        self.assertIn(b"(skipped)", r.stderr)
        self.assertIn(b"Open action items", r.stdout)  # the agenda is printed all the same

    def test_since_last_1on1_is_the_last_1on1_with_the_primary_manager(self):
        a = json.loads(self.agenda("--since", "since-last-1on1", fmt="json"))
        self.assertEqual(a["period"], {"first": "2026-11-16", "last": "2026-11-23"})
        a = json.loads(self.agenda("--since", "2026-11-01", fmt="json"))
        self.assertEqual(a["period"]["first"], "2026-11-01")
        out = self.ok("goals", "align", "--period", "since-last-1on1")
        self.assertIn("2026-11-16..2026-11-23", out)


    def test_a_since_older_than_a_year_reads_the_whole_period(self):
        old = os.path.join(self.repo, "wins", "2025", "06")
        os.makedirs(old)
        with open(os.path.join(old, "2025-06-10-old-win.toml"), "w") as f:
            f.write('date = 2025-06-10\ntitle = "Old win from 2025"\n')
        a = json.loads(self.agenda("--since", "2025-01-01", fmt="json"))
        self.assertEqual(a["period"]["first"], "2025-01-01")
        self.assertIn("2025-06-10-old-win", [w["id"] for w in a["wins"]])

    def test_a_sub_command_refuses_the_agendas_options_and_person(self):
        before = self.snapshot()
        for argv, word in ((["prep-1on1", "marcus", "add", "For Marcus?"], b"'marcus' before 'add'"),
                           (["prep-1on1", "add", "--save", "x"], b"option '--save' is not one of 'prep-1on1 add'"),
                           (["prep-1on1", "list", "--format", "json"], b"option '--format'"),
                           (["prep-1on1", "done", "intro-sre-lead", "--since", "x"], b"option '--since'")):
            r = self.run_upward(*argv)
            self.assertEqual((r.returncode, r.stdout), (2, b""), argv)
            self.assertIn(word, r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_dates_after_today_are_refused_for_what_has_happened(self):
        before = self.snapshot()
        for argv in (["prep-1on1", "done", "send-vendor-plan", "-d", "2026-11-24"],
                     ["outcome", "2026-11-03-migrated-the-inventory-service-to", "It held", "-d", "tomorrow"]):
            r = self.run_upward(*argv)
            self.assertEqual(r.returncode, 2, argv)
            self.assertIn(b"2026-11-24 is after today (2026-11-23); nothing was written", r.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_an_inline_array_of_actions_is_reported_where_it_is(self):
        with open(os.path.join(self.repo, "1on1s", "dana", "2026-11-02.toml"), "w") as f:
            f.write('date = 2026-11-02\naction = [{ id = "inline-item", owner = "me", text = "Inline" }]\n')
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"1on1s/dana/2026-11-02.toml:2:10: write action items as [[action]] tables", r.stdout)

    def test_a_stakeholder_agenda_has_no_career_talk_and_names_the_relationship(self):
        md = self.ok("prep-1on1", "priya", "--all-sections")
        self.assertNotIn("Where do I want to be in a year", md)
        self.assertIn("## Know your ", md)
        self.assertNotIn("## Know your manager", md)


class RecordsTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager", "--cadence", "weekly")
        self.ok("people", "add", "lee", "--name", "Lee Chen", "--relationship", "peer")

    def topic(self, tid, person="dana"):
        with open(os.path.join(self.repo, "1on1s", person, "topics", tid + ".toml"), "rb") as f:
            return tomllib.load(f)

    def test_add_in_every_order_of_options_and_text(self):
        units = [["--kind", "problem"], ["Vendor API"], ["--solution", "Move to v3"]]
        want = {"date": self.topic(self.ok("prep-1on1", "add", "--kind", "problem", "Vendor API", "--solution",
                                           "Move to v3").strip())["date"],
                "kind": "problem", "text": "Vendor API", "solution": "Move to v3"}
        for order in itertools.permutations(units):
            argv = [w for unit in order for w in unit]
            with self.subTest(argv=argv):
                tid = self.ok("prep-1on1", "add", *argv).strip()
                self.assertTrue(tid.startswith("2026-11-23-vendor-api"), tid)
                self.assertEqual(self.topic(tid), want)
        tid = self.ok("prep-1on1", "add", "Vendor", "--solution", "Move to v3", "API").strip()  # between the words
        self.assertEqual(self.topic(tid), want)

    def test_solution_implies_a_problem_and_is_refused_for_another_kind(self):
        tid = self.ok("prep-1on1", "add", "Flaky deploys", "--solution", "Pin the runner image").strip()
        self.assertEqual(self.topic(tid)["kind"], "problem")
        r = self.run_upward("prep-1on1", "add", "--kind", "idea", "Canaries", "--solution", "x")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"--solution", r.stderr)

    def test_a_problem_without_a_solution_is_flagged(self):
        self.ok("prep-1on1", "add", "--kind", "problem", "Staging deploys fail one time in five")
        self.ok("prep-1on1", "add", "--with", "lee", "--kind", "idea", "Shared runbook")
        md = self.ok("prep-1on1")
        self.assertIn("Staging deploys fail one time in five", md)
        self.assertIn("bring a proposed solution, not just the problem", md)
        self.assertNotIn("Shared runbook", md)  # Lee's
        self.assertIn("Shared runbook", self.ok("prep-1on1", "lee"))
        self.assertEqual(sorted(l.split("\t")[1] for l in self.ok("prep-1on1", "list", "--all").splitlines()),
                         ["dana", "lee"])

    def test_done_on_a_hand_written_record_changes_one_line(self):
        path = os.path.join(self.repo, "1on1s", "dana", "2026-11-16.toml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(HAND_RECORD)
        self.assertIn("action\tdana\tsend-plan\tSend the vendor plan\n", self.ok("prep-1on1", "list"))
        self.ok("prep-1on1", "done", "send-plan", "--date", "yesterday")
        after = self.read(path)
        diff = [l for l in difflib.unified_diff(HAND_RECORD.splitlines(), after.splitlines(), lineterm="", n=0)
                if l[:1] in "+-" and not l.startswith(("+++", "---"))]
        self.assertEqual(len(diff), 1, diff)
        self.assertIn("2026-11-22", diff[0])
        with open(path, "rb") as f:
            record = tomllib.load(f)
        self.assertEqual(record["action"][0]["done"].isoformat(), "2026-11-22")
        self.assertNotIn("done", record["action"][1])

    def test_no_primary_manager_says_how_to_name_one(self):
        other = os.path.join(self.tmp, "other")
        subprocess.run([BIN, "init", other, "--name", "A"], env=self.env, capture_output=True, check=True)
        r = subprocess.run([BIN, "--dir", other, "prep-1on1"], env=self.env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("people primary", r.stderr)

    def test_an_empty_repository_gives_an_agenda_with_all_sections(self):
        md = self.ok("prep-1on1", "--all-sections")
        self.assertIn("Dana Okafor", md)
        self.assertIn("none", md)
        self.assertEqual(self.ok("prep-1on1", "list"), "")

    def test_record_text_is_escaped_on_a_terminal_and_kept_in_a_pipe(self):
        os.makedirs(os.path.join(self.repo, "1on1s", "dana", "topics"))
        with open(os.path.join(self.repo, "1on1s", "dana", "topics", "2026-11-20-x.toml"), "w") as f:
            f.write('date = 2026-11-20\ntext = "Title \\u001b[2J cleared"\n')
        self.assertIn("Title \x1b[2J cleared", self.ok("prep-1on1", "--format", "text"))  # a pipe: exactly
        for args in (["prep-1on1"], ["prep-1on1", "--format", "text"], ["prep-1on1", "list"]):
            master, slave = pty.openpty()
            p = subprocess.Popen([BIN, "--dir", self.repo, *args], stdout=slave, stderr=subprocess.PIPE,
                                 env=dict(self.env, TERM="xterm"))
            os.close(slave)
            out = read_pty(master)
            self.assertEqual(p.wait(), 0, args)
            os.close(master)
            self.assertNotIn(b"\x1b", out, args)
            self.assertIn(b"Title \\x1b", out, args)
