#!/usr/bin/env python3
"""upward beside taskwarrior, timewarrior and ledger on the same entries, with hyperfine.

    python3 tests/bench/run.py [--bin build/upward] [--sizes 1000,10000,100000] [--out tests/bench/RESULTS.md]

For each size, generate.py writes the same wins in every tool's own format; one hyperfine run
then times every operation beside an empty C++ program and the crash-safe floor (floor.c: one
durable new file), and a second one times the writes that need a fresh copy or git. Peak memory
is each operation run once more under peak.c (wait4's maximum resident set). The table (median milliseconds, the ratio to the
empty program of the same run, growth from the smallest size to the largest, peak memory at the
largest) goes to stdout and to RESULTS.md with the targets of issue 14 and whether each is met.
Not part of the test suite: speed is measured here, never asserted. Needs hyperfine, task,
timew and ledger (`bash .ci/bootstrap --bench` installs them).
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

TODAY = "2026-11-27"


def build_helpers(tmp):
    empty = os.path.join(tmp, "empty")
    with open(empty + ".cpp", "w") as f:
        f.write("int main() { return 0; }\n")
    subprocess.run(["g++", "-O2", "-o", empty, empty + ".cpp"], check=True)
    floor, peak = os.path.join(tmp, "floor"), os.path.join(tmp, "peak")
    subprocess.run(["gcc", "-O2", "-o", floor, os.path.join(HERE, "floor.c")], check=True)
    subprocess.run(["gcc", "-O2", "-o", peak, os.path.join(HERE, "peak.c")], check=True)
    return empty, floor, peak


def operations(up, root, data, empty, floor):
    """(name, argv) of the read-only operations and the peers, timed in one hyperfine run."""
    u = [up, "--dir", root]
    goal = generate.goal_id(datetime.date(2026, 11, 27), 1)
    return [
        ("empty C++ program", [empty]),
        ("upward wins (this month)", u + ["wins"]),
        ("upward digest (this week)", u + ["digest"]),
        ("upward prep-1on1", u + ["prep-1on1"]),
        ("upward nudge", u + ["nudge"]),
        ("upward goals", u + ["goals"]),
        ("upward digest this-quarter", u + ["digest", "this-quarter"]),
        ("upward digest 2026 (a year)", u + ["digest", "2026"]),
        ("upward digest (all history)", u + ["digest", "1900-01-01..2026-11-27"]),
        (f"upward goals show (all history)", u + ["goals", "show", goal]),
        ("upward check (all history)", u + ["check"]),
        ("task completed", ["task", f"rc:{data}/taskrc", "completed"]),
        ("timew summary (all history)", ["timew", "summary", "1970-01-01", "-", "2026-11-28"]),
        ("ledger balance", ["ledger", "-f", f"{data}/ledger.dat", "balance"]),
        ("ledger register", ["ledger", "-f", f"{data}/ledger.dat", "register"]),
    ]


def writes(up, nogit, git, data, empty, floor):
    folder = os.path.join(nogit, "wins", "2026", "11")
    return [
        ("empty C++ program", [empty], None),
        ("crash-safe floor (one durable file)", [floor, folder], None),
        ("upward log-win (no git)", [up, "--dir", nogit, "-q", "log-win", "Benchmark win", "-t", "bench"], None),
        ("task log", ["task", f"rc:{data}/taskrc", "log", "Benchmark win", "+bench"], None),
        ("upward log-win (git autocommit)", [up, "--dir", git, "-q", "log-win", "Benchmark win", "-t", "bench"], None),
        ("git commit of one file", ["git", "-C", git, "commit", "-q", "-m", "bench", "--", "bench-note"],
         f"sh -c 'date +%N >> {git}/bench-note'"),
    ]


def hyperfine(cases, env, out_json):
    argv = ["hyperfine", "-N", "--warmup", "2", "--min-runs", "5", "--max-runs", "30", "--style", "none",
            "--export-json", out_json, "-i"]
    if any(c[2] if len(c) > 2 else None for c in cases):
        for c in cases:
            argv += ["--prepare", (c[2] if len(c) > 2 and c[2] else "true")]
    for c in cases:
        argv += ["--command-name", c[0], " ".join(shell_quote(a) for a in c[1])]
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    with open(out_json) as f:
        results = json.load(f)["results"]
    for r in results:
        bad = [c for c in r["exit_codes"] if c not in (0, 3)]  # 3: nudge has something to say
        if bad:
            raise SystemExit(f"bench: '{r['command']}' exited {bad[0]}")
    return {c[0]: r["median"] * 1000 for c, r in zip(cases, results)}


def shell_quote(word):
    return word if word and all(ch.isalnum() or ch in "-_./:=+,@%" for ch in word) else "'" + word.replace("'", "'\\''") + "'"


def peak_mb(peak, argv, env):
    out = subprocess.run([peak, *argv], capture_output=True, text=True, env=env, check=True).stdout
    return int(out) / 1024


def measure(size, work, up, empty, floor, peak):
    data = os.path.join(work, str(size))
    print(f"bench: generating {size} wins", file=sys.stderr)
    generate.upward_repo(os.path.join(data, "upward"), size, git=False)
    generate.taskwarrior(os.path.join(data, "taskdata"), size)
    generate.timewarrior(os.path.join(data, "timewdb"), size)
    generate.ledger(os.path.join(data, "ledger.dat"), size)
    with open(os.path.join(data, "taskrc"), "w") as f:
        f.write(f"data.location={data}/taskdata\nconfirmation=off\nverbose=nothing\ndefaultwidth=200\n"
                "hooks=off\ngc=off\n")
    nogit = os.path.join(data, "upward-write")
    shutil.copytree(os.path.join(data, "upward"), nogit, symlinks=True)
    git = os.path.join(data, "upward-git")
    generate.upward_repo(git, size, git=True)
    with open(os.path.join(git, "bench-note"), "w") as f:
        f.write("a tracked file the bare git commit changes\n")
    subprocess.run(["git", "-C", git, "add", "bench-note"], check=True)
    subprocess.run(["git", "-C", git, "commit", "-qm", "bench note"], check=True)
    env = dict(os.environ, UPWARD_TODAY=TODAY, TIMEWARRIORDB=f"{data}/timewdb", TASKRC=f"{data}/taskrc",
               LC_ALL="C.UTF-8", TZ="UTC", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
    print(f"bench: timing {size}", file=sys.stderr)
    reads = operations(up, os.path.join(data, "upward"), data, empty, floor)
    ms = hyperfine(reads, env, os.path.join(work, f"reads-{size}.json"))
    write_cases = writes(up, nogit, git, data, empty, floor)
    wms = hyperfine(write_cases, env, os.path.join(work, f"writes-{size}.json"))
    mem = {name: peak_mb(peak, argv, env) for name, argv in reads}
    mem.update({c[0]: peak_mb(peak, c[1], env) for c in write_cases if not c[2]})
    shutil.rmtree(data, ignore_errors=True)
    return {"reads": ms, "writes": wms, "mem": mem}


def label(n):
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def table(sizes, results):
    first, last = sizes[0], sizes[-1]
    rows = []
    head = ["operation"] + [f"{label(s)} ms (×empty)" for s in sizes] + [f"growth {label(first)}→{label(last)}",
                                                                        f"peak MB at {label(last)}"]
    for part in ("writes", "reads"):
        for name in results[first][part]:
            if part == "reads" and name == "empty C++ program":
                continue
            cells = [name]
            for s in sizes:
                v = results[s][part][name]
                cells.append(f"{v:.1f} (×{v / results[s][part]['empty C++ program']:.1f})")
            cells.append(f"×{results[last][part][name] / results[first][part][name]:.2f}")
            mem = results[last]["mem"].get(name)
            cells.append(f"{mem:.1f}" if mem is not None else "")
            rows.append(cells)
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def targets(sizes, results):
    """Each target of issue 14 as (target, measured, met)."""
    first, last = sizes[0], sizes[-1]
    out = []
    for s in sizes:
        w = results[s]["writes"]
        ratio = w["upward log-win (no git)"] / w["crash-safe floor (one durable file)"]
        out.append((f"log-win without git ≤ 1.3× the floor, below task log ({label(s)})",
                    f"×{ratio:.2f} the floor; {w['upward log-win (no git)']:.1f} ms vs task log {w['task log']:.1f} ms",
                    ratio <= 1.3 and w["upward log-win (no git)"] < w["task log"]))
    extra = {s: results[s]["writes"]["upward log-win (git autocommit)"] - results[s]["writes"]["upward log-win (no git)"]
             for s in sizes}
    out.append((f"log-win's git cost flat within 30% ({label(first)} → {label(last)})",
                f"{extra[first]:.1f} → {extra[last]:.1f} ms (bare git commit at {label(last)}: "
                f"{results[last]['writes']['git commit of one file']:.1f} ms)",
                extra[last] <= extra[first] * 1.3))
    for name in ("upward digest (this week)", "upward prep-1on1", "upward nudge", "upward wins (this month)"):
        r = {s: results[s]["reads"][name] / results[s]["reads"]["empty C++ program"] for s in sizes}
        grow = results[last]["reads"][name] / results[first]["reads"][name]
        out.append((f"{name}: ≤ ×2 empty, within 20% from {label(first)} to {label(last)}",
                    f"×{max(r.values()):.2f} at worst, growth ×{grow:.2f}", max(r.values()) <= 2 and grow <= 1.2))
    r = max(results[s]["reads"]["upward digest 2026 (a year)"] / results[s]["reads"]["empty C++ program"] for s in sizes)
    out.append(("digest over a year ≤ ×5 empty", f"×{r:.2f} at worst", r <= 5))
    task = results[last]["reads"]["task completed"]
    for name in ("upward digest (all history)", "upward goals show (all history)", "upward check (all history)"):
        v, mem = results[last]["reads"][name], results[last]["mem"][name]
        out.append((f"{name} at {label(last)}: ≤ 1/10 of task completed, < 64 MB",
                    f"{v:.0f} ms vs {task:.0f} ms (×{v / task:.2f}), {mem:.1f} MB", v <= task / 10 and mem < 64))
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in out]
    return "\n".join(lines)


def versions(up):
    def first_line(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return ", ".join([first_line([up, "--version"]), "task " + first_line(["task", "--version"]),
                      "timew " + first_line(["timew", "--version"]), first_line(["ledger", "--version"]),
                      first_line(["hyperfine", "--version"]), first_line(["git", "--version"])])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/upward")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    args = ap.parse_args()
    for tool in ("hyperfine", "task", "timew", "ledger", "gcc", "g++", "git"):
        if not shutil.which(tool):
            raise SystemExit(f"bench: '{tool}' is missing (bash .ci/bootstrap --bench installs the peers)")
    up = os.path.abspath(args.bin)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="upward-bench-")
    try:
        empty, floor, peak = build_helpers(work)
        results = {s: measure(s, work, up, empty, floor, peak) for s in sizes}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = (f"# Benchmark results\n\nRegenerate with `python3 tests/bench/run.py` (see its docstring). Median "
            f"wall time in milliseconds over hyperfine runs, the ratio to an empty C++ program timed in the "
            f"same hyperfine run, growth from {label(sizes[0])} to {label(sizes[-1])} wins, and peak RSS. The "
            f"same entries in every tool: about five wins a working day.\n\n"
            f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}.  \n"
            f"Tools: {versions(up)}.\n\n## Operations\n\n{table(sizes, results)}\n\n## Targets (issue 14)\n\n"
            f"{targets(sizes, results)}\n")
    print(text)
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
