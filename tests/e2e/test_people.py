import json
import os
import tomllib

from harness import UpwardTest


class PeopleTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()

    def config(self):
        with open(os.path.join(self.repo, "upward.toml"), "rb") as f:
            return tomllib.load(f)

    def test_add_list_show(self):
        out = self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager", "--email",
                "dana@example.com", "--style", "brief", "--cadence", "weekly", "--priority", "Black Friday launch",
                "--priority", "Hiring", "--pressure", "Headcount freeze")
        self.assertEqual(out, "dana\n")  # the new id, like goals add
        r = self.run_upward("-q", "people", "add", "priya", "--name", "Priya Shah", "--relationship", "peer")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"priya\n", b""))
        with open(os.path.join(self.repo, "people", "dana.toml"), "rb") as f:
            self.assertEqual(tomllib.load(f), {
                "name": "Dana Okafor", "relationship": "manager", "email": "dana@example.com", "style": "brief",
                "cadence": "weekly", "priorities": ["Black Friday launch", "Hiring"],
                "pressures": ["Headcount freeze"]})
        self.assertEqual(self.config()["manager"], "dana")
        self.assertEqual(self.ok("people").splitlines(), [
            "* dana   Dana Okafor  manager  brief     weekly    dana@example.com",
            "  priya  Priya Shah   peer"])
        self.assertEqual(self.ok("people", "list"), self.ok("people"))
        data = json.loads(self.ok("people", "--format", "json"))
        self.assertEqual(data["manager"], "dana")
        self.assertEqual([p["id"] for p in data["people"]], ["dana", "priya"])
        self.assertEqual(data["people"][0]["priorities"], ["Black Friday launch", "Hiring"])
        shown = self.ok("people", "show", "dana")
        self.assertIn("# Dana Okafor (`dana`)", shown)
        self.assertIn("- Relationship: manager (primary)", shown)
        self.assertIn("- Headcount freeze", shown)
        self.assertEqual(self.commits()[:2], ["people add: priya", "people add: dana (primary manager)"])
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_the_first_manager_becomes_primary_and_primary_changes_it(self):
        path = os.path.join(self.repo, "upward.toml")
        before = self.read(path)
        self.ok("people", "add", "sam", "--name", "Sam", "--relationship", "mentor")
        self.assertNotIn("manager", self.config())
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        after = self.read(path)
        # the template's example line becomes the real one, every other byte kept
        self.assertEqual(after, before.replace('# manager = "dana"\n', 'manager = "dana"\n'))
        self.assertEqual(after.count("manager ="), 1)
        self.ok("people", "add", "lee", "--name", "Lee", "--relationship", "manager")
        self.assertEqual(self.config()["manager"], "dana")
        self.ok("people", "add", "kim", "--name", "Kim", "--relationship", "skip-level", "--primary")
        self.assertEqual(self.config()["manager"], "kim")
        self.ok("people", "primary", "lee")
        self.assertEqual(self.read(path), before.replace('# manager = "dana"\n', 'manager = "lee"\n'))
        self.assertEqual(self.commits()[0], "people primary: lee")

    def test_bad_input_writes_nothing(self):
        cases = [
            (["people", "add", "../x", "--name", "X", "--relationship", "peer"], 2),
            (["people", "add", "Dana", "--name", "X", "--relationship", "peer"], 2),
            (["people", "add", ".git", "--name", "X", "--relationship", "peer"], 2),
            (["people", "add", "a/b", "--name", "X", "--relationship", "peer"], 2),
            (["people", "add", "dana", "--name", "X", "--relationship", "boss"], 2),
            (["people", "add", "dana", "--name", "X", "--relationship", "peer", "--email", "x\r\nBcc: y@z.com"], 2),
            (["people", "add", "dana", "--name", "X", "--relationship", "peer", "--style", "terse"], 2),
            (["people", "add", "dana", "--name", "X"], 2),
            (["people", "add", "dana", "--name", b"\xff", "--relationship", "peer"], 1),
            (["people", "show", "nobody"], 1),
            (["people", "primary", "nobody"], 1),
        ]
        for args, code in cases:
            with self.subTest(args=args):
                r = self.run_upward(*args)
                self.assertEqual(r.returncode, code, r.stderr)
                self.assertTrue(r.stderr.startswith(b"upward: "), r.stderr)
        self.assertEqual(os.listdir(os.path.join(self.repo, "people")), [])
        self.assertEqual(self.commits(), ["init: upward repository"])
        self.ok("people", "add", "dana", "--name", "Dana", "--relationship", "manager")
        r = self.run_upward("people", "add", "dana", "--name", "Other", "--relationship", "peer")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"person 'dana' already exists", r.stderr)


class PeopleSurviveABadFileTest(UpwardTest):
    """A hand-made bad person file is skipped and named; the others are listed; exit 1 (issue 6 §5)."""

    def setUp(self):
        super().setUp()
        self.init()
        self.ok("people", "add", "dana", "--name", "Dana Okafor", "--relationship", "manager")

    def write(self, rel, text):
        with open(os.path.join(self.repo, rel), "w") as f:
            f.write(text)

    def test_people_lists_the_rest_and_names_each_skipped_file(self):
        self.write("people/Sam Lee.toml", 'name = "Sam"\nrelationship = "peer"\n')
        self.write("people/kim.toml", 'name = "Kim"\nrelationship = "boss"\n')
        for args in (["people"], ["people", "list", "--format", "json"]):
            with self.subTest(args=args):
                r = self.run_upward(*args)
                self.assertEqual(r.returncode, 1)
                self.assertIn("dana", r.stdout.decode())
                self.assertNotIn("Kim", r.stdout.decode())
                self.assertEqual(r.stderr.decode().splitlines(), [
                    f"upward: {self.repo}/people/Sam Lee.toml:1:1: the file name is not a person id: rename it to "
                    "lowercase letters, digits and '-' (skipped)",
                    f"upward: {self.repo}/people/kim.toml:2:16: unknown relationship 'boss' (expected manager, "
                    "skip-level, stakeholder, mentor, peer) (skipped)",
                ])
        self.assertIn("# Dana Okafor (`dana`)", self.ok("people", "show", "dana"))

    def test_people_show_skips_a_bad_goal_file(self):
        self.ok("goals", "add", "Conversion", "--id", "conversion", "--owner", "dana")
        self.write("goals/bad.toml", 'title = "Bad"\nowner = "dana"\ndue = "soon"\n')
        r = self.run_upward("people", "show", "dana")
        self.assertEqual(r.returncode, 1)
        self.assertIn("- Conversion (`conversion`), on-track, 0%", r.stdout.decode())
        self.assertEqual(r.stderr.decode(), f"upward: {self.repo}/goals/bad.toml:3:7: 'due' must be a date like "
                                            "2026-11-23 (no quotes), not a string (skipped)\n")

    def test_commands_that_need_the_bad_person_refuse_with_its_location(self):
        self.write("people/kim.toml", 'name = "Kim"\nrelationship = "boss"\n')
        loc = f"upward: {self.repo}/people/kim.toml:2:16: unknown relationship 'boss' (expected manager, " \
              "skip-level, stakeholder, mentor, peer)\n"
        for args in (["people", "show", "kim"], ["people", "primary", "kim"]):
            with self.subTest(args=args):
                r = self.run_upward(*args)
                self.assertEqual((r.returncode, r.stderr.decode()), (1, loc))
        self.assertEqual(self.commits()[0], "people add: dana (primary manager)")
