"""Queries over the question bank. An organisation sees the bundled bank, its own questions and published ones."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from sqlalchemy import ColumnElement, Select, column, func, literal_column, or_, select, table, text
from sqlalchemy.orm import Session, joinedload

from mlinterview.content.models import Competency, Question, RoleProfile, Topic

FTS = table("questions_fts", column("rowid"))  # SQLite's FTS5 index, made by migration 0002


class QuestionFilters(BaseModel):
    """What to look for; the same object parses the API's and the pages' query strings (``q`` is the text)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="ignore")

    text: str = Field("", alias="q", max_length=200, description="Words to find; each also matches as a prefix.")
    topic: str | None = None
    difficulty: int | None = Field(None, ge=1, le=5)
    role: str | None = None
    competency: str | None = None
    type: str | None = None
    seniority: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and not value.strip():
            return "" if info.field_name == "text" else None  # an untouched <select> sends ""
        return value.strip() if isinstance(value, str) else value


def visible_to(organisation_id: int | None) -> ColumnElement[bool]:
    shared = or_(Question.organisation_id.is_(None), Question.is_published.is_(True))
    own = Question.organisation_id == organisation_id if organisation_id is not None else shared
    return (Question.is_archived.is_(False)) & or_(shared, own)


def search(
    session: Session, organisation_id: int | None, filters: QuestionFilters, *, limit: int = 50, offset: int = 0
) -> tuple[Sequence[Question], int]:
    """Questions matching the filters, best text match first (or by topic and difficulty), and the total."""
    query = select(Question).join(Topic).where(visible_to(organisation_id))
    query = _filtered(query, filters)
    ranked = _text_search(session, query, filters.text)
    if ranked is None:
        return [], 0
    total = session.scalar(select(func.count()).select_from(ranked.order_by(None).subquery())) or 0
    rows = session.scalars(ranked.options(joinedload(Question.topic)).limit(limit).offset(offset)).unique().all()
    return rows, total


def _filtered(query: Select[Question], filters: QuestionFilters) -> Select[Question]:
    if filters.topic:
        query = query.where(Topic.slug == filters.topic)
    if filters.difficulty:
        query = query.where(Question.difficulty == filters.difficulty)
    if filters.type:
        query = query.where(Question.type == filters.type)
    for listed, value in (
        (Question.roles, filters.role),
        (Question.competencies, filters.competency),
        (Question.seniority, filters.seniority),
    ):
        if value:
            query = query.where(listed.contains(f" {value} "))
    return query


def _text_search(session: Session, query: Select[Question], phrase: str) -> Select[Question] | None:
    words = re.findall(r"\w+", phrase.lower())
    if not words:
        return query.order_by(Topic.position, Question.difficulty, Question.slug)
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{word}"*' for word in words)  # every word, each as a prefix
        return (
            query.join(FTS, FTS.c.rowid == Question.id)
            .where(text("questions_fts MATCH :match").bindparams(match=match))
            .order_by(text("bm25(questions_fts)"), Question.slug)
        )
    vector: ColumnElement[Any] = literal_column("questions.search_vector")  # stored, indexed (migration 0002)
    terms = func.to_tsquery("english", " & ".join(f"{word}:*" for word in words))
    return query.where(vector.op("@@")(terms)).order_by(func.ts_rank(vector, terms).desc(), Question.slug)


def by_slug(session: Session, organisation_id: int | None, slug: str) -> Question | None:
    """The organisation's own question of that slug, else the bundled or a published one."""
    rows = session.scalars(
        select(Question).where(Question.slug == slug, visible_to(organisation_id)).options(joinedload(Question.topic))
    ).all()
    own = [row for row in rows if row.organisation_id == organisation_id and organisation_id is not None]
    candidates = own or list(rows)
    return candidates[0] if candidates else None


def own_question(session: Session, organisation_id: int, slug: str) -> Question | None:
    return session.scalar(select(Question).where(Question.organisation_id == organisation_id, Question.slug == slug))


def topics_with_counts(session: Session, organisation_id: int | None) -> list[tuple[Topic, int]]:
    counts = (
        select(Question.topic_id, func.count().label("n"))
        .where(visible_to(organisation_id))
        .group_by(Question.topic_id)
        .subquery()
    )
    rows = session.execute(
        select(Topic, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.topic_id == Topic.id)
        .order_by(Topic.position)
    )
    return [(topic, int(count)) for topic, count in rows]


def topic(session: Session, slug: str) -> Topic | None:
    return session.scalar(select(Topic).where(Topic.slug == slug))


def all_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(Topic.slug).order_by(Topic.position)))


def competencies(session: Session) -> Sequence[Competency]:
    return session.scalars(select(Competency).order_by(Competency.position)).all()


def profiles(session: Session) -> Sequence[RoleProfile]:
    return session.scalars(select(RoleProfile).order_by(RoleProfile.role, RoleProfile.id)).all()
