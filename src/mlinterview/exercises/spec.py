"""The shape of an exercise folder under ``content/exercises/<slug>/``.

exercise.yaml   title, function, difficulty, topics, competencies, limits, tolerance, imports, statement, hints
starter.py      what the candidate starts from
solution.py     the reference solution (never shown to candidates)
cases.py        visible() and hidden(rng) test cases, and optionally check(args, expected, got)
wrong/*.py      plausible wrong solutions the hidden tests must reject
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Name = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$", max_length=60)]


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Tolerance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rtol: float = Field(1e-6, ge=0, le=1)
    atol: float = Field(1e-9, ge=0, le=1)


class ExerciseSpec(BaseModel):
    """``exercise.yaml``."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=100)]
    function: Name = Field(description="The function the candidate implements; the tests call it.")
    difficulty: Difficulty
    topics: list[str] = Field(min_length=1)
    competencies: list[str] = Field(min_length=1)
    time_limit_s: float = Field(2.0, gt=0, le=30, description="Per test case.")
    memory_mb: int = Field(256, ge=64, le=2048)
    tolerance: Tolerance = Tolerance()
    allowed_imports: list[Name] = Field(default_factory=lambda: ["math", "numpy"])
    seed: int = Field(description="Seeds the hidden-case generator, so every candidate gets the same cases.")
    statement: Annotated[str, StringConstraints(strip_whitespace=True, min_length=80)]
    hints: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=10)]] = Field(min_length=1)


class Case(BaseModel):
    """One call of the candidate's function: positional and keyword arguments, named and categorised."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    category: Annotated[str, StringConstraints(min_length=1, max_length=80)] = "basic"
    args: list[Any] = Field(default_factory=list)
    kwargs: dict[str, Any] = Field(default_factory=dict)
