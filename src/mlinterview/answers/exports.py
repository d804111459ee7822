"""A person's typed answers and their analysis, for "download my data"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers.models import Answer
from mlinterview.content.models import Question


def section(session: Session, user: User) -> list[dict[str, Any]]:
    query = select(Answer, Question.slug).join(Question, Question.id == Answer.question_id)
    rows = session.execute(query.where(Answer.user_id == user.id).order_by(Answer.created_at, Answer.id))
    return [
        {"question": slug, "text": a.text, "created_at": a.created_at, "status": a.status.value, "analysis": a.result}
        for a, slug in rows
    ]
