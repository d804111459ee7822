"""Spaced repetition with FSRS (the ``fsrs`` package), in whole days, and "today" in the candidate's time zone.

A written interview answer is not a flash card seen twice in ten minutes, so the scheduler has no learning
steps: every rating moves a card straight to its next day-scale interval. Fuzzing is off, so the same history
always gives the same schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fsrs import Card, Rating, Scheduler

from mlinterview.errors import InvalidInput
from mlinterview.kit.clock import as_utc

AGAIN, HARD, GOOD, EASY = (int(r) for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy))
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
PASS = 0.5  # a grade below this is a failed recall: "again", never "hard"


@cache
def scheduler() -> Scheduler:
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(score: float) -> int:
    """The FSRS rating a graded answer earns: failed answers are "again"; "hard" means recalled with gaps."""
    if score < PASS:
        return AGAIN
    if score < 0.7:
        return HARD
    return GOOD if score < 0.9 else EASY


def rating_named(name: str) -> int:
    for value, label in RATING_NAMES.items():
        if label == name.strip().lower():
            return value
    raise InvalidInput("Rate your recall as again, hard, good or easy.")


@dataclass(frozen=True)
class Scheduled:
    state: dict[str, Any]
    due: datetime
    lapse: bool


def new_state(at: datetime) -> dict[str, Any]:
    card = Card(due=at)
    return dict(card.to_dict())


def review(state: dict[str, Any], rating: int, at: datetime) -> Scheduled:
    """The card after one review at ``at``: its new FSRS state and when it is due next."""
    at = as_utc(at).astimezone(UTC)  # SQLite hands datetimes back without their zone
    card = Card.from_dict(state)  # type: ignore[arg-type]
    was_reviewed = card.last_review is not None
    updated, _ = scheduler().review_card(card, Rating(rating), review_datetime=at)
    return Scheduled(dict(updated.to_dict()), updated.due, was_reviewed and rating == AGAIN)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"{name!r} is not a time zone; use a name such as Europe/Berlin or America/Chicago."
        ) from None


def local_day(moment: datetime, tz: str) -> date:
    return as_utc(moment).astimezone(zone(tz)).date()


def end_of_day(day: date, tz: str) -> datetime:
    """The first instant of the next local day, in UTC: a card due before it is due "on" ``day``. Built from
    the local midnight, so a day of 23 or 25 hours (a daylight-saving change) is handled by the zone."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=zone(tz)).astimezone(UTC)


def start_of_day(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone(tz)).astimezone(UTC)
