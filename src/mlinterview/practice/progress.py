"""A candidate's progress, read from their own answers and reviews: mean grader scores per competency and per
topic, a daily timeline, how many of the role's essential competencies they have shown, and their streak.

Every day is a day in the candidate's time zone (their goal's, else UTC), so an answer at 23:30 and one at
00:30 local time fall on two days, wherever the server runs. Each function takes ``now`` so a test can fix
it; only what happened before ``now`` counts, which also gives the snapshot of an earlier day."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Competency, Question, Topic
from mlinterview.kit.clock import as_utc, utcnow
from mlinterview.practice import goals, scheduling
from mlinterview.practice.models import Review

RECENT = 5  # answers in the "latest" mean
STRONG = 0.7  # a score that shows a competency
TREND_STEP = 0.05  # a change in the mean smaller than this is "steady"


@dataclass(frozen=True)
class Graded:
    """One graded answer, reduced to what progress needs."""

    score: float
    at: datetime
    competencies: tuple[str, ...]
    topic_id: int


@dataclass(frozen=True)
class Score:
    """Mean grader score (0-1) of some answers, the number of answers, the mean of the latest five, and
    whether the latest five score higher ("up") or lower ("down") than the answers before them."""

    key: str
    name: str
    mean: float | None
    answers: int
    recent_mean: float | None
    trend: str | None  # "up", "down", "steady"; None until there are earlier answers to compare with


@dataclass(frozen=True)
class CompetencyScore(Score):
    weight: float
    essential: bool

    @property
    def weak(self) -> bool:
        return self.mean is None or self.mean < 0.6


TopicScore = Score


def competency_scores(session: Session, user: User, now: datetime | None = None) -> list[CompetencyScore]:
    """Every competency of the goal's role profile, in the profile's order (every competency in the bank's
    order when there is no goal, weighted equally and none essential)."""
    graded = _graded(session, user, now)
    result = []
    for key, name, weight, essential in _competencies(session, user):
        scores = [g.score for g in graded if key in g.competencies]
        result.append(CompetencyScore(key, name, *_summary(scores), weight=weight, essential=essential))
    return result


def topic_scores(session: Session, user: User, now: datetime | None = None) -> list[TopicScore]:
    """The topics the candidate answered questions on or chose to focus on, in the bank's order."""
    graded = _graded(session, user, now)
    goal = goals.get(session, user=user)
    focus = set(goal.topics) if goal else set()
    answered = {g.topic_id for g in graded}
    topics = session.scalars(select(Topic).order_by(Topic.position, Topic.id))
    return [
        Score(topic.slug, topic.name, *_summary([g.score for g in graded if g.topic_id == topic.id]))
        for topic in topics
        if topic.id in answered or topic.slug in focus
    ]


def timeline(
    session: Session, user: User, days: int = 30, now: datetime | None = None
) -> list[tuple[date, dict[str, float | None]]]:
    """The last ``days`` local days, oldest first, each with every competency's mean score that day."""
    keys = [key for key, *_ in _competencies(session, user)]
    per_day = _by_day(session, user, days, now)
    return [
        (day, {key: _mean([g.score for g in graded if key in g.competencies]) for key in keys})
        for day, graded in per_day
    ]


def daily_means(
    session: Session, user: User, days: int = 30, now: datetime | None = None
) -> list[tuple[date, float | None]]:
    """The last ``days`` local days, oldest first, each with the mean score of all that day's answers."""
    return [(day, _mean([g.score for g in graded])) for day, graded in _by_day(session, user, days, now)]


def coverage(session: Session, user: User, now: datetime | None = None) -> tuple[int, int]:
    """(shown, total) essential competencies of the goal's profile: shown means an answer scored 70% or more.
    Without a goal there is no profile, so (0, 0)."""
    if goals.get(session, user=user) is None:
        return 0, 0
    essential = [key for key, _, _, is_essential in _competencies(session, user) if is_essential]
    graded = _graded(session, user, now)
    shown = {key for key in essential if any(g.score >= STRONG and key in g.competencies for g in graded)}
    return len(shown), len(essential)


def streak(session: Session, user: User, now: datetime | None = None) -> tuple[int, int]:
    """(current, longest) runs of consecutive local days with an answer or a review. The current run counts
    today once the candidate has practised today; until then it ends yesterday, so it is not lost at dawn."""
    now = now or utcnow()
    tz = goals.timezone_of(session, user)
    moments = [*session.scalars(select(Answer.created_at).where(Answer.user_id == user.id))]
    moments += session.scalars(select(Review.reviewed_at).where(Review.user_id == user.id))
    active = {scheduling.local_day(as_utc(m), tz) for m in moments if as_utc(m) <= now}
    return _current_run(active, scheduling.local_day(now, tz)), _longest_run(active)


def graded_answers(session: Session, user: User, now: datetime | None = None) -> int:
    return len(_graded(session, user, now))


def _current_run(active: set[date], today: date) -> int:
    day = today if today in active else today - timedelta(days=1)
    run = 0
    while day in active:
        run, day = run + 1, day - timedelta(days=1)
    return run


def _longest_run(active: set[date]) -> int:
    longest = 0
    for day in active:
        if day - timedelta(days=1) in active:
            continue  # not the start of a run
        length = 1
        while day + timedelta(days=length) in active:
            length += 1
        longest = max(longest, length)
    return longest


def _graded(session: Session, user: User, now: datetime | None) -> list[Graded]:
    """The user's graded answers before ``now``, oldest first."""
    now = now or utcnow()
    query = (
        select(Answer.result, Answer.created_at, Question.competencies, Question.topic_id)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.user_id == user.id, Answer.status == AnswerStatus.GRADED)
    )
    rows = [
        Graded(float(result["score"]), as_utc(at), tuple(competencies.split()), topic_id)
        for result, at, competencies, topic_id in session.execute(query)
        if result and result.get("score") is not None and as_utc(at) <= now
    ]
    return sorted(rows, key=lambda g: g.at)


def _by_day(session: Session, user: User, days: int, now: datetime | None) -> list[tuple[date, list[Graded]]]:
    now = now or utcnow()
    tz = goals.timezone_of(session, user)
    today = scheduling.local_day(now, tz)
    grouped: dict[date, list[Graded]] = defaultdict(list)
    for g in _graded(session, user, now):
        grouped[scheduling.local_day(g.at, tz)].append(g)
    return [(day, grouped.get(day, [])) for day in (today - timedelta(days=n) for n in reversed(range(days)))]


def _competencies(session: Session, user: User) -> list[tuple[str, str, float, bool]]:
    """(key, name, weight, essential) of the goal's profile, or of the whole bank without a goal."""
    names = {c.key: c.name for c in session.scalars(select(Competency).order_by(Competency.position, Competency.id))}
    goal = goals.get(session, user=user)
    if goal is None:
        return [(key, name, 1 / len(names), False) for key, name in names.items()] if names else []
    entries = goals.profile(session, goal).profile["competencies"]
    return [
        (e["competency"], names.get(e["competency"], e["competency"]), float(e["weight"]), bool(e["essential"]))
        for e in entries
    ]


def _summary(scores: Sequence[float]) -> tuple[float | None, int, float | None, str | None]:
    """(mean, count, mean of the latest five, trend) of scores in the order they were given."""
    recent = scores[-RECENT:]
    earlier = scores[:-RECENT]
    trend = None
    if earlier:
        change = statistics.fmean(recent) - statistics.fmean(earlier)
        trend = "up" if change >= TREND_STEP else "down" if change <= -TREND_STEP else "steady"
    return _mean(scores), len(scores), _mean(recent), trend


def _mean(scores: Iterable[float]) -> float | None:
    values = list(scores)
    return statistics.fmean(values) if values else None
