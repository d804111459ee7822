"""Submissions to coding exercises, their per-test results, reviewers' decisions and similarity flags."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class SubmissionKind(enum.StrEnum):
    RUN = "run"  # the visible tests only, with their data: trying code out
    SUBMIT = "submit"  # every test, hidden ones included: what a reviewer sees


class SubmissionStatus(enum.StrEnum):
    PENDING = "pending"
    GRADED = "graded"
    FAILED = "failed"  # the sandbox could not run it (not the code's fault)


class Decision(enum.StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Submission(IdMixin, TimestampMixin, Base):
    __tablename__ = "exercise_submissions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    exercise: Mapped[str] = mapped_column(String(80), index=True)  # the exercise's slug
    exercise_version: Mapped[str] = mapped_column(String(16))  # digest of its files when it was graded
    kind: Mapped[SubmissionKind] = mapped_column(enum_column(SubmissionKind, 16))
    source: Mapped[str] = mapped_column(Text)
    status: Mapped[SubmissionStatus] = mapped_column(
        enum_column(SubmissionStatus, 16), default=SubmissionStatus.PENDING
    )
    passed: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    problem: Mapped[str | None] = mapped_column(Text)  # why nothing ran (import error, forbidden import)
    stdout: Mapped[str] = mapped_column(Text, default="")  # only from runs of visible tests
    wall_ms: Mapped[int] = mapped_column(default=0)
    memory_kb: Mapped[int] = mapped_column(default=0)
    runner: Mapped[str | None] = mapped_column(String(40))
    graded_at: Mapped[datetime | None]
    decision: Mapped[Decision | None] = mapped_column(enum_column(Decision, 16))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")

    cases: Mapped[list[SubmissionCase]] = relationship(
        back_populates="submission", order_by="SubmissionCase.position", cascade="all, delete-orphan"
    )


class SubmissionCase(IdMixin, Base):
    """One test's outcome. ``message`` is what the candidate may see; ``detail`` the full story (for a hidden
    test it names the data, so only staff see it, or the candidate once the organisation's policy allows)."""

    __tablename__ = "exercise_submission_cases"
    __table_args__ = (UniqueConstraint("submission_id", "position"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("exercise_submissions.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(80))
    hidden: Mapped[bool]
    passed: Mapped[bool]
    message: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    ms: Mapped[int] = mapped_column(default=0)
    kb: Mapped[int] = mapped_column(default=0)

    submission: Mapped[Submission] = relationship(back_populates="cases")


class SimilarityFlag(IdMixin, TimestampMixin, Base):
    """Two submissions to one exercise that share much of their code: a prompt for a reviewer to look."""

    __tablename__ = "exercise_similarity_flags"
    __table_args__ = (UniqueConstraint("first_id", "second_id"),)

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    exercise: Mapped[str] = mapped_column(String(80))
    first_id: Mapped[int] = mapped_column(ForeignKey("exercise_submissions.id", ondelete="CASCADE"))
    second_id: Mapped[int] = mapped_column(ForeignKey("exercise_submissions.id", ondelete="CASCADE"))
    score: Mapped[float]
    matches: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{"first": [from, to], "second": [from, to]}]
    dismissed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    dismissed_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")

    first: Mapped[Submission] = relationship(foreign_keys=[first_id])
    second: Mapped[Submission] = relationship(foreign_keys=[second_id])
