"""Run the built upward binary in a fresh temporary home with a pinned environment."""
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import tempfile
import termios
import time
import tomllib
import unittest

BIN = os.path.abspath(os.environ.get("UPWARD_BIN") or "../../build/upward")
SRC = os.path.abspath(os.environ.get("UPWARD_SRC") or "../..")
TODAY = "2026-11-23"


def read_pty(master):
    """Everything written to a pseudo-terminal until its last writer closes it (then EIO)."""
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            return out
        if not chunk:
            return out
        out += chunk


def run_on_terminal(argv, env):
    """Run with stdout and stderr on pseudo-terminals (so isatty is true); (rc, out, err) with
    the terminal's CRLF turned back into LF."""
    out_m, out_s = pty.openpty()
    err_m, err_s = pty.openpty()
    for fd in (out_s, err_s):  # a real terminal has a size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    p = subprocess.Popen(argv, stdout=out_s, stderr=err_s, stdin=subprocess.DEVNULL, env=env)
    os.close(out_s)
    os.close(err_s)
    got = {out_m: b"", err_m: b""}
    fds = [out_m, err_m]
    deadline = time.monotonic() + 60
    while fds and time.monotonic() < deadline:
        ready, _, _ = select.select(fds, [], [], 5)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                got[fd] += chunk
            else:
                fds.remove(fd)
    rc = p.wait(timeout=60)
    os.close(out_m)
    os.close(err_m)
    return rc, got[out_m].replace(b"\r\n", b"\n"), got[err_m].replace(b"\r\n", b"\n")


class UpwardTest(unittest.TestCase):
    """Each test gets its own HOME and repository folder; nothing leaks from the machine."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="upward-e2e-")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.home)
        self.repo = os.path.join(self.tmp, "repo")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "TZ": "UTC",
            "LC_ALL": "C",
            "UPWARD_TODAY": TODAY,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Ada Tester",
            "GIT_AUTHOR_EMAIL": "ada@example.com",
            "GIT_COMMITTER_NAME": "Ada Tester",
            "GIT_COMMITTER_EMAIL": "ada@example.com",
            "GIT_AUTHOR_DATE": "2026-11-23T12:00:00Z",
            "GIT_COMMITTER_DATE": "2026-11-23T12:00:00Z",
        }

    def snapshot(self):
        """Every file of the repository but git's and upward's own, as bytes."""
        out = {}
        for rel in self.files(""):
            if not rel.startswith(".git" + os.sep) and not rel.startswith(".upward"):
                out[rel] = self.read(os.path.join(self.repo, rel), "rb")
        return out

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_upward(self, *args, input=None, env=None, cwd=None, stdout=subprocess.PIPE):
        """Run upward --dir REPO ARGS...; input may be str or bytes."""
        full_env = dict(self.env, **(env or {}))
        if isinstance(input, str):
            input = input.encode()
        return subprocess.run([BIN, "--dir", self.repo, *args], input=input, stdout=stdout,
                              stderr=subprocess.PIPE, env=full_env, cwd=cwd or self.tmp)

    def ok(self, *args, **kw):
        r = self.run_upward(*args, **kw)
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        return r.stdout.decode()

    def init(self, *extra):
        self.ok("init", "--name", "Ada Tester", "--email", "ada@example.com", *extra)

    def git(self, *args):
        return subprocess.run(["git", "-C", self.repo, *args], capture_output=True, text=True,
                              env=self.env).stdout

    def commits(self):
        return [l for l in self.git("log", "--format=%s").splitlines() if l]

    def read(self, path, mode="r"):
        with open(path, mode) as f:
            return f.read()

    def files(self, under="wins"):
        """Every file below REPO/under, relative to REPO, sorted."""
        out = []
        for root, dirs, names in os.walk(os.path.join(self.repo, under)):
            dirs[:] = [d for d in dirs if d != ".git"]
            out += [os.path.relpath(os.path.join(root, n), self.repo) for n in names]
        return sorted(out)

    def win(self, win_id):
        """The win's file, read by an independent TOML reader."""
        path = os.path.join(self.repo, "wins", win_id[0:4], win_id[5:7], win_id + ".toml")
        with open(path, "rb") as f:
            return tomllib.load(f)
