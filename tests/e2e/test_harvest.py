"""upward harvest: wins proposed from the user's own commits in real git repositories."""
import glob
import json
import os
import subprocess
import tomllib

from harness import UpwardTest

FRIDAY = "2026-11-27"
BO = ("Bo Builder", "bo@example.com")
ADA = ("Ada Tester", "ada@example.com")

EDITOR = r'''#!/usr/bin/env python3
import sys
path = sys.argv[1]
lines = open(path).read().split("\n")
out, n = [], 0
for line in lines:
    if line.startswith("#") or not line.strip():
        out.append(line)
        continue
    n += 1
    key = line.split(" | ")[0]
    if n == 1:
        out.append(key + " | Retry in checkout -- Cut failed payments by 30%")
    elif n == 2:
        continue  # dismissed
    else:
        out.append(line)
open(path, "w").write("\n".join(out))
'''


class HarvestTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.env["UPWARD_TODAY"] = FRIDAY
        self.api = self.make_api()
        self.web = self.make_web()

    # --- building repositories -------------------------------------------------------------

    def g(self, repo, *args, who=ADA, when="2026-11-23T12:00:00Z"):
        env = dict(self.env, GIT_AUTHOR_NAME=who[0], GIT_AUTHOR_EMAIL=who[1], GIT_COMMITTER_NAME=who[0],
                   GIT_COMMITTER_EMAIL=who[1], GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when,
                   GIT_MERGE_AUTOEDIT="no")
        r = subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.strip()

    def commit(self, repo, subject, when, who=ADA, file=None, lines=1, extra=()):
        name = file or subject.lower().replace(" ", "-").replace("!", "").replace(":", "")[:30] + ".txt"
        with open(os.path.join(repo, name), "a") as f:
            f.write("line\n" * lines)
        self.g(repo, "add", name, who=who, when=when)
        self.g(repo, "commit", "-q", "-m", subject, *extra, who=who, when=when)
        return self.g(repo, "rev-parse", "HEAD")

    def make_api(self):
        api = os.path.join(self.home, "src", "api")
        os.makedirs(api)
        self.g(api, "init", "-q", "-b", "main")
        self.commit(api, "Initial commit", "2026-11-20T09:00:00Z", who=BO)
        retry = self.commit(api, "ABC-123: Add retry to checkout", "2026-11-23T10:00:00Z", lines=5)
        self.commit(api, "ABC-123 tests for retry", "2026-11-23T11:00:00Z", lines=3)
        self.commit(api, "Tune the pool", "2026-11-23T12:00:00Z", who=BO)
        self.commit(api, "fixup! ABC-123: Add retry to checkout", "2026-11-24T09:00:00Z", file="abc-123-add-retry-to-checkout.txt")
        self.commit(api, "Add cache", "2026-11-24T10:00:00Z")
        self.g(api, "revert", "--no-edit", "HEAD", when="2026-11-24T11:00:00Z")
        self.g(api, "checkout", "-q", "-b", "feature/OPS-7-rate-limit", when="2026-11-25T09:00:00Z")
        self.commit(api, "Add limiter", "2026-11-25T09:00:00Z")
        self.commit(api, "Wire limiter", "2026-11-25T10:00:00Z")
        self.g(api, "checkout", "-q", "main")
        self.commit(api, "Bump deps", "2026-11-25T11:00:00Z", who=BO)
        self.g(api, "merge", "-q", "--no-ff", "feature/OPS-7-rate-limit", who=BO, when="2026-11-25T12:00:00Z")
        self.commit(api, "Write the runbook", "2026-11-26T10:00:00Z", who=("Ada", "ADA@Example.com"))
        self.retry = retry
        return api

    def make_web(self):
        web = os.path.join(self.home, "src", "web")
        os.makedirs(web)
        self.g(web, "init", "-q", "-b", "main")
        self.commit(web, "Retry banner for ABC-123", "2026-11-23T12:30:00Z")
        return web

    def configure(self, repos='["~/src/api", "~/src/web"]'):
        path = os.path.join(self.repo, "upward.toml")
        with open(path, "a") as f:
            f.write(f"\n[harvest]\nrepos = {repos}\n")
        self.git("commit", "-q", "-m", "harvest these", "upward.toml")

    def harvest(self, *args, **kw):
        return self.run_upward("harvest", *args, **kw)

    def candidates(self, *args):
        r = self.harvest("--format", "json", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)["candidates"]

    def harvested_files(self):
        return self.files("harvest"), self.files("wins")

    def editor(self, text):
        path = os.path.join(self.tmp, "editor.py")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o755)
        return {"EDITOR": path}

    # --- what is proposed ------------------------------------------------------------------

    def test_proposes_exactly_my_work_grouped(self):
        self.configure()
        got = [(c["date"], c["title"], [(x["repo"], x["subject"]) for x in c["commits"]]) for c in self.candidates()]
        self.assertEqual(got, [
            ("2026-11-24", "ABC-123: Add retry to checkout",
             [("api", "ABC-123: Add retry to checkout"), ("api", "fixup! ABC-123: Add retry to checkout"),
              ("api", "ABC-123 tests for retry"), ("web", "Retry banner for ABC-123")]),
            ("2026-11-25", "OPS-7: Add limiter", [("api", "Add limiter"), ("api", "Wire limiter")]),
            ("2026-11-26", "Write the runbook", [("api", "Write the runbook")]),
        ])
        c = self.candidates()[0]
        self.assertEqual(c["source"][0], "git:api@" + self.retry)
        self.assertEqual((c["files"], c["added"], c["deleted"]), (3, 10, 0))
        self.assertEqual(c["key"].split(",")[0], "api@" + self.retry[:7])

    def test_markdown_lists_each_candidate_with_its_evidence(self):
        self.configure()
        r = self.harvest()
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertTrue(out.startswith("# Harvest 2026-11-23..2026-11-27\n\n- 2026-11-24 ABC-123: Add retry to checkout\n"
                                       f"  - `api@{self.retry[:7]}` ABC-123: Add retry to checkout\n"), out)
        self.assertIn("  - 4 commits, 3 files changed, +10 -0\n", out)
        self.assertIn("- 2026-11-25 OPS-7: Add limiter\n", out)
        self.assertNotIn("Tune the pool", out)
        self.assertNotIn("cache", out)
        self.assertEqual(self.harvested_files(), ([], []))  # printing records nothing

    def test_repo_options_author_and_period(self):
        got = [c["title"] for c in self.candidates("--repo", self.api, "2026-11-25")]
        self.assertEqual(got, ["OPS-7: Add limiter"])
        got = [c["title"] for c in self.candidates("--repo", self.api, "--author", "BO@example.com", "this-week")]
        self.assertEqual(got, ["Tune the pool", "Bump deps"])  # Bo's merge is not a candidate
        got = [c["title"] for c in self.candidates("--repo", self.web, "--repo", "~/src/api", "last-week")]
        self.assertEqual(got, [])

    # --- recording ---------------------------------------------------------------------------

    def test_accept_all_records_every_candidate_once(self):
        self.configure()
        r = self.harvest("--accept-all", "-t", "git")
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = r.stdout.decode().split()
        self.assertEqual(ids, ["2026-11-24-abc-123-add-retry-to-checkout", "2026-11-25-ops-7-add-limiter",
                               "2026-11-26-write-the-runbook"])
        self.assertEqual(r.stderr.decode(), "upward: harvested 3 wins\n")
        win = self.win(ids[0])
        self.assertEqual(win["title"], "ABC-123: Add retry to checkout")
        self.assertEqual(win["tags"], ["git"])
        self.assertEqual(len(win["source"]), 4)
        self.assertTrue(all(s.startswith("git:api@") or s.startswith("git:web@") for s in win["source"]))
        records, _ = self.harvested_files()
        self.assertEqual(len(records), 1)
        record = tomllib.loads(self.read(os.path.join(self.repo, records[0])))
        self.assertEqual((record["date"].isoformat(), record["wins"], record["dismissed"]), (FRIDAY, ids, []))
        self.assertEqual(len(record["kept"]), 7)
        self.assertEqual(self.commits()[0], "harvest: 3 wins")
        for path in self.files("wins") + self.files("harvest"):
            tomllib.loads(self.read(os.path.join(self.repo, path)))
        # a second run proposes nothing: the period starts where the last one ended
        r = self.harvest()
        self.assertEqual((r.returncode, r.stdout, r.stderr.decode()),
                         (0, b"", "upward: nothing to harvest in 2026-11-27 (no new commits by ada@example.com)\n"))
        self.assertEqual(self.candidates("this-week"), [])
        r = self.harvest("--accept-all", "this-week")
        self.assertEqual((r.returncode, r.stdout), (0, b""))
        # new work is proposed, and only it
        self.commit(self.api, "Late fix", "2026-11-27T08:00:00Z")
        self.assertEqual([c["title"] for c in self.candidates()], ["Late fix"])
        self.assertEqual([c["title"] for c in self.candidates("this-week")], ["Late fix"])

    def test_edit_records_the_kept_lines(self):
        self.configure()
        r = self.harvest("--edit", env=self.editor(EDITOR))
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = r.stdout.decode().split()
        self.assertEqual(ids, ["2026-11-24-retry-in-checkout", "2026-11-26-write-the-runbook"])
        self.assertEqual(r.stderr.decode(), "upward: harvested 2 wins (2 commits dismissed)\n")
        win = self.win(ids[0])
        self.assertEqual((win["title"], win["impact"]), ("Retry in checkout", "Cut failed payments by 30%"))
        self.assertEqual(self.win(ids[1])["title"], "Write the runbook")
        records, wins = self.harvested_files()
        for path in records + wins:
            tomllib.loads(self.read(os.path.join(self.repo, path)))
        record = tomllib.loads(self.read(os.path.join(self.repo, records[0])))
        self.assertEqual(len(record["dismissed"]), 2)
        self.assertEqual(glob.glob(os.path.join(self.repo, ".edit-*")), [])
        # the dismissed candidate does not come back either
        self.assertEqual(self.candidates("this-week"), [])

    def test_edit_with_a_broken_key_records_nothing(self):
        self.configure()
        broken = EDITOR.replace('out.append(key + " | Retry', 'out.append("api@zzzzzzz | Retry')
        r = self.harvest("--edit", env=self.editor(broken))
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(":16:1: unknown commit 'api@zzzzzzz' (not among the candidates; keep the commits before '|' as "
                      "they were); nothing was recorded; your list is kept in '", err)
        self.assertEqual(self.harvested_files(), ([], []))
        self.assertEqual(len(glob.glob(os.path.join(self.repo, ".edit-harvest-*"))), 1)

    def test_an_emptied_list_records_nothing(self):
        self.configure()
        r = self.harvest("--edit", env=self.editor("#!/bin/sh\n: > \"$1\"\n"))
        self.assertEqual((r.returncode, r.stderr.decode()), (1, "upward: no line kept; nothing was recorded\n"))
        self.assertEqual(self.harvested_files(), ([], []))
        self.assertEqual(len(self.candidates()), 3)

    # --- refusals ------------------------------------------------------------------------------

    def test_a_bad_repository_records_nothing(self):
        missing = os.path.join(self.home, "src", "gone")
        r = self.harvest("--repo", self.api, "--repo", missing, "--accept-all")
        self.assertEqual((r.returncode, r.stderr.decode()), (1, f"upward: repository '{missing}' does not exist\n"))
        inside = os.path.join(self.api, "sub")
        os.mkdir(inside)
        r = self.harvest("--repo", self.api, "--repo", inside, "--accept-all")
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (1, f"upward: '{inside}' is a folder inside the git repository '{os.path.realpath(self.api)}': "
                             "give its top folder\n"))
        bare = os.path.join(self.tmp, "api.git")
        subprocess.run(["git", "clone", "-q", "--bare", self.api, bare], check=True, capture_output=True)
        r = self.harvest("--repo", bare)
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (1, f"upward: '{bare}' is a bare repository: harvest reads the branches of a work tree "
                             "(give the path of a clone)\n"))
        plain = os.path.join(self.tmp, "plain")
        os.mkdir(plain)
        r = self.harvest("--repo", plain)
        self.assertEqual((r.returncode, r.stderr.decode()), (1, f"upward: '{plain}' is not a git repository\n"))
        r = self.harvest("--repo", "")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--repo needs the path of a git repository", r.stderr.decode())
        self.assertEqual(self.harvested_files(), ([], []))

    def test_no_repository_or_no_author_is_an_error(self):
        r = self.harvest()
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (1, 'upward: no repositories to harvest: list them in upward.toml ([harvest] repos = '
                             '["~/src/api"]) or give --repo PATH\n'))
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path)
        with open(path, "w") as f:
            f.write(text.replace('email = "ada@example.com"', ""))
        r = self.harvest("--repo", self.api)
        self.assertEqual(r.returncode, 1)
        self.assertIn("set 'email' under [me]", r.stderr.decode())
        self.assertIn("--author EMAIL", r.stderr.decode())

    def test_check_reads_the_records_and_a_broken_one_stops_recording(self):
        self.configure()
        self.ok("harvest", "--accept-all")
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        record = os.path.join(self.repo, self.files("harvest")[0])
        text = self.read(record)
        with open(record, "w") as f:
            f.write(text.replace("dismissed = []", "dismissed = 3"))  # valid TOML, a wrong type
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        self.assertIn(record + ":6:", r.stdout.decode())
        self.commit(self.api, "Late fix", "2026-11-27T08:00:00Z")
        r = self.harvest("this-week")  # printing shows what it can, then exits 1
        self.assertEqual(r.returncode, 1)
        self.assertIn("(skipped)", r.stderr.decode())
        r = self.harvest("--accept-all", "this-week")
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot tell what was harvested; nothing was recorded", r.stderr.decode())
        self.assertEqual(len(self.files("harvest")), 1)
        r = self.harvest()  # since-last-harvest starts from the broken record: an error
        self.assertEqual(r.returncode, 1)
        self.assertIn("the period 'since-last-harvest' starts from this file", r.stderr.decode())

    def test_opens_only_the_files_of_the_period(self):
        self.configure()
        for rel in ("wins/2026/01/2026-01-05-broken.toml", "harvest/2026-01-09-120000.toml",
                    "wins/2026/12/2026-12-01-later.toml"):
            os.makedirs(os.path.dirname(os.path.join(self.repo, rel)), exist_ok=True)
            with open(os.path.join(self.repo, rel), "w") as f:
                f.write("this is = not [toml\n")
        r = self.harvest("this-week", "--accept-all")
        self.assertEqual((r.returncode, len(r.stdout.split())), (0, 3), r.stderr)
        r = self.harvest("--format", "json")  # the record just made: since 2026-11-27
        self.assertEqual((r.returncode, json.loads(r.stdout)["period"]), (0, {"first": FRIDAY, "last": FRIDAY}), r.stderr)
        r = self.harvest("2026-01")  # that month's broken files are read, and said
        self.assertEqual(r.returncode, 1)
        self.assertIn("2026-01-05-broken.toml", r.stderr.decode())
        self.assertIn("2026-01-09-120000.toml", r.stderr.decode())

    def test_a_worktree_is_named_after_its_repository(self):
        wt = os.path.join(self.tmp, "elsewhere")
        self.g(self.api, "worktree", "add", "-q", wt, "feature/OPS-7-rate-limit")
        self.commit(wt, "Limit per user OPS-7", "2026-11-26T15:00:00Z")
        got = [(c["title"], c["key"].split("@")[0]) for c in self.candidates("--repo", wt, "2026-11-26")]
        self.assertEqual(got, [("Write the runbook", "api"), ("Limit per user OPS-7", "api")])  # every local branch
        self.ok("harvest", "--repo", wt, "2026-11-26", "--accept-all")
        self.assertEqual(self.candidates("--repo", self.api, "2026-11-26"), [])  # the same commits: harvested

    def test_since_last_harvest_starts_no_later_than_the_last_run(self):
        self.configure()
        self.ok("harvest", "this-month", "--accept-all", env={"UPWARD_TODAY": "2026-11-25"})  # up to 2026-11-30
        self.commit(self.api, "Late fix", "2026-11-28T08:00:00Z")  # after the run, before its period's end
        r = self.harvest("--format", "json", env={"UPWARD_TODAY": "2026-12-02"})
        self.assertEqual(json.loads(r.stdout)["period"], {"first": "2026-11-25", "last": "2026-12-02"})
        self.assertEqual([c["title"] for c in json.loads(r.stdout)["candidates"]], ["Late fix"])

    def test_edit_and_accept_all_exclude_each_other(self):
        r = self.harvest("--repo", self.api, "--edit", "--accept-all")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--edit and --accept-all exclude each other", r.stderr.decode())
        r = self.harvest("--repo", self.api, "--tag", "x")
        self.assertEqual(r.returncode, 2)

    # --- what a tester found -------------------------------------------------------------------

    def test_a_link_to_a_repository_is_that_repository(self):
        link = os.path.join(self.home, "src", "backend")
        os.symlink(self.api, link)
        got = self.candidates("--repo", link, "--repo", self.api, "--repo", self.api + "/", "this-week")
        self.assertEqual([c["key"].split("@")[0] for c in got], ["api", "api", "api"])
        self.assertEqual([len(c["commits"]) for c in got], [3, 2, 1])  # each commit once
        self.ok("harvest", "--repo", self.api, "this-week", "--accept-all")
        self.assertEqual(self.candidates("--repo", link, "this-week"), [])  # harvested as api@...

    def test_a_cherry_pick_is_counted_once(self):
        before = self.candidates("--repo", self.api, "this-week")
        self.g(self.api, "checkout", "-q", "-b", "release", self.retry + "^")
        self.g(self.api, "cherry-pick", "-x", self.retry, when="2026-11-26T16:00:00Z")
        pick = self.g(self.api, "rev-parse", "HEAD")
        self.g(self.api, "checkout", "-q", "main")
        self.assertEqual(self.candidates("--repo", self.api, "this-week"), before)
        self.ok("harvest", "--repo", self.api, "2026-11-23", "--accept-all")
        self.assertNotIn(pick, str(self.candidates("--repo", self.api, "this-week")))

    def test_a_revert_of_my_commit_from_before_the_period_is_dropped(self):
        self.commit(self.api, "Last month feature", "2026-11-30T09:00:00Z")  # not read: more than a month before
        self.g(self.api, "revert", "--no-edit", "HEAD", when="2027-01-10T09:00:00Z")
        self.commit(self.api, "Keep this", "2027-01-10T10:00:00Z")
        self.env["UPWARD_TODAY"] = "2027-01-11"
        got = self.candidates("--repo", self.api, "2027-01-10")
        self.assertEqual([c["title"] for c in got], ["Keep this"])

    def test_since_last_harvest_takes_the_last_of_runs_of_one_pinned_day(self):
        self.configure()
        for period in ("2026-11-25", "2026-11-26", "this-week"):
            self.ok("harvest", period, "--accept-all")
        names = sorted(self.files("harvest"))  # all named 2026-11-27-120000, then a random suffix
        self.assertEqual(len(names), 3)
        texts = {n: self.read(os.path.join(self.repo, n)) for n in names}
        last = [n for n in names if "first = 2026-11-23" in texts[n]]  # this-week's
        self.assertEqual(len(last), 1)
        # whatever the names' order, the last run is the one written last: give it the first name
        first = names[0]
        for n, t in ((first, texts[last[0]]), (last[0], texts[first])):
            with open(os.path.join(self.repo, n), "w") as f:
                f.write(t)
        self.git("commit", "-q", "-am", "swap")
        for i, n in enumerate(names):  # the first name newest, the others older in turn
            os.utime(os.path.join(self.repo, n), (1_700_000_000 - i, 1_700_000_000 - i))
        r = self.harvest("--format", "json")
        self.assertEqual(json.loads(r.stdout)["period"], {"first": FRIDAY, "last": FRIDAY}, r.stderr)

    def test_commits_are_selected_by_author_date(self):
        # committed (rebased) with a committer date long before the period: its author date decides
        env = dict(self.env, GIT_AUTHOR_NAME=ADA[0], GIT_AUTHOR_EMAIL=ADA[1], GIT_COMMITTER_NAME=ADA[0],
                   GIT_COMMITTER_EMAIL=ADA[1], GIT_AUTHOR_DATE="2026-11-26T18:00:00Z",
                   GIT_COMMITTER_DATE="2026-11-10T18:00:00Z")
        with open(os.path.join(self.web, "skew.txt"), "w") as f:
            f.write("x\n")
        subprocess.run(["git", "-C", self.web, "add", "skew.txt"], check=True, env=env)
        subprocess.run(["git", "-C", self.web, "commit", "-q", "-m", "Skewed clock"], check=True, env=env)
        self.commit(self.web, "On top of the skew", "2026-11-26T19:00:00Z")
        got = [c["title"] for c in self.candidates("--repo", self.web, "2026-11-26")]
        self.assertEqual(got, ["Skewed clock", "On top of the skew"])

    def test_configured_paths_must_be_absolute(self):
        self.configure('["src/api", "~/src/web"]')
        r = self.run_upward("check")
        self.assertEqual(r.returncode, 1)
        self.assertIn("upward.toml:", r.stdout.decode() + r.stderr.decode())
        self.assertIn("[harvest] repos: 'src/api' must be absolute or start with ~/",
                      r.stdout.decode() + r.stderr.decode())
        r = self.harvest(cwd=self.home)
        self.assertEqual(r.returncode, 1)
        self.assertIn("[harvest] repos: 'src/api' must be absolute or start with ~/", r.stderr.decode())
        r = self.run_upward("harvest", "--repo", "src/web", "--format", "json", "this-week", cwd=self.home)
        self.assertEqual(r.returncode, 0, r.stderr)  # --repo is relative to the working folder
        self.assertEqual([c["title"] for c in json.loads(r.stdout)["candidates"]], ["Retry banner for ABC-123"])

    def test_dashes_in_a_subject_are_kept_by_accept_all(self):
        self.commit(self.web, "Document a -- b", "2026-11-26T10:00:00Z")
        self.commit(self.web, "Ends with --", "2026-11-26T11:00:00Z", file="other.txt")
        got = [c["title"] for c in self.candidates("--repo", self.web, "2026-11-26")]
        self.assertEqual(got, ["Document a -- b", "Ends with --"])
        r = self.harvest("--repo", self.web, "2026-11-26")
        self.assertIn("Document a -- b", r.stdout.decode())
        r = self.harvest("--repo", self.web, "2026-11-26", "--accept-all")
        self.assertEqual(r.returncode, 0, r.stderr)
        titles = [self.win(i)["title"] for i in r.stdout.decode().split()]
        self.assertEqual(titles, ["Document a -- b", "Ends with --"])

    def test_an_untouched_edit_list_records_the_subjects_as_they_are(self):
        self.commit(self.web, "Document a -- b", "2026-11-26T10:00:00Z")
        self.commit(self.web, "Ends with --", "2026-11-26T11:00:00Z", file="other.txt")
        r = self.harvest("--repo", self.web, "2026-11-26", "--edit", env=self.editor("#!/bin/sh\nexit 0\n"))
        self.assertEqual(r.returncode, 0, r.stderr)
        titles = [self.win(i)["title"] for i in r.stdout.decode().split()]
        self.assertEqual(titles, ["Document a -- b", "Ends with --"])

    def test_author_is_an_email_and_the_mailmap_is_honoured(self):
        for bad in ("Ada", "<ada@example.com>", "Ada Tester <ada@example.com>"):
            r = self.harvest("--repo", self.api, "--author", bad)
            self.assertEqual(r.returncode, 2, bad)
            self.assertIn("--author takes the email of the commits' author, like ada@example.com", r.stderr.decode())
        self.commit(self.web, "From my old address", "2026-11-26T10:00:00Z", who=("Ada", "ada@old.example"))
        self.assertEqual([c["title"] for c in self.candidates("--repo", self.web, "2026-11-26")], [])
        with open(os.path.join(self.web, ".mailmap"), "w") as f:
            f.write("Ada Tester <ada@example.com> <ada@old.example>\n")
        self.assertEqual([c["title"] for c in self.candidates("--repo", self.web, "2026-11-26")],
                         ["From my old address"])

    def test_an_unknown_period_lists_since_last_harvest(self):
        r = self.harvest("--repo", self.api, "someday")
        self.assertEqual(r.returncode, 2)
        self.assertIn("since-last-harvest", r.stderr.decode())


if __name__ == "__main__":
    import unittest
    unittest.main()
