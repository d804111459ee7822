"""A candidate's own progress and study plan: scores per competency and topic, charts, streaks, and a
day-by-day plan to the interview, downloadable as a calendar file or a PDF. Every signed-in user sees only
their own practice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from mlinterview.accounts.models import User
from mlinterview.errors import NotFound
from mlinterview.kit.clock import utcnow
from mlinterview.practice import charts, goals, plan, progress, reviews
from mlinterview.web.deps import CurrentUser, SessionDep
from mlinterview.web.templating import render

router = APIRouter()

SNAPSHOT_DAYS = 14
TIMELINE_DAYS = 30


@router.get("/practice/progress")
def progress_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    now = utcnow()
    scores = progress.competency_scores(session, user, now=now)
    earlier = progress.competency_scores(session, user, now=now - timedelta(days=SNAPSHOT_DAYS))
    daily = progress.daily_means(session, user, days=TIMELINE_DAYS, now=now)
    due = reviews.forecast(session, user=user, days=14, now=now)
    current, longest = progress.streak(session, user, now=now)
    goal = goals.get(session, user=user)
    labels = [s.name for s in scores]
    return render(
        request,
        "practice_progress/progress.html",
        user=user,
        goal=goal,
        profile_title=goals.profile(session, goal).title if goal else None,
        scores=scores,
        topics=progress.topic_scores(session, user, now=now),
        graded=progress.graded_answers(session, user, now=now),
        streak=current,
        longest=longest,
        coverage=progress.coverage(session, user, now=now),
        due_today=due[0][1] if due else 0,
        due_fortnight=sum(count for _, count in due),
        radar=Markup(  # noqa: S704 - matplotlib escapes text
            charts.radar(labels, [s.mean for s in scores], _previous(earlier))
        ),
        line=Markup(charts.progress_line([d for d, _ in daily], [v for _, v in daily])),  # noqa: S704
        forecast=Markup(charts.forecast_bars([d for d, _ in due], [c for _, c in due])),  # noqa: S704
        timeline_days=TIMELINE_DAYS,
    )


@dataclass(frozen=True)
class Week:
    start: date
    days: list[plan.PlanDay]


@router.get("/practice/plan")
def plan_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    goal = goals.get(session, user=user)
    days = plan.plan_for(session, user=user) or []
    weeks = [Week(start, list(group)) for start, group in groupby(days, key=lambda d: _monday(d.day))]
    return render(
        request,
        "practice_progress/plan.html",
        user=user,
        goal=goal,
        profile_title=goals.profile(session, goal).title if goal else None,
        plan=days,
        weeks=weeks,
        today=days[0].day if days else None,
        mocks=sum(1 for d in days for item in d.items if item.kind == plan.MOCK),
        learn_minutes=sum(item.minutes for d in days for item in d.items if item.kind == plan.LEARN),
        review_count=sum(item.count for d in days for item in d.items if item.kind == plan.REVIEWS),
    )


@router.get("/practice/plan.ics")
def plan_calendar(session: SessionDep, user: CurrentUser) -> Response:
    days, goal_tz = _plan_or_404(session, user)
    body = plan.plan_ics(days, title="Interview study plan", tz=goal_tz)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="study-plan.ics"'},
    )


@router.get("/practice/plan.pdf")
def plan_document(session: SessionDep, user: CurrentUser) -> Response:
    days, _ = _plan_or_404(session, user)
    body = plan.plan_pdf(days, title="Interview study plan", candidate=user.name)
    return Response(
        body, media_type="application/pdf", headers={"Content-Disposition": 'attachment; filename="study-plan.pdf"'}
    )


def _plan_or_404(session: SessionDep, user: User) -> tuple[list[plan.PlanDay], str]:
    days = plan.plan_for(session, user=user)
    if days is None:
        raise NotFound("You have no study plan yet: set a goal on the practice page (/practice) first.")
    return days, goals.timezone_of(session, user)


def _previous(earlier: list[progress.CompetencyScore]) -> list[float | None] | None:
    """The snapshot to compare with, when the candidate had scores back then."""
    values = [s.mean for s in earlier]
    return values if any(v is not None for v in values) else None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
