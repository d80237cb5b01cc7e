"""Golden files in the ledger style: the input, the command and its expected output in one file.

    # a comment
    repo examples/demo            a copy of this folder (relative to the source tree) is the repository
    file 1on1s/dana/topics/x.toml a file of the repository, its text up to `end file`
    ...
    end file
    test prep-1on1 --format text  the arguments (shell words; `-> N` at the end: the exit status)
    expected stdout
    __ERROR__                     (optional) then the expected stderr
    end test

Files are read and written byte for byte (an email's CRLF line ends stay).
The environment is the harness's (UPWARD_TODAY=2026-11-23, TZ=UTC, LC_ALL=C); `today DATE`
pins another day. UPDATE_GOLDEN=1 rewrites each file's expected outputs from the binary.
"""
import os
import re
import shlex

from harness import SRC


def parse(path):
    """(repo, files, today, tests) where tests is [(argv, status, stdout, stderr)]."""
    repo, files, today, tests = None, {}, None, []
    with open(path, newline="") as f:  # an email's CRLF line ends stay as they are
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("repo "):
            repo = os.path.join(SRC, line[5:].strip())
        elif line.startswith("today "):
            today = line[6:].strip()
        elif line.startswith("file "):
            body = []
            while lines[i] != "end file":
                body.append(lines[i])
                i += 1
            i += 1
            files[line[5:].strip()] = "\n".join(body) + "\n"
        elif line.startswith("test "):
            m = re.match(r"test (.*?)(?: -> (\d+))?$", line)
            out, err = [], None
            target = out
            while lines[i] != "end test":
                if lines[i] == "__ERROR__":
                    err = target = []
                else:
                    target.append(lines[i])
                i += 1
            i += 1
            tests.append((shlex.split(m.group(1)), int(m.group(2) or 0), "".join(l + "\n" for l in out),
                          "".join(l + "\n" for l in err or [])))
    return repo, files, today, tests


def update(path, results):
    """Rewrite the expected outputs of each test of the file with `results` [(status, stdout, stderr)]."""
    with open(path, newline="") as f:
        lines = f.read().split("\n")
    out, i, n = [], 0, 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.startswith("test "):
            out.append(line)
            continue
        status, stdout, stderr = results[n]
        n += 1
        head = re.sub(r" -> \d+$", "", line)
        out.append(head + (f" -> {status}" if status else ""))
        out += stdout.split("\n")[:-1] if stdout else []
        if stderr:
            out += ["__ERROR__", *stderr.split("\n")[:-1]]
        out.append("end test")
        while lines[i] != "end test":
            i += 1
        i += 1
    with open(path, "w", newline="") as f:
        f.write("\n".join(out))
