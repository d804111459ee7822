"""Explainable grading of free-text answers: a pure library (no database, no web).

from mlinterview.grading import GradingSpec, KeyPoint, get_grader
result = get_grader().grade(GradingSpec(prompt=..., reference=..., key_points=(KeyPoint(...),)), answer)
"""

from mlinterview.grading.protocol import Grader
from mlinterview.grading.registry import DEFAULT, GraderName, get_grader
from mlinterview.grading.results import FlagHit, GradeResult, PointResult, PointStatus
from mlinterview.grading.spec import GradingSpec, KeyPoint, RedFlag

__all__ = [
    "DEFAULT",
    "FlagHit",
    "GradeResult",
    "Grader",
    "GraderName",
    "GradingSpec",
    "KeyPoint",
    "PointResult",
    "PointStatus",
    "RedFlag",
    "get_grader",
]
