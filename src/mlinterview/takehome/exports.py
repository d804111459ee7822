"""A person's take-home submissions and their scores, for "download my data"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.takehome.models import TakehomeSubmission


def section(session: Session, user: User) -> list[dict[str, Any]]:
    query = select(TakehomeSubmission).where(TakehomeSubmission.user_id == user.id)
    return [
        {
            "project": s.project, "created_at": s.created_at, "rows": s.rows, "note": s.note,
            "status": s.status.value, "public_score": s.public_score, "private_score": s.private_score,
            "final": s.final, "code_uploaded": s.code_file is not None, "report_uploaded": s.report_file is not None,
        }
        for s in session.scalars(query.order_by(TakehomeSubmission.created_at, TakehomeSubmission.id))
    ]  # fmt: skip
