"""The default grader: a regression over alignment, lexical, embedding and coverage features.

The model is trained by ``mlinterview grading train`` on human-graded answers and shipped as
``grading/models/default.joblib``; it predicts a 0-5 grade, which is divided by 5.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from mlinterview.grading.base import assemble, empty_result, prepare
from mlinterview.grading.features import features, prefetch
from mlinterview.grading.results import GradeResult
from mlinterview.grading.similarity import MiniLM
from mlinterview.grading.spec import GradingSpec

MODEL_FILE = Path(str(files("mlinterview.grading") / "models" / "default.joblib"))
SCALE = 5.0


@dataclass(frozen=True)
class TrainedModel:
    estimators: tuple[Any, ...]  # averaged
    trained_on: str
    version: str

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(np.mean([estimator.predict(rows) for estimator in self.estimators], axis=0), dtype=float)


@cache
def shipped_model(path: Path = MODEL_FILE) -> TrainedModel:
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: train it with `mlinterview grading train`")
    model: TrainedModel = joblib.load(path)  # our own file, shipped in the package
    return model


class LearnedGrader:
    name = "learned"
    off_topic = 0.3

    def __init__(self, model: TrainedModel | None = None) -> None:
        self._model = model
        self.similarity = MiniLM()

    @property
    def model(self) -> TrainedModel:
        return self._model or shipped_model()

    @property
    def version(self) -> str:
        return self.model.version

    def grade(self, spec: GradingSpec, answer: str) -> GradeResult:
        return self.grade_many([(spec, answer)])[0]

    def grade_many(self, items: Sequence[tuple[GradingSpec, str]]) -> list[GradeResult]:
        """Grade a batch: every text is embedded in one pass, then each answer is scored."""
        prepared = [(spec, *prepare(answer)) for spec, answer in items]
        prefetch(self.similarity, [(spec, text) for spec, text, _ in prepared if text])  # one pass for the batch
        rows = [features(self.similarity, spec, text) for spec, text, _ in prepared if text]
        predictions: Iterator[float] = iter(self.model.predict(np.array(rows)) / SCALE if rows else [])
        return [
            assemble(
                spec,
                self.similarity,
                text,
                notes,
                float(next(predictions)),
                name=self.name,
                version=self.version,
                off_topic=self.off_topic,
            )
            if text
            else empty_result(spec, self.name, self.version, notes)
            for spec, text, notes in prepared
        ]
