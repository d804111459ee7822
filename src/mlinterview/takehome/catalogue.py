"""The projects this deployment offers (the content folder's), their generated data, and scoring a file."""

from __future__ import annotations

import difflib
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from mlinterview.config import get_settings
from mlinterview.errors import NotFound
from mlinterview.takehome.bundle import Dataset, Project, load_projects, materialise
from mlinterview.takehome.metrics import Metric, get_metric
from mlinterview.takehome.predictions import Expected, read_predictions
from mlinterview.takehome.spec import Prediction

_lock = threading.Lock()


@cache
def projects() -> dict[str, Project]:
    return {p.slug: p for p in load_projects(get_settings().content_dir / "takehomes")}


def get(slug: str) -> Project:
    found = projects().get(slug)
    if found is None:
        close = difflib.get_close_matches(slug, list(projects()), n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        raise NotFound(f"There is no take-home project `{slug}`.{hint} `mlinterview takehome list` shows them all.")
    return found


def files(project: Project) -> Path:
    """The folder with train.csv, test.csv, labels.csv and data.zip, written on first use."""
    with _lock:
        return materialise(project, get_settings().data_dir / "takehomes")


@dataclass(frozen=True)
class Answers:
    """What scoring needs of a project, computed once per process."""

    expected: Expected
    public: np.ndarray  # mask of the public rows, in test-file order
    public_truth: np.ndarray  # the hidden labels of the public rows
    private_truth: np.ndarray  # and of the others
    metric: Metric


def answers(project: Project) -> Answers:
    with _lock:
        return _answers(project.slug, project.version)


@cache
def _answers(slug: str, version: str) -> Answers:
    project = get(slug)
    dataset: Dataset = project.generate()
    spec = project.spec
    ids = np.asarray(dataset.test[spec.id_column], dtype=np.int64)
    truth = np.asarray(dataset.labels[spec.target_column])
    classes = np.unique(np.asarray(dataset.train[spec.target_column])) if spec.prediction is Prediction.LABEL else None
    expected = Expected(
        id_column=spec.id_column, prediction_column=spec.prediction_column, ids=ids, kind=spec.prediction,
        classes=classes,
    )  # fmt: skip
    public = project.public_mask(len(ids))
    return Answers(expected, public, truth[public], truth[~public], get_metric(spec.metric))


@dataclass(frozen=True)
class Score:
    public: float
    private: float
    rows: int
    seconds: float


def score_file(project: Project, path: Path) -> Score:
    """Validate and score a predictions file; raises ``PredictionError`` with what to fix."""
    started = time.perf_counter()
    known = answers(project)
    predicted = read_predictions(path, known.expected)
    public = known.metric.score(known.public_truth, np.compress(known.public, predicted))
    private = known.metric.score(known.private_truth, np.compress(~known.public, predicted))
    return Score(float(public), float(private), len(predicted), time.perf_counter() - started)
