"""upward digest: the weekly update and the review packet (golden files in golden/digest-*.test)."""
import email
import email.policy
import json
import os
import re
import shutil
import subprocess
import tomllib

from harness import BIN, SRC, UpwardTest

DEMO = os.path.join(SRC, "examples", "demo")
FORMATS = ["md", "text", "json", "html", "email", "vimgrep"]
PRIVATE = ["Rehearsed my staff-promo talk", "Prepared the salary-band comparison", "Make the case for staff engineer",
           "staff-promo", "Asked for the staff-engineer promotion criteria"]


def documented_json_keys():
    """The top-level keys the JSON section of upward-digest(1) lists."""
    with open(os.path.join(SRC, "man", "upward-digest.1")) as f:
        page = f.read()
    section = page.split(".SH JSON", 1)[1].split("\n.SH ", 1)[0]
    keys = []
    for head in re.findall(r"^\.TP\n(\.BR? .*)$", section, re.M):
        keys += [w for w in re.findall(r'[a-z_]+', head.split(" ", 1)[1].replace('", "', " "))]
    return keys


def wins_of(digest):
    """The titles of the wins a JSON digest shows, in its groups."""
    return sorted({w["title"] for g in digest["progress"] for w in g["wins"]})


def parse_email(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return msg


class DemoDigestTest(UpwardTest):
    """On a copy of the demo repository, as of Friday 2026-11-27."""

    def setUp(self):
        super().setUp()
        shutil.copytree(DEMO, self.repo)
        self.env["UPWARD_TODAY"] = "2026-11-27"

    def digest(self, *args):
        return self.ok("digest", *args)

    def json(self, *args, env=None):
        return json.loads(self.ok("digest", "--format", "json", *args, env=env))

    def test_json_parses_and_has_the_documented_keys(self):
        d = self.json()
        self.assertEqual(sorted(d), sorted(documented_json_keys()))
        self.assertEqual(d["period"], {"first": "2026-11-23", "last": "2026-11-29"})
        self.assertIn("Turned on the checkout cache for all traffic", wins_of(d))
        self.assertEqual(d["last_sent"]["date"], "2026-11-20")

    def test_a_private_record_is_absent_from_every_format(self):
        for fmt in FORMATS:
            for args in ([], ["--for", "marcus"], ["cycle:h2-2026", "--group-by", "section"]):
                with self.subTest(fmt=fmt, args=args):
                    raw = self.run_upward("digest", "--format", fmt, *args).stdout
                    text = raw.decode()
                    if fmt == "email":
                        msg = parse_email(raw)
                        text = "".join(part.get_content() for part in msg.walk() if not part.is_multipart())
                    for private in PRIVATE:
                        self.assertNotIn(private, text)

    def test_the_email_reads_without_defects(self):
        raw = self.run_upward("digest", "--format", "email").stdout
        self.assertTrue(all(len(line) <= 78 for line in raw.split(b"\r\n")), "no line over 78 characters")
        msg = parse_email(raw)
        self.assertEqual([p.defects for p in msg.walk()], [[] for _ in msg.walk()])
        self.assertEqual(msg["To"], "dana.okafor@example.com")
        self.assertEqual(msg["From"], "Sam Rivera <sam.rivera@example.com>")
        self.assertEqual(msg["Subject"], "Weekly update: 2026-11-23..2026-11-29")
        self.assertEqual(msg["Date"], "Fri, 27 Nov 2026 12:00:00 +0000")
        self.assertEqual(msg["Auto-Submitted"], "auto-generated")
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        parts = [p.get_content_type() for p in msg.iter_parts()]
        self.assertEqual(parts, ["text/plain", "text/html"])
        again = self.run_upward("digest", "--format", "email").stdout
        self.assertEqual(again, raw, "the same digest, the same message (Message-ID included)")

    def test_non_ascii_names_and_subjects_are_encoded(self):
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path).replace('name = "Sam Rivera"', 'name = "Zoë Ångström, Jr."')
        with open(path, "w") as f:
            f.write(text)
        raw = self.run_upward("digest", "--format", "email", "--subject", "Wöchentliches Update — Woche 48",
                              "--cc", "lee@example.com,kim@example.com").stdout
        self.assertTrue(all(len(line) <= 78 for line in raw.split(b"\r\n")))
        self.assertTrue(raw.isascii())
        msg = parse_email(raw)
        self.assertEqual(msg["Subject"], "Wöchentliches Update — Woche 48: 2026-11-23..2026-11-29")
        self.assertEqual(msg["From"].addresses[0].display_name, "Zoë Ångström, Jr.")
        self.assertEqual(msg["Cc"], "lee@example.com, kim@example.com")

    def test_a_header_with_a_line_break_is_refused_and_nothing_printed(self):
        for args in (["--subject", "Update\nBcc: all@example.com"], ["--to", "dana@example.com\r\nBcc: x@y"],
                     ["--subject", "Update\r"]):
            with self.subTest(args=args):
                r = self.run_upward("digest", "--format", "email", *args)
                self.assertEqual((r.returncode, r.stdout), (1, b""))
                self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)

    def test_an_empty_period_is_a_success_with_a_note(self):
        r = self.run_upward("digest", "2025-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"no wins in 2025-01-01..2025-01-31", r.stderr)
        self.assertIn(b"2025-01-01..2025-01-31", r.stdout)  # headed by the resolved dates all the same

    def test_options_stand_before_between_and_after_the_period(self):
        want = self.digest("cycle:h2-2026", "--group-by", "section", "--format", "json")
        self.assertEqual(self.digest("--group-by", "section", "--format", "json", "cycle:h2-2026"), want)
        self.assertEqual(self.digest("--group-by", "section", "cycle:h2-2026", "--format", "json"), want)
        self.assertEqual(self.digest("--group-by=section", "--format=json", "--", "cycle:h2-2026"), want)
        two = self.digest("--format", "json", "last", "--for", "dana", "friday")
        self.assertEqual(json.loads(two)["period"], {"first": "2026-11-20", "last": "2026-11-20"})

    def test_what_is_queued_for_someone_else_stays_out_of_the_readers_digest(self):
        self.ok("prep-1on1", "add", "--with", "marcus", "--kind", "problem", "My manager micromanages the cache work",
                "--solution", "Ask Marcus for advice")
        for fmt in ("md", "text", "json", "html", "email"):
            with self.subTest(fmt=fmt):
                self.assertNotIn("micromanages", self.digest("--for", "dana", "--format", fmt, "--to", "d@example.com")
                                 if fmt == "email" else self.digest("--for", "dana", "--format", fmt))
        self.assertIn("micromanages", self.digest("--for", "marcus"))
        self.assertNotIn("vendor API migration plan", self.digest("--for", "marcus").split("## Plans")[1])

    def test_links_and_names_that_are_not_ids_are_reported_not_read(self):
        outside = os.path.join(self.tmp, "outside.toml")
        with open(outside, "w") as f:
            f.write('date = 2026-11-24\ntitle = "OUTSIDE"\n')
        nov = os.path.join(self.repo, "wins", "2026", "11")
        os.symlink(outside, os.path.join(nov, "2026-11-24-linked.toml"))
        shutil.copy(outside, os.path.join(nov, "2026-11-24-forged\nx:1:1: fake.toml"))
        r = self.run_upward("digest", "--format", "vimgrep")
        self.assertEqual(r.returncode, 1)
        self.assertNotIn(b"OUTSIDE", r.stdout)
        self.assertNotIn(b"fake", r.stdout)
        self.assertIn(b"2026-11-24-linked.toml' is a symbolic link", r.stderr)
        self.assertIn(b"the file name is not a win id", r.stderr)

    def test_since_last_digest_names_a_latest_sent_file_that_does_not_read(self):
        with open(os.path.join(self.repo, "sent", "2026-11-26-digest.toml"), "w") as f:
            f.write("date = [\n")
        r = self.run_upward("digest", "since-last-digest")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"sent/2026-11-26-digest.toml:1:10: ", r.stderr)
        self.assertIn(b"(the period 'since-last-digest' starts from this file, which cannot be read)", r.stderr)

    def test_periods_since_last_digest_and_cycles(self):
        self.assertEqual(self.json("since-last-digest")["period"], {"first": "2026-11-20", "last": "2026-11-27"})
        self.assertEqual(self.json("cycle:h2-2026")["period"], {"first": "2026-07-01", "last": "2026-12-31"})
        r = self.run_upward("digest", "cycle:h3-2026")
        self.assertEqual((r.returncode, r.stdout), (2, b""))
        self.assertIn(b"h1-2026", r.stderr)
        self.assertIn(b"h2-2026", r.stderr)

    def broken(self, *parts):
        folder = os.path.join(self.repo, *parts[:-1])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, parts[-1]), "w") as f:
            f.write("date = \ntitle = [unclosed\n")

    def test_a_weeks_digest_opens_only_that_weeks_month_folders(self):
        # broken files in every other month, of wins and of outcome notes, are never opened
        for month in ("2025/06", "2025/12", "2026/10", "2026/12"):
            year, mon = month.split("/")
            self.broken("wins", year, mon, f"{year}-{mon}-15-broken.toml")
            self.broken("outcomes", year, mon, f"{year}-{mon}-15-2025-01-01-broken.toml")
        # in this week's month, a note named for another week is not opened either
        self.broken("outcomes", "2026", "11", "2026-11-02-2025-01-01-broken.toml")
        r = self.run_upward("digest")
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        self.assertIn(b"Turned on the checkout cache", r.stdout)
        # an outcome recorded this week of a win of last year is found through its note
        folder = os.path.join(self.repo, "wins", "2025", "06")
        with open(os.path.join(folder, "2025-06-10-old-win.toml"), "w") as f:
            f.write('date = 2025-06-10\ntitle = "Shipped the old importer"\n')
        self.ok("outcome", "2025-06-10-old-win", "Retired", "three", "cron", "jobs", "-d", "2026-11-24")
        got = json.loads(self.digest("--format", "json"))["outcomes"]
        self.assertEqual([(w["id"], w["outcome"]) for w in got], [("2025-06-10-old-win", "Retired three cron jobs")])
        self.assertEqual(json.loads(self.digest("last-week", "--format", "json"))["outcomes"], [])
        # a note of this week that does not read is reported, and the digest printed all the same
        self.broken("outcomes", "2026", "11", "2026-11-25-2025-01-01-broken.toml")
        r = self.run_upward("digest")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"outcomes/2026/11/2026-11-25-2025-01-01-broken.toml:1:8: ", r.stderr)
        self.assertIn(b"(skipped)", r.stderr)
        self.assertIn(b"Retired three cron jobs", r.stdout)

    def test_a_years_review_packet_reads_only_that_years_months(self):
        for month in ("2025/12", "2027/01"):
            folder = os.path.join(self.repo, "wins", month)
            os.makedirs(folder)
            with open(os.path.join(folder, month.replace("/", "-") + "-15-broken.toml"), "w") as f:
                f.write("date = \ntitle = [unclosed\n")
        r = self.run_upward("digest", "2026", "--group-by", "section")
        self.assertEqual((r.returncode, r.stderr), (0, b""))
        self.assertIn(b"Profiled checkout end to end", r.stdout)

    def sendmail_script(self, body='cat > "$OUT"'):
        path = os.path.join(self.tmp, "sendmail")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, 0o755)
        config = os.path.join(self.repo, "upward.toml")
        with open(config) as f:
            text = f.read()
        if "\nsendmail = " not in text:
            with open(config, "w") as f:
                f.write(text.replace("[digest]\n", f'[digest]\nsendmail = "{path} -t -i"\n', 1))
        return path

    def test_send_pipes_the_email_and_records_its_plans(self):
        self.sendmail_script()
        out = os.path.join(self.tmp, "message")
        plans = self.json("--for", "dana")["plans"]
        self.assertTrue(plans)
        r = self.run_upward("digest", "--send", env={"OUT": out})
        self.assertEqual((r.returncode, r.stdout), (0, b""), r.stderr)
        self.assertIn(b"sent to dana.okafor@example.com", r.stderr)
        msg = parse_email(self.read(out, "rb"))
        self.assertEqual(msg["To"], "dana.okafor@example.com")
        self.assertEqual(msg["Subject"], "Weekly update: 2026-11-23..2026-11-29")
        # named by the day and the local time it was sent (noon of a pinned day)
        with open(os.path.join(self.repo, "sent", "2026-11-27-120000-digest.toml"), "rb") as f:
            sent = tomllib.load(f)
        self.assertEqual(sent["date"].isoformat(), "2026-11-27")
        self.assertEqual(sent["to"], ["dana.okafor@example.com"])
        self.assertEqual({k: v.isoformat() for k, v in sent["period"].items()},
                         {"first": "2026-11-23", "last": "2026-11-29"})
        self.assertEqual([p["text"] for p in sent["plan"]], [p["text"] for p in plans])
        # sending this week again still reviews the week before; next week's digest reviews these plans
        self.assertEqual(self.json("--for", "dana")["last_sent"]["date"], "2026-11-20")
        later = self.json("--for", "dana", env={"UPWARD_TODAY": "2026-12-04"})
        self.assertEqual(later["last_sent"]["date"], "2026-11-27")
        self.assertEqual([p["text"] for p in later["last_plans"]], [p["text"] for p in plans])
        self.assertEqual(self.json("since-last-digest")["period"], {"first": "2026-11-27", "last": "2026-11-27"})

    def test_an_update_with_an_unreadable_file_is_not_sent(self):
        out = os.path.join(self.tmp, "message")
        self.sendmail_script()
        with open(os.path.join(self.repo, "wins", "2026", "11", "2026-11-24-broken.toml"), "w") as f:
            f.write('date = 2026-11-24\ntitle = "unterminated\n')
        r = self.run_upward("digest", "--send", env={"OUT": out})
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"2026-11-24-broken.toml", r.stderr)
        self.assertIn(b"nothing was sent", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(sorted(os.listdir(os.path.join(self.repo, "sent"))), ["2026-11-20-digest.toml"])

    def test_to_takes_addresses_with_spaces_after_commas(self):
        msg = parse_email(self.ok("digest", "--format", "email", "--to", "a@example.com, b@example.com").encode())
        self.assertEqual(msg["To"], "a@example.com, b@example.com")

    def test_private_written_after_the_updates_hides_the_goal_and_is_reported(self):
        with open(os.path.join(self.repo, "goals", "checkout-latency.toml"), "a") as f:
            f.write("private = true\n")  # TOML puts it in the last [[update]]
        r = self.run_upward("digest", "--for", "marcus")
        # the goal is left out (only the plan text an earlier update already sent comes back)
        self.assertNotIn(b"Checkout p99 under 400 ms", r.stdout.split(b"## Last time's plans")[0])
        self.assertIn(b"'private' belongs to the goal, not to this [[update]]", r.stderr)
        self.assertEqual(self.run_upward("check").returncode, 1)

    def test_a_failed_sendmail_records_nothing(self):
        self.sendmail_script('echo "sendmail: cannot connect to relay" >&2; exit 75')
        r = self.run_upward("digest", "--send")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"cannot connect to relay", r.stderr)
        self.assertEqual(sorted(os.listdir(os.path.join(self.repo, "sent"))), ["2026-11-20-digest.toml"])

    def test_an_emptied_edit_sends_nothing(self):
        self.sendmail_script()
        editor = os.path.join(self.tmp, "editor")
        with open(editor, "w") as f:
            f.write('#!/bin/sh\nprintf "\\n  \\n" > "$1"\n')
        os.chmod(editor, 0o755)
        out = os.path.join(self.tmp, "message")
        for args in (["--send"], ["--format", "email"], []):
            with self.subTest(args=args):
                r = self.run_upward("digest", "--edit", *args, env={"EDITOR": editor, "OUT": out})
                self.assertEqual((r.returncode, r.stdout), (1, b""))
                self.assertIn(b"empty update: nothing sent", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(sorted(os.listdir(os.path.join(self.repo, "sent"))), ["2026-11-20-digest.toml"])

    def test_an_edited_email_carries_the_edited_text_in_both_parts(self):
        editor = os.path.join(self.tmp, "editor")
        with open(editor, "w") as f:
            f.write('#!/bin/sh\nprintf "Hi Dana,\\n\\nShipped the cache. <b>Fast</b> & done.\\n" > "$1"\n')
        os.chmod(editor, 0o755)
        r = self.run_upward("digest", "--edit", "--format", "email", env={"EDITOR": editor})
        self.assertEqual(r.returncode, 0, r.stderr)
        msg = parse_email(r.stdout)
        plain, html = [p.get_content() for p in msg.iter_parts()]
        self.assertEqual(plain.replace("\r\n", "\n"), "Hi Dana,\n\nShipped the cache. <b>Fast</b> & done.\n")
        self.assertIn("&lt;b&gt;Fast&lt;/b&gt; &amp; done.", html)
        self.assertEqual([f for f in os.listdir(self.repo) if f.startswith(".edit")], [])
        # a failing editor leaves the text, in a file named for the digest, and says where
        failing = os.path.join(self.tmp, "failing")
        with open(failing, "w") as f:
            f.write('#!/bin/sh\nexit 3\n')
        os.chmod(failing, 0o755)
        r = self.run_upward("digest", "--edit", env={"EDITOR": failing})
        self.assertEqual(r.returncode, 1)
        kept = [f for f in os.listdir(self.repo) if f.startswith(".edit-")]
        self.assertEqual(len(kept), 1)
        self.assertTrue(kept[0].startswith(".edit-digest-") and kept[0].endswith(".txt"), kept)
        self.assertIn(kept[0].encode(), r.stderr)

    def test_no_recipient_is_an_error(self):
        path = os.path.join(self.repo, "people", "dana.toml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace('email = "dana.okafor@example.com"\n', ""))
        r = self.run_upward("digest", "--format", "email")
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn(b"no recipient", r.stderr)
        r = self.run_upward("digest", "--format", "email", "--to", "dana@example.com")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_the_cron_script_sends_the_update_and_fails_loudly(self):
        self.sendmail_script()
        script = os.path.join(SRC, "examples", "cron", "weekly-update.sh")
        bindir = os.path.join(self.tmp, "bin")
        os.mkdir(bindir)
        os.symlink(BIN, os.path.join(bindir, "upward"))
        out = os.path.join(self.tmp, "message")
        env = dict(self.env, PATH=bindir + ":" + self.env["PATH"], UPWARD_DIR=self.repo, OUT=out)
        r = subprocess.run(["bash", script], env=env, capture_output=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        # UPWARD_TODAY is a Friday: this week's update
        self.assertIn(b"Weekly update: 2026-11-23..2026-11-29", self.read(out, "rb"))
        self.assertEqual(len(os.listdir(os.path.join(self.repo, "sent"))), 2)
        # late, on the Sunday: still this week; on the Monday after: the week that ended
        for today, week in (("2026-11-29", b"2026-11-23..2026-11-29"), ("2026-11-30", b"2026-11-23..2026-11-29"),
                            ("2026-12-03", b"2026-11-23..2026-11-29"), ("2026-12-04", b"2026-11-30..2026-12-06")):
            r = subprocess.run(["bash", script], env=dict(env, UPWARD_TODAY=today), capture_output=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(b"Weekly update: " + week, self.read(out, "rb"), today)
        # a broken sendmail: non-zero, and said on stderr (cron mails it)
        self.sendmail_script('echo "relay down" >&2; exit 1')
        r = subprocess.run(["bash", script], env=env, capture_output=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"relay down", r.stderr)
        self.assertIn(b"NOT sent", r.stderr)
        with open(os.path.join(SRC, "examples", "cron", "crontab")) as f:
            self.assertRegex(f.read(), r"(?m)^0 16 \* \* 5 .*weekly-update\.sh$")


class YearEndTest(UpwardTest):
    """last-week across a year end holds exactly that calendar week's wins, whatever the week start."""

    def test_last_week_straddling_a_year_end(self):
        self.init()
        for day in ("2026-12-26", "2026-12-27", "2026-12-28", "2026-12-31", "2027-01-01", "2027-01-03", "2027-01-04"):
            folder = os.path.join(self.repo, "wins", day[:4], day[5:7])
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{day}-win.toml"), "w") as f:
                f.write(f'date = {day}\ntitle = "Win of {day}"\n')
        env = {"UPWARD_TODAY": "2027-01-06"}
        d = json.loads(self.ok("digest", "last-week", "--format", "json", env=env))
        self.assertEqual(d["period"], {"first": "2026-12-28", "last": "2027-01-03"})
        self.assertEqual(wins_of(d), ["Win of 2026-12-28", "Win of 2026-12-31", "Win of 2027-01-01",
                                      "Win of 2027-01-03"])
        config = os.path.join(self.repo, "upward.toml")
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(text.replace('week_start = "monday"', 'week_start = "sunday"'))
        d = json.loads(self.ok("digest", "last-week", "--format", "json", env=env))
        self.assertEqual(d["period"], {"first": "2026-12-27", "last": "2027-01-02"})
        self.assertEqual(wins_of(d), ["Win of 2026-12-27", "Win of 2026-12-28", "Win of 2026-12-31",
                                      "Win of 2027-01-01"])
        d = json.loads(self.ok("digest", "last-week", "--format", "json", "--group-by", "week", env=env))
        self.assertEqual(len(d["progress"]), 1)


class CompletionTest(UpwardTest):
    def test_shells_complete_digest_formats_and_cycles(self):
        shutil.copytree(DEMO, self.repo)
        comp = os.path.join(SRC, "completions")
        script = f"""
source {comp}/upward.bash
COMP_WORDS=(upward --dir {self.repo} digest cy); COMP_CWORD=4; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward digest --group-by s); COMP_CWORD=3; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward digest --format e); COMP_CWORD=3; _upward; echo "${{COMPREPLY[*]}}"
COMP_WORDS=(upward --dir {self.repo} digest --for m); COMP_CWORD=5; _upward; echo "${{COMPREPLY[*]}}"
"""
        env = dict(self.env, PATH=os.path.dirname(BIN) + ":" + self.env["PATH"])  # the scripts ask the binary
        out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env).stdout
        self.assertEqual(out.splitlines(), ["cycle:h1-2026 cycle:h2-2026", "section", "email", "marcus"])
        if shutil.which("fish"):
            out = subprocess.run(["fish", "-c", f"source {comp}/upward.fish; complete -C'upward --dir {self.repo} digest cycle:'"],
                                 capture_output=True, text=True, env=env).stdout
            self.assertEqual([l.split("\t")[0] for l in out.splitlines()], ["cycle:h1-2026", "cycle:h2-2026"])
