"""Progress read from a candidate's own answers (local days, daylight-saving changes included) and the study
plan's promises: every competency, weakest first, within the day's minutes, a light last day, and the
calendar and PDF exports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role, User
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Question
from mlinterview.practice import charts, goals, plan, progress, reviews, scheduling
from mlinterview.practice.models import RatingSource
from mlinterview.practice.plan import LEARN, MOCK, RECAP, REST, REVIEWS, PlanDay, study_plan
from tests.factories import make_organisation, make_user

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def candidate(db: Session) -> User:
    return make_user(db, make_organisation(db, "Progress Org"), Role.CANDIDATE)


def questions_on(db: Session, competency: str, *, without: str | None = None) -> list[Question]:
    rows = db.scalars(
        select(Question).where(Question.competencies.contains(f" {competency} "), Question.organisation_id.is_(None))
    )
    return [q for q in rows if without is None or f" {without} " not in q.competencies]


def answer(
    db: Session, user: User, question: Question, score: float | None, at: datetime, *, graded: bool = True
) -> Answer:
    assert question.current_version_id is not None
    row = Answer(
        user_id=user.id,
        question_id=question.id,
        question_version_id=question.current_version_id,
        text="An answer.",
        status=AnswerStatus.GRADED if graded else AnswerStatus.PENDING,
        result={"score": score, "points": []} if graded else None,
        created_at=at,
    )
    db.add(row)
    db.flush()
    return row


def local(year: int, month: int, day: int, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


# -- progress --------------------------------------------------------------------------------------------


def test_competency_means_follow_the_goals_profile(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="data_scientist", level="junior")
    on_evaluation = questions_on(db, "evaluation")
    scores = [0.2, 0.4, 0.6, 0.8, 1.0, 0.9, 0.7]
    for n, score in enumerate(scores):
        answer(db, candidate, on_evaluation[n % len(on_evaluation)], score, NOW - timedelta(days=7 - n))
    answer(db, candidate, on_evaluation[0], None, NOW, graded=False)  # still being graded: not counted
    other = make_user(db, candidate.organisation, Role.CANDIDATE)
    answer(db, other, on_evaluation[0], 0.0, NOW - timedelta(hours=1))  # someone else's

    result = {s.key: s for s in progress.competency_scores(db, candidate, now=NOW)}

    assert list(result) == [
        "maths_stats", "ml_fundamentals", "programming", "evaluation", "data_handling", "communication",
        "domain_knowledge",
    ]  # fmt: skip
    evaluation = result["evaluation"]
    assert evaluation.answers == 7
    assert evaluation.mean == pytest.approx(sum(scores) / 7)
    assert evaluation.recent_mean == pytest.approx(sum(scores[-5:]) / 5)
    assert evaluation.trend == "up"  # 0.82 against 0.3 before
    assert evaluation.essential
    assert evaluation.weight == pytest.approx(0.15)
    assert evaluation.name == "Model evaluation and validation"
    assert result["domain_knowledge"].essential is False
    untouched = [s for key, s in result.items() if not any(f" {key} " in q.competencies for q in on_evaluation[:7])]
    assert untouched
    assert all(s.mean is None and s.answers == 0 and s.trend is None for s in untouched)


def test_answers_after_now_are_left_out_so_an_earlier_snapshot_can_be_drawn(db: Session, candidate: User) -> None:
    question = questions_on(db, "evaluation")[0]
    answer(db, candidate, question, 0.3, NOW - timedelta(days=20))
    answer(db, candidate, question, 0.9, NOW - timedelta(days=1))
    earlier = {s.key: s for s in progress.competency_scores(db, candidate, now=NOW - timedelta(days=14))}
    current = {s.key: s for s in progress.competency_scores(db, candidate, now=NOW)}
    assert earlier["evaluation"].mean == pytest.approx(0.3)
    assert current["evaluation"].mean == pytest.approx(0.6)
    assert len(current) > 5  # no goal: every competency of the bank, none essential
    assert not any(s.essential for s in current.values())


def test_topic_scores_group_by_the_questions_topic(db: Session, candidate: User) -> None:
    bank = db.scalars(select(Question).where(Question.organisation_id.is_(None)).order_by(Question.id)).all()
    first = bank[0]
    second = next(q for q in bank if q.topic_id != first.topic_id)
    answer(db, candidate, first, 0.5, NOW - timedelta(hours=3))
    answer(db, candidate, first, 0.7, NOW - timedelta(hours=2))
    answer(db, candidate, second, 1.0, NOW - timedelta(hours=1))
    topics = {t.key: t for t in progress.topic_scores(db, candidate, now=NOW)}
    assert topics[first.topic.slug].mean == pytest.approx(0.6)
    assert topics[first.topic.slug].answers == 2
    assert topics[second.topic.slug].mean == pytest.approx(1.0)
    assert len(topics) == 2  # only topics answered or chosen as a focus


def test_coverage_counts_essential_competencies_with_a_strong_answer(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="data_scientist", level="junior")
    essential = {"maths_stats", "ml_fundamentals", "programming", "evaluation", "data_handling"}
    assert progress.coverage(db, candidate, now=NOW) == (0, 5)
    strong = questions_on(db, "evaluation")[0]
    answer(db, candidate, strong, 0.75, NOW - timedelta(hours=2))
    weak = questions_on(db, "maths_stats", without="evaluation")[0]
    answer(db, candidate, weak, 0.65, NOW - timedelta(hours=1))  # below 70%: not shown yet
    expected = essential & set(strong.competencies.split())
    assert progress.coverage(db, candidate, now=NOW) == (len(expected), 5)


def test_coverage_without_a_goal_is_nothing_of_nothing(db: Session, candidate: User) -> None:
    answer(db, candidate, questions_on(db, "evaluation")[0], 1.0, NOW - timedelta(hours=1))
    assert progress.coverage(db, candidate, now=NOW) == (0, 0)


def test_streak_days_are_local_days_in_new_york(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="data_scientist", level="junior", timezone="America/New_York")
    question = questions_on(db, "evaluation")[0]
    # 23:30 and 00:30 New York time: one UTC day (03:30 and 04:30 on 5 March), but two local days
    answer(db, candidate, question, 0.5, local(2026, 3, 3, 23, 30, NEW_YORK))
    answer(db, candidate, question, 0.5, local(2026, 3, 4, 0, 30, NEW_YORK))
    assert progress.streak(db, candidate, now=local(2026, 3, 4, 12, 0, NEW_YORK)) == (2, 2)
    # the next morning, before practising, the streak still stands; a day later it is gone
    assert progress.streak(db, candidate, now=local(2026, 3, 5, 9, 0, NEW_YORK)) == (2, 2)
    assert progress.streak(db, candidate, now=local(2026, 3, 6, 9, 0, NEW_YORK)) == (0, 2)


def test_a_review_alone_keeps_the_streak(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="data_scientist", level="junior", timezone="America/New_York")
    question = questions_on(db, "evaluation")[0]
    answer(db, candidate, question, 0.5, local(2026, 3, 3, 20, 0, NEW_YORK))
    reviews.record(
        db, user=candidate, question_id=question.id, rating=scheduling.GOOD, source=RatingSource.SELF,
        at=local(2026, 3, 4, 23, 59, NEW_YORK),
    )  # fmt: skip
    assert progress.streak(db, candidate, now=local(2026, 3, 5, 0, 1, NEW_YORK)) == (2, 2)


def test_streak_and_timeline_across_the_berlin_daylight_saving_change(db: Session, candidate: User) -> None:
    goals.set_goal(db, user=candidate, role="data_scientist", level="junior", timezone="Europe/Berlin")
    question = questions_on(db, "evaluation")[0]
    # clocks go back at 03:00 on Sunday 25 October 2026, so that day has 25 hours
    answer(db, candidate, question, 0.4, local(2026, 10, 24, 23, 30, BERLIN))  # 21:30 UTC on the 24th
    answer(db, candidate, question, 0.6, local(2026, 10, 25, 23, 30, BERLIN))  # 22:30 UTC on the 25th
    answer(db, candidate, question, 0.8, local(2026, 10, 26, 0, 30, BERLIN))  # 23:30 UTC, still the 25th in UTC
    now = local(2026, 10, 26, 12, 0, BERLIN)
    assert progress.streak(db, candidate, now=now) == (3, 3)

    days = progress.daily_means(db, candidate, days=4, now=now)
    assert [d for d, _ in days] == [date(2026, 10, 23), date(2026, 10, 24), date(2026, 10, 25), date(2026, 10, 26)]
    assert [v for _, v in days] == [None, pytest.approx(0.4), pytest.approx(0.6), pytest.approx(0.8)]
    per_competency = dict(progress.timeline(db, candidate, days=4, now=now))
    assert per_competency[date(2026, 10, 25)]["evaluation"] == pytest.approx(0.6)
    assert per_competency[date(2026, 10, 23)]["evaluation"] is None
    assert set(per_competency[date(2026, 10, 25)]) == {s.key for s in progress.competency_scores(db, candidate)}


def test_longest_streak_outlives_a_broken_one(db: Session, candidate: User) -> None:
    question = questions_on(db, "evaluation")[0]
    for offset in (10, 9, 8, 7, 2, 0):
        answer(db, candidate, question, 0.5, NOW - timedelta(days=offset))
    assert progress.streak(db, candidate, now=NOW) == (1, 4)


# -- charts ----------------------------------------------------------------------------------------------


def test_charts_are_inline_svg_and_say_when_there_is_nothing_to_draw() -> None:
    radar = charts.radar(["Evaluation", "Programming", "Statistics"], [0.5, None, 0.9], [0.2, 0.1, 0.5])
    assert radar.startswith("<svg")
    assert "14 days ago" in radar
    assert "<?xml" not in radar
    days = [date(2026, 3, 1) + timedelta(days=n) for n in range(14)]
    assert "<svg" in charts.progress_line(days, [None, 0.4, *[None] * 11, 0.8])
    assert "Today" in charts.forecast_bars(days, [3, 0, 5, *[0] * 11])
    for empty in (charts.radar([], []), charts.progress_line(days, [None] * 14), charts.forecast_bars(days, [0] * 14)):
        assert "Not enough practice yet" in empty


# -- the study plan --------------------------------------------------------------------------------------

TODAY = date(2026, 3, 2)
ROLE = [  # key, name, weight, essential, mean
    ("maths_stats", "Mathematics and statistics", 0.20, True, 0.85),
    ("ml_fundamentals", "ML fundamentals", 0.20, True, None),
    ("programming", "Programming", 0.15, True, 0.75),
    ("evaluation", "Evaluation", 0.15, True, 0.40),
    ("data_handling", "Data handling", 0.15, True, 0.9),
    ("communication", "Communication", 0.10, False, 0.3),
    ("domain_knowledge", "Domain knowledge", 0.05, False, 0.8),
]
WEAK = {"ml_fundamentals", "evaluation", "communication"}


def learn_sessions(days: list[PlanDay]) -> list[tuple[int, str]]:
    return [(n, item.competency or "") for n, day in enumerate(days) for item in day.items if item.kind == LEARN]


def test_every_competency_appears_and_weak_ones_come_first_and_more_often() -> None:
    days = study_plan(
        today=TODAY, interview_date=TODAY + timedelta(days=30), competencies=ROLE, daily_minutes=45, review_load=[]
    )
    sessions = learn_sessions(days)
    keys = [key for _, key in sessions]
    assert {c[0] for c in ROLE} <= set(keys)
    first_day = {key: min(n for n, k in sessions if k == key) for key in set(keys)}
    first_slot = {key: keys.index(key) for key in set(keys)}
    assert max(first_slot[k] for k in WEAK) < min(first_slot[k] for k in set(keys) - WEAK)
    assert all(first_day[k] < len(days) / 3 for k in WEAK)
    counts = {key: keys.count(key) for key in set(keys)}
    assert min(counts[k] for k in WEAK) > max(counts[k] for k in set(keys) - WEAK)


def test_essential_before_optional_at_equal_weakness_and_weight_breaks_ties() -> None:
    role = [
        ("optional_heavy", "Optional, heavy", 0.5, False, None),
        ("essential_light", "Essential, light", 0.1, True, 0.2),
        ("essential_heavy", "Essential, heavy", 0.3, True, 0.5),
        ("strong", "Strong", 0.6, True, 0.95),
    ]
    days = study_plan(today=TODAY, interview_date=None, competencies=role, daily_minutes=30, review_load=[])
    order = list(dict.fromkeys(key for _, key in learn_sessions(days)))
    assert order == ["essential_heavy", "essential_light", "optional_heavy", "strong"]


@pytest.mark.parametrize("daily_minutes", [10, 20, 45, 90, 240])
def test_a_day_never_holds_more_than_the_daily_minutes_and_reviews_come_first(daily_minutes: int) -> None:
    load = [(TODAY + timedelta(days=n), count) for n, count in enumerate([40, 3, 0, 12, 80, 1, 0, 5, 9, 2, 0, 0, 7, 1])]
    days = study_plan(
        today=TODAY, interview_date=TODAY + timedelta(days=20), competencies=ROLE, daily_minutes=daily_minutes,
        review_load=load,
    )  # fmt: skip
    assert all(day.minutes <= daily_minutes for day in days)
    for day in days:
        kinds = [item.kind for item in day.items]
        if REVIEWS in kinds:
            assert kinds[0] == REVIEWS
    planned = sum(item.count for day in days for item in day.items if item.kind == REVIEWS)
    assert planned <= sum(count for _, count in load)
    first = days[0].items[0]
    assert first.kind == REVIEWS
    assert first.minutes == min(80, daily_minutes // 2 * 2)  # 40 cards, 2 min each


def test_reviews_that_do_not_fit_wait_for_the_next_day() -> None:
    days = study_plan(today=TODAY, interview_date=None, competencies=ROLE, daily_minutes=20, review_load=[(TODAY, 25)])
    counts = [sum(i.count for i in day.items if i.kind == REVIEWS) for day in days[:3]]
    assert counts == [10, 10, 5]


def test_the_plan_ends_the_day_before_the_interview_with_a_light_day() -> None:
    interview = TODAY + timedelta(days=12)
    load = [(TODAY + timedelta(days=n), 10) for n in range(14)]
    days = study_plan(today=TODAY, interview_date=interview, competencies=ROLE, daily_minutes=60, review_load=load)
    assert [d.day for d in days] == [TODAY + timedelta(days=n) for n in range(12)]
    last = days[-1]
    assert last.day == interview - timedelta(days=1)
    assert last.light
    assert [item.kind for item in last.items] == [REVIEWS, RECAP, REST]
    assert "Evaluation" in last.items[1].text  # the weakest competencies are re-read
    assert 0 < last.minutes <= 30
    assert all(not day.light for day in days[:-1])
    assert [n + 1 for n, day in enumerate(days) if any(i.kind == MOCK for i in day.items)] == [5, 10]


def test_plan_lengths_without_an_interview_far_away_and_today() -> None:
    def length(interview: date | None) -> int:
        return len(
            study_plan(today=TODAY, interview_date=interview, competencies=ROLE, daily_minutes=45, review_load=[])
        )

    assert length(None) == 14
    assert length(TODAY + timedelta(days=400)) == 90
    assert length(TODAY) == 0
    assert length(TODAY + timedelta(days=1)) == 1


def test_the_calendar_parses_back_with_one_all_day_event_per_day() -> None:
    days = study_plan(
        today=TODAY, interview_date=TODAY + timedelta(days=9), competencies=ROLE, daily_minutes=45,
        review_load=[(TODAY, 15)],
    )  # fmt: skip
    stamp = datetime(2026, 3, 2, 8, tzinfo=UTC)
    body = plan.plan_ics(days, title="Study plan", tz="Europe/Berlin", stamp=stamp)
    assert body == plan.plan_ics(days, title="Study plan", tz="Europe/Berlin", stamp=stamp)  # stable
    calendar = Calendar.from_ical(body)
    assert str(calendar["PRODID"]) == "-//mlinterview//study plan//EN"
    events = calendar.walk("VEVENT")
    assert len(events) == len(days) == 9
    assert [e.decoded("DTSTART") for e in events] == [d.day for d in days]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1) for e in events)
    assert len({str(e["UID"]) for e in events}) == 9
    assert str(events[0]["UID"]) == "2026-03-02-study@mlinterview"
    assert str(events[0]["SUMMARY"]) == "Study: ML fundamentals, 30 min reviews"
    assert "Reviews: 15 reviews (30 min)" in str(events[0]["DESCRIPTION"])
    assert str(events[-1]["SUMMARY"]) == "Light review day before the interview"


def test_the_pdf_is_a_pdf() -> None:
    days = study_plan(today=TODAY, interview_date=None, competencies=ROLE, daily_minutes=45, review_load=[])
    assert plan.plan_pdf(days, title="Study plan", candidate="Ada <Lovelace>").startswith(b"%PDF")
    assert plan.plan_pdf([], title="Study plan", candidate="Ada").startswith(b"%PDF")


def test_plan_for_uses_the_goal_and_needs_one(db: Session, candidate: User) -> None:
    now = datetime.now(UTC)
    assert plan.plan_for(db, user=candidate, now=now) is None
    interview = now.date() + timedelta(days=20)
    goals.set_goal(
        db, user=candidate, role="data_scientist", level="junior", interview_date=interview, daily_minutes=60
    )
    answer(db, candidate, questions_on(db, "evaluation")[0], 0.95, now - timedelta(days=1))
    days = plan.plan_for(db, user=candidate, now=now)
    assert days is not None
    assert days[0].day == now.date()
    assert days[-1].day == interview - timedelta(days=1)
    assert all(day.minutes <= 60 for day in days)
