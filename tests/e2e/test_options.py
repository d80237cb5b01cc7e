"""Every option of every command takes one value per use, wherever it stands on the command line.

The list of options comes from the built binary (`upward __options`), so an option added
later is exercised here too, or this test fails until it has a sample value below.
"""
import glob
import os
import re
import subprocess
import tomllib

from harness import BIN, SRC, UpwardTest

WORDS = ["Ran", "the", "incident", "review"]  # TEXT... as separate words: an option between them must not eat one
DASH_WORDS = ["-3%", "error", "rate"]  # text that starts with '-', after '--'

# (command, long name) -> (a value, another value); None for a flag
SAMPLES = {
    ("", "--dir"): ("{repo}", "{repo}"),
    ("", "--today"): ("2026-11-20", "2026-11-19"),
    ("", "--color"): ("never", "always"),
    ("", "--quiet"): None,
    ("init", "--name"): ("Sam Rivera", "Sam R."),
    ("init", "--email"): ("sam@example.com", "sam@example.org"),
    ("log-win", "--impact"): ("Conversion +1.2%", "-5% errors"),
    ("log-win", "--metric"): ("p99=900ms->350ms", "errors=3%->1%"),
    ("log-win", "--tag"): ("perf", "infra"),
    ("log-win", "--goal"): ("checkout-latency", "hiring"),
    ("log-win", "--date"): ("last friday", "-3d"),
    ("log-win", "--seen-by"): ("dana", "lee"),
    ("log-win", "--kind"): ("kudos", "win"),
    ("log-win", "--from"): ("dana", "lee"),
    ("log-win", "--follow-up"): ("+6w", "next friday"),
    ("log-win", "--link"): ("https://example.com/pr/1", "https://example.com/pr/2"),
    ("log-win", "--private"): None,
    ("log-win", "--stdin"): None,
    ("log-win", "--stdin-lines"): None,
    ("log-win", "--edit"): None,
    ("goals", "--all"): None,
    ("goals", "--owner"): ("dana", "me"),
    ("goals", "--format"): ("json", "md"),
    ("goals add", "--id"): ("{fresh}", "{fresh}-b"),
    ("goals add", "--owner"): ("dana", "me"),
    ("goals add", "--due"): ("+6w", "2026-12-31"),
    ("goals add", "--why"): ("Conversion", "-2% churn"),
    ("goals add", "--supports"): ("checkout-latency", "hiring"),
    ("goals add", "--private"): None,
    ("goals update", "--progress"): ("40%", "50%"),
    ("goals update", "--status"): ("at-risk", "blocked"),
    ("goals update", "--note"): ("Cache needs review", "-1 engineer"),
    ("goals update", "--date"): ("yesterday", "-3d"),
    ("goals done", "--note"): ("Shipped", "-"),
    ("goals done", "--date"): ("yesterday", "-3d"),
    ("goals show", "--format"): ("json", "md"),
    ("goals align", "--period"): ("2026-Q4", "last-month"),
    ("goals align", "--format"): ("json", "md"),
    ("people", "--format"): ("json", "text"),
    ("people add", "--name"): ("Lee Chen", "Lee C."),
    ("people add", "--relationship"): ("peer", "stakeholder"),
    ("people add", "--email"): ("lee@example.com", "lee@example.org"),
    ("people add", "--style"): ("brief", "detailed"),
    ("people add", "--cadence"): ("weekly", "monthly"),
    ("people add", "--priority"): ("Hiring", "-10% costs"),
    ("people add", "--pressure"): ("Q4 launch", "Budget"),
    ("people add", "--primary"): None,
    ("people show", "--format"): ("json", "text"),
    ("prep-1on1", "--date"): ("2026-11-30", "next friday"),
    ("prep-1on1", "--since"): ("2026-11-01", "2026-11-16"),
    ("prep-1on1", "--format"): ("json", "text"),
    ("prep-1on1", "--all-sections"): None,
    ("prep-1on1", "--save"): None,
    ("prep-1on1 add", "--with"): ("dana", "lee"),
    ("prep-1on1 add", "--kind"): ("problem", "idea"),
    ("prep-1on1 add", "--solution"): ("Move to v3", "-2 retries"),
    ("prep-1on1 add", "--private"): None,
    ("prep-1on1 done", "--with"): ("dana", "lee"),
    ("prep-1on1 done", "--date"): ("yesterday", "-3d"),
    ("prep-1on1 list", "--all"): None,
    ("outcome", "--date"): ("yesterday", "-3d"),
    ("digest", "--format"): ("json", "text"),
    ("digest", "--group-by"): ("tag", "week"),
    ("digest", "--for"): ("dana", "lee"),
    ("digest", "--to"): ("dana@example.com", "lee@example.com"),
    ("digest", "--cc"): ("dana@example.com", "lee@example.com"),
    ("digest", "--subject"): ("Weekly update", "-ish"),
    ("digest", "--send"): None,
    ("digest", "--edit"): None,
    # --- wins (issue 10) ---
    ("wins", "--tag"): ("perf", "docs"),
    ("wins", "--goal"): ("checkout-latency", "hiring"),
    ("wins", "--seen-by"): ("dana", "lee"),
    ("wins", "--not-seen-by"): ("dana", "lee"),
    ("wins", "--from"): ("dana", "lee"),
    ("wins", "--kind"): ("kudos", "win"),
    ("wins", "--private"): None,
    ("wins", "--no-private"): None,
    ("wins", "--grep"): ("cache", "-docs"),
    ("wins", "--follow-up-due"): None,
    ("wins", "--limit"): ("1", "2"),
    ("wins", "--format"): ("json", "md"),
    ("wins", "--all"): None,
    ("wins show", "--format"): ("json", "text"),

    # --- set (issue 10) ---
    ("set win", "--title"): ("Cut p99", "-3% errors"),
    ("set win", "--impact"): ("Conversion +1.2%", "-5% errors"),
    ("set win", "--date"): ("last friday", "2026-11-02"),
    ("set win", "--follow-up"): ("+6w", "next friday"),
    ("set win", "--tag"): ("perf", "infra"),
    ("set win", "--goal"): ("checkout-latency", "hiring"),
    ("set win", "--seen-by"): ("dana", "lee"),
    ("set win", "--private"): None,
    ("set win", "--no-private"): None,
    ("set win", "--clear-tags"): None,
    ("set win", "--clear-goals"): None,
    ("set win", "--clear-seen-by"): None,
    ("set goal", "--title"): ("Checkout p99", "-5% errors"),
    ("set goal", "--due"): ("+6w", "2026-12-31"),
    ("set goal", "--why"): ("Conversion", "-2% churn"),
    ("set goal", "--owner"): ("dana", "lee"),
    ("set goal", "--supports"): ("checkout-latency", "hiring"),
    ("set goal", "--clear-supports"): None,
    ("set person", "--name"): ("Kim Park", "-Kim-"),
    ("set person", "--email"): ("kim@example.com", "kim@example.org"),
    ("set person", "--style"): ("brief", "detailed"),
    ("set person", "--cadence"): ("weekly", "monthly"),
    ("set person", "--relationship"): ("manager", "stakeholder"),
    ("set person", "--priority"): ("Hiring", "-10% costs"),
    ("set person", "--pressure"): ("Q4 launch", "Budget"),
    ("set person", "--clear-priorities"): None,
    ("set person", "--clear-pressures"): None,

    # --- rm (issue 10) ---
    ("rm win", "--force"): None,
    ("rm goal", "--force"): None,
    ("rm person", "--force"): None,
    ("rm topic", "--force"): None,
    ("rm topic", "--with"): ("dana", "lee"),

    # --- edit (issue 10) ---

    # --- nudge (issue 12) ---
    ("nudge", "--format"): ("json", "text"),
    # --- harvest (issue 12) ---
    ("harvest", "--repo"): ("src/a", "src/b"),  # relative to the working folder, the test's tmp
    ("harvest", "--author"): ("ada@example.com", "bo@example.com"),
    ("harvest", "--format"): ("json", "md"),
    ("harvest", "--edit"): None,
    ("harvest", "--accept-all"): None,
    ("harvest", "--tag"): ("perf", "infra"),
}
for _cmd in ("goals", "people"):  # `goals list` is `goals`
    for (_c, _o), _v in list(SAMPLES.items()):
        if _c == _cmd:
            SAMPLES[(_cmd + " list", _o)] = _v


def options():
    """[(command, names, kind)] from the binary itself."""
    out = subprocess.run([BIN, "__options"], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines()]


def long_name(names):
    return [n for n in names.split(",") if n.startswith("--")][0]


class OptionsTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        config = os.path.join(self.repo, "upward.toml")  # git is not what this test is about: faster without
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(text.replace("autocommit = true", "autocommit = false"))
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("people", "add", "lee", "--name", "Lee Chen", "--relationship", "peer")
        for goal in ("checkout-latency", "hiring"):
            self.ok("goals", "add", goal.title(), "--id", goal)
        self.editor = os.path.join(self.tmp, "editor.sh")
        with open(self.editor, "w") as f:
            f.write('#!/bin/sh\ncase "$1" in *.edit-harvest-*) exit 0;; esac\n'  # harvest --edit: keep the list
                    'printf "Edited win\\n\\nIt helped\\n" > "$1"\n')
        os.chmod(self.editor, 0o755)
        self.sendmail = os.path.join(self.tmp, "sendmail.sh")  # digest --send: the message into a file
        with open(self.sendmail, "w") as f:
            f.write(f'#!/bin/sh\ncat > {self.tmp}/sent-message\n')
        os.chmod(self.sendmail, 0o755)
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(text.replace("[digest]\n", f'[digest]\nsendmail = "{self.sendmail}"\n', 1))
        self.n = 0

    def cli(self, *args, input=None):
        """upward ARGS... with the repository from UPWARD_DIR, so --dir can stand anywhere."""
        env = dict(self.env, UPWARD_DIR=self.repo, EDITOR=self.editor)
        return subprocess.run([BIN, *args], input=input, capture_output=True, text=True, env=env, cwd=self.tmp)

    def harvest_repos(self):
        """Two git repositories to harvest, src/a (Ada's and Bo's commits) and src/b, made once."""
        for name, commits in (("a", [("Add retry", "ada"), ("Tune pool", "bo"), ("Write runbook", "ada")]),
                              ("b", [("Add banner", "ada")])):
            path = os.path.join(self.tmp, "src", name)
            if os.path.exists(path):
                continue
            os.makedirs(path)
            for i, (subject, who) in enumerate(commits):
                when = f"2026-11-{17 + i}T10:00:00Z"
                env = dict(self.env, GIT_AUTHOR_EMAIL=f"{who}@example.com", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
                with open(os.path.join(path, f"{i}.txt"), "w") as f:
                    f.write(subject + "\n")
                for argv in ([] if i else [["init", "-q"]]) + [["add", "-A"], ["commit", "-q", "-m", subject]]:
                    subprocess.run(["git", "-C", path, *argv], env=env, check=True, capture_output=True)

    def toml(self, *parts):
        with open(os.path.join(*parts), "rb") as f:
            return tomllib.load(f)

    # -- one scenario per command: its positional arguments, its required options, what it produced

    def scenario(self, cmd, opt):
        """(positional words, required options, stdin, observe(result) -> comparable) for one run."""
        self.n += 1
        fresh = f"x{self.n}"
        if cmd in ("", "log-win"):
            words, stdin = WORDS, None
            if opt in ("--stdin", "--stdin-lines"):
                words, stdin = [], "Ran the incident review\n"
            if opt == "--edit":
                words = []
            pre = ["log-win"] if cmd == "" else []

            def observe(r):
                return [self.win(i) for i in r.stdout.split()]
            return pre, words, [], stdin, observe, fresh
        if cmd == "init":
            where = os.path.join(self.tmp, fresh)
            return [], [where], [], None, lambda r: self.toml(where, "upward.toml"), fresh
        if cmd == "goals add":
            req = [] if opt == "--id" else ["--id", fresh]
            return [], ["Checkout p99 under 400 ms"], req, None, \
                lambda r: self.toml(self.repo, "goals", r.stdout.strip() + ".toml"), fresh
        if cmd in ("goals update", "goals done"):
            self.ok("--today", "2026-11-01", "goals", "add", "Goal " + fresh, "--id", fresh)  # before any -d value
            req = [] if opt == "--note" or cmd == "goals done" else ["--note", "n"]
            return [], [fresh], req, None, lambda r: self.toml(self.repo, "goals", fresh + ".toml")["update"], fresh
        if cmd == "people add":
            req = [a for o, v in (("--name", "Lee Chen"), ("--relationship", "peer")) if o != opt for a in (o, v)]
            return [], [fresh], req, None, lambda r: self.toml(self.repo, "people", r.stdout.strip() + ".toml"), fresh
        if cmd == "prep-1on1 add":
            def observe(r):  # the topic's file, wherever it went; then gone, so the next run gets the same id
                found = glob.glob(os.path.join(self.repo, "1on1s", "*", "topics", r.stdout.strip() + ".toml"))
                seen = [(f.split(os.sep)[-3], self.toml(f)) for f in found]
                for f in found:
                    os.remove(f)
                return seen
            return [], WORDS, [], None, observe, fresh
        if cmd == "prep-1on1 done":  # a fresh open action item, in Dana's 1:1s (and Lee's for --with)
            day = f"2025-{1 + self.n // 28:02d}-{1 + self.n % 28:02d}"
            people = ("dana", "lee") if opt == "--with" else ("dana",)
            for who in people:
                os.makedirs(os.path.join(self.repo, "1on1s", who), exist_ok=True)
                with open(os.path.join(self.repo, "1on1s", who, day + ".toml"), "w") as f:
                    f.write(f'date = {day}\n\n[[action]]\nid = "{fresh}"\nowner = "me"\ntext = "Do it"\n')
            return [], [fresh], [], None, lambda r: [{k: v for k, v in a.items() if k != "id"}
                                                    for who in people
                                                    for a in self.toml(self.repo, "1on1s", who, day + ".toml")["action"]], fresh
        if cmd == "prep-1on1" and opt == "--save":
            def observe(r):  # the record it saved, then gone, so the next run can save again
                path = r.stdout.strip()
                text = self.read(path)
                os.remove(path)
                return path, text
            return [], [], [], None, observe, fresh
        if cmd == "digest":  # a period of two words ("last friday"), so an option can stand between them
            if opt == "--send":
                def observe(r):  # the record it wrote, then gone, so the next run writes the same
                    found = glob.glob(os.path.join(self.repo, "sent", "*.toml"))
                    seen = [self.toml(f) for f in found]
                    for f in found:
                        os.remove(f)
                    return seen
                return [], ["last", "friday"], ["--to", "dana@example.com"], None, observe, fresh
            # the email shows what --to, --cc and --subject did
            req = {"--to": ["--format", "email"], "--cc": ["--format", "email", "--to", "kim@example.com"],
                   "--subject": ["--format", "email", "--to", "kim@example.com"]}.get(opt, [])
            return [], ["last", "friday"], req, None, lambda r: r.stdout, fresh
        if cmd == "outcome":
            win = self.ok("log-win", "Win " + fresh, "--follow-up", "2026-11-01", "-d", "2026-10-01").strip()
            return [], [win, *WORDS], [], None, lambda r: {k: v for k, v in self.win(win).items()
                                                           if k.startswith("outcome")}, fresh
        # --- wins scenarios (issue 10) ---
        if cmd in ("wins", "wins show"):
            wins = {  # one win per filter value, so each value (and both) lists something different
                "2026-10-05-cache": 'tags = ["perf"]\ngoals = ["checkout-latency"]\nseen_by = ["dana"]\n',
                "2026-10-20-docs": 'title = "Wrote -docs"\ntags = ["docs"]\ngoals = ["hiring"]\nseen_by = ["lee"]\n',
                "2026-11-02-kudos-dana": 'kind = "kudos"\nfrom = "dana"\nprivate = true\n',
                "2026-11-03-kudos-lee": 'kind = "kudos"\nfrom = "lee"\nfollow_up = 2026-11-10\n',
            }
            for wid, extra in wins.items():
                folder = os.path.join(self.repo, "wins", wid[:4], wid[5:7])
                os.makedirs(folder, exist_ok=True)
                title = "" if "title" in extra else f'title = "Win {wid[11:]} cache"\n'
                with open(os.path.join(folder, wid + ".toml"), "w") as f:
                    f.write(f"date = {wid[:10]}\n{title}{extra}")
            if cmd == "wins show":
                return [], ["2026-10-05-cache"], [], None, lambda r: r.stdout, fresh
            words = [] if opt == "--all" else ["2026-10-01", "..", "2026-11-30"]
            return [], words, [], None, lambda r: r.stdout, fresh

        # --- set scenarios (issue 10) ---
        if cmd == "set win":  # a fresh win with a tag, so --clear-tags has something to clear
            win = self.ok("log-win", "Win", "-d", "2026-11-10", "-t", "old").strip()
            return [], [win], [], None, lambda r: self.win(r.stdout.strip()), fresh
        if cmd == "set goal":
            self.ok("goals", "add", "Goal", "--id", fresh)
            return [], [fresh], [], None, lambda r: self.toml(self.repo, "goals", r.stdout.strip() + ".toml"), fresh
        if cmd == "set person":
            self.ok("people", "add", fresh, "--name", "Kim", "--relationship", "peer", "--priority", "Old")
            return [], [fresh], [], None, lambda r: self.toml(self.repo, "people", r.stdout.strip() + ".toml"), fresh

        # --- rm scenarios (issue 10) ---
        if cmd.startswith("rm "):
            kind = cmd[3:]
            if kind == "win":
                word = self.ok("log-win", "Win", "-d", "2026-11-10").strip()
            elif kind == "goal":
                word = self.ok("goals", "add", "Goal", "--id", fresh, "--supports", "hiring").strip()
            elif kind == "person":
                word = self.ok("people", "add", fresh, "--name", "Kim", "--relationship", "peer").strip()
            else:  # the same talking point for Dana and Lee: --with chooses
                word = [self.ok("prep-1on1", "add", "--with", who, "Topic " + fresh).strip() for who in ("dana", "lee")][0]

            def observe(r):  # what went, with the fresh id blanked; then the rest goes too
                left = glob.glob(os.path.join(self.repo, "1on1s", "*", "topics", word + ".toml"))
                for f in left:
                    os.remove(f)
                return r.stdout.replace(word, "ID"), [f.replace(word, "ID") for f in left]
            req = ["--with", "dana"] if kind == "topic" and opt != "--with" else []
            if opt != "--force":  # this repository keeps no git history: a removal needs --force
                req.append("--force")
            return [], [word], req, None, observe, fresh

        # --- edit scenarios (issue 10) ---

        # --- nudge scenarios (issue 12) ---
        if cmd == "nudge":  # a repository where nothing needs the user (exit 0): a win today that says its impact
            quiet = os.path.join(self.tmp, "quiet")
            if not os.path.exists(quiet):
                self.ok("--dir", quiet, "init", "--name", "Q", "--email", "q@example.com")
                self.ok("--dir", quiet, "-q", "log-win", "Win", "-i", "It helped")
            return [], [], ["--dir", quiet], None, lambda r: r.stdout, fresh
        # --- harvest scenarios (issue 12) ---
        if cmd == "harvest":
            self.harvest_repos()
            req = [] if opt == "--repo" else ["--repo", os.path.join(self.tmp, "src", "a")]
            if opt == "--tag":
                req.append("--accept-all")
            if opt in ("--edit", "--accept-all", "--tag"):
                def observe(r):  # the wins recorded, then gone with the harvest records: the next run records again
                    seen = [self.win(i) for i in r.stdout.split()]
                    for i in r.stdout.split():
                        os.remove(os.path.join(self.repo, "wins", i[:4], i[5:7], i + ".toml"))
                    for f in glob.glob(os.path.join(self.repo, "harvest", "*.toml")):
                        os.remove(f)
                    return seen
                return [], ["last", "week"], req, None, observe, fresh
            return [], ["last", "week"], req, None, lambda r: r.stdout, fresh

        positional = {"goals show": ["checkout-latency"], "people show": ["dana"]}.get(cmd, [])
        return [], positional, [], None, lambda r: r.stdout, fresh

    def attempt(self, cmd, opt, arrange):
        """Run one arrangement of the command line; arrange(words) -> the arguments after the command."""
        pre, words, req, stdin, observe, fresh = self.scenario(cmd, opt)
        argv = [*cmd.split(), *pre, *req, *arrange(words, fresh)]
        r = self.cli(*argv, input=stdin)
        self.assertEqual(r.returncode, 0, f"{argv}: {r.stderr}")
        return observe(r)

    def check_option(self, cmd, names, kind):
        opt = long_name(names)
        self.assertIn((cmd, opt), SAMPLES, f"add a sample value for '{cmd} {opt}' to SAMPLES in test_options.py")
        sample = SAMPLES[(cmd, opt)]
        if kind == "flag":
            self.assertIsNone(sample)
            uses = [[opt]]
        else:
            self.assertIsNotNone(sample, f"'{cmd} {opt}' takes a value")
            uses = [[name, sample[0]] for name in names.split(",")]
        a, b = (sample or ("", ""))

        def fill(use, fresh):
            return [s.format(repo=self.repo, fresh=fresh) for s in use]

        for i, use in enumerate(uses):
            base = self.attempt(cmd, opt, lambda w, f: [*fill(use, f), *w])
            arrangements = {
                "after": lambda w, f: [*w, *fill(use, f)],
                "between": lambda w, f: [*w[:1], *fill(use, f), *w[1:]],
                "with --": lambda w, f: [*fill(use, f), "--", *w],
                "= form": lambda w, f: [*w, *fill(["=".join(use)] if use[0].startswith("--") and kind != "flag"
                                                   else use, f)],
            }
            for how, arrange in arrangements.items():
                if i < len(uses) - 1 and how != "after":
                    continue  # a short name: once; its long name goes through every arrangement
                with self.subTest(cmd=cmd, opt=use[0], how=how):
                    self.assertEqual(self.attempt(cmd, opt, arrange), base)
        if cmd in ("", "log-win") and opt not in ("--stdin", "--stdin-lines", "--edit"):
            with self.subTest(cmd=cmd, opt=opt, how="-- then text starting with '-'"):
                pre = ["log-win"] if cmd == "" else []
                use = fill(uses[0], "")
                r = self.cli(*cmd.split(), *pre, *use, "--", *DASH_WORDS)
                self.assertEqual(r.returncode, 0, r.stderr)
                r2 = self.cli(*cmd.split(), *pre, *use, *WORDS)
                got, want = self.win(r.stdout.strip()), self.win(r2.stdout.strip())
                self.assertEqual(got.pop("title"), " ".join(DASH_WORDS))
                want.pop("title")
                self.assertEqual(got, want)
        with self.subTest(cmd=cmd, opt=opt, how="repeated"):
            if kind == "flag":
                self.assertEqual(self.attempt(cmd, opt, lambda w, f: [opt, *w, opt]),
                                 self.attempt(cmd, opt, lambda w, f: [opt, *w]))
            elif kind in ("list", "commas"):
                both = self.attempt(cmd, opt, lambda w, f: [opt, a, *w, opt, b])
                for one in (a, b):  # both uses count: neither alone gives the same result
                    self.assertNotEqual(self.attempt(cmd, opt, lambda w, f: [opt, one, *w]), both)
                if kind == "commas":
                    self.assertEqual(self.attempt(cmd, opt, lambda w, f: [*w, opt, f"{a},{b}"]), both)
            else:  # one value: the last one counts, as in git
                self.assertEqual(self.attempt(cmd, opt, lambda w, f: [*fill([opt, a], f), *w, *fill([opt, b], f)]),
                                 self.attempt(cmd, opt, lambda w, f: [*w, *fill([opt, b], f)]))

    def test_every_option_of_every_command_in_every_position(self):
        listed = options()
        self.assertGreater(len(listed), 40)
        for cmd, names, kind in listed:
            if kind.startswith("positional") or kind == "command":
                continue
            self.check_option(cmd, names, kind)

    def test_the_readme_example_records_the_text(self):
        r = self.cli("log-win", "-d", "last friday", "--seen-by", "dana", "Ran the incident review")
        self.assertEqual((r.returncode, r.stdout), (0, "2026-11-20-ran-the-incident-review\n"), r.stderr)
        w = self.win(r.stdout.strip())
        self.assertEqual((w["title"], w["date"].isoformat(), w["seen_by"]),
                         ("Ran the incident review", "2026-11-20", ["dana"]))

    def test_commands_declare_options_only_through_options_hpp(self):
        for path in glob.glob(os.path.join(SRC, "cmd", "*.cpp")):
            with open(path) as f:
                text = f.read()
            with self.subTest(path=os.path.basename(path)):
                self.assertEqual(re.findall(r"\badd_(?:option|flag)\(|->expected\(", text)
                                 if not path.endswith("options.cpp") else [], [])

    def test_quiet_keeps_the_payload(self):
        for argv, want in ((["goals", "add", "Quiet goal", "--id", "quiet"], "quiet\n"),
                           (["people", "add", "kim", "--name", "Kim", "--relationship", "peer"], "kim\n"),
                           (["log-win", "x"], "2026-11-23-x\n")):
            r = self.cli("-q", *argv)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, want, ""), argv)
        self.assertIn("quiet", self.cli("-q", "goals").stdout)
        r = self.cli("-q", "goals", "update", "quiet", "--progress", "10%")  # no payload: nothing at all
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        self.assertEqual(self.cli("goals", "update", "quiet", "--progress", "20%").stderr,
                         "upward: updated quiet: 20%\n")

    def test_text_that_starts_with_a_dash_goes_after_double_dash(self):
        self.assertEqual(self.cli("goals", "add", "--id", "churn", "--", "-5% churn").stdout, "churn\n")
        self.assertEqual(self.toml(self.repo, "goals", "churn.toml")["title"], "-5% churn")
        r = self.cli("log-win", "-t", "perf", "--", "-3%", "error", "rate", "-t", "x")
        self.assertEqual(self.win(r.stdout.strip())["title"], "-3% error rate -t x")  # after --, all is text
        r = self.cli("log-win", "Cut", "-t", "perf", "--", "-3%", "rate", "-t", "x")  # text on both sides of --
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        w = self.win(r.stdout.strip())
        self.assertEqual((w["title"], w["tags"]), ("Cut -3% rate -t x", ["perf"]))
        r = self.cli("goals", "add", "Title", "--id", "extra", "--", "more")  # one TEXT word: no room for more
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (2, "upward: unexpected argument 'more'"))
        r = self.cli("log-win", "-d", "-3d", "-i", "-5% errors", "Text")  # a value may start with '-'
        w = self.win(r.stdout.strip())
        self.assertEqual((w["date"].isoformat(), w["impact"], w["title"]), ("2026-11-20", "-5% errors", "Text"))

    def test_an_unknown_owner_lists_the_known_people(self):
        r = self.cli("goals", "--owner", "nobody")
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (1, "", "upward: unknown person 'nobody' (expected me, dana, lee)\n"))
        self.assertEqual(self.cli("goals", "--owner", "me").returncode, 0)

    def test_usage_errors_name_what_was_typed(self):
        for argv, message in (
                ([], "a command is required (expected help, init, log-win, digest, prep-1on1, outcome, goals, people, wins, edit, set, rm, check, nudge, harvest, sync)"),
                (["frob"], "unknown command 'frob' (expected help, init, log-win, digest, prep-1on1, outcome, goals, people, wins, edit, set, rm, check, nudge, harvest, sync)"),
                (["people", "frob"], "unknown command 'frob' (expected list, add, show, primary)"),
                (["check", "--colr", "never"], "unknown option '--colr'"),
                (["log-win", "--seenby", "dana", "Text"], "unknown option '--seenby'"),
                (["goals", "update", "checkout-latency", "extra", "--note", "n"], "unexpected argument 'extra'"),
                (["people", "add", "kim", "--name", "Kim", "--relationship", "Peer"],
                 "--relationship: unknown value 'Peer' (expected manager, skip-level, stakeholder, mentor, peer)"),
                (["goals", "--format", "JSON"], "--format: unknown value 'JSON' (expected text, md, json)"),
                (["log-win", "-", "Text"], "'-' reads the text from stdin; give no other TEXT arguments with it")):
            r = self.cli(*argv)
            self.assertEqual((r.returncode, r.stdout, r.stderr.splitlines()[0]), (2, "", "upward: " + message), argv)
