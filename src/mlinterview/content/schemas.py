"""What the question bank sends and receives over the API and to the pages."""

from __future__ import annotations

from pydantic import BaseModel, Field

from mlinterview.content import models
from mlinterview.content.schema import Question as QuestionContent


class QuestionSummary(BaseModel):
    slug: str
    prompt: str
    topic: str
    type: str
    difficulty: int
    roles: list[str]
    seniority: list[str]
    competencies: list[str]
    source: str = Field(description="'bundled', 'own' (your organisation's) or 'shared' (published by another).")
    version: int

    @classmethod
    def of(cls, row: models.Question, organisation_id: int | None) -> QuestionSummary:
        return cls(
            slug=row.slug,
            prompt=row.prompt,
            topic=row.topic.slug,
            type=row.type,
            difficulty=row.difficulty,
            roles=row.roles.split(),
            seniority=row.seniority.split(),
            competencies=row.competencies.split(),
            source=source_of(row, organisation_id),
            version=row.current_version.number if row.current_version else 0,
        )


class QuestionDetail(QuestionSummary):
    content: QuestionContent
    is_published: bool
    version_id: int = Field(description="Id of this exact wording; what interviews and answers record.")

    @classmethod
    def of_row(cls, row: models.Question, organisation_id: int | None) -> QuestionDetail:
        assert row.current_version is not None
        summary = QuestionSummary.of(row, organisation_id)
        return cls(
            **summary.model_dump(),
            content=QuestionContent.model_validate(row.current_version.content),
            is_published=row.is_published,
            version_id=row.current_version.id,
        )


class QuestionPage(BaseModel):
    total: int
    items: list[QuestionSummary]


def source_of(row: models.Question, organisation_id: int | None) -> str:
    if row.organisation_id is None:
        return "bundled"
    return "own" if row.organisation_id == organisation_id else "shared"
