"""Spaced repetition of practised questions: every practised question gets a card; each graded answer or
self-rating is a review that moves its next due date; the daily queue lists what is due by the end of the
candidate's local day.

A review that comes from an answer records the answer's id, which is unique, so the same answer never
counts twice (two tabs, a reload, a retried job)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Question
from mlinterview.errors import Conflict, NotFound
from mlinterview.kit.clock import as_utc, utcnow
from mlinterview.practice import goals, scheduling
from mlinterview.practice.models import RatingSource, Review, ReviewCard

QUEUE_PAGE = 50


def card_for(session: Session, user: User, question_id: int) -> ReviewCard:
    card = session.scalar(
        select(ReviewCard).where(ReviewCard.user_id == user.id, ReviewCard.question_id == question_id)
    )
    if card is None:
        now = utcnow()
        card = ReviewCard(user_id=user.id, question_id=question_id, state=scheduling.new_state(now), due=now)
        session.add(card)
        session.flush()
    return card


def record(
    session: Session,
    *,
    user: User,
    question_id: int,
    rating: int,
    source: RatingSource,
    score: float | None = None,
    answer_id: int | None = None,
    at: datetime | None = None,
) -> Review:
    """Review the question's card; for an answer already reviewed, the earlier review is returned unchanged."""
    if answer_id is not None:
        earlier = session.scalar(select(Review).where(Review.answer_id == answer_id))
        if earlier is not None:
            return earlier
    at = at or utcnow()
    card = card_for(session, user, question_id)
    session.flush()  # a refresh would drop changes not yet written
    session.refresh(card, with_for_update=True)  # two reviews of one card at once: the second waits its turn
    scheduled = scheduling.review(card.state, rating, at)
    card.state, card.due = scheduled.state, scheduled.due
    card.reviews += 1
    card.lapses += int(scheduled.lapse)
    row = Review(
        card_id=card.id, user_id=user.id, rating=rating, source=source, score=score, answer_id=answer_id, reviewed_at=at
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # the same answer reviewed by a concurrent request: keep theirs
        raise Conflict("This answer has already been counted once; nothing changed.") from None
    return row


def rate_answer(session: Session, *, user: User, answer_id: int, rating: int | None = None) -> Review:
    """Count a practised answer: the candidate's own rating, or the one derived from the grade."""
    answer = session.get(Answer, answer_id)
    if answer is None or answer.user_id != user.id:
        raise NotFound(f"You have no answer {answer_id}.")
    score = float(answer.result["score"]) if answer.status is AnswerStatus.GRADED and answer.result else None
    if rating is None:
        if score is None:
            raise Conflict("The answer is still being graded; rate your recall yourself or wait a moment.")
        rating = scheduling.rating_for(score)
    source = RatingSource.GRADE if score is not None and rating == scheduling.rating_for(score) else RatingSource.SELF
    return record(
        session, user=user, question_id=answer.question_id, rating=rating, source=source, score=score,
        answer_id=answer.id,
    )  # fmt: skip


def suggested_rating(answer: Answer) -> int | None:
    if answer.status is not AnswerStatus.GRADED or not answer.result:
        return None
    return scheduling.rating_for(float(answer.result["score"]))


@dataclass(frozen=True)
class Queue:
    due: int
    cards: list[tuple[ReviewCard, Question]]
    today: date
    reviewed_today: int


def queue(session: Session, *, user: User, now: datetime | None = None, limit: int = QUEUE_PAGE) -> Queue:
    """What is due by the end of the candidate's local day, most overdue first."""
    now = now or utcnow()
    tz = goals.timezone_of(session, user)
    today = scheduling.local_day(now, tz)
    end = scheduling.end_of_day(today, tz)
    due_filter = (ReviewCard.user_id == user.id) & (ReviewCard.due < end)
    count = session.scalar(select(func.count()).select_from(ReviewCard).where(due_filter)) or 0
    query = (
        select(ReviewCard, Question)
        .join(Question, Question.id == ReviewCard.question_id)
        .where(due_filter)
        .order_by(ReviewCard.due, ReviewCard.id)
        .limit(limit)
    )
    done = session.scalar(
        select(func.count()).select_from(Review).where(
            Review.user_id == user.id, Review.reviewed_at >= scheduling.start_of_day(today, tz)
        )
    )  # fmt: skip
    return Queue(count, [(row[0], row[1]) for row in session.execute(query)], today, done or 0)


def forecast(session: Session, *, user: User, days: int = 14, now: datetime | None = None) -> list[tuple[date, int]]:
    """How many cards fall due on each of the next ``days`` local days (overdue ones count on today)."""
    now = now or utcnow()
    tz = goals.timezone_of(session, user)
    today = scheduling.local_day(now, tz)
    horizon = scheduling.end_of_day(today + timedelta(days=days - 1), tz)
    dues = session.scalars(select(ReviewCard.due).where(ReviewCard.user_id == user.id, ReviewCard.due < horizon))
    counts = Counter(max(today, scheduling.local_day(as_utc(due), tz)) for due in dues)
    return [(today + timedelta(days=n), counts.get(today + timedelta(days=n), 0)) for n in range(days)]


def review_of(session: Session, *, answer_id: int) -> Review | None:
    """The review an answer was counted as, if it was."""
    return session.scalar(select(Review).where(Review.answer_id == answer_id))
