"""A candidate's applications, for "download my data": the stages they went through, their voluntary
answers and their released feedback. Scorecards are the panel's working notes and stay with the employer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.interviews import candidates, feedback
from mlinterview.interviews.models import Candidate


def section(session: Session, user: User) -> list[dict[str, Any]]:
    rows = []
    for candidate in session.scalars(select(Candidate).where(Candidate.user_id == user.id).order_by(Candidate.id)):
        report = feedback.get(session, candidate)
        stages = {s.id: s.name for s in candidate.opening.stages}
        rows.append(
            {
                "opening": candidate.opening.title, "status": candidate.status.value,
                "stage": stages.get(candidate.stage_id or 0), "voluntary_answers": candidate.self_reported,
                "history": [
                    {"when": e.created_at, "what": e.action, "stage": stages.get(e.to_stage_id or 0)}
                    for e in candidates.history(session, candidate)
                ],
                "feedback": report.body if report and report.released_at else None,
            }
        )  # fmt: skip
    return rows
