"""A day-by-day study plan up to the interview, and the same plan as a calendar file and a PDF.

``study_plan`` is pure: it is given the day, the interview date, the role's competencies with the candidate's
mean scores, their daily minutes and the reviews falling due, and decides:

- reviews come first each day (about two minutes a card); what does not fit waits for the next day;
- learning fills the rest of the day, in blocks of at least a quarter of an hour;
- every competency of the role gets a session when there are enough blocks; weak ones (never answered, or
  a mean under 60%) come first and get more sessions; essential before optional, heavier weight first;
- a mock interview every fifth day;
- the day before the interview is light: reviews and a short re-read of the weakest competencies, in at
  most half the usual time, and rest.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from xml.sax.saxutils import escape

from icalendar import Calendar, Event
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.content.pdf import BRAND, MUTED, STYLES
from mlinterview.kit.clock import utcnow
from mlinterview.practice import goals, progress, reviews, scheduling

WEAK_BELOW = 0.6
REVIEW_MINUTES = 2
MIN_BLOCK = 15  # a learning block shorter than this is not worth starting
BLOCK = 30  # a day's learning is split into blocks of about this length
MAX_BLOCKS = 3
MOCK_MINUTES = 30  # five questions of four minutes, and reading the summary
MOCK_EVERY = 5
DEFAULT_DAYS = 14
MAX_DAYS = 90

RECAP_MINUTES = 20

REVIEWS, LEARN, MOCK, RECAP, REST = "reviews", "learn", "mock", "recap", "rest"


@dataclass(frozen=True)
class Need:
    """A competency of the role with the candidate's mean score (None: never answered)."""

    key: str
    name: str
    weight: float
    essential: bool
    mean: float | None

    @property
    def weak(self) -> bool:
        return self.mean is None or self.mean < WEAK_BELOW

    @property
    def priority(self) -> tuple[bool, bool, float, float, str]:
        """Sorts weak first, then essential, then heavier, then lower scores."""
        return (not self.weak, not self.essential, -self.weight, -1.0 if self.mean is None else self.mean, self.key)


@dataclass(frozen=True)
class PlanItem:
    kind: str  # reviews, learn, mock, recap (the light day's re-reading) or rest
    minutes: int
    text: str  # "12 reviews", "Model evaluation and validation", "Mock interview", …
    competency: str | None = None  # the key, for a learning block
    count: int = 0  # cards, for reviews


@dataclass
class PlanDay:
    day: date
    items: list[PlanItem] = field(default_factory=list)
    light: bool = False  # the day before the interview

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def summary(self) -> str:
        """One line for a calendar: "Study: Model evaluation and validation, 30 min reviews"."""
        if self.light:
            return "Light review day before the interview"
        parts = [item.text for item in self.items if item.kind in (LEARN, MOCK)]
        parts += [f"{item.minutes} min reviews" for item in self.items if item.kind == REVIEWS and item.minutes]
        return "Study: " + ", ".join(parts) if parts else "Rest day"


def study_plan(
    *,
    today: date,
    interview_date: date | None,
    competencies: Sequence[tuple[str, str, float, bool, float | None]],
    daily_minutes: int,
    review_load: Sequence[tuple[date, int]],
) -> list[PlanDay]:
    """A plan from ``today`` to the day before the interview (14 days without one; 90 at most)."""
    length = DEFAULT_DAYS if interview_date is None else (interview_date - today).days
    days = [PlanDay(today + timedelta(days=n)) for n in range(max(0, min(length, MAX_DAYS)))]
    if interview_date is not None and days and days[-1].day == interview_date - timedelta(days=1):
        days[-1].light = True
    _add_reviews(days, dict(review_load), daily_minutes)
    for number, day in enumerate(days, start=1):
        room = daily_minutes - day.minutes
        if not day.light and number % MOCK_EVERY == 0 and room >= MIN_BLOCK:
            day.items.append(PlanItem(MOCK, min(MOCK_MINUTES, room), "Mock interview"))
    needs = [Need(*c) for c in competencies]
    blocks = [_block_minutes(daily_minutes - day.minutes) if not day.light else [] for day in days]
    queue = _sessions(needs, sum(len(b) for b in blocks))
    for day, minutes in zip(days, blocks, strict=True):
        for length_ in minutes:
            need = _take(queue, {item.competency for item in day.items})
            day.items.append(PlanItem(LEARN, length_, need.name, competency=need.key))
        if day.light:
            _finish_light(day, needs, daily_minutes // 2)
    return days


def _finish_light(day: PlanDay, needs: Sequence[Need], budget: int) -> None:
    """The day before the interview: a short re-read of the weakest competencies, then rest."""
    room = min(RECAP_MINUTES, budget - day.minutes)
    weakest = [n.name for n in sorted(needs, key=lambda n: n.priority)[:2]]
    if room >= MIN_BLOCK // 2 and weakest:
        day.items.append(PlanItem(RECAP, room, " and ".join(weakest)))
    day.items.append(PlanItem(REST, 0, "Sleep early and prepare your questions for the interviewers"))


def _add_reviews(days: list[PlanDay], due: dict[date, int], daily_minutes: int) -> None:
    """Reviews first; a day holds as many as its minutes allow (half on the light day), the rest carry over."""
    backlog = 0
    for day in days:
        backlog += due.get(day.day, 0)
        budget = daily_minutes // 2 if day.light else daily_minutes
        count = min(backlog, budget // REVIEW_MINUTES)
        backlog -= count
        if count:
            text = f"{count} review{'s' if count != 1 else ''}"
            day.items.append(PlanItem(REVIEWS, count * REVIEW_MINUTES, text, count=count))


def _block_minutes(room: int) -> list[int]:
    """The day's remaining minutes as one to three learning blocks, each at least MIN_BLOCK long."""
    if room < MIN_BLOCK:
        return []
    count = max(1, min(MAX_BLOCKS, room // BLOCK, room // MIN_BLOCK))
    base, extra = divmod(room, count)
    return [base + (1 if n < extra else 0) for n in range(count)]


def _sessions(needs: Sequence[Need], slots: int) -> list[Need]:
    """The order of learning blocks: every competency once (weak first), then the extra blocks, mostly for
    weak competencies, round by round so each round again starts with the weakest."""
    ordered = sorted(needs, key=lambda n: n.priority)
    if not ordered or slots <= 0:
        return []
    counts = {n.key: 1 for n in ordered}
    extra = slots - len(ordered)
    if extra > 0:
        for key, share in _largest_remainders({n.key: _appetite(n, ordered) for n in ordered}, extra).items():
            counts[key] += share
    rounds = max(counts.values())
    return [n for r in range(rounds) for n in ordered if counts[n.key] > r][:slots]


def _appetite(need: Need, needs: Sequence[Need]) -> float:
    """A weak competency wants at least twice the extra time of any strong one."""
    heaviest = max(n.weight for n in needs) or 1.0
    relative = need.weight / heaviest if heaviest > 0 else 1.0
    return 1.0 + relative if need.weak else 0.5 * relative


def _largest_remainders(wants: dict[str, float], total: int) -> dict[str, int]:
    weight = sum(wants.values())
    if weight <= 0:
        return {}
    exact = {key: total * want / weight for key, want in wants.items()}
    counts = {key: math.floor(share) for key, share in exact.items()}
    order = sorted(exact, key=lambda key: -(exact[key] - counts[key]))  # stable: keeps the priority order
    for key in order[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def _take(queue: list[Need], today: set[str | None]) -> Need:
    """The next session, skipping ahead past a competency already on today's plan when another is waiting."""
    for index, need in enumerate(queue):
        if need.key not in today:
            return queue.pop(index)
    return queue.pop(0)


def plan_for(session: Session, *, user: User, now: datetime | None = None) -> list[PlanDay] | None:
    """The candidate's plan from their goal, scores and review forecast; None when they have set no goal."""
    goal = goals.get(session, user=user)
    if goal is None:
        return None
    now = now or utcnow()
    scores = progress.competency_scores(session, user, now=now)
    return study_plan(
        today=scheduling.local_day(now, goal.timezone),
        interview_date=goal.interview_date,
        competencies=[(s.key, s.name, s.weight, s.essential, s.mean) for s in scores],
        daily_minutes=goal.daily_minutes,
        review_load=reviews.forecast(session, user=user, days=DEFAULT_DAYS, now=now),
    )


def describe(item: PlanItem) -> str:
    """An item as a line of the plan: "30 min · Model evaluation and validation"."""
    if item.kind == REST:
        return item.text
    label = {LEARN: "Learn", MOCK: "Mock interview", REVIEWS: "Reviews", RECAP: "Recap"}[item.kind]
    detail = {MOCK: "five questions against the clock, then read the summary"}.get(item.kind, item.text)
    return f"{label}: {detail} ({item.minutes} min)"


def plan_ics(plan: Sequence[PlanDay], *, title: str, tz: str, stamp: datetime | None = None) -> bytes:
    """One all-day event per day. A day's UID depends only on its date, so importing a newer plan updates
    the events of an older one instead of adding copies."""
    calendar = Calendar()
    calendar.add("prodid", "-//mlinterview//study plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", tz)
    stamp = stamp or utcnow()
    for day in plan:
        event = Event()
        event.add("uid", f"{day.day.isoformat()}-study@mlinterview")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", day.day)
        event.add("dtend", day.day + timedelta(days=1))
        event.add("summary", day.summary)
        event.add("description", "\n".join(f"• {describe(item)}" for item in day.items) or "Rest.")
        event.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy block
        calendar.add_component(event)
    body: bytes = calendar.to_ical()
    return body


def plan_pdf(plan: Sequence[PlanDay], *, title: str, candidate: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="mlinterview", leftMargin=18 * mm, rightMargin=18 * mm,
        topMargin=16 * mm, bottomMargin=16 * mm,
    )  # fmt: skip
    span = f"{_day(plan[0].day, '%B')} to {_day(plan[-1].day, '%B %Y')}" if plan else "no days before the interview"
    story: list[Flowable] = [
        Paragraph(escape(title), STYLES["title"]),
        Paragraph(escape(f"{candidate} · {len(plan)} days · {span}"), STYLES["meta"]),
        Spacer(1, 6 * mm),
    ]
    if plan:
        story.append(_pdf_table(plan))
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _pdf_table(plan: Sequence[PlanDay]) -> Table:
    body = STYLES["body"]
    rows: list[list[Flowable | str]] = [[Paragraph(f"<b>{h}</b>", body) for h in ("Day", "Plan", "Minutes")]]
    for day in plan:
        items = "<br/>".join(escape(describe(item)) for item in day.items) or "Rest."
        when = f"{day.day:%a} {_day(day.day, '%b')}"
        rows.append([Paragraph(when, body), Paragraph(items, body), Paragraph(str(day.minutes), body)])
    table = Table(rows, colWidths=[26 * mm, None, 18 * mm], repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2ff")),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#e5e7eb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TEXTCOLOR", (0, 1), (0, -1), BRAND),
    ]
    for row, day in enumerate(plan, start=1):
        if day.day.weekday() == 0 and row > 1:
            style.append(("LINEABOVE", (0, row), (-1, row), 1.2, BRAND))  # a new week
        if day.light:
            style.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor("#f5f3ff")))
    table.setStyle(TableStyle(style))
    return table


def _day(day: date, rest: str) -> str:
    """ "7 December 2026" rather than "07 December 2026"."""
    return f"{day.day} {day.strftime(rest)}"


def _footer(canvas: object, document: object) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
    canvas.drawString(18 * mm, 9 * mm, "mlinterview study plan")  # type: ignore[attr-defined]
    canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"page {document.page}")  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]
