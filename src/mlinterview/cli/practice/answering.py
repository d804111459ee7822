"""One question answered, graded, shown with its model answer and rated; the reviews due today and a single
practice question are both made of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.markup import escape
from rich.text import Text
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers import service as answers
from mlinterview.cli.console import console
from mlinterview.cli.practice.prompts import Retry, Run, ask, choose, read_answer, say, step
from mlinterview.content.models import Question, QuestionVersion
from mlinterview.content.repository import topics_with_counts
from mlinterview.errors import AppError
from mlinterview.kit.clock import as_utc
from mlinterview.practice import goals, picking, reviews, scheduling
from mlinterview.practice.models import RatingSource, Review, ReviewCard

RATING_KEYS = {"a": scheduling.AGAIN, "h": scheduling.HARD, "g": scheduling.GOOD, "e": scheduling.EASY}
BACK = "m"  # typed alone on the first line of an answer
STATUS_HEADINGS = {
    "covered": "Covered",
    "partial": "Partly covered",
    "missed": "Missed",
    "contradicted": "Contradicted",
}


@dataclass(frozen=True)
class Prompted:
    question_id: int
    slug: str
    prompt: str
    topic: str


def _prompted(question: Question) -> Prompted:
    return Prompted(question.id, question.slug, question.prompt, question.topic.name)


# -- 1. reviews due today ---------------------------------------------------------------------------------------------


def due_reviews(run: Run) -> None:
    with step(run) as (session, user):
        queue = reviews.queue(session, user=user)
        cards = [_prompted(question) for _, question in queue.cards]
        later = [(day, n) for day, n in reviews.forecast(session, user=user, days=30)[1:] if n]
    if not cards:
        after = f" The next review is on {later[0][0]:%A %d %B}." if later else ""
        console.print(f"Nothing is due today.{after}", highlight=False)
        return
    for number, question in enumerate(cards, 1):
        if not _answer(run, question, f"Review {number} of {len(cards)}"):
            return
    console.print("That was the last review due today.")


# -- 2. practise a question -------------------------------------------------------------------------------------------


def practise(run: Run) -> None:
    with step(run) as (session, user):
        topics = [(t.slug, f"{t.name} ({n})") for t, n in topics_with_counts(session, user.organisation_id) if n]
    console.print("\n[bold]Topics[/]")
    topic = choose(topics, "Topic (number), Enter for any: ", blank="")
    with step(run) as (session, user):
        question = _prompted(picking.next_question(session, user=user, topic=topic))
    _answer(run, question, "Practice question")


# -- answering one question: grade, model answer, rating -------------------------------------------------------------


def _answer(run: Run, question: Prompted, heading: str) -> bool:
    """Ask one question, record the answer and its rating; False when the candidate went back to the menu."""
    console.print()
    console.rule(Text(heading))
    console.print(f"[dim]{escape(question.topic)}[/]", highlight=False)
    say(question.prompt)
    hint = "Type your answer; an empty line ends it. Enter alone: you don't know. m alone: back to the menu."
    command, text = read_answer(hint, frozenset({BACK}))
    if command == BACK:
        return False
    if not text:
        _dont_know(run, question)
        return True
    console.print("Grading your answer…")
    with step(run) as (session, user):
        answer = answers.submit(session, user=user, slug=question.slug, text=text)
        answers.grade(session, answer_id=answer.id)
        result, suggested = answer.result or {}, reviews.suggested_rating(answer)
        model_answer = str(session.get_one(QuestionVersion, answer.question_version_id).content["model_answer"])
        answer_id = answer.id
    run.answered += 1
    _show_grade(result)
    _show_model_answer(model_answer)
    rating = _ask_rating(suggested)
    with step(run) as (session, user):
        review = reviews.rate_answer(session, user=user, answer_id=answer_id, rating=rating)
        name, day = scheduling.RATING_NAMES[review.rating], _due_day(session, user, review)
    run.reviewed += 1
    console.print(f"Rated “{name}”: this question comes back on {day:%A %d %B}.", highlight=False)
    return True


def _dont_know(run: Run, question: Prompted) -> None:
    """An empty answer: nothing to store or grade, the card is simply rated "again"."""
    with step(run) as (session, user):
        review = reviews.record(
            session, user=user, question_id=question.question_id, rating=scheduling.AGAIN, source=RatingSource.SELF
        )
        day = _due_day(session, user, review)
        version = session.get_one(Question, question.question_id).current_version
        model_answer = str(version.content["model_answer"]) if version else ""
    run.reviewed += 1
    console.print(f"Counted as “again”: this question comes back on {day:%A %d %B}.", highlight=False)
    _show_model_answer(model_answer)


def _due_day(session: Session, user: User, review: Review) -> date:
    card = session.get_one(ReviewCard, review.card_id)
    return scheduling.local_day(as_utc(card.due), goals.timezone_of(session, user))


def _show_grade(result: dict[str, Any]) -> None:
    score = float(result.get("score", 0.0))
    console.print(f"\n[bold]Score {score:.0%}[/]", highlight=False)
    points = result.get("points", [])
    for status, heading in STATUS_HEADINGS.items():
        chosen = [p for p in points if p.get("status") == status]
        if chosen:
            console.print(f"[bold]{heading}:[/]", highlight=False)
            for point in chosen:
                said = (
                    f" (you wrote: “{point['sentence']}”)" if status == "contradicted" and point.get("sentence") else ""
                )
                say(f"  - {point['statement']}{said}")
    for flag in result.get("red_flags", []):
        console.print(f"[red]Red flag:[/] {escape(flag['flag'])} (“{escape(flag['sentence'])}”)", highlight=False)
    if result.get("feedback"):
        console.print(f"[bold]Feedback:[/] {escape(str(result['feedback']))}", highlight=False)


def _show_model_answer(text: str) -> None:
    if text:
        console.print("\n[bold]Model answer[/]", highlight=False)
        say(text)


def _ask_rating(suggested: int | None) -> int | None:
    """The candidate's rating; None means "as the grade suggests"."""
    default = f", Enter = {scheduling.RATING_NAMES[suggested]}" if suggested else ""

    def parse(raw: str) -> int | None:
        if not raw and suggested:
            return None
        if raw.lower() in RATING_KEYS:
            return RATING_KEYS[raw.lower()]
        try:
            return scheduling.rating_named(raw)
        except AppError:
            raise Retry("Type a, h, g or e" + (", or press Enter." if suggested else ".")) from None

    return ask(f"\nHow well did you recall it? \\[a]gain \\[h]ard \\[g]ood \\[e]asy{default}: ", parse)
