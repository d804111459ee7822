"""Asking for the candidate's goal (role, level, interview date, time zone) and saving it."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import select

from mlinterview.cli.console import console
from mlinterview.cli.practice.prompts import Retry, Run, ask, choose, step, warn
from mlinterview.content.models import RoleProfile
from mlinterview.errors import AppError
from mlinterview.practice import goals, scheduling

LEVELS = ("junior", "mid", "senior")


def ensure_goal(run: Run) -> None:
    with step(run) as (session, user):
        if goals.get(session, user=user) is not None:
            return
        profiles = [(p.role, p.level, p.title) for p in session.scalars(select(RoleProfile).order_by(RoleProfile.id))]
    console.print("\n[bold]Your goal[/]: what you are preparing for. It chooses your mock interview questions.")
    titles = {role: title for role, level, title in profiles if level == "mid"}
    roles = list(dict.fromkeys(role for role, _, _ in profiles))
    role = choose([(r, titles.get(r, r.replace("_", " "))) for r in roles], "Role (number): ")
    levels = [level for level in LEVELS if any(p[:2] == (role, level) for p in profiles)]
    level = choose([(lv, lv) for lv in levels], "Level (number): ")
    zone = _local_zone()
    while True:
        when = ask("Interview date (YYYY-MM-DD), Enter if none: ", _interview_date)
        timezone = ask(f"Time zone, Enter for {zone}: ", lambda raw: _zone(raw or zone))
        try:
            with step(run) as (session, user):
                goals.set_goal(session, user=user, role=role, level=level, interview_date=when, timezone=timezone)
            break
        except AppError as error:
            warn(error.message)
    console.print("Goal saved.")


def _interview_date(raw: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Retry("Give the date as YYYY-MM-DD (year, month, day), or press Enter.") from None


def _zone(name: str) -> str:
    scheduling.zone(name)  # InvalidInput with an example when it is not a zone
    return name


def _local_zone() -> str:
    """This machine's IANA zone name (from TZ or /etc/localtime), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in (c.removeprefix("posix/").removeprefix("right/") for c in candidates if c):
        try:
            return _zone(name)
        except AppError:
            continue
    return "UTC"
