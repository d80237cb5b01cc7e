"""The layers of lib/upward (STYLE.md): each folder includes only from the folders below it,
and cmd/ neither includes toml++ nor spawns."""
import os
import re
import unittest

from harness import SRC

# base at the bottom; store and render at the top, neither including the other
ALLOWED = {
    "base": {"base"},
    "model": {"base", "model"},
    "views": {"base", "model", "views"},
    "store": {"base", "model", "store"},
    "render": {"base", "model", "views", "render"},
}


class LayoutTest(unittest.TestCase):
    def sources(self, top):
        for root, _, names in os.walk(os.path.join(SRC, top)):
            for n in names:
                if n.endswith((".cpp", ".hpp")):
                    path = os.path.join(root, n)
                    with open(path, encoding="utf-8") as f:
                        yield os.path.relpath(path, SRC), f.read()

    def test_lib_folders_include_only_from_below(self):
        seen = 0
        for rel, text in self.sources("lib/upward"):
            parts = rel.split(os.sep)
            self.assertEqual(len(parts), 4, f"{rel}: every lib file lives in one layer folder")
            layer = parts[2]
            self.assertIn(layer, ALLOWED, rel)
            for inc in re.findall(r'#include "upward/([a-z]+)/', text):
                seen += 1
                self.assertIn(inc, ALLOWED[layer], f"{rel} includes from {inc}/")
        self.assertGreater(seen, 20)

    def test_cmd_neither_parses_toml_nor_spawns(self):
        for rel, text in self.sources("cmd"):
            self.assertNotIn("toml++", text, rel)
            self.assertNotRegex(text, r"posix_spawn|\bfork\(|\bsystem\(|popen\(", rel)


if __name__ == "__main__":
    unittest.main()


class UnitTestNamesTest(unittest.TestCase):
    def test_no_unit_test_name_holds_a_semicolon(self):
        # catch_discover_tests cuts a name at ';': CTest then runs a filter that matches no test
        # case, and Catch reports that as passed, so the test could never fail
        for root, _, names in os.walk(os.path.join(SRC, "tests", "unit")):
            for n in names:
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    for name in re.findall(r'TEST_CASE\("((?:[^"\\]|\\.)*)"', f.read()):
                        self.assertNotIn(";", name, n)
