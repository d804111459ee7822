"""A candidate's practice: their goal, one spaced-repetition card per practised question with every review,
and timed mock interviews with their questions."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class Goal(IdMixin, TimestampMixin, Base):
    """What a candidate is preparing for: a role and level, maybe an interview date, topics to focus on."""

    __tablename__ = "practice_goals"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    role: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    interview_date: Mapped[date | None]
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)  # topic slugs; empty means every topic
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")  # an IANA name: where "today" begins
    daily_minutes: Mapped[int] = mapped_column(default=45)


class ReviewCard(IdMixin, TimestampMixin, Base):
    """The FSRS schedule of one question for one candidate; ``due`` is copied out of ``state`` to query on."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_review_cards_user_question"),
        Index("ix_review_cards_user_due", "user_id", "due"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)  # fsrs.Card.to_dict()
    due: Mapped[datetime]
    reviews: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)


class RatingSource(enum.StrEnum):
    GRADE = "grade"  # derived from the grader's score
    SELF = "self"  # the candidate's own rating of their recall


class Review(IdMixin, Base):
    """One review of a card: when, the FSRS rating (1 again … 4 easy), where it came from, and the answer."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_user_reviewed", "user_id", "reviewed_at"),)

    card_id: Mapped[int] = mapped_column(ForeignKey("review_cards.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rating: Mapped[int]
    source: Mapped[RatingSource] = mapped_column(enum_column(RatingSource, 8))
    score: Mapped[float | None]  # the grader's 0-1 score, when the review was an answer
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"), unique=True)
    reviewed_at: Mapped[datetime]


class MockStatus(enum.StrEnum):
    RUNNING = "running"
    FINISHED = "finished"


class MockInterview(IdMixin, TimestampMixin, Base):
    __tablename__ = "mock_interviews"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    seconds_per_question: Mapped[int]
    status: Mapped[MockStatus] = mapped_column(enum_column(MockStatus, 16), default=MockStatus.RUNNING)
    finished_at: Mapped[datetime | None]

    items: Mapped[list[MockItem]] = relationship(cascade="all, delete-orphan", order_by="MockItem.position")


class MockItem(IdMixin, Base):
    """One question of a mock interview. ``shown_at`` starts its timer once; a reload keeps the same clock."""

    __tablename__ = "mock_items"
    __table_args__ = (UniqueConstraint("mock_id", "position", name="uq_mock_items_mock_position"),)

    mock_id: Mapped[int] = mapped_column(ForeignKey("mock_interviews.id", ondelete="CASCADE"))
    position: Mapped[int]
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="CASCADE"))
    competency: Mapped[str] = mapped_column(String(40))
    shown_at: Mapped[datetime | None]
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"), unique=True)
    answered_at: Mapped[datetime | None]
    skipped: Mapped[bool] = mapped_column(default=False)
    overtime: Mapped[bool] = mapped_column(default=False)  # answered after its time was up
