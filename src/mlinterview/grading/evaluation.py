"""Measuring a grader against human grades: the standard protocol and the metrics the literature reports."""

from __future__ import annotations

import csv
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import cohen_kappa_score

from mlinterview.grading.spec import GradingSpec


@dataclass(frozen=True)
class Columns:
    question: str = "question"
    reference: str = "reference_answer"
    answer: str = "student_answer"
    score: str = "score_avg"
    group: str = "assignment"


@dataclass(frozen=True)
class Example:
    spec: GradingSpec
    answer: str
    score: float  # on the dataset's scale
    group: str


def read_dataset(
    path: Path, columns: Columns, max_score: float, labels: Mapping[str, float] | None = None
) -> list[Example]:
    """Rows of a CSV of human-graded answers; a missing column or a bad score is named with its line.

    ``labels`` turns a column of categorical grades ("correct", "incorrect") into scores.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [
            c
            for c in (columns.question, columns.reference, columns.answer, columns.score, columns.group)
            if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise ValueError(f"{path.name} has no column {', '.join(missing)}; its columns are {reader.fieldnames}")
        examples = []
        for row in reader:
            try:
                score = labels[row[columns.score]] if labels else float(row[columns.score])
            except KeyError:
                raise ValueError(
                    f"{path.name}:{reader.line_num}: label {row[columns.score]!r} has no score; "
                    f"give one with --label-score {row[columns.score]}=VALUE"
                ) from None
            except ValueError:
                raise ValueError(
                    f"{path.name}:{reader.line_num}: score {row[columns.score]!r} is not a number"
                ) from None
            spec = GradingSpec(prompt=row[columns.question], reference=row[columns.reference], max_score=max_score)
            examples.append(Example(spec, row[columns.answer], score, row[columns.group]))
    return examples


def metrics(predicted: Sequence[float], gold: Sequence[float], max_score: float, seconds: float) -> dict[str, float]:
    p, g = np.asarray(predicted, dtype=float), np.asarray(gold, dtype=float)
    return {
        "pearson": round(float(pearsonr(p, g)[0]), 4),
        "spearman": round(float(spearmanr(p, g)[0]), 4),
        "rmse": round(float(np.sqrt(np.mean((p - g) ** 2))), 4),
        "qwk": round(float(cohen_kappa_score(np.rint(p).astype(int), np.rint(g).astype(int), weights="quadratic")), 4),
        "answers_per_s": round(len(p) / seconds, 1) if seconds else 0.0,
        "n": len(p),
        "max_score": max_score,
    }


def group_folds(groups: Sequence[str]) -> list[np.ndarray]:
    """One fold per group (assignment): every test question is unseen in training."""
    values = np.asarray(groups)
    return [values == group for group in sorted(set(groups), key=_natural)]


def _natural(value: str) -> tuple[int, str]:
    return (int(value), "") if value.isdigit() else (1 << 30, value)


class Timer:
    def __enter__(self) -> Timer:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.started
