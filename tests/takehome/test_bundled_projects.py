"""Every bundled project: a complete brief, reproducible data that hides its labels, and a baseline that the
platform's own scoring recomputes from the reference solution."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.takehome.bundle import load_projects, write_csv
from mlinterview.takehome.metrics import get_metric
from mlinterview.takehome.predictions import Expected, read_predictions
from mlinterview.takehome.spec import Prediction

PROJECTS = load_projects(BUNDLED_CONTENT / "takehomes")
SECTIONS = ["## Context", "## Task", "## Data", "## Submission format", "## Metric", "## What your report", "## Time"]


def test_there_are_at_least_six_projects_of_the_kinds_asked_for() -> None:
    tasks = {p.spec.task.value for p in PROJECTS}
    assert len(PROJECTS) >= 6
    assert {"binary_classification", "regression", "multiclass_classification", "forecasting", "clustering"} <= tasks


@pytest.mark.parametrize("project", PROJECTS, ids=[p.slug for p in PROJECTS])
def test_the_project_is_complete_and_its_baseline_is_what_scoring_gives(project, tmp_path: Path) -> None:
    spec = project.spec
    assert all(section in project.brief for section in SECTIONS)
    assert f"{spec.id_column},{spec.prediction_column}" in project.brief  # the exact header is in the brief
    data = project.generate()
    again = project.generate()
    for name in ("train", "test", "labels"):
        first, second = getattr(data, name), getattr(again, name)
        assert list(first) == list(second)
        assert all(np.array_equal(first[k], second[k], equal_nan=first[k].dtype.kind == "f") for k in first)
    assert spec.target_column in data.train
    assert spec.target_column not in data.test
    assert list(data.labels) == [spec.id_column, spec.target_column]
    ids = np.asarray(data.test[spec.id_column])
    assert np.array_equal(ids, data.labels[spec.id_column])
    assert len(np.unique(np.concatenate([ids, data.train[spec.id_column]]))) == len(ids) + len(
        data.train[spec.id_column]
    )

    predicted = project.reference(data)
    path = tmp_path / "reference.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(
            {spec.id_column: predicted[spec.id_column], spec.prediction_column: predicted[spec.prediction_column]},
            handle,
        )
    classes = np.unique(data.train[spec.target_column]) if spec.prediction is Prediction.LABEL else None
    expected = Expected(spec.id_column, spec.prediction_column, ids.astype(np.int64), spec.prediction, classes)
    aligned = read_predictions(path, expected)  # what an upload of the reference goes through
    truth, public = data.labels[spec.target_column], project.public_mask(len(ids))
    metric = get_metric(spec.metric)
    assert spec.prediction in metric.accepts
    assert metric.score(truth[public], aligned[public]) == pytest.approx(spec.baseline.public, abs=1e-6)
    assert metric.score(truth[~public], aligned[~public]) == pytest.approx(spec.baseline.private, abs=1e-6)
