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

        # bash-completion finds the installed script by itself (loaded on demand from XDG_DATA_DIRS),
        # and zsh's compinit and fish find theirs in the prefix
        env = dict(self.env, XDG_DATA_DIRS=os.path.join(prefix, "share"),
                   PATH=os.path.join(prefix, "bin") + ":" + self.env["PATH"])
        loader = "/usr/share/bash-completion/bash_completion"
        if os.path.exists(loader):
            r = subprocess.run(["bash", "--norc", "-c", f"source {loader}; __load_completion upward; complete -p upward"],
                               capture_output=True, text=True, env=env)
            self.assertEqual(r.stdout, "complete -F _upward upward\n", r.stderr)
        if shutil.which("zsh"):
            script = (f"fpath=({prefix}/share/zsh/site-functions $fpath); autoload -Uz compinit; compinit -u -D; "
                      "print -r -- $_comps[upward]")
            r = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True, env=env)
            self.assertEqual(r.stdout, "_upward\n", r.stderr)
        if shutil.which("fish"):
            r = subprocess.run(["fish", "--no-config", "-c",
                                f"set fish_complete_path {prefix}/share/fish/vendor_completions.d $fish_complete_path; "
                                "complete -C'upward nud'"], capture_output=True, text=True, env=env)
            self.assertIn("nudge", r.stdout, r.stderr)

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
