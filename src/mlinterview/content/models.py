"""The question bank in the database: topics, competencies, role profiles, questions and their versions.

A question's text lives in versions: editing a question adds a version and moves ``current_version_id``,
so an interview or a practice answer that recorded a version id keeps the exact wording it used.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin


class Topic(IdMixin, Base):
    __tablename__ = "topics"

    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)


class Competency(IdMixin, Base):
    __tablename__ = "competencies"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    levels: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(default=0)


class RoleProfile(IdMixin, Base):
    __tablename__ = "role_profiles"
    __table_args__ = (UniqueConstraint("role", "level"),)

    role: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    profile: Mapped[dict[str, Any]] = mapped_column(JSON)


class Question(IdMixin, TimestampMixin, Base):
    __tablename__ = "questions"
    __table_args__ = (
        # bundled questions (no organisation) have unique slugs; so do each organisation's own
        Index(
            "uq_questions_bundled_slug",
            "slug",
            unique=True,
            sqlite_where=text("organisation_id IS NULL"),
            postgresql_where=text("organisation_id IS NULL"),
        ),
        UniqueConstraint("organisation_id", "slug", name="uq_questions_organisation_slug"),
    )

    slug: Mapped[str] = mapped_column(String(120), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("question_versions.id", use_alter=True, name="fk_questions_current_version")
    )
    is_published: Mapped[bool] = mapped_column(default=False)
    is_archived: Mapped[bool] = mapped_column(default=False)
    # Copies of the current version's fields, so lists filter without reading JSON.
    prompt: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(30), index=True)
    difficulty: Mapped[int] = mapped_column(index=True)
    roles: Mapped[str] = mapped_column(String(200))  # " data_scientist ml_engineer "
    seniority: Mapped[str] = mapped_column(String(60))
    competencies: Mapped[str] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(Text)

    topic: Mapped[Topic] = relationship()
    current_version: Mapped[QuestionVersion | None] = relationship(foreign_keys=[current_version_id], post_update=True)


class QuestionVersion(IdMixin, TimestampMixin, Base):
    __tablename__ = "question_versions"
    __table_args__ = (UniqueConstraint("question_id", "number"),)

    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)  # the whole question, as the content schema dumps it
