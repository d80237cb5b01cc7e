#!/usr/bin/env python3
"""Speed of upward's commands against an empty C++ program's start, on synthetic history.

    python3 tests/bench/bench.py [--bin build/upward] [--years 5] [--runs 30]

Writes a repository of YEARS years of wins (20 a week), goals, people and weekly 1:1s into a temporary
folder, then times each command RUNS times and prints the median and the 90th percentile
in milliseconds. Not part of the test suite: speed is measured here, never asserted.
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def make_repo(binary, root, years):
    subprocess.run([binary, "--dir", root, "-q", "init", "--name", "Bench", "--email", "b@example.com"],
                   check=True, env=dict(os.environ, PATH="/nonexistent"))  # no git: time upward, not git
    for i in range(20):
        write(f"{root}/goals/goal-{i}.toml", f'title = "Goal {i}"\nowner = "me"\ncreated = 2020-01-01\n'
              + "".join(f"\n[[update]]\ndate = 2020-02-{d:02d}\nprogress = {d}\n" for d in range(1, 20)))
    subprocess.run([binary, "--dir", root, "-q", "people", "add", "dana", "--name", "Dana", "--relationship", "manager",
                    "--cadence", "weekly", "--priority", "Ship the launch"], stdout=subprocess.DEVNULL,
                   check=True, env=dict(os.environ, PATH="/nonexistent"))  # the primary manager
    day = datetime.date(2026, 11, 23) - datetime.timedelta(days=365 * years)
    # a weekly 1:1 with Dana over the whole history: a record with two actions, a topic covered
    meet, k = day, 0
    while meet < datetime.date(2026, 11, 23):
        write(f"{root}/1on1s/dana/topics/{meet}-topic-{k}.toml", f'date = {meet}\nkind = "idea"\ntext = "Idea {k}"\n')
        write(f"{root}/1on1s/dana/{meet}.toml",
              f'date = {meet}\ntopics = ["{meet}-topic-{k}"]\nnotes = "Talked about idea {k}"\n'
              f'\n[[action]]\nid = "action-{k}-a"\nowner = "me"\ntext = "Follow up on idea {k}"\n'
              f'due = {meet + datetime.timedelta(days=7)}\ndone = {meet + datetime.timedelta(days=5)}\n'
              f'\n[[action]]\nid = "action-{k}-b"\nowner = "dana"\ntext = "Review idea {k}"\n'
              f'done = {meet + datetime.timedelta(days=3)}\n')
        meet += datetime.timedelta(days=7)
        k += 1
    n = 0
    while day <= datetime.date(2026, 11, 23):
        if day.weekday() < 5:
            for k in range(4):
                write(f"{root}/wins/{day:%Y/%m}/{day}-synthetic-win-{k}.toml",
                      f'date = {day}\ntitle = "Synthetic win {n} with a title of ordinary length"\n'
                      f'impact = "Saved the team some hours"\ntags = ["perf", "bench"]\ngoals = ["goal-{n % 20}"]\n')
                n += 1
        day += datetime.timedelta(days=1)
    return n


def timed(argv, runs, env):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        if r.returncode not in (0, 3):  # 3: `nudge` has something to say
            raise subprocess.CalledProcessError(r.returncode, argv)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/upward")
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="upward-bench-")
    try:
        root = os.path.join(tmp, "repo")
        wins = make_repo(args.bin, root, args.years)
        empty_src = os.path.join(tmp, "empty.cpp")
        write(empty_src, "int main() { return 0; }\n")
        subprocess.run(["g++", "-O2", "-o", os.path.join(tmp, "empty"), empty_src], check=True)
        env = dict(os.environ, UPWARD_DIR=root, UPWARD_TODAY="2026-11-23")
        print(f"{wins} wins over {args.years} years; {args.runs} runs each; milliseconds")
        print(f"{'command':44} {'median':>8} {'p90':>8}")
        cases = [
            ("empty C++ program", [os.path.join(tmp, "empty")]),
            ("upward --version", [args.bin, "--version"]),
            ("upward log-win (no git)", [args.bin, "-q", "log-win", "Benchmark win", "-t", "bench", "-g", "goal-1"]),
            ("upward goals", [args.bin, "goals"]),
            ("upward goals align (this quarter)", [args.bin, "goals", "align"]),
            ("upward prep-1on1 (dana, a week)", [args.bin, "prep-1on1"]),
            ("upward digest (this week)", [args.bin, "digest"]),
            ("upward nudge (a year of follow-ups)", [args.bin, "nudge"]),
            ("upward digest 2026 (a year's packet)", [args.bin, "digest", "2026", "--group-by", "section"]),
            ("upward goals show goal-1 (all history)", [args.bin, "goals", "show", "goal-1"]),
            ("upward check (every file)", [args.bin, "check"]),
        ]
        for name, argv in cases:
            runs = args.runs if "check" not in name and "show" not in name else max(3, args.runs // 10)
            median, p90 = timed(argv, runs, env)
            print(f"{name:44} {median:8.1f} {p90:8.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
