"""Submission latency and throughput of the sandbox on this machine.

    .venv/bin/python bench/sandbox_speed.py [--submissions 60]

A typical exercise (precision-recall-f1: 3 visible and 18 hidden cases) is graded end to end through the
bubblewrap runner: one sandbox per submission, numpy imported once, each case in a forked child, with a warm
pool of --warm sandboxes started ahead of time (as the app runs it). Printed beside it: the bare interpreter
(Debian's Python starting and exiting, no sandbox), an empty sandbox run, and the same submission cold.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from mlinterview.exercises.judging import Judgement


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(work: Callable[[], Judgement]) -> float:
    started = time.perf_counter()
    judgement = work()
    assert judgement.passed == judgement.total, judgement.problem
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--warm", type=int, default=4, help="sandboxes kept ready (the app's sandbox_warm)")
    parser.add_argument("--concurrency", type=int, default=2, help="submissions graded at a time, sustained")
    args = parser.parse_args()

    from mlinterview.config import BUNDLED_CONTENT, get_settings
    from mlinterview.exercises.bundle import load_exercise
    from mlinterview.exercises.judging import judge, warm
    from mlinterview.sandbox import Limits, get_runner

    runtime = get_settings().sandbox_runtime.resolve()
    runner = get_runner("bubblewrap", runtime)
    pool = warm(runner, args.warm)
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

    cold = [timed(lambda: judge(exercise, exercise.solution, runner)) for _ in range(10)]

    latencies = []
    for _ in range(args.submissions):
        time.sleep(0.2)  # a submission arriving now and then finds the pool ready
        latencies.append(timed(lambda: judge(exercise, exercise.solution, pool)))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as threads:
        list(threads.map(lambda _: judge(exercise, exercise.solution, pool), range(args.submissions * 2)))
    rate = args.submissions * 2 / (time.perf_counter() - started)
    pool.close()  # type: ignore[attr-defined]

    cases = len(exercise.visible_cases()) + len(exercise.hidden_cases())
    print(f"bare interpreter (no sandbox): median {statistics.median(bare):.0f} ms")
    print(f"empty sandbox run: median {statistics.median(empty):.0f} ms")
    print(f"one submission, cold sandbox: median {statistics.median(cold):.0f} ms")
    print(
        f"one submission ({cases} cases, warm pool of {args.warm}): p50 {percentile(latencies, 0.5):.0f} ms, "
        f"p95 {percentile(latencies, 0.95):.0f} ms over {len(latencies)}"
    )
    print(f"sustained, {args.concurrency} at a time: {rate:.1f} submissions/s")


if __name__ == "__main__":
    main()
