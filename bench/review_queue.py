"""Latency of the review-queue page for a candidate with a long history: 5,000 reviews over the last 120 days.

    .venv/bin/python bench/review_queue.py [--reviews 5000] [--requests 200]

A fresh SQLite file in a temporary folder is migrated and loaded with the bundled bank; a candidate signs up and
sets a goal in America/Los_Angeles. Their history is recorded through ``practice.reviews.record`` with explicit
times, as it happened: on each of the 120 days before today they review between 07:00 and 23:00 local time,
first the cards due (most overdue first, as the queue lists them), then up to 4 new questions a day (until they
have tried ~300, or the whole bank if it is smaller), then extra practice of questions seen before (mock
interviews, "practise next"); 15% of the recalls are rated "again", 25% "hard", 45% "good", 15% "easy". The
page is measured as the candidate opens it before reviewing today: some cards are due today, most later.

Then ``GET /practice/review`` is rendered by the real app (``create_app`` through starlette's TestClient, signed
in through the login form), timed --requests times after 20 warm-ups; ``reviews.queue()`` and
``reviews.forecast()``, which the page calls, are timed alone the same way, and so is ``GET /health`` (the same
client, middleware and one database round trip, no page): what is left of the page's time is the signed-in
session, the template and the transport. The target is a 100 ms median for the page.
"""

from __future__ import annotations

import argparse
import heapq
import random
import re
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from mlinterview.accounts import service as accounts
from mlinterview.accounts.models import User
from mlinterview.config import BUNDLED_CONTENT, load_settings
from mlinterview.content.loader import load_bank
from mlinterview.content.models import Question
from mlinterview.content.repository import visible_to
from mlinterview.content.sync import sync_bank
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import upgrade
from mlinterview.db.session import set_session_factory
from mlinterview.kit.clock import as_utc
from mlinterview.main import create_app
from mlinterview.practice import goals, reviews, scheduling
from mlinterview.practice.models import RatingSource, Review, ReviewCard

SEED = 20260301
TIMEZONE = "America/Los_Angeles"
DAYS = 120
CARDS = 300
NEW_PER_DAY = 4
RATINGS = [(scheduling.AGAIN, 0.15), (scheduling.HARD, 0.25), (scheduling.GOOD, 0.45), (scheduling.EASY, 0.15)]
EMAIL, PASSWORD = "bench@example.com", "a long bench passphrase"
WARMUPS = 20
TARGET_MS = 100


# -- the candidate and their history ---------------------------------------------------------------------------------


def prepare(url: str) -> None:
    upgrade(url)
    with Session(get_engine(url)) as session:
        sync_bank(session, load_bank(BUNDLED_CONTENT))
        user = accounts.sign_up(session, name="Bench Candidate", email=EMAIL, password=PASSWORD)
        goals.set_goal(session, user=user, role="ml_engineer", level="mid", timezone=TIMEZONE)
        session.commit()


def record_history(url: str, total: int, now: datetime, rng: random.Random) -> float:
    """``total`` reviews over the ``DAYS`` local days before today; returns the seconds recording took."""
    started = time.perf_counter()
    with Session(get_engine(url)) as session:
        user = session.scalars(select(User).where(User.email == EMAIL)).one()
        bank = list(session.scalars(select(Question.id).where(visible_to(user.organisation_id)).order_by(Question.id)))
        untried = rng.sample(bank, min(CARDS, len(bank)))
        due: list[tuple[datetime, int]] = []  # a heap of (due, question id) of the cards tried so far
        tried: list[int] = []
        today = scheduling.local_day(now, TIMEZONE)
        per_day = _spread(total, DAYS, rng)
        for back, quota in zip(range(DAYS, 0, -1), per_day, strict=True):
            moments = _moments(today - timedelta(days=back), quota, rng)
            new_today = NEW_PER_DAY
            for at in moments:
                if due and due[0][0] <= at:
                    question_id = heapq.heappop(due)[1]
                elif untried and new_today:
                    question_id, new_today = untried.pop(), new_today - 1
                    tried.append(question_id)
                else:  # extra practice of a question seen before (a mock interview, "practise next")
                    question_id = rng.choice(tried)
                    due = [entry for entry in due if entry[1] != question_id]
                    heapq.heapify(due)
                review = reviews.record(
                    session, user=user, question_id=question_id, rating=_rating(rng), source=RatingSource.SELF, at=at
                )
                card = session.get_one(ReviewCard, review.card_id)
                heapq.heappush(due, (as_utc(card.due), question_id))
            session.commit()
    return time.perf_counter() - started


def _spread(total: int, days: int, rng: random.Random) -> list[int]:
    """Reviews per day: busier on some days than others, ``total`` in all."""
    counts = [0] * days
    for day in rng.choices(range(days), weights=[rng.uniform(0.3, 1.7) for _ in range(days)], k=total):
        counts[day] += 1
    return counts


def _moments(day: date, count: int, rng: random.Random) -> list[datetime]:
    """``count`` times on a local day between 07:00 and 23:00, in UTC, in order."""
    start = datetime.combine(day, clock_time(7), tzinfo=scheduling.zone(TIMEZONE))
    return sorted((start + timedelta(minutes=rng.uniform(0, 16 * 60))).astimezone(UTC) for _ in range(count))


def _rating(rng: random.Random) -> int:
    return rng.choices([r for r, _ in RATINGS], weights=[w for _, w in RATINGS])[0]


# -- timing ----------------------------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timings(work: Callable[[], object], n: int) -> list[float]:
    for _ in range(WARMUPS):
        work()
    out = []
    for _ in range(n):
        started = time.perf_counter()
        work()
        out.append((time.perf_counter() - started) * 1000)
    return out


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
        f"max {max(values):.1f} ms over {len(values)}"
    )


def signed_in(client: TestClient) -> None:
    """Sign in through the real login form, as a browser does."""
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert token, "the login page has no CSRF field"
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1)}
    response = client.post("/login", data=form)
    assert response.status_code == 200, response.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reviews", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(SEED)  # noqa: S311 - a reproducible history, not a secret

    with tempfile.TemporaryDirectory(prefix="review-queue-bench-") as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        prepare(url)
        now = datetime.now(UTC)
        seconds = record_history(url, args.reviews, now, rng)
        engine = get_engine(url)
        set_session_factory(sessionmaker(engine, expire_on_commit=False))
        settings = load_settings(
            database_url=url, data_dir=Path(folder), secret_key=secrets.token_urlsafe(48), demo_data=False,
            rate_limit_storage_url="memory://", log_level="warning",
        )  # fmt: skip
        with Session(engine) as session:
            user = session.scalars(select(User).where(User.email == EMAIL)).one()
            stored = session.scalar(select(func.count()).select_from(Review).where(Review.user_id == user.id))
            cards = session.scalar(select(func.count()).select_from(ReviewCard).where(ReviewCard.user_id == user.id))
            queue = reviews.queue(session, user=user)
            overdue = session.scalar(
                select(func.count()).select_from(ReviewCard).where(
                    ReviewCard.user_id == user.id, ReviewCard.due < scheduling.start_of_day(queue.today, TIMEZONE)
                )
            )  # fmt: skip
            # an empty identity map each time, as a request's session starts
            queue_ms = timings(lambda: (session.expunge_all(), reviews.queue(session, user=user)), args.requests)
            forecast_ms = timings(
                lambda: (session.expunge_all(), reviews.forecast(session, user=user, days=7)), args.requests
            )

        with TestClient(create_app(settings), base_url="http://testserver") as client:
            signed_in(client)
            page = client.get("/practice/review")
            assert page.status_code == 200, page.text
            assert "Due today" in page.text
            assert "Check my answer" in page.text or not queue.due  # the first due card, ready to answer
            page_ms = timings(lambda: client.get("/practice/review"), args.requests)
            health_ms = timings(lambda: client.get("/health"), args.requests)

    median = statistics.median(page_ms)
    print(f"database: SQLite (fresh file); candidate's time zone: {TIMEZONE}; today there: {queue.today}")
    print(f"history: {stored:,} reviews of {cards} cards over {DAYS} days (recorded in {seconds:.1f} s)")
    print(
        f"due today: {queue.due} cards ({overdue} of them overdue from earlier days); due later: "
        f"{(cards or 0) - queue.due}; reviewed today: {queue.reviewed_today}"
    )
    print(f"GET /practice/review (the page, {WARMUPS} warm-ups): {summary(page_ms)}")
    print(f"reviews.queue() alone: {summary(queue_ms)}")
    print(f"reviews.forecast(days=7) alone: {summary(forecast_ms)}")
    print(f"GET /health (the same client and app, no page): {summary(health_ms)}")
    verdict = "met" if median <= TARGET_MS else "NOT met"
    print(f"target: median under {TARGET_MS} ms for the page: {verdict} ({median:.1f} ms)")


if __name__ == "__main__":
    main()
