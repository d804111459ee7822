"""The shape of a take-home project folder under ``content/takehomes/<slug>/``.

project.yaml    title, task, metric, columns, public share, seed, baseline scores, difficulty, topics
brief.md        the candidate's brief: context, task, data dictionary, submission format, metric, report
generate.py     generate(seed) -> {"train": columns, "test": columns, "labels": columns}: a seeded process
solution.py     predict(train, test) -> columns: the reference solution whose scores are the baseline
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Column = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$", max_length=60)]


class Task(enum.StrEnum):
    BINARY = "binary_classification"
    MULTICLASS = "multiclass_classification"
    REGRESSION = "regression"
    FORECASTING = "forecasting"
    CLUSTERING = "clustering"
    TEXT = "text_classification"


class Prediction(enum.StrEnum):
    """What the prediction column holds, which decides how it is validated."""

    PROBABILITY = "probability"  # a number in [0, 1]
    LABEL = "label"  # one of the classes seen in training (integers or strings)
    VALUE = "value"  # any finite number
    CLUSTER = "cluster"  # any integer id; only the grouping matters


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    public: float
    private: float


class ProjectSpec(BaseModel):
    """``project.yaml``."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=120)]
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=300)]
    task: Task
    metric: str = Field(description="A name from the metric registry, e.g. roc_auc, average_precision, rmse.")
    prediction: Prediction
    id_column: Column = "id"
    prediction_column: Column = Field(description="The one column a submission adds beside the id.")
    target_column: Column = Field(description="The answer's column in train.csv and in the hidden labels.")
    public_share: float = Field(0.3, gt=0, lt=1, description="Share of test rows behind the public score.")
    seed: int
    difficulty: Annotated[str, StringConstraints(pattern=r"^(easy|medium|hard)$")]
    duration_hours: float = Field(gt=0, le=40)
    topics: list[str] = Field(min_length=1)
    competencies: list[str] = Field(min_length=1)
    baseline: Baseline = Field(description="solution.py's scores; CI recomputes them.")
