"""Submission latency and throughput of the sandbox on this machine.

    .venv/bin/python bench/sandbox_speed.py [--submissions 60]

A typical exercise (precision-recall-f1: 3 visible and 18 hidden cases) is graded end to end through the
bubblewrap runner: one sandbox per submission, numpy imported once, each case in a forked child. Printed
beside it: the bare interpreter (Debian's Python starting and exiting, no sandbox) and an empty sandbox run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=60)
    args = parser.parse_args()

    from mlinterview.config import BUNDLED_CONTENT, get_settings
    from mlinterview.exercises.bundle import load_exercise
    from mlinterview.exercises.judging import judge
    from mlinterview.sandbox import Limits, get_runner

    runtime = get_settings().sandbox_runtime.resolve()
    runner = get_runner("bubblewrap", runtime)
    exercise = load_exercise(BUNDLED_CONTENT / "exercises" / "precision-recall-f1")
    judge(exercise, exercise.solution, runner)  # computes the expected outputs once, outside the timing

    bare = []
    for _ in range(20):
        started = time.perf_counter()
        subprocess.run([str(runtime / "bin" / "python"), "-c", "pass"], check=True)  # noqa: S603
        bare.append((time.perf_counter() - started) * 1000)
    empty = []
    for _ in range(20):
        started = time.perf_counter()
        runner.run({"main.py": b"pass\n"}, ["python", "/task/main.py"], Limits())
        empty.append((time.perf_counter() - started) * 1000)

    latencies = []
    for _ in range(args.submissions):
        started = time.perf_counter()
        judgement = judge(exercise, exercise.solution, runner)
        latencies.append((time.perf_counter() - started) * 1000)
        assert judgement.passed == judgement.total

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: judge(exercise, exercise.solution, runner), range(args.submissions)))
    rate = args.submissions / (time.perf_counter() - started)

    cases = len(exercise.visible_cases()) + len(exercise.hidden_cases())
    print(f"bare interpreter (no sandbox): median {statistics.median(bare):.0f} ms")
    print(f"empty sandbox run: median {statistics.median(empty):.0f} ms")
    print(
        f"one submission ({cases} cases, numpy imported): p50 {percentile(latencies, 0.5):.0f} ms, "
        f"p95 {percentile(latencies, 0.95):.0f} ms over {len(latencies)}"
    )
    print(f"sustained, 4 at a time: {rate:.1f} submissions/s")


if __name__ == "__main__":
    main()
