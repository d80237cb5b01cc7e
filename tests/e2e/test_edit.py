"""upward edit: a record's file in $EDITOR on a copy, checked before it lands."""
import os
import subprocess
import tomllib
import unittest

from harness import BIN, UpwardTest, read_pty

GOAL = """# Checkout latency: my main goal this quarter.
title    = "Chekout p99 under 400 ms"   # the bar Dana set
owner = "me"
due = 2026-12-31

[[update]]      # first check-in
date = 2026-11-02
progress = 10
note = "baseline measured"
"""

WIN_ID = "2026-11-20-cut-checkout-p99"


class EditTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")
        self.ok("goals", "add", "Checkout", "--id", "checkout-latency")
        self.goal = os.path.join(self.repo, "goals", "checkout-latency.toml")
        with open(self.goal, "w") as f:
            f.write(GOAL)
        self.git("commit", "-qam", "hand-written goal")
        self.ok("log-win", "Cut checkout p99", "-d", "2026-11-20", "-t", "perf")
        self.win_file = os.path.join(self.repo, "wins", "2026", "11", WIN_ID + ".toml")

    def editor(self, body, name="editor.sh"):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body)
        os.chmod(path, 0o755)
        return path

    def edit(self, *args, editor, **kw):
        return self.run_upward("edit", *args, env={"EDITOR": editor, "VISUAL": ""}, **kw)

    def leftovers(self):
        return [n for n in os.listdir(self.repo) if n.startswith(".edit-")]

    # -- the judgements

    def test_a_problem_the_file_had_before_does_not_block_an_unrelated_edit(self):
        self.ok("log-win", "Tuned the cache", "-d", "2026-11-21", "-g", "checkout-latency")
        self.ok("rm", "goal", "checkout-latency", "--force")  # the win keeps naming it
        win = os.path.join(self.repo, "wins", "2026", "11", "2026-11-21-tuned-the-cache.toml")
        r = self.edit("win", "2026-11-21-tuned-the-cache", editor=self.editor('sed -i "s/Tuned/Warmed/" "$1"\n'))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"unknown goal 'checkout-latency'", r.stderr)
        self.assertIn(b"(already so before this edit)", r.stderr)
        self.assertIn('title = "Warmed the cache"', self.read(win))
        # a new problem still blocks
        r = self.edit("win", "2026-11-21-tuned-the-cache", editor=self.editor('sed -i "s/^title = .*/title = 3/" "$1"\n'))
        self.assertEqual(r.returncode, 1, r.stderr)

    def test_a_broken_edit_without_a_terminal_keeps_the_original_and_a_rej_copy(self):
        before, commits = self.read(self.goal, "rb"), self.commits()
        broken = self.editor('printf \'title = "unterminated\\n\' >> "$1"\n')
        r = self.edit("goal", "checkout-latency", editor=broken)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(self.read(self.goal, "rb"), before)
        rej = self.goal + ".rej"
        self.assertEqual(self.read(rej, "rb"), before + b'title = "unterminated\n')
        self.assertEqual(self.commits(), commits)
        err = r.stderr.decode()
        self.assertIn(f"upward: {self.goal}:10:", err)  # the real file, not the copy
        self.assertNotIn(".edit-", err.replace(self.goal, ""))
        self.assertIn(f"upward: '{self.goal}' was not changed; your edited text is kept in '{rej}'", err)
        self.assertEqual(self.leftovers(), [])
        # again: an older .rej is never overwritten
        r = self.edit("goal", "checkout-latency", editor=broken)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(os.path.exists(self.goal + ".2.rej"))
        self.assertEqual(self.read(rej, "rb"), before + b'title = "unterminated\n')
        self.assertEqual(self.read(self.goal, "rb"), before)

    def test_a_fixed_typo_is_one_commit_and_every_other_byte_stays(self):
        commits = self.commits()
        fix = self.editor('sed -i "s/Chekout/Checkout/" "$1"\n')
        r = self.edit("goal", "checkout-latency", editor=fix)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(self.read(self.goal), GOAL.replace("Chekout", "Checkout"))
        with open(self.goal, "rb") as f:
            self.assertEqual(tomllib.load(f)["title"], "Checkout p99 under 400 ms")
        self.assertEqual(self.commits(), ["edit: goals/checkout-latency.toml", *commits])
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertEqual(self.leftovers(), [])
        self.assertIn(f"upward: saved '{self.goal}'", r.stderr.decode())

    def test_an_unchanged_file_writes_nothing_and_commits_nothing(self):
        stat, commits = os.stat(self.goal), self.commits()
        r = self.edit("goal", "checkout-latency", editor="true")
        self.assertEqual((r.returncode, r.stdout), (0, b""), r.stderr)
        self.assertIn("is unchanged; nothing was written", r.stderr.decode())
        after = os.stat(self.goal)
        self.assertEqual((after.st_mtime_ns, after.st_ino), (stat.st_mtime_ns, stat.st_ino))
        self.assertEqual(self.read(self.goal), GOAL)
        self.assertEqual(self.commits(), commits)
        self.assertEqual(self.leftovers(), [])

    def test_the_editor_screen_never_reaches_stdout(self):
        noisy = self.editor('echo "EDITOR SCREEN"\necho "EDITOR ERR" >&2\nsed -i "s/Chekout/Checkout/" "$1"\n')
        out = subprocess.run(["sh", "-c", f'x=$("{BIN}" --dir "{self.repo}" edit goal checkout-latency); '
                                          'printf "[%s]" "$x"'],
                             capture_output=True, env=dict(self.env, EDITOR=noisy))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, b"[]")
        self.assertIn("Checkout p99", self.read(self.goal))

    # -- each kind

    def test_win(self):
        retitle = self.editor('sed -i "s/^title = .*/title = \\"Cut checkout p99 to 350 ms\\"/" "$1"\n')
        before = self.read(self.win_file)
        self.ok("edit", "win", WIN_ID, env={"EDITOR": retitle})
        self.assertEqual(self.win(WIN_ID)["title"], "Cut checkout p99 to 350 ms")
        self.assertEqual(self.win(WIN_ID)["tags"], ["perf"])
        self.assertEqual(len(self.read(self.win_file).splitlines()), len(before.splitlines()))
        self.assertEqual(self.commits()[0], f"edit: wins/2026/11/{WIN_ID}.toml")

    def test_a_win_moved_to_another_month_is_refused_with_the_way_to_do_it(self):
        before = self.read(self.win_file)
        move = self.editor('sed -i "s/^date = .*/date = 2026-10-30/" "$1"\n')
        r = self.edit("win", WIN_ID, editor=move)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(f"{self.win_file}:1:8: date 2026-10-30 does not belong in this folder", err)
        self.assertIn(f"'upward set win {WIN_ID} --date DATE', which moves the file", err)
        self.assertEqual(self.read(self.win_file), before)

    def test_person_with_a_note_that_does_not_block(self):
        path = os.path.join(self.repo, "people", "dana.toml")
        add = self.editor('printf \'priorities = ["Hiring"]\\n\' >> "$1"\n')
        self.ok("edit", "person", "dana", env={"EDITOR": add})
        with open(path, "rb") as f:
            self.assertEqual(tomllib.load(f)["priorities"], ["Hiring"])
        # a win seen by someone not in people/ is a note: shown, and the edit lands
        seen = self.editor('printf \'seen_by = ["zed"]\\n\' >> "$1"\n')
        r = self.edit("win", WIN_ID, editor=seen)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("note: 'seen_by' names 'zed', who is not in people/", r.stderr.decode())
        self.assertEqual(self.win(WIN_ID)["seen_by"], ["zed"])

    def test_1on1_latest_or_by_date(self):
        folder = os.path.join(self.repo, "1on1s", "dana")
        r = self.edit("1on1", "dana", editor="true")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no 1:1 record with 'dana' yet", r.stderr.decode())
        self.assertIn("'upward prep-1on1 dana --save' writes one", r.stderr.decode())
        os.makedirs(folder)
        for day in ("2026-11-09", "2026-11-16"):
            with open(os.path.join(folder, day + ".toml"), "w") as f:
                f.write(f'date = {day}\nnotes = "n"\n')
        self.git("add", "-A")
        self.git("commit", "-qm", "records")
        mark = self.editor('sed -i "s/^notes = .*/notes = \\"edited\\"/" "$1"\n')
        self.ok("edit", "1on1", "dana", env={"EDITOR": mark})
        self.assertIn('notes = "edited"', self.read(os.path.join(folder, "2026-11-16.toml")))
        self.assertIn('notes = "n"', self.read(os.path.join(folder, "2026-11-09.toml")))
        self.ok("edit", "1on1", "dana", "last", "monday", env={"EDITOR": mark})  # 2026-11-16 is a Monday
        self.ok("edit", "1on1", "dana", "2026-11-09", env={"EDITOR": mark})
        self.assertIn('notes = "edited"', self.read(os.path.join(folder, "2026-11-09.toml")))
        self.assertEqual(self.commits()[:2], ["edit: 1on1s/dana/2026-11-09.toml", "edit: 1on1s/dana/2026-11-16.toml"])
        r = self.edit("1on1", "dana", "2026-11-02", editor=mark)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no 1:1 record with 'dana' on 2026-11-02 (no 1on1s/dana/2026-11-02.toml); the latest is "
                      "2026-11-16", r.stderr.decode())

    def test_config_is_checked_with_the_config_rules(self):
        path = os.path.join(self.repo, "upward.toml")
        before = self.read(path)
        bad = self.editor('sed -i "s/^manager = .*/manager = \\"zed\\"/" "$1"\n')
        r = self.edit("config", editor=bad)
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown person 'zed' (no people/zed.toml)", r.stderr.decode())
        self.assertEqual(self.read(path), before)
        self.assertTrue(os.path.exists(path + ".rej"))
        good = self.editor('sed -i "s/^week_start = .*/week_start = \\"sunday\\"/" "$1"\n')
        self.ok("edit", "config", env={"EDITOR": good})
        with open(path, "rb") as f:
            self.assertEqual(tomllib.load(f)["week_start"], "sunday")
        self.assertEqual(self.commits()[0], "edit: upward.toml")

    # -- ids, links, failures

    def test_ids_are_validated_and_unknown_ones_write_nothing(self):
        commits = self.commits()
        touch = self.editor(f'touch "{self.tmp}/ran"\n')
        for args, code, words in (
                ([], 2, "what to edit? (expected win ID, goal ID, person ID, 1on1 PERSON [DATE] or config)"),
                (["task", "x"], 2, "cannot edit 'task'"),
                (["goal"], 2, "usage: upward edit goal ID"),
                (["goal", "Bad Id"], 2, "'Bad Id' is not a goal id"),
                (["goal", "../x"], 2, "'../x' is not a goal id"),
                (["goal", "nope"], 1, "unknown goal 'nope' (no goals/nope.toml"),
                (["person", "nope"], 1, "unknown person 'nope'"),
                (["win", "nope"], 2, "'nope' is not a win id"),
                (["win", "2026-11-01-nope"], 1, "unknown win '2026-11-01-nope'"),
                (["1on1", "Dana"], 2, "'Dana' is not a person id"),
                (["1on1", "dana", "someday"], 2, ""),
                (["config", "x"], 2, "usage: upward edit config")):
            with self.subTest(args=args):
                r = self.edit(*args, editor=touch)
                self.assertEqual(r.returncode, code, r.stderr)
                self.assertIn(words, r.stderr.decode())
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "ran")))
        self.assertEqual(self.commits(), commits)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_link_is_refused(self):
        os.symlink(self.goal, os.path.join(self.repo, "goals", "alias.toml"))
        r = self.edit("goal", "alias", editor="true")
        self.assertEqual(r.returncode, 1)
        self.assertIn("link", r.stderr.decode())

    def test_a_failing_editor_changes_nothing_and_keeps_a_changed_text(self):
        r = self.edit("goal", "checkout-latency", editor="false")
        self.assertEqual(r.returncode, 1)
        self.assertIn("the editor 'false' failed", r.stderr.decode())
        self.assertEqual(self.leftovers(), [])
        half = self.editor('echo "# half" >> "$1"\nexit 3\n')
        r = self.edit("goal", "checkout-latency", editor=half)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(self.leftovers()), 1)
        self.assertIn("your text is kept in '" + os.path.join(self.repo, self.leftovers()[0]), r.stderr.decode())
        self.assertEqual(self.read(self.goal), GOAL)

    def test_ctrl_c_in_the_editor_does_not_kill_upward_with_the_text_unread(self):
        interrupted = self.editor('echo "# mine" >> "$1"\nkill -INT 0\nsleep 1\n')
        r = subprocess.run([BIN, "--dir", self.repo, "edit", "goal", "checkout-latency"], capture_output=True,
                           env=dict(self.env, EDITOR=interrupted), start_new_session=True)  # its own process group
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("failed (exit 130)", r.stderr.decode())
        self.assertIn("your text is kept in", r.stderr.decode())
        self.assertEqual(self.read(self.goal), GOAL)
        self.assertEqual(len(self.leftovers()), 1)

    def test_a_file_changed_during_the_edit_is_not_overwritten(self):
        sneaky = self.editor(f'echo "# mine" >> "$1"\necho "# theirs" >> "{self.goal}"\n')
        r = self.edit("goal", "checkout-latency", editor=sneaky)
        self.assertEqual(r.returncode, 1)
        self.assertIn("changed while upward was editing it; nothing was written; your text is kept in",
                      r.stderr.decode())
        self.assertEqual(self.read(self.goal), GOAL + "# theirs\n")
        self.assertEqual(len(self.leftovers()), 1)

    def test_a_file_that_does_not_parse_can_be_mended(self):
        with open(self.goal, "a") as f:
            f.write("oops\n")
        self.assertEqual(self.run_upward("goals", "show", "checkout-latency").returncode, 1)
        mend = self.editor('sed -i "/^oops$/d" "$1"\n')
        self.ok("edit", "goal", "checkout-latency", env={"EDITOR": mend})
        self.assertEqual(self.read(self.goal), GOAL)
        self.assertEqual(self.commits()[:2], ["edit: goals/checkout-latency.toml",
                                              "edit by hand: goals/checkout-latency.toml"])

    def test_another_upward_writing_during_the_edit_leaves_the_copy_alone(self):
        # no lock is held while the editor runs; another writer's cleanup of stale temporaries
        # removes only its own names, never the copy being edited
        busy = self.editor(f'"{BIN}" --dir "{self.repo}" log-win "Logged meanwhile" >/dev/null 2>&1\n'
                           'sed -i "s/Chekout/Checkout/" "$1"\n')
        r = self.edit("goal", "checkout-latency", editor=busy)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.read(self.goal), GOAL.replace("Chekout", "Checkout"))
        self.assertEqual(self.commits()[:2], ["edit: goals/checkout-latency.toml", "log-win: Logged meanwhile"])

    def test_hand_edits_are_committed_first(self):
        with open(self.goal, "a") as f:
            f.write("# by hand\n")
        fix = self.editor('sed -i "s/Chekout/Checkout/" "$1"\n')
        self.ok("edit", "goal", "checkout-latency", env={"EDITOR": fix})
        self.assertEqual(self.commits()[:2], ["edit: goals/checkout-latency.toml",
                                              "edit by hand: goals/checkout-latency.toml"])

    def on_terminal(self, editor, answers):
        """Run `edit goal checkout-latency` with stdin and stderr on a pseudo-terminal that has
        `answers` typed; return (exit code, stdout, what the terminal showed)."""
        import pty
        master, slave = pty.openpty()
        p = subprocess.Popen([BIN, "--dir", self.repo, "edit", "goal", "checkout-latency"], stdin=slave,
                             stdout=subprocess.PIPE, stderr=slave, env=dict(self.env, EDITOR=editor),
                             start_new_session=True)
        os.close(slave)
        os.write(master, answers)
        screen = read_pty(master).decode()
        out = p.stdout.read()
        p.stdout.close()
        p.wait()
        os.close(master)
        return p.returncode, out, screen

    def test_on_a_terminal_a_broken_edit_can_be_edited_again(self):
        count = os.path.join(self.tmp, "count")
        twice = self.editor(f'if [ -e "{count}" ]; then sed -i "s/^oops$//" "$1"; '
                            f'sed -i "s/Chekout/Checkout/" "$1"; else touch "{count}"; echo "oops" >> "$1"; fi\n')
        code, out, screen = self.on_terminal(twice, b"e\n")
        self.assertEqual(code, 0, screen)
        self.assertEqual(out, b"")
        self.assertIn(f"{self.goal}:10:", screen)
        self.assertIn("edit again (e) or abort, keeping your text in a .rej file (a)? [E/a]", screen)
        self.assertEqual(self.read(self.goal), GOAL.replace("Chekout", "Checkout") + "\n")
        self.assertEqual(self.commits()[0], "edit: goals/checkout-latency.toml")
        self.assertFalse(os.path.exists(self.goal + ".rej"))

    def test_on_a_terminal_abort_keeps_the_text_as_rej(self):
        commits = self.commits()
        broken = self.editor('echo "oops" >> "$1"\n')
        code, out, screen = self.on_terminal(broken, b"what?\na\n")  # an unknown answer is asked again
        self.assertEqual((code, out), (1, b""), screen)
        self.assertEqual(screen.count("[E/a]"), 2)
        self.assertEqual(self.read(self.goal), GOAL)
        self.assertEqual(self.read(self.goal + ".rej"), GOAL + "oops\n")
        self.assertEqual(self.commits(), commits)

    def test_warnings_do_not_block(self):
        done = self.editor('printf \'\\n[[update]]\\ndate = 2026-11-10\\nstatus = "done"\\n'
                           '\\n[[update]]\\ndate = 2026-11-12\\nnote = "more"\\n\' >> "$1"\n')
        r = self.edit("goal", "checkout-latency", editor=done)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"upward: {self.goal}:16:8: warning: the goal is done before this update", r.stderr.decode())
        with open(self.goal, "rb") as f:
            self.assertEqual(len(tomllib.load(f)["update"]), 3)

if __name__ == "__main__":
    unittest.main()
