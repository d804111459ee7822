"""Training the learned grader: features of human-graded answers, an averaged ridge + boosted-trees regression."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlinterview.grading.evaluation import Example
from mlinterview.grading.features import features, prefetch
from mlinterview.grading.learned import SCALE, TrainedModel
from mlinterview.grading.similarity import MiniLM
from mlinterview.grading.text import normalise, truncate

SEED = 13
CHUNK = 512


def feature_matrix(examples: Sequence[Example], similarity: MiniLM | None = None) -> np.ndarray:
    similarity = similarity or MiniLM()
    answers = [truncate(normalise(e.answer))[0] or " " for e in examples]
    rows = []
    for start in range(0, len(examples), CHUNK):  # so that the encoded sentences stay in the cache until used
        chunk = list(zip(examples[start : start + CHUNK], answers[start : start + CHUNK], strict=True))
        prefetch(similarity, [(e.spec, a) for e, a in chunk])
        rows += [features(similarity, e.spec, a) for e, a in chunk]
    return np.array(rows)


def targets(examples: Sequence[Example]) -> np.ndarray:
    """Grades on the model's 0-5 scale, whatever each dataset's own scale."""
    return np.array([e.score / e.spec.max_score * SCALE for e in examples])


def fit(rows: np.ndarray, grades: np.ndarray, trained_on: str) -> TrainedModel:
    estimators = (
        make_pipeline(StandardScaler(), Ridge(alpha=3.0)).fit(rows, grades),
        GradientBoostingRegressor(
            n_estimators=150, max_depth=2, learning_rate=0.05, subsample=0.8, random_state=SEED
        ).fit(rows, grades),
    )
    digest = hashlib.sha256(rows.tobytes() + grades.tobytes()).hexdigest()[:8]
    return TrainedModel(estimators=estimators, trained_on=trained_on, version=f"1-{digest}")


def save(model: TrainedModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)
