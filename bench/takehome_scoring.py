"""Speed and memory of scoring a take-home submission: our reader and metrics against pandas + scikit-learn.

    .venv/bin/python bench/takehome_scoring.py [--rows 1000000] [--big-rows 10000000]

Writes into a temporary folder a realistic submission (the header ``id,prob``, then every test id once, shuffled,
each with a probability of about 12 significant digits, as pandas' ``to_csv`` writes them), the hidden labels and
the public mask; then times, on the same files, in the same run:

(a) ours: ``read_predictions`` (parse, validate, align by id), then roc_auc and average_precision on the public
    and on the private rows;
(b) pandas: ``read_csv``, alignment by ``set_index(id).reindex(test ids)``, then scikit-learn's
    ``roc_auc_score`` and ``average_precision_score`` on the same rows. The production workload (one metric: ROC
    AUC, on both subsets) is timed on both sides as well, and each speed-up is printed. Both sides take the subsets
    with ``np.compress`` (boolean indexing, ``values[mask]``, is several times slower on a patternless mask);
(c) peak memory: every measurement runs in a fresh Python process of its own, which reports its ``ru_maxrss``
    (the peak resident memory of that process, imports included) and its resident memory once its imports are
    done and the answers loaded; the difference is at most what scoring added;
(d) a --big-rows submission scored by our path alone, once, in a fresh process: time and peak memory.

Times are wall-clock medians of 3 runs after one warm-up run (a scoring worker is a long-lived process); the CPU
time of the same runs (all threads) is printed beside them, so the use of the second core shows. The id lookup is
built before timing, as the app builds it once per project. On a shared machine, rerun: other processes' load
shows as wall time close to CPU time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SEED = 20260101
PUBLIC_SHARE = 0.3
REPEATS = 3


# -- the data --------------------------------------------------------------------------------------------------------


def write_dataset(folder: Path, rows: int, seed: int) -> None:
    """submission.csv, with truth.npy (0/1 labels in test order), ids.npy (test ids in test order) and public.npy."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    rng = np.random.default_rng(seed)
    # Test ids as a split leaves them: ascending, with gaps, not starting at 0.
    ids = np.sort(rng.choice(3 * rows, size=rows, replace=False)).astype(np.int64) + 100_000
    probabilities = np.round(rng.beta(0.8, 2.5, size=rows), 12)
    truth = (rng.random(rows) < probabilities).astype(np.int8)  # the labels follow the predicted probability
    public = np.zeros(rows, dtype=bool)
    public[rng.permutation(rows)[: round(rows * PUBLIC_SHARE)]] = True
    order = rng.permutation(rows)  # the candidate's file lists the ids in its own order
    with (folder / "submission.csv").open("wb") as handle:
        handle.write(b"id,prob\n")
        table = pa.table({"id": ids[order], "prob": probabilities[order]})
        pacsv.write_csv(table, handle, write_options=pacsv.WriteOptions(include_header=False))
    np.save(folder / "ids.npy", ids)
    np.save(folder / "truth.npy", truth)
    np.save(folder / "public.npy", public)


# -- what each child process measures --------------------------------------------------------------------------------


def ours(folder: Path, metrics: tuple[str, ...]) -> Callable[[], list[float]]:
    from mlinterview.takehome.metrics import get_metric
    from mlinterview.takehome.predictions import Expected, read_predictions
    from mlinterview.takehome.spec import Prediction

    ids, truth, public = (np.load(folder / name) for name in ("ids.npy", "truth.npy", "public.npy"))
    path = folder / "submission.csv"
    # The default limit (200 MB of CSV) is below what --big-rows rows of 12-digit probabilities take.
    expected = Expected("id", "prob", ids, Prediction.PROBABILITY, None, max_bytes=path.stat().st_size + 1)
    _ = expected.index  # the id lookup is built once per project (the app keeps its Expected), not per file
    scorers = [get_metric(name) for name in metrics]
    private = ~public

    def run() -> list[float]:
        predicted = read_predictions(path, expected)
        subsets = [(np.compress(mask, truth), np.compress(mask, predicted)) for mask in (public, private)]
        return [metric.score(labels, scores) for metric in scorers for labels, scores in subsets]

    return run


def pandas_sklearn(folder: Path, metrics: tuple[str, ...]) -> Callable[[], list[float]]:
    import pandas as pd  # type: ignore[import-untyped]
    from sklearn.metrics import average_precision_score, roc_auc_score

    ids, truth, public = (np.load(folder / name) for name in ("ids.npy", "truth.npy", "public.npy"))
    path = folder / "submission.csv"
    scorers = [{"roc_auc": roc_auc_score, "average_precision": average_precision_score}[name] for name in metrics]
    private = ~public

    def run() -> list[float]:
        frame = pd.read_csv(path)
        predicted = frame.set_index("id")["prob"].reindex(ids).to_numpy()
        subsets = [(np.compress(mask, truth), np.compress(mask, predicted)) for mask in (public, private)]
        return [float(metric(labels, scores)) for metric in scorers for labels, scores in subsets]

    return run


def child(side: str, folder: Path, metrics: tuple[str, ...], repeats: int) -> None:
    """Runs in a fresh process: times ``repeats`` runs (after a warm-up when repeating) and prints one JSON line."""
    run = ours(folder, metrics) if side == "ours" else pandas_sklearn(folder, metrics)
    resident_before = _resident_bytes()
    if repeats > 1:
        run()  # warm-up: page cache, thread pools, lazy imports
    walls, cpus, scores = [], [], []
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        scores = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    print(json.dumps({"walls": walls, "cpus": cpus, "scores": scores, "peak": peak, "before": resident_before}))


def _resident_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measurement:
    walls: list[float]
    cpus: list[float]
    scores: list[float]
    peak: int  # bytes: the process's ru_maxrss
    before: int  # bytes resident after imports and loading the answers

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    def timing(self) -> str:
        runs = ", ".join(_ms(wall) for wall in self.walls)
        return f"{_ms(self.wall)} wall (median of {len(self.walls)}: {runs}), {_ms(self.cpu)} CPU"

    def memory(self) -> str:
        return (
            f"{_mb(self.peak)} peak (ru_maxrss of its own fresh process; {_mb(self.before)} resident after imports "
            f"and loading the answers, so scoring added at most {_mb(self.peak - self.before)})"
        )


def measure(side: str, folder: Path, metrics: tuple[str, ...], repeats: int = REPEATS) -> Measurement:
    """Runs one measurement in a fresh Python process, so that its peak memory is its own."""
    command = [sys.executable, __file__, "--child", side, "--folder", str(folder), "--metrics", ",".join(metrics)]
    command += ["--repeats", str(repeats)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - our own script
    return Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))


# -- the report ------------------------------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def _machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as handle:
        model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), model)
    import pandas
    import pyarrow
    import sklearn

    return (
        f"{os.cpu_count()} CPUs ({model}), Python {sys.version.split()[0]}, numpy {np.__version__}, "
        f"pyarrow {pyarrow.__version__}, pandas {pandas.__version__}, scikit-learn {sklearn.__version__}"
    )


def compare(folder: Path, metrics: tuple[str, ...], ours_label: str, theirs_label: str) -> tuple[Measurement, ...]:
    mine, theirs = measure("ours", folder, metrics), measure("pandas", folder, metrics)
    print(f"{ours_label}: {mine.timing()}")
    print(f"{theirs_label}: {theirs.timing()}")
    print(f"speed-up: {theirs.wall / mine.wall:.1f}x wall-clock, {theirs.cpu / mine.cpu:.1f}x CPU time")
    difference = float(np.max(np.abs(np.array(mine.scores) - np.array(theirs.scores))))
    print(f"largest difference between our scores and scikit-learn's: {difference:.1e}")
    return mine, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=10_000_000, help="0 skips the large file")
    parser.add_argument("--child", choices=["ours", "pandas"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--metrics", default="roc_auc,average_precision", help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=REPEATS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    metrics = tuple(args.metrics.split(","))
    if args.child:
        child(args.child, args.folder, metrics, args.repeats)
        return

    print(f"machine: {_machine()}")
    with tempfile.TemporaryDirectory(prefix="takehome-bench-") as temporary:
        folder = Path(temporary) / "standard"
        folder.mkdir()
        started = time.perf_counter()
        write_dataset(folder, args.rows, SEED)
        size = (folder / "submission.csv").stat().st_size
        print(f"submission: {args.rows:,} rows, {_mb(size)} of CSV (written in {time.perf_counter() - started:.1f} s)")
        both = ("roc_auc", "average_precision")
        mine, theirs = compare(
            folder,
            both,
            "(a) ours: read_predictions, then roc_auc and average_precision on public and private",
            "(b) pandas.read_csv, reindex by id, then sklearn roc_auc_score and average_precision_score, same rows",
        )
        compare(
            folder,
            ("roc_auc",),
            "(a') ours, roc_auc alone (what scoring a submission does): read, then public and private",
            "(b') pandas + sklearn, roc_auc_score alone: read, reindex, then public and private",
        )
        print(f"(c) memory, ours: {mine.memory()}")
        print(f"(c) memory, pandas + sklearn: {theirs.memory()}")
        if args.big_rows:
            big = Path(temporary) / "big"
            big.mkdir()
            write_dataset(big, args.big_rows, SEED + 1)
            size = (big / "submission.csv").stat().st_size
            print(f"big submission: {args.big_rows:,} rows, {_mb(size)} of CSV (max_bytes raised to fit it)")
            result = measure("ours", big, both, repeats=1)
            print(f"(d) ours, {args.big_rows:,} rows, roc_auc and average_precision: {result.timing()} (one cold run)")
            print(f"(d) memory, ours: {result.memory()}; the aligned float64 result alone is {_mb(8 * args.big_rows)}")


if __name__ == "__main__":
    main()
