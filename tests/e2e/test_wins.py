import json
import os
import re
import subprocess
import tomllib

from harness import UpwardTest

SRC = os.environ.get("UPWARD_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))

WINS = {
    "2026-09-15-old-cache": 'date = 2026-09-15\ntitle = "Old cache thing"\ntags = ["perf"]\n',
    "2026-10-05-cache-warmup": ('# warmed\ndate = 2026-10-05\ntitle = "Warmed the checkout cache"\n'
                                'impact = "p99 down"\ntags = ["perf", "checkout"]\ngoals = ["checkout-latency"]\n'
                                'seen_by = ["dana"]\nlinks = ["https://example.com/pr/1"]\n'
                                'metrics = [{ name = "p99", before = "900ms", after = "350ms" }]\n'),
    "2026-10-12-db-index": 'date = 2026-10-12\ntitle = "Added a DB index"\nimpact = "Cache misses halved"\ntags = ["perf"]\n',
    "2026-10-20-cache-docs": 'date = 2026-10-20\ntitle = "Documented the cache"\ntags = ["docs"]\n',
    "2026-10-25-secret": 'date = 2026-10-25\ntitle = "Private CACHE fix"\ntags = ["perf"]\nprivate = true\n',
    "2026-11-02-perf": 'date = 2026-11-02\ntitle = "Perf work"\ntags = ["perf"]\n',
    "2026-11-20-kudos": ('date = 2026-11-20\ntitle = "Kudos for the launch"\nkind = "kudos"\nfrom = "eve"\n'
                         'follow_up = 2026-11-21\n'),
}


def documented_json_keys(page_name, section_name):
    """The keys a JSON section of a man page lists, in `.TP` / `.B key` items."""
    with open(os.path.join(SRC, "man", page_name)) as f:
        page = f.read()
    section = page.split(".SH " + section_name, 1)[1].split("\n.SH ", 1)[0]
    return re.findall(r"^\.TP\n\.B ([a-z_]+)$", section, re.M)


class WinsTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("-q", "people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("-q", "people", "add", "kim", "--name", "Kim Lee", "--relationship", "skip-level")
        self.ok("-q", "people", "add", "eve", "--name", "Eve Park", "--relationship", "peer")
        self.ok("-q", "goals", "add", "Checkout p99 under 400 ms", "--id", "checkout-latency")
        for wid, text in WINS.items():
            self.put(wid, text)

    def put(self, wid, text):
        folder = os.path.join(self.repo, "wins", wid[0:4], wid[5:7])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, wid + ".toml"), "w") as f:
            f.write(text)

    def ids(self, *args):
        return [w["id"] for w in json.loads(self.ok("wins", "--format", "json", *args))["wins"]]

    def test_tag_and_grep_list_exactly_the_matching_wins_newest_first(self):
        out = self.ok("wins", "--tag", "perf", "--grep", "cache", "last-month")
        self.assertEqual(out.splitlines(), [
            "Wins 2026-10-01..2026-10-31: 3",
            "  2026-10-25  2026-10-25-secret        Private CACHE fix          [private]",
            "  2026-10-12  2026-10-12-db-index      Added a DB index",
            "  2026-10-05  2026-10-05-cache-warmup  Warmed the checkout cache  [goal: checkout-latency] [1 metric]"])
        self.assertEqual(self.ids("--tag", "perf", "--grep", "cache", "last-month"),
                         ["2026-10-25-secret", "2026-10-12-db-index", "2026-10-05-cache-warmup"])

    def test_options_in_any_order(self):
        want = self.ok("wins", "--tag", "perf", "--grep", "cache", "last-month")
        for args in (["last-month", "--tag", "perf", "--grep", "cache"], ["--grep", "cache", "last-month", "--tag", "perf"],
                     ["--tag=perf", "last-month", "--grep=cache"]):
            self.assertEqual(self.ok("wins", *args), want, args)

    def test_json_has_the_documented_keys(self):
        d = json.loads(self.ok("wins", "--format", "json", "--all"))
        self.assertEqual(sorted(d), sorted(documented_json_keys("upward-wins.1", "JSON")))
        self.assertIsNone(d["period"])
        self.assertEqual(d["count"], len(WINS))
        for w in d["wins"]:
            self.assertEqual(sorted(w), sorted(documented_json_keys("upward-wins.1", "JSON WIN KEYS")))
        warm = next(w for w in d["wins"] if w["id"] == "2026-10-05-cache-warmup")
        self.assertEqual(warm["metrics"], [{"name": "p99", "before": "900ms", "after": "350ms"}])
        self.assertEqual(warm["path"], "wins/2026/10/2026-10-05-cache-warmup.toml")
        self.assertEqual(warm["seen_by"], ["dana"])
        d = json.loads(self.ok("wins", "--format", "json", "last-month"))
        self.assertEqual(d["period"], {"first": "2026-10-01", "last": "2026-10-31"})

    def test_markers_for_private_kudos_and_follow_up(self):
        out = self.ok("wins", "this-month")
        self.assertIn("Kudos for the launch  [kudos from eve] [follow-up due]", out)
        self.assertEqual(self.ids("--private", "--all"), ["2026-10-25-secret"])
        self.assertNotIn("2026-10-25-secret", self.ids("--no-private", "--all"))
        r = self.run_upward("wins", "--private", "--no-private")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(self.ids("--follow-up-due"), ["2026-11-20-kudos"])
        self.assertEqual(self.ids("--kind", "kudos", "--all"), ["2026-11-20-kudos"])
        self.assertEqual(self.ids("--from", "eve", "--all"), ["2026-11-20-kudos"])
        md = self.ok("wins", "--format", "md", "last-month", "--private")
        self.assertIn("- 2026-10-25 Private CACHE fix (`2026-10-25-secret`): private", md)

    def test_all_versus_period_and_limit(self):
        self.assertEqual(self.ids(), ["2026-11-20-kudos", "2026-11-02-perf"])  # this month by default
        self.assertEqual(len(self.ids("--all")), len(WINS))
        self.assertEqual(self.ids("--all", "-n", "2"), ["2026-11-20-kudos", "2026-11-02-perf"])
        self.assertEqual(self.ids("--all", "--limit", "1", "--tag", "docs"), ["2026-10-20-cache-docs"])
        self.assertEqual(self.ids("2026-09..2026-10", "--goal", "checkout-latency"), ["2026-10-05-cache-warmup"])
        r = self.run_upward("wins", "--all", "last-month")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--all", r.stderr)
        for bad in ("0", "-1", "x", "2x"):
            r = self.run_upward("wins", "-n", bad)
            self.assertEqual(r.returncode, 2, bad)
            self.assertIn(b"not a positive integer", r.stderr)

    def test_seen_and_not_seen(self):
        self.assertEqual(self.ids("--seen-by", "dana", "--all"), ["2026-10-05-cache-warmup"])
        self.assertEqual(self.ids("--not-seen-by", "dana", "last-month"),
                         ["2026-10-25-secret", "2026-10-20-cache-docs", "2026-10-12-db-index"])
        r = self.run_upward("wins", "--seen-by", "zed", "--all")
        self.assertEqual((r.returncode, r.stdout.decode().splitlines()), (0, ["Wins (all): 0"]))
        self.assertIn(b"no person 'zed' in people/", r.stderr)
        r = self.run_upward("wins", "--seen-by", "Not A Slug")
        self.assertEqual(r.returncode, 2)
        r = self.run_upward("wins", "--goal", "nope", "--all", "--format", "json")
        self.assertEqual((r.returncode, json.loads(r.stdout)["count"]), (0, 0))
        self.assertIn(b"--goal: no goal 'nope' in goals/ (filtering by it anyway)", r.stderr)
        r = self.run_upward("-q", "wins", "--goal", "nope", "--all")
        self.assertEqual(r.stderr, b"")

    def test_bad_regex_is_a_usage_error_naming_it(self):
        r = self.run_upward("wins", "--grep", "cache(")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--grep: 'cache(' is not a regular expression", r.stderr)

    def test_empty_result_is_a_success_with_a_note(self):
        r = self.run_upward("wins", "2025-01")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr, b"upward: no matching wins in 2025-01-01..2025-01-31\n")

    def test_vimgrep_points_at_the_title_line(self):
        out = self.ok("wins", "--format", "vimgrep", "--goal", "checkout-latency", "--all")
        path = os.path.join(self.repo, "wins/2026/10/2026-10-05-cache-warmup.toml")
        self.assertEqual(out, f"{path}:3:1: Warmed the checkout cache\n")
        self.assertTrue(self.read(path).splitlines()[2].startswith("title ="))

    def test_a_broken_file_in_another_month_is_never_opened(self):
        self.put("2026-08-01-broken", "date = 2026-08-01\ntitle = [oops\n")
        r = self.run_upward("wins", "last-month")
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        r = self.run_upward("wins", "--all")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"2026-08-01-broken.toml:2:", r.stderr)
        self.assertIn(b"(skipped)", r.stderr)
        self.assertIn(b"Warmed the checkout cache", r.stdout)  # the rest is shown

    def test_a_period_opens_only_the_files_its_days_name(self):
        # this week (2026-11-23..29): a broken file named for another day of November is never opened
        self.put("2026-11-02-broken", "date = 2026-11-02\ntitle = [oops\n")
        r = self.run_upward("wins", "this-week")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.run_upward("wins", "this-month")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"2026-11-02-broken.toml:2:", r.stderr)

    def test_a_date_edited_away_from_the_name_is_reported_not_lost(self):
        self.put("2026-11-02-moved", 'date = 2026-11-24\ntitle = "Moved by hand"\n')
        for period in ("this-week", "this-month"):
            r = self.run_upward("wins", period)
            self.assertEqual(r.returncode, 1 if period == "this-month" else 0, period)
        r = self.run_upward("wins", "this-month")
        self.assertIn(b"2026-11-02-moved.toml: date 2026-11-24 does not match the file name's 2026-11-02", r.stderr)
        self.assertNotIn(b"Moved by hand", r.stdout)
        r = self.run_upward("check")
        self.assertIn(b"2026-11-02-moved.toml:1:8: date 2026-11-24 does not match the file name's 2026-11-02 "
                      b"(periods choose wins by name): set it back to 2026-11-02 and run "
                      b"'upward set win 2026-11-02-moved --date 2026-11-24', which renames the file", r.stdout)

    def test_all_reads_only_month_folders(self):
        os.makedirs(os.path.join(self.repo, "wins", "drafts"))
        with open(os.path.join(self.repo, "wins", "drafts", "x.toml"), "w") as f:
            f.write("not toml [")
        r = self.run_upward("wins", "--all")
        self.assertEqual((r.returncode, r.stderr), (0, b""))

    def test_show(self):
        out = self.ok("wins", "show", "2026-10-05-cache-warmup")
        for line in ("# Warmed the checkout cache", "- Date: 2026-10-05", "- Impact: p99 down", "- p99: 900ms → 350ms",
                     "- https://example.com/pr/1", "- Checkout p99 under 400 ms (`checkout-latency`)",
                     "- Dana Okafor (dana)", "- Tags: perf, checkout", "- Private: no",
                     "- File: `" + os.path.join(self.repo, "wins/2026/10/2026-10-05-cache-warmup.toml") + "`"):
            self.assertIn(line + "\n", out)
        d = json.loads(self.ok("wins", "show", "--format", "json", "2026-11-20-kudos"))
        self.assertEqual(sorted(d), sorted(documented_json_keys("upward-wins.1", "JSON WIN KEYS") +
                                           documented_json_keys("upward-wins.1", "JSON SHOW KEYS")))
        self.assertEqual((d["kind"], d["from"], d["from_name"], d["follow_up_due"]), ("kudos", "eve", "Eve Park", True))
        self.assertIn("2026-11-21 (due", self.ok("wins", "show", "2026-11-20-kudos"))
        r = self.run_upward("wins", "show", "2026-11-01-nope")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"2026-11-01-nope", r.stderr)
        r = self.run_upward("wins", "show", "../etc")
        self.assertEqual(r.returncode, 2)
        r = self.run_upward("wins", "show", "2026-11-20-kudos", "--tag", "x")
        self.assertEqual(r.returncode, 2)

    def test_people_show_visibility(self):
        out = self.ok("people", "show", "dana")
        self.assertIn("## Wins Dana has seen", out)
        seen = out.split("## Wins Dana has seen", 1)[1].split("\n## ", 1)[0]
        self.assertIn("Warmed the checkout cache", seen)
        unseen = out.split("## Not seen yet", 1)[1]
        self.assertIn("2026-08-01..2026-11-23: 5", unseen)
        self.assertNotIn("Private CACHE fix", out)  # a private win is never suggested
        self.assertIn("Kudos for the launch", unseen)
        eve = self.ok("people", "show", "eve")
        self.assertIn("Kudos for the launch", eve.split("## Kudos from Eve", 1)[1])
        self.assertNotIn("## Not seen yet", eve)  # a peer: not asked
        d = json.loads(self.ok("people", "show", "dana", "--format", "json"))
        self.assertEqual([w["id"] for w in d["seen"]], ["2026-10-05-cache-warmup"])
        self.assertEqual(d["not_seen_count"], 5)
        self.assertEqual([w["id"] for w in d["not_seen"]],
                         ["2026-11-20-kudos", "2026-11-02-perf", "2026-10-20-cache-docs", "2026-10-12-db-index",
                          "2026-09-15-old-cache"])
        self.assertEqual(d["not_seen"], [w for w in json.loads(self.ok(
            "wins", "--format", "json", "--not-seen-by", "dana", "--no-private", "2026-08-01..2026-11-23"))["wins"]])
        self.assertEqual(d["not_seen_period"], {"first": "2026-08-01", "last": "2026-11-23"})
        for key in documented_json_keys("upward-people.1", "VISIBILITY"):
            self.assertIn(key, d)
        e = json.loads(self.ok("people", "show", "eve", "--format", "json"))
        self.assertEqual([w["id"] for w in e["kudos_given"]], ["2026-11-20-kudos"])
        self.assertIsNone(e["not_seen_count"])
