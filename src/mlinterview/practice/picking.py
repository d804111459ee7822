"""The next question to practise: from the candidate's role and focus topics, never one answered in the last
week or already scheduled for a later review, questions they have never tried first."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers.models import Answer
from mlinterview.content.models import Question, Topic
from mlinterview.content.repository import visible_to
from mlinterview.errors import NotFound
from mlinterview.kit.clock import utcnow
from mlinterview.practice import goals
from mlinterview.practice.models import ReviewCard

RECENT = timedelta(days=7)


def next_question(
    session: Session, *, user: User, topic: str = "", difficulty: int | None = None, role: str = ""
) -> Question:
    """``role`` defaults to the goal's; ``topic`` to the goal's focus topics."""
    goal = goals.get(session, user=user)
    query = select(Question).join(Topic, Topic.id == Question.topic_id).where(visible_to(user.organisation_id))
    role = role or (goal.role if goal else "")
    if role:
        query = query.where(Question.roles.contains(f" {role} "))
    topics = [topic] if topic else (goal.topics if goal else [])
    if topics:
        query = query.where(Topic.slug.in_(topics))
    if difficulty:
        query = query.where(Question.difficulty == difficulty)
    candidates = list(session.scalars(query))
    if not candidates:
        raise NotFound("No question matches that choice; pick another topic or difficulty.")
    recent = set(
        session.scalars(
            select(Answer.question_id).where(Answer.user_id == user.id, Answer.created_at >= utcnow() - RECENT)
        )
    )
    scheduled = set(session.scalars(select(ReviewCard.question_id).where(ReviewCard.user_id == user.id)))
    fresh = [q for q in candidates if q.id not in recent and q.id not in scheduled]
    pool = fresh or [q for q in candidates if q.id not in recent] or candidates
    return random.choice(pool)  # noqa: S311 - variety, not a secret
