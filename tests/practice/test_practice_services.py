"""Practice on the real database: goals, FSRS scheduling in the candidate's time zone, single questions rated
from the grade, mock interviews that spread over the role's competencies and never lose or double-count an
answer."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role, User
from mlinterview.answers import service as answers
from mlinterview.content.models import Question, RoleProfile
from mlinterview.errors import Conflict, InvalidInput
from mlinterview.practice import goals, mocks, reviews, scheduling, selection
from mlinterview.practice.models import MockStatus, RatingSource, Review, ReviewCard
from tests.factories import make_organisation, make_user

ANSWER = (
    "Bias is the error from wrong assumptions, variance the error from sensitivity to the training sample; "
    "more complex models lower bias and raise variance, so we pick complexity with cross-validation."
)


@pytest.fixture
def candidate(db: Session) -> User:
    return make_user(db, make_organisation(db, "Practice Org"), Role.CANDIDATE)


def question(db: Session, n: int = 0) -> Question:
    return db.scalars(select(Question).order_by(Question.id).offset(n).limit(1)).one()


def test_grades_map_to_ratings_and_a_failed_answer_is_again() -> None:
    assert scheduling.rating_for(0.0) == scheduling.rating_for(0.49) == scheduling.AGAIN
    assert scheduling.rating_for(0.5) == scheduling.HARD
    assert scheduling.rating_for(0.75) == scheduling.GOOD
    assert scheduling.rating_for(0.95) == scheduling.EASY
    with pytest.raises(InvalidInput):
        scheduling.rating_named("meh")


def test_a_goal_is_validated(db: Session, candidate: User) -> None:
    with pytest.raises(InvalidInput, match="role profile"):
        goals.set_goal(db, user=candidate, role="ml_engineer", level="principal")
    with pytest.raises(InvalidInput, match="time zone"):
        goals.set_goal(db, user=candidate, role="ml_engineer", level="mid", timezone="Mars/Olympus")
    with pytest.raises(InvalidInput, match="past"):
        goals.set_goal(db, user=candidate, role="ml_engineer", level="mid", interview_date=date(2000, 1, 1))
    goal = goals.set_goal(db, user=candidate, role="ml_engineer", level="mid", timezone="Asia/Tokyo")
    assert goals.get(db, user=candidate) is goal


def test_due_today_follows_the_candidates_midnight(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="ml_engineer", level="mid", timezone="America/New_York")
    q = question(db)
    # 22:00 in New York on 1 March is 03:00 UTC on 2 March; "good" schedules it two local days on
    reviewed = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
    reviews.record(db, user=candidate, question_id=q.id, rating=scheduling.GOOD, source=RatingSource.SELF, at=reviewed)
    card = db.scalars(select(ReviewCard).where(ReviewCard.user_id == candidate.id)).one()
    due_day = scheduling.local_day(card.due, "America/New_York")
    assert reviews.queue(db, user=candidate, now=datetime(2026, 3, 2, 12, tzinfo=UTC)).due == 0
    just_before = scheduling.start_of_day(due_day, "America/New_York") - timedelta(minutes=1)
    assert reviews.queue(db, user=candidate, now=just_before).due == 0
    assert reviews.queue(db, user=candidate, now=just_before + timedelta(minutes=2)).due == 1


def test_daylight_saving_days_have_their_real_length() -> None:
    # Europe/Berlin leaves summer time on 25 October 2026: that local day lasts 25 hours
    day = date(2026, 10, 25)
    assert scheduling.end_of_day(day, "Europe/Berlin") - scheduling.start_of_day(day, "Europe/Berlin") == timedelta(
        hours=25
    )
    spring = date(2026, 3, 29)
    assert scheduling.end_of_day(spring, "Europe/Berlin") - scheduling.start_of_day(
        spring, "Europe/Berlin"
    ) == timedelta(hours=23)
    # a card due at 23:30 local on the long day is due "on" that day, not the next
    late = datetime(2026, 10, 25, 22, 30, tzinfo=UTC)  # 23:30 CET
    assert scheduling.local_day(late, "Europe/Berlin") == day


def test_the_forecast_counts_overdue_cards_on_today(db: Session, candidate: User) -> None:
    now = datetime(2026, 6, 10, 9, tzinfo=UTC)
    for n, rating in enumerate((scheduling.AGAIN, scheduling.GOOD, scheduling.EASY)):
        reviews.record(
            db,
            user=candidate,
            question_id=question(db, n).id,
            rating=rating,
            source=RatingSource.SELF,
            at=now - timedelta(days=10),
        )
    forecast = dict(reviews.forecast(db, user=candidate, now=now))
    assert forecast[date(2026, 6, 10)] == 3  # all are overdue by now
    assert sum(forecast.values()) == 3


def test_an_answer_counts_once_even_when_rated_twice(db: Session, candidate: User) -> None:
    q = question(db)
    answer = answers.submit(db, user=candidate, slug=q.slug, text=ANSWER)
    answers.grade(db, answer_id=answer.id)
    first = reviews.rate_answer(db, user=candidate, answer_id=answer.id)
    again = reviews.rate_answer(db, user=candidate, answer_id=answer.id, rating=scheduling.EASY)
    assert again.id == first.id
    assert first.source is RatingSource.GRADE
    assert db.scalar(select(func.count()).select_from(Review).where(Review.user_id == candidate.id)) == 1


def test_allocation_follows_the_weights_exactly() -> None:
    weights = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    assert selection.allocate(weights, 10) == {"a": 4, "b": 3, "c": 2, "d": 1}
    assert sum(selection.allocate(weights, 7).values()) == 7
    assert selection.allocate(weights, 0) == {}


def test_mock_questions_never_repeat_and_follow_the_profile(db: Session, candidate: User) -> None:
    profile = db.scalars(select(RoleProfile).where(RoleProfile.role == "ml_engineer", RoleProfile.level == "mid")).one()
    weights = {c["competency"]: c["weight"] for c in profile.profile["competencies"]}
    expected = selection.allocate(weights, 10)
    for seed in range(5):
        mock = mocks.start(db, user=candidate, role="ml_engineer", level="mid", size=10, seed=seed)
        ids = [i.question_id for i in mock.items]
        assert len(ids) == len(set(ids)) == 10
        assert Counter(i.competency for i in mock.items) == Counter(expected)
        for item in mock.items:
            assert f" {item.competency} " in db.get_one(Question, item.question_id).competencies


def test_a_mock_keeps_its_clock_and_its_first_answer(db: Session, candidate: User) -> None:
    mock = mocks.start(db, user=candidate, role="data_scientist", level="junior", size=3, seed=1)
    first = mocks.current(db, user=candidate, mock_id=mock.id)
    assert first is not None
    assert first.shown_at is not None
    shown = first.shown_at
    assert mocks.current(db, user=candidate, mock_id=mock.id).shown_at == shown  # a reload keeps the clock
    with pytest.raises(InvalidInput):
        mocks.answer(db, user=candidate, mock_id=mock.id, item_id=first.id, text="   ")
    assert first.answer_id is None  # nothing recorded for an empty answer
    mocks.answer(db, user=candidate, mock_id=mock.id, item_id=first.id, text=ANSWER)
    with pytest.raises(Conflict, match="first answer"):
        mocks.answer(db, user=candidate, mock_id=mock.id, item_id=first.id, text="a second tab")
    second = mocks.current(db, user=candidate, mock_id=mock.id)
    assert second is not None
    assert second.id != first.id
    mocks.skip(db, user=candidate, mock_id=mock.id, item_id=second.id)
    mocks.finish(db, user=candidate, mock_id=mock.id)  # left half-way: the rest is skipped, the answer stays
    assert mock.status is MockStatus.FINISHED
    assert [i.answer_id is not None for i in mock.items] == [True, False, False]
    answers.grade(db, answer_id=first.answer_id)
    summary = mocks.summary(db, user=candidate, mock_id=mock.id)
    assert summary.pending == 0
    assert summary.weakest
    mocks.summary(db, user=candidate, mock_id=mock.id)  # viewing twice schedules the question once
    assert db.scalar(select(func.count()).select_from(Review).where(Review.user_id == candidate.id)) == 1


def test_selection_falls_back_when_a_competency_runs_out() -> None:
    bank = [selection.Option(n, ("a",), 2, ("r",), ("mid",)) for n in range(2)]
    bank += [selection.Option(10 + n, ("b",), 2, ("r",), ("mid",)) for n in range(10)]
    picks = selection.choose(bank, {"a": 0.9, "b": 0.1}, 6, role="r", level="mid", rng=random.Random(0))
    assert Counter(c for _, c in picks) == {"a": 2, "b": 4}
    assert len({q for q, _ in picks}) == 6


def test_questions_come_one_at_a_time(db: Session, candidate: User) -> None:
    mock = mocks.start(db, user=candidate, role="data_scientist", level="junior", size=3, seed=2)
    later = mock.items[2]
    with pytest.raises(Conflict, match="one at a time"):
        mocks.answer(db, user=candidate, mock_id=mock.id, item_id=later.id, text=ANSWER)
    with pytest.raises(Conflict, match="one at a time"):  # the current one, before it was ever shown
        mocks.answer(db, user=candidate, mock_id=mock.id, item_id=mock.items[0].id, text=ANSWER)
    shown = mocks.current(db, user=candidate, mock_id=mock.id)
    assert shown is mock.items[0]
    mocks.answer(db, user=candidate, mock_id=mock.id, item_id=shown.id, text=ANSWER)
