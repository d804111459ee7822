"""An answer someone typed to a question, pinned to the exact question version, with the grader's analysis."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class AnswerStatus(enum.StrEnum):
    PENDING = "pending"
    GRADED = "graded"
    FAILED = "failed"


class Answer(IdMixin, TimestampMixin, Base):
    __tablename__ = "answers"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[AnswerStatus] = mapped_column(enum_column(AnswerStatus, 16), default=AnswerStatus.PENDING)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # a GradeResult, as JSON
    grader: Mapped[str | None]
    graded_at: Mapped[datetime | None]
