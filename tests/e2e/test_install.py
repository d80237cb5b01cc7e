"""`cmake --install` puts the binary, the man pages and the completions where their tools look."""
import glob
import os
import shutil
import subprocess
import unittest

from harness import BIN, SRC, UpwardTest

BUILD = os.environ.get("UPWARD_BUILD") or os.path.dirname(BIN)


class InstallTest(UpwardTest):
    def test_install_into_a_prefix(self):
        prefix = os.path.join(self.tmp, "prefix")
        r = subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        installed = os.path.join(prefix, "bin", "upward")
        r = subprocess.run([installed, "--version"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SRC, "man", "*.[15]")))
        got = sorted(os.listdir(os.path.join(prefix, "share", "man", "man1")) +
                     os.listdir(os.path.join(prefix, "share", "man", "man5")))
        self.assertEqual(got, pages)
        for where in ("share/bash-completion/completions/upward", "share/zsh/site-functions/_upward",
                      "share/fish/vendor_completions.d/upward.fish"):
            self.assertTrue(os.path.isfile(os.path.join(prefix, where)), where)

        # man finds the installed pages, and they read as the sources say
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        env = dict(self.env, MANPAGER="cat", PAGER="cat", MANWIDTH="80")
        for page, words in (("upward-digest", "the weekly update email"), ("upward-files", "OUTCOME NOTES"),
                            ("upward", "upward-wins")):
            r = subprocess.run(["man", "-M", os.path.join(prefix, "share", "man"), page], capture_output=True,
                               text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(words, r.stdout.replace("\u2010", "-"), page)


if __name__ == "__main__":
    unittest.main()
