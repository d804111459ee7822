"""Timed mock interviews: N questions for a role and level, one at a time, each with its own clock, then a
summary per competency with the weakest areas and what to study.

Nothing recorded is lost or counted twice: a question's clock starts the first time it is shown (a reload
keeps it), an answer is stored once per question (a second tab gets "already answered"), and a mock left
half-way can be resumed or ended, which marks what was not answered as skipped."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Competency, Question, RoleProfile
from mlinterview.content.repository import visible_to
from mlinterview.errors import Conflict, InvalidInput, NotFound
from mlinterview.kit.clock import as_utc, utcnow
from mlinterview.practice import reviews, scheduling, selection
from mlinterview.practice.models import MockInterview, MockItem, MockStatus, RatingSource, Review

SIZES = range(3, 16)
GRACE = timedelta(seconds=10)  # the time a submit takes to arrive
RECENT = timedelta(days=7)


def start(
    session: Session, *, user: User, role: str, level: str, size: int = 5, minutes_per_question: int = 4,
    seed: int | None = None,
) -> MockInterview:  # fmt: skip
    if size not in SIZES:
        raise InvalidInput(f"A mock interview has {SIZES.start} to {SIZES.stop - 1} questions.")
    if not 1 <= minutes_per_question <= 20:
        raise InvalidInput("Give each question between 1 and 20 minutes.")
    profile = session.scalar(select(RoleProfile).where(RoleProfile.role == role, RoleProfile.level == level))
    if profile is None:
        raise InvalidInput(f"There is no role profile {role}/{level}; choose a role and a level from the lists.")
    weights = {c["competency"]: float(c["weight"]) for c in profile.profile["competencies"]}
    rng = random.Random(seed)  # noqa: S311 - question order, not a secret
    picks = selection.choose(
        _bank(session, user), weights, size, role=role, level=level, rng=rng, recent=_recent(session, user)
    )
    if len(picks) < size:
        raise Conflict(f"The bank has only {len(picks)} questions for this role; choose a smaller mock interview.")
    mock = MockInterview(user_id=user.id, role=role, level=level, seconds_per_question=minutes_per_question * 60)
    for position, (question_id, competency) in enumerate(picks):
        version = session.get_one(Question, question_id).current_version_id
        assert version is not None
        mock.items.append(
            MockItem(position=position, question_id=question_id, question_version_id=version, competency=competency)
        )
    session.add(mock)
    session.flush()
    return mock


def _bank(session: Session, user: User) -> list[selection.Option]:
    rows = session.scalars(
        select(Question).where(visible_to(user.organisation_id), Question.type != "coding_discussion")
    )
    return [
        selection.Option(
            q.id, tuple(q.competencies.split()), q.difficulty, tuple(q.roles.split()), tuple(q.seniority.split())
        )
        for q in rows
    ]


def _recent(session: Session, user: User) -> frozenset[int]:
    since = utcnow() - RECENT
    query = select(Answer.question_id).where(Answer.user_id == user.id, Answer.created_at >= since)
    return frozenset(session.scalars(query))


def get(session: Session, *, user: User, mock_id: int) -> MockInterview:
    mock = session.get(MockInterview, mock_id)
    if mock is None or mock.user_id != user.id:
        raise NotFound(f"You have no mock interview {mock_id}. Start one from the practice page.")
    return mock


def current(session: Session, *, user: User, mock_id: int) -> MockItem | None:
    """The next question to answer, its clock started the first time it is shown; None when all are done."""
    mock = get(session, user=user, mock_id=mock_id)
    item = next((i for i in mock.items if i.answer_id is None and not i.skipped), None)
    if item is None or mock.status is MockStatus.FINISHED:
        return None
    if item.shown_at is None:
        item.shown_at = utcnow()
        session.flush()
    return item


def seconds_left(mock: MockInterview, item: MockItem, now: datetime | None = None) -> int:
    if item.shown_at is None:
        return mock.seconds_per_question
    spent = (now or utcnow()) - as_utc(item.shown_at)
    return max(0, mock.seconds_per_question - int(spent.total_seconds()))


def _item(session: Session, user: User, mock_id: int, item_id: int) -> tuple[MockInterview, MockItem]:
    mock = get(session, user=user, mock_id=mock_id)
    session.flush()  # a refresh would drop changes not yet written
    session.refresh(mock, with_for_update=True)  # two tabs: one request at a time per mock
    item = next((i for i in mock.items if i.id == item_id), None)
    if item is None:
        raise NotFound("That question is not part of this mock interview.")
    if mock.status is MockStatus.FINISHED:
        raise Conflict("This mock interview has ended; its summary has your answers.")
    current = next((i for i in mock.items if i.answer_id is None and not i.skipped), None)
    if item.answer_id is None and not item.skipped and (item is not current or item.shown_at is None):
        raise Conflict("Questions come one at a time: answer or skip the question on screen first.")
    return mock, item


def answer(session: Session, *, user: User, mock_id: int, item_id: int, text: str) -> MockItem:
    """Store the answer once: answering again (another tab, a resubmitted form) changes nothing."""
    mock, item = _item(session, user, mock_id, item_id)
    if item.answer_id is not None or item.skipped:
        raise Conflict("You already answered or skipped this question; your first answer is the one kept.")
    question = session.get_one(Question, item.question_id)
    stored = answers.submit(session, user=user, slug=question.slug, text=text)  # refuses an empty answer
    now = utcnow()
    item.answer_id, item.answered_at = stored.id, now
    item.overtime = (
        item.shown_at is not None and now - as_utc(item.shown_at) > timedelta(seconds=mock.seconds_per_question) + GRACE
    )
    _finish_if_done(mock)
    session.flush()
    return item


def skip(session: Session, *, user: User, mock_id: int, item_id: int) -> MockItem:
    mock, item = _item(session, user, mock_id, item_id)
    if item.answer_id is None:
        item.skipped = True
    _finish_if_done(mock)
    session.flush()
    return item


def finish(session: Session, *, user: User, mock_id: int) -> MockInterview:
    """End now: questions not answered yet count as skipped."""
    mock = get(session, user=user, mock_id=mock_id)
    for item in mock.items:
        if item.answer_id is None:
            item.skipped = True
    _finish_if_done(mock)
    return mock


def _finish_if_done(mock: MockInterview) -> None:
    if mock.status is MockStatus.RUNNING and all(i.answer_id is not None or i.skipped for i in mock.items):
        mock.status, mock.finished_at = MockStatus.FINISHED, utcnow()


def unfinished(session: Session, *, user: User) -> MockInterview | None:
    query = select(MockInterview).where(MockInterview.user_id == user.id, MockInterview.status == MockStatus.RUNNING)
    return session.scalar(query.order_by(MockInterview.id.desc()).limit(1))


@dataclass
class CompetencyResult:
    key: str
    name: str
    scores: list[float] = field(default_factory=list)
    skipped: int = 0

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None


@dataclass
class Summary:
    mock: MockInterview
    items: list[tuple[MockItem, Question, Answer | None]]
    competencies: list[CompetencyResult]
    weakest: list[CompetencyResult]
    study: dict[str, list[Question]]
    pending: int  # answers still being graded
    hands_on: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, slug, title) for weak areas


def summary(session: Session, *, user: User, mock_id: int) -> Summary:
    mock = get(session, user=user, mock_id=mock_id)
    names = {c.key: c.name for c in session.scalars(select(Competency))}
    rows: list[tuple[MockItem, Question, Answer | None]] = []
    results: dict[str, CompetencyResult] = {}
    pending = 0
    for item in mock.items:
        answer = session.get(Answer, item.answer_id) if item.answer_id else None
        rows.append((item, session.get_one(Question, item.question_id), answer))
        result = results.setdefault(
            item.competency, CompetencyResult(item.competency, names.get(item.competency, item.competency))
        )
        if answer is None:
            result.skipped += 1
        elif answer.status is AnswerStatus.GRADED and answer.result:
            result.scores.append(float(answer.result["score"]))
            _schedule(session, user, answer)
        else:
            pending += 1
    ranked = sorted(results.values(), key=lambda r: (r.mean if r.mean is not None else -1, r.key))
    weakest = [r for r in ranked if r.mean is None or r.mean < 0.7][:3]
    study = {r.key: _study(session, user, mock, r.key) for r in weakest}
    return Summary(mock, rows, list(results.values()), weakest, study, pending, hands_on({r.key for r in weakest}))


def hands_on(competencies: set[str], limit: int = 3) -> list[tuple[str, str, str]]:
    """Coding exercises and take-home projects that practise these competencies, easiest first."""
    from mlinterview.exercises import catalogue as exercises
    from mlinterview.takehome import catalogue as takehomes

    found = [
        ("exercise", e.slug, e.spec.title, str(getattr(e.spec.difficulty, "value", e.spec.difficulty)))
        for e in exercises.exercises().values()
        if competencies & set(e.spec.competencies)
    ]
    found += [
        ("takehome", p.slug, p.spec.title, p.spec.difficulty)
        for p in takehomes.projects().values()
        if competencies & set(p.spec.competencies)
    ]
    rank = {"easy": 0, "medium": 1, "hard": 2}
    found.sort(key=lambda f: (rank.get(f[3], 1), f[1]))
    return [(kind, slug, title) for kind, slug, title, _ in found[:limit]]


def _schedule(session: Session, user: User, answer: Answer) -> None:
    """A graded mock answer schedules its question, once (the answer's id is unique among reviews)."""
    if session.scalar(select(Review.id).where(Review.answer_id == answer.id)) is None:
        score = float(answer.result["score"]) if answer.result else 0.0
        reviews.record(
            session, user=user, question_id=answer.question_id, rating=scheduling.rating_for(score),
            source=RatingSource.GRADE, score=score, answer_id=answer.id, at=answer.graded_at or answer.created_at,
        )  # fmt: skip


def _study(session: Session, user: User, mock: MockInterview, competency: str) -> list[Question]:
    asked = {i.question_id for i in mock.items}
    query = (
        select(Question)
        .where(visible_to(user.organisation_id), Question.competencies.contains(f" {competency} "))
        .where(Question.roles.contains(f" {mock.role} "), Question.id.not_in(asked))
        .order_by(Question.difficulty, Question.id)
        .limit(3)
    )
    return list(session.scalars(query))
