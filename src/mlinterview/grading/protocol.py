"""The one interface every grader implements."""

from __future__ import annotations

from typing import Protocol

from mlinterview.grading.results import GradeResult
from mlinterview.grading.spec import GradingSpec


class Grader(Protocol):
    """``__init__`` only stores configuration; ``grade`` is deterministic for the same input."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def grade(self, spec: GradingSpec, answer: str) -> GradeResult: ...
