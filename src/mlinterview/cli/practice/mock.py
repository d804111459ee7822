"""The timed mock interview: resume or start one, ask its questions against the clock, grade, and summarise."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from rich.markup import escape
from rich.table import Table
from rich.text import Text
from sqlalchemy import select

from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.cli.console import console
from mlinterview.cli.practice.prompts import Retry, Run, ask, minutes, read_answer, say, step, warn
from mlinterview.content.models import Competency, QuestionVersion
from mlinterview.db import session_scope
from mlinterview.practice import goals, mocks

SKIP, END = "s", "e"  # typed alone on the first line of an answer
HANDS_ON = {
    "exercise": "Coding exercise {title} (mlinterview exercises show {slug})",
    "takehome": "Take-home project {title} (mlinterview takehome export-data {slug} DIR)",
}


def mock_interview(run: Run) -> None:
    mock_id = _resume_or_start(run)
    if mock_id is None:
        return
    _run_mock(run, mock_id)
    _grade_pending(run, mock_id)
    _show_summary(run, mock_id)


# -- resume or start --------------------------------------------------------------------------------------------------


def _resume_or_start(run: Run) -> int | None:
    with step(run) as (session, user):
        goal = goals.get(session, user=user)
        running = mocks.unfinished(session, user=user)
        done = sum(1 for i in running.items if i.answer_id or i.skipped) if running else 0
        unfinished = (running.id, len(running.items)) if running else None
    if goal is None:
        warn("Set your goal first.")
        return None
    if unfinished is not None:
        console.print(
            f"You have a mock interview in progress: {done} of {unfinished[1]} questions done.", highlight=False
        )
        if ask("\\[r]esume it or start a \\[n]ew one: ", _resume_choice):
            return unfinished[0]
        with step(run) as (session, user):
            mocks.finish(session, user=user, mock_id=unfinished[0])
    size = ask(f"Questions ({mocks.SIZES.start}-{mocks.SIZES.stop - 1}), Enter for 5: ", _whole(5, mocks.SIZES))
    per_question = ask("Minutes per question (1-20), Enter for 4: ", _whole(4, range(1, 21)))
    with step(run) as (session, user):
        mock = mocks.start(
            session, user=user, role=goal.role, level=goal.level, size=size, minutes_per_question=per_question
        )
        mock_id = mock.id
    run.mocks += 1
    per = "1 minute" if per_question == 1 else f"{per_question} minutes"
    console.print(
        f"A {size}-question mock interview for {goal.role.replace('_', ' ')} ({goal.level}), {per} a question. "
        "The clock of each question starts when it is shown.",
        highlight=False,
    )
    return mock_id


def _resume_choice(raw: str) -> bool:
    if raw.lower() in ("r", "resume", ""):
        return True
    if raw.lower() in ("n", "new"):
        return False
    raise Retry("Type r to resume or n for a new one.")


def _whole(default: int, allowed: range) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        if not raw:
            return default
        if raw.isdigit() and int(raw) in allowed:
            return int(raw)
        raise Retry(f"Type a whole number from {allowed.start} to {allowed.stop - 1}, or press Enter.")

    return parse


# -- the questions ----------------------------------------------------------------------------------------------------


def _run_mock(run: Run, mock_id: int) -> None:
    hint = "Type your answer; an empty line ends it. s alone (or nothing): skip. e alone: end the interview now."
    while True:
        with step(run) as (session, user):
            item = mocks.current(session, user=user, mock_id=mock_id)
            if item is None:
                return
            mock = mocks.get(session, user=user, mock_id=mock_id)
            competency = session.scalar(select(Competency.name).where(Competency.key == item.competency))
            prompt = str(session.get_one(QuestionVersion, item.question_version_id).content["prompt"])
            shown = (item.id, item.position + 1, len(mock.items), mocks.seconds_left(mock, item))
        item_id, number, total, left = shown
        console.print()
        console.rule(Text(f"Question {number} of {total}"))
        console.print(f"[dim]{escape(competency or item.competency)}[/]", highlight=False)
        say(prompt)
        time_note = (
            f"{minutes(left)} left." if left else "The time for this question is up; an answer counts as overtime."
        )
        console.print(f"[bold]{time_note}[/]", highlight=False)
        command, text = read_answer(hint, frozenset({SKIP, END}))
        if command == END:
            with step(run) as (session, user):
                mocks.finish(session, user=user, mock_id=mock_id)
            return
        _record_mock_answer(run, mock_id, item_id, text)


def _record_mock_answer(run: Run, mock_id: int, item_id: int, text: str) -> None:
    if not text:
        with step(run) as (session, user):
            mocks.skip(session, user=user, mock_id=mock_id, item_id=item_id)
        console.print("Skipped.")
        return
    console.print("Saving and grading…")
    with step(run) as (session, user):
        item = mocks.answer(session, user=user, mock_id=mock_id, item_id=item_id, text=text)
        assert item.answer_id is not None
        answers.grade(session, answer_id=item.answer_id)
        overtime = item.overtime
    run.answered += 1
    console.print("Saved, after the time was up: the summary marks it overtime." if overtime else "Saved.")


def _grade_pending(run: Run, mock_id: int) -> None:
    """Answers of a resumed mock that were stored but not graded yet (typed in the browser, say)."""
    with step(run) as (session, user):
        ids = [i.answer_id for i in mocks.get(session, user=user, mock_id=mock_id).items if i.answer_id]
        pending = [
            a.id
            for a in session.scalars(select(Answer).where(Answer.id.in_(ids)))
            if a.status is not AnswerStatus.GRADED
        ]
    for answer_id in pending:
        with session_scope() as session:
            answers.grade(session, answer_id=answer_id)


# -- the summary ------------------------------------------------------------------------------------------------------


def _show_summary(run: Run, mock_id: int) -> None:
    with step(run) as (session, user):
        summary = mocks.summary(session, user=user, mock_id=mock_id)  # also schedules the answered questions
    console.print()
    console.rule("Mock interview summary")
    table = Table("Competency", "Answered", "Skipped", "Mean score")
    for result in summary.competencies:
        mean = f"{result.mean:.0%}" if result.mean is not None else "-"
        table.add_row(escape(result.name), str(len(result.scores)), str(result.skipped), mean)
    console.print(table)
    for item, question, answer in summary.items:
        outcome = "skipped" if answer is None else _outcome(answer, item.overtime)
        say(f"{item.position + 1}. {textwrap.shorten(question.prompt, 70, placeholder='…')}: {outcome}")
    if summary.pending:
        counted = "1 answer is" if summary.pending == 1 else f"{summary.pending} answers are"
        warn(f"{counted} still being graded; the means leave them out.")
    if summary.weakest:
        weakest = ", ".join(
            f"{r.name} ({r.mean:.0%})" if r.mean is not None else f"{r.name} (skipped)" for r in summary.weakest
        )
        console.print(f"\n[bold]Weakest areas:[/] {escape(weakest)}", highlight=False)
        _show_study(summary)
    _show_hands_on(summary)


def _outcome(answer: Answer, overtime: bool) -> str:
    score = (
        f"{float(answer.result['score']):.0%}"
        if answer.status is AnswerStatus.GRADED and answer.result
        else "being graded"
    )
    return f"{score}, overtime" if overtime else score


def _show_study(summary: mocks.Summary) -> None:
    names = {r.key: r.name for r in summary.competencies}
    console.print("[bold]Study next:[/]", highlight=False)
    for key, questions in summary.study.items():
        if questions:
            say(f"  {names.get(key, key)}:")
            for question in questions:
                say(f"    - {textwrap.shorten(question.prompt, 70, placeholder='…')} ({question.slug})")


def _show_hands_on(summary: mocks.Summary) -> None:
    """Coding exercises and take-home projects for the weakest areas, with the command that starts each."""
    for kind, slug, title in summary.hands_on:
        line = HANDS_ON[kind].format(title=title, slug=slug)
        console.print(f"[bold]Practise hands-on:[/] {escape(line)}", highlight=False)
