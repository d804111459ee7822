"""What the API says about take-home projects, submissions and leaderboards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from mlinterview.takehome.bundle import Project
from mlinterview.takehome.models import ScoreStatus


class ProjectSummary(BaseModel):
    slug: str
    title: str
    summary: str
    task: str
    metric: str
    greater_is_better: bool
    difficulty: str
    duration_hours: float
    baseline_public: float = Field(description="The reference solution's score on the public test rows.")

    @classmethod
    def of(cls, project: Project, greater_is_better: bool) -> ProjectSummary:
        spec = project.spec
        return cls(
            slug=project.slug,
            title=spec.title,
            summary=spec.summary,
            task=spec.task.value,
            metric=spec.metric,
            greater_is_better=greater_is_better,
            difficulty=spec.difficulty,
            duration_hours=spec.duration_hours,
            baseline_public=spec.baseline.public,
        )


class ProjectRead(ProjectSummary):
    brief: str = Field(description="Markdown: context, task, data dictionary, submission format, metric, report.")
    header: str = Field(description="The exact header a predictions file must have.")


class TakehomeSubmissionRead(BaseModel):
    id: int
    project: str
    assignment_id: int | None
    status: ScoreStatus
    rows: int
    public_score: float | None
    private_score: float | None = Field(description="Shown after the deadline (staff: always).")
    problem: str | None
    final: bool
    note: str
    reproduction: dict[str, Any] | None
    created_at: datetime
    scored_at: datetime | None


class StandingRead(BaseModel):
    rank: int
    who: str
    score: float | None
    submissions: int
    is_baseline: bool
    is_you: bool


class LeaderboardRead(BaseModel):
    private: bool = Field(description="True once the deadline has passed: scores are on the private rows.")
    standings: list[StandingRead]
