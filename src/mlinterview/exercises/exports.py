"""A person's code submissions and their results, for "download my data"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.exercises.models import Submission


def section(session: Session, user: User) -> list[dict[str, Any]]:
    query = select(Submission).where(Submission.user_id == user.id).order_by(Submission.created_at, Submission.id)
    return [
        {
            "exercise": s.exercise, "kind": s.kind.value, "created_at": s.created_at, "status": s.status.value,
            "passed": s.passed, "total": s.total, "source": s.source,
            "decision": s.decision.value if s.decision else None, "decision_note": s.decision_note,
        }
        for s in session.scalars(query)
    ]  # fmt: skip
