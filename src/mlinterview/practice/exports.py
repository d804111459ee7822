"""A candidate's practice, for "download my data": their goal, every review and every mock interview."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.content.models import Question
from mlinterview.practice import goals
from mlinterview.practice.models import MockInterview, Review, ReviewCard


def section(session: Session, user: User) -> dict[str, Any]:
    goal = goals.get(session, user=user)
    reviews = session.execute(
        select(Review, Question.slug)
        .join(ReviewCard, ReviewCard.id == Review.card_id)
        .join(Question, Question.id == ReviewCard.question_id)
        .where(Review.user_id == user.id)
        .order_by(Review.reviewed_at, Review.id)
    )
    mocks = session.scalars(select(MockInterview).where(MockInterview.user_id == user.id).order_by(MockInterview.id))
    return {
        "goal": None if goal is None else {
            "role": goal.role, "level": goal.level, "interview_date": goal.interview_date, "topics": goal.topics,
            "timezone": goal.timezone, "daily_minutes": goal.daily_minutes,
        },
        "reviews": [
            {"question": slug, "rating": r.rating, "source": r.source.value, "score": r.score, "at": r.reviewed_at}
            for r, slug in reviews
        ],
        "mock_interviews": [
            {"role": m.role, "level": m.level, "started_at": m.created_at, "status": m.status.value,
             "questions": [{"competency": i.competency, "answered": i.answer_id is not None, "skipped": i.skipped,
                            "overtime": i.overtime} for i in m.items]}
            for m in mocks
        ],
    }  # fmt: skip
