"""Take-home assignments for an opening, the candidates invited to them, their scored submissions and the
reviews of their reports."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class Assignment(IdMixin, TimestampMixin, Base):
    """A project set for the candidates of one opening, with a deadline and submission limits."""

    __tablename__ = "takehome_assignments"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    project: Mapped[str] = mapped_column(String(80))  # the project's slug
    opening: Mapped[str] = mapped_column(String(200))  # e.g. "ML Engineer, Berlin"
    deadline: Mapped[datetime]
    daily_limit: Mapped[int] = mapped_column(default=5)
    total_limit: Mapped[int] = mapped_column(default=20)
    anonymise_reviews: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    candidates: Mapped[list[Participant]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", order_by="Participant.id"
    )


class Participant(IdMixin, TimestampMixin, Base):
    """A candidate invited to an assignment, known to reviewers by an anonymous code."""

    __tablename__ = "takehome_participants"
    __table_args__ = (  # named: the naming convention would give both the same name, which PostgreSQL refuses
        UniqueConstraint("assignment_id", "user_id", name="uq_takehome_participants_assignment_user"),
        UniqueConstraint("assignment_id", "code", name="uq_takehome_participants_assignment_code"),
    )

    assignment_id: Mapped[int] = mapped_column(ForeignKey("takehome_assignments.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))

    assignment: Mapped[Assignment] = relationship(back_populates="candidates")


class ScoreStatus(enum.StrEnum):
    PENDING = "pending"
    SCORED = "scored"
    FAILED = "failed"


class TakehomeSubmission(IdMixin, TimestampMixin, Base):
    """Predictions for a project's test rows (validated before this row exists), and their scores."""

    __tablename__ = "takehome_submissions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    project: Mapped[str] = mapped_column(String(80), index=True)
    project_version: Mapped[str] = mapped_column(String(16))
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("takehome_assignments.id", ondelete="CASCADE"), index=True
    )  # None: practice
    predictions_file: Mapped[str] = mapped_column(String(300))  # under the data folder
    rows: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ScoreStatus] = mapped_column(enum_column(ScoreStatus, 16), default=ScoreStatus.PENDING)
    public_score: Mapped[float | None]
    private_score: Mapped[float | None]
    problem: Mapped[str | None] = mapped_column(Text)
    scored_at: Mapped[datetime | None]
    final: Mapped[bool] = mapped_column(default=False)  # one of the (up to two) picks for the private board
    code_file: Mapped[str | None] = mapped_column(String(300))
    reproduction: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the code re-run in the sandbox
    report_file: Mapped[str | None] = mapped_column(String(300))
    report_format: Mapped[str | None] = mapped_column(String(8))  # "md" or "pdf"


class ReportReview(IdMixin, TimestampMixin, Base):
    """One interviewer's rubric scores of a submission's written report."""

    __tablename__ = "takehome_report_reviews"
    __table_args__ = (UniqueConstraint("submission_id", "reviewer_id"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("takehome_submissions.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)  # criterion -> 1..4
    notes: Mapped[str] = mapped_column(Text, default="")
