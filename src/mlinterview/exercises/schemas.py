"""What the API says about exercises and submissions."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from mlinterview.exercises.bundle import Exercise
from mlinterview.exercises.models import Decision, SubmissionKind, SubmissionStatus
from mlinterview.exercises.spec import Difficulty


class ExerciseSummary(BaseModel):
    slug: str
    title: str
    function: str
    difficulty: Difficulty
    topics: list[str]
    competencies: list[str]

    @classmethod
    def of(cls, exercise: Exercise) -> ExerciseSummary:
        spec = exercise.spec
        return cls(
            slug=exercise.slug,
            title=spec.title,
            function=spec.function,
            difficulty=spec.difficulty,
            topics=spec.topics,
            competencies=spec.competencies,
        )


class ExerciseRead(ExerciseSummary):
    statement: str = Field(description="Markdown: the task, the signature, examples and constraints.")
    starter: str
    hints: list[str]
    allowed_imports: list[str]
    time_limit_s: float = Field(description="Per test.")
    memory_mb: int
    visible_tests: int
    hidden_tests: int

    @classmethod
    def of(cls, exercise: Exercise) -> ExerciseRead:
        spec = exercise.spec
        return cls(
            **ExerciseSummary.of(exercise).model_dump(),
            statement=spec.statement,
            starter=exercise.starter,
            hints=spec.hints,
            allowed_imports=spec.allowed_imports,
            time_limit_s=spec.time_limit_s,
            memory_mb=spec.memory_mb,
            visible_tests=len(exercise.visible_cases()),
            hidden_tests=len(exercise.hidden_cases()),
        )


class SubmissionCreate(BaseModel):
    source: str = Field(description="The whole Python file.")
    kind: SubmissionKind = Field(
        SubmissionKind.SUBMIT, description="'run': the visible tests only; 'submit': every test, hidden included."
    )


class TestRead(BaseModel):
    position: int
    label: str
    category: str
    hidden: bool
    passed: bool
    message: str = Field(description="For a hidden test only what happened ('wrong answer'), never its data.")
    ms: int
    kb: int = Field(description="Peak resident memory of the process that ran the test, KiB.")
    data: dict[str, str] | None = Field(description="Inputs and expected output, where you may see them.")


class SubmissionRead(BaseModel):
    id: int
    exercise: str
    exercise_version: str
    kind: SubmissionKind
    status: SubmissionStatus
    passed: int
    total: int
    problem: str | None
    stdout: str
    wall_ms: int
    memory_kb: int
    runner: str | None
    created_at: datetime
    graded_at: datetime | None
    decision: Decision | None
    tests: list[TestRead] = Field(default_factory=list)


class DecisionCreate(BaseModel):
    decision: Decision
    note: str = Field("", max_length=2000)


class SimilarityFlagRead(BaseModel):
    id: int
    exercise: str
    first_id: int
    second_id: int
    score: float = Field(description="Share of the smaller submission's fingerprints found in the other.")
    matches: list[dict[str, list[int]]] = Field(description="Matching line ranges: {'first': [from, to], ...}.")
    created_at: datetime
    dismissed_at: datetime | None
