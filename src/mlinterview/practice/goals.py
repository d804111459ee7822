"""A candidate's goal: the role and level they prepare for, an optional interview date, focus topics and
their time zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.content.models import RoleProfile, Topic
from mlinterview.errors import InvalidInput
from mlinterview.kit.clock import utcnow
from mlinterview.practice import scheduling
from mlinterview.practice.models import Goal


def get(session: Session, *, user: User) -> Goal | None:
    return session.scalar(select(Goal).where(Goal.user_id == user.id))


def set_goal(
    session: Session,
    *,
    user: User,
    role: str,
    level: str,
    interview_date: date | None = None,
    topics: Sequence[str] = (),
    timezone: str = "UTC",
    daily_minutes: int = 45,
) -> Goal:
    if session.scalar(select(RoleProfile.id).where(RoleProfile.role == role, RoleProfile.level == level)) is None:
        raise InvalidInput(f"There is no role profile {role}/{level}; choose a role and a level from the lists.")
    scheduling.zone(timezone)
    if interview_date is not None and interview_date < scheduling.local_day(utcnow(), timezone):
        raise InvalidInput("The interview date is in the past; give a future date or leave it empty.")
    known = set(session.scalars(select(Topic.slug)))
    unknown = sorted(set(topics) - known)
    if unknown:
        raise InvalidInput(f"Unknown topics: {', '.join(unknown)}. The topics page lists them.")
    if not 10 <= daily_minutes <= 480:
        raise InvalidInput("Plan between 10 and 480 minutes a day.")
    goal = get(session, user=user) or Goal(user_id=user.id)
    goal.role, goal.level, goal.interview_date = role, level, interview_date
    goal.topics, goal.timezone, goal.daily_minutes = list(dict.fromkeys(topics)), timezone, daily_minutes
    session.add(goal)
    session.flush()
    return goal


def profile(session: Session, goal: Goal) -> RoleProfile:
    return session.scalars(
        select(RoleProfile).where(RoleProfile.role == goal.role, RoleProfile.level == goal.level)
    ).one()


def timezone_of(session: Session, user: User) -> str:
    goal = get(session, user=user)
    return goal.timezone if goal else "UTC"
