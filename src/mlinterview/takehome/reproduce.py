"""Does the uploaded code give the uploaded predictions? It runs in the sandbox on the project's data.

The convention, stated on the upload form: a zip with ``predict.py`` at its top (or in one top folder), run as
``python predict.py TRAIN_CSV TEST_CSV OUTPUT_CSV``. A small wrapper of ours runs it and sends the output file
back over the result pipe, so the supervisor never opens a file the sandbox wrote.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlinterview.config import get_settings
from mlinterview.sandbox import Limits, SandboxUnavailable, get_runner
from mlinterview.sandbox.registry import Runner
from mlinterview.takehome.predictions import Expected, PredictionError, read_predictions

MAX_UNPACKED = 50 * 1024 * 1024
LIMITS = Limits(wall_s=300, cpu_s=600, memory_mb=2048, processes=16, file_mb=64, output_kb=256, tmp_mb=256)
RTOL, ATOL = 1e-6, 1e-9
WRAPPER = b"""import os, runpy, sys
task = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(os.getcwd(), "predictions.csv")
sys.argv = ["predict.py", os.path.join(task, "data", "train.csv"), os.path.join(task, "data", "test.csv"), out]
sys.path.insert(0, os.path.join(task, "code"))
runpy.run_path(os.path.join(task, "code", "predict.py"), run_name="__main__")
with open(out, "rb") as made, open(3, "wb", closefd=False) as channel:
    channel.write(made.read())
"""


@dataclass(frozen=True)
class Reproduction:
    status: str  # match, mismatch, error (the code failed), skipped (nothing we can run)
    detail: str
    rows: int = 0
    matching: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def reproduce(data: Path, code: Path, uploaded: np.ndarray, expected: Expected) -> Reproduction:
    """Run the code on ``data``'s train.csv and test.csv and compare its predictions with ``uploaded``."""
    if code.suffix == ".ipynb":
        return Reproduction("skipped", "Notebooks are shown to reviewers but not run; upload a zip with predict.py.")
    try:
        sources = _unpack(code)
    except ValueError as error:
        return Reproduction("skipped", str(error))
    try:
        runner = _runner()
    except SandboxUnavailable as error:
        return Reproduction("skipped", f"The sandbox cannot run code here: {error}.")
    files = {f"code/{name}": content for name, content in sources.items()}
    files |= {"data/train.csv": (data / "train.csv").read_bytes(), "data/test.csv": (data / "test.csv").read_bytes()}
    files["wrapper.py"] = WRAPPER
    run = runner.run(files, ["python", "/task/wrapper.py"], LIMITS)
    if run.status.value != "ok" or not run.channel:
        tail = (run.stderr.strip().splitlines() or [run.status.value])[-1][:300]
        return Reproduction("error", f"predict.py did not finish ({run.status.value}): {tail}")
    with tempfile.TemporaryDirectory() as folder:
        made = Path(folder) / "predictions.csv"
        made.write_bytes(run.channel)
        try:
            produced = read_predictions(made, expected)
        except PredictionError as error:
            return Reproduction("error", f"predict.py wrote predictions that are not valid: {error}")
    same = _same(produced, uploaded)
    matching = int(same.sum())
    status = "match" if matching == len(same) else "mismatch"
    detail = f"{matching:,} of {len(same):,} predictions agree" + (
        "" if status == "match" else " (seed every random step)"
    )
    return Reproduction(status, detail, len(same), matching)


def _same(produced: np.ndarray, uploaded: np.ndarray) -> np.ndarray:
    if produced.dtype.kind == "f" and uploaded.dtype.kind == "f":
        return np.asarray(np.isclose(produced, uploaded, rtol=RTOL, atol=ATOL))
    return np.asarray(produced == uploaded)


def _unpack(code: Path) -> dict[str, bytes]:
    """The zip's files, relative to the folder holding predict.py; refuses unsafe or oversized archives."""
    with zipfile.ZipFile(code) as archive:
        entries = [e for e in archive.infolist() if not e.is_dir()]
        if sum(e.file_size for e in entries) > MAX_UNPACKED:
            raise ValueError(f"The code unpacks to more than {MAX_UNPACKED // 2**20} MB; leave the data out of it.")
        names = [e.filename for e in entries]
        roots = [name[: -len("predict.py")] for name in names if name == "predict.py" or name.endswith("/predict.py")]
        if not roots:
            raise ValueError("The zip has no predict.py, so it cannot be re-run (python predict.py TRAIN TEST OUT).")
        root = min(roots, key=len)
        files = {}
        for entry in entries:
            name = entry.filename
            if not name.startswith(root) or name.startswith("/") or ".." in Path(name).parts:
                continue
            files[name[len(root) :]] = archive.read(entry)
    return files


def _runner() -> Runner:
    settings = get_settings()
    return get_runner(
        settings.sandbox_runner, settings.sandbox_runtime.resolve(), verified=settings.env == "production"
    )
