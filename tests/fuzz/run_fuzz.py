#!/usr/bin/env python3
"""Run one libFuzzer target for a while on a temporary copy of its seed corpus.

    run_fuzz.py TARGET CORPUS SECONDS ARTIFACTS [LIBFUZZER_FLAG...]

The repository's corpus is never written: the target runs on a copy in a temporary folder
(removed afterwards). An input that crashes, leaks, hits undefined behaviour or times out is saved
under ARTIFACTS (crash-HASH, leak-HASH, ...) and printed, and the run fails. To keep what a long
run found, pass your own corpus folder to the target instead (see README).
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    target, corpus, seconds, artifacts = sys.argv[1:5]
    extra = sys.argv[5:]
    os.makedirs(artifacts, exist_ok=True)
    name = os.path.basename(target)
    with tempfile.TemporaryDirectory(prefix=f"upward-{name}-") as tmp:
        work = os.path.join(tmp, "corpus")
        shutil.copytree(corpus, work)
        seeds = len(os.listdir(work))
        prefix = os.path.join(artifacts, name + "-")
        # a fixed seed: a CI run explores the same inputs each time (UPWARD_FUZZ_SEED=0: a random one)
        seed = os.environ.get("UPWARD_FUZZ_SEED", "1")
        cmd = [target, f"-max_total_time={seconds}", f"-seed={seed}", "-timeout=10", "-rss_limit_mb=2048", "-max_len=4096",
               "-print_final_stats=1", f"-artifact_prefix={prefix}", *extra, work]
        print("run:", " ".join(cmd), f"({seeds} seeds)", flush=True)
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        # libFuzzer's log goes to stderr: keep only the start and end of it (the end has the report)
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        lines = r.stdout.decode("utf-8", "replace").splitlines()
        shown = lines if len(lines) <= 80 else lines[:20] + ["..."] + lines[-60:]
        print("\n".join(shown))
        if r.returncode != 0:
            for line in lines:
                if "Test unit written to" in line:
                    path = line.split("Test unit written to", 1)[1].strip()
                    try:
                        with open(path, "rb") as f:
                            print(f"the input ({path}): {f.read()!r}")
                    except OSError:
                        pass
            print(f"{name}: failed (exit {r.returncode}); reproduce with: {target} FILE", file=sys.stderr)
            return 1
        print(f"{name}: no failure in {seconds} s")
        return 0


if __name__ == "__main__":
    sys.exit(main())
