"""``mlinterview practice``: the practice loop in a terminal, over SSH too (plain prompts on standard input and
output, no mouse, no full screen): the daily reviews, single questions, timed mock interviews and progress.

Two modes share the practice services and tables: ``--email`` signs in to the configured database, so the
progress is the web account's; ``--offline`` keeps a local profile in its own SQLite file. Every recorded answer
and review is its own unit of work, committed at once, so Ctrl+C or the end of input at any prompt loses
nothing that was recorded."""

from __future__ import annotations

import getpass
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mlinterview.accounts import service as accounts
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.cli.console import console
from mlinterview.cli.setup import prepare
from mlinterview.config import get_settings, load_settings
from mlinterview.content.models import Competency, Question, QuestionVersion, RoleProfile
from mlinterview.content.repository import topics_with_counts
from mlinterview.db import session_scope
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import current_revision, head_revision
from mlinterview.db.session import set_session_factory
from mlinterview.errors import AppError, InvalidInput
from mlinterview.kit import clock
from mlinterview.kit.clock import as_utc
from mlinterview.kit.secrets import new_password
from mlinterview.practice import goals, mocks, picking, progress, reviews, scheduling
from mlinterview.practice.models import RatingSource, Review, ReviewCard

T = TypeVar("T")
DEFAULT_PROFILE = Path("~/.mlinterview/practice.db")
OFFLINE_EMAIL = "candidate@offline.example"  # the one account of a local profile; nobody signs in with it
LEVELS = ("junior", "mid", "senior")
RATING_KEYS = {"a": scheduling.AGAIN, "h": scheduling.HARD, "g": scheduling.GOOD, "e": scheduling.EASY}
BACK, SKIP, END = "m", "s", "e"  # typed alone on the first line of an answer
STATUS_HEADINGS = {
    "covered": "Covered",
    "partial": "Partly covered",
    "missed": "Missed",
    "contradicted": "Contradicted",
}


class Retry(ValueError):
    """An answer to a prompt that cannot be used; its message says what to type instead."""


@dataclass
class Run:
    """This run of the command: whose practice it is, and what was recorded (for the closing line)."""

    user_id: int
    answered: int = 0
    reviewed: int = 0
    mocks: int = 0

    def tally(self) -> str:
        return (
            f"This session: {self.answered} answered, {self.reviewed} reviewed, "
            f"{self.mocks} mock interview{'' if self.mocks == 1 else 's'}."
        )


def practice(
    email: Annotated[
        str | None, typer.Option("--email", help="Practise as this account of the configured database.")
    ] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Practise on a local profile, without a server.")] = False,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile", dir_okay=False, help="The local profile's SQLite file (default ~/.mlinterview/practice.db)."
        ),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
    ] = False,
) -> None:
    """Practise in the terminal: the reviews due today, single questions, timed mock interviews and progress.

    --email EMAIL signs in to the configured database (the server's, or MLI_DATABASE_URL), sharing your web progress.

    The password is asked without echo; --password-stdin reads it from the first line of standard input.

    --offline practises alone on a local profile, a SQLite file made with the bundled bank on first use.

    Plain prompts, fine over SSH. Answers and ratings are saved as you go: q quits, Ctrl+C stops (status 130).
    """
    offline_mode = _mode(email, offline, profile, password_stdin)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar when the grader loads
    run: Run | None = None
    try:
        run = Run(_offline_user(profile) if offline_mode else _sign_in(email or "", password_stdin))
        _ensure_goal(run)
        _main_loop(run)
    except KeyboardInterrupt:
        _stop("Stopped.", run)
        raise typer.Exit(130) from None
    except EOFError:
        _stop("End of input.", run)
        if run is None:
            raise typer.Exit(1) from None


def _stop(why: str, run: Run | None) -> None:
    if run is None:
        console.print(f"\n{why} Nothing was recorded.")
    else:
        console.print(f"\n{why} Everything recorded so far is saved. {run.tally()}", highlight=False)


def _mode(email: str | None, offline: bool, profile: Path | None, password_stdin: bool) -> bool:
    """True for offline; refuses combinations that mean nothing."""
    if offline == (email is not None):
        raise InvalidInput(
            "Choose one mode: --email EMAIL to practise as your account on this server, "
            "or --offline to practise on a local profile."
        )
    if profile is not None and not offline:
        raise InvalidInput("--profile names a local profile; use it with --offline.")
    if password_stdin and offline:
        raise InvalidInput("A local profile has no password; leave out --password-stdin.")
    return offline


# -- the two ways in --------------------------------------------------------------------------------------------------


def _sign_in(email: str, password_stdin: bool) -> int:
    settings = get_settings()
    clock.use_clock_file(settings.clock_file)
    url = settings.resolved_database_url
    if current_revision(url) != head_revision():
        raise InvalidInput("The database is not up to date. Run `mlinterview db upgrade`, then try again.")
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else getpass.getpass("Password: ")
    throttle = LoginThrottle(settings.login_rate_limit, settings.rate_limit_storage_url)
    client = (os.environ.get("SSH_CLIENT") or "terminal").split()[0]
    with session_scope() as session:
        user = accounts.authenticate(session, email=email, password=password, client=client, throttle=throttle)
        console.print(f"Signed in as {escape(user.name)}.", highlight=False)
        return user.id


def _offline_user(profile: Path | None) -> int:
    """The local profile's account, after migrating its database and syncing the bundled bank."""
    path = (profile or DEFAULT_PROFILE).expanduser().resolve()
    first = not path.exists()
    url = f"sqlite:///{path}"
    settings = load_settings(database_url=url, data_dir=path.parent, demo_data=False)
    clock.use_clock_file(settings.clock_file)
    set_session_factory(sessionmaker(get_engine(url), expire_on_commit=False))
    if first:
        console.print(f"Creating your practice profile in {escape(str(path))}.", highlight=False)
    prepare(settings)  # idempotent: a newer package brings its new questions to an old profile
    with session_scope() as session:
        user = session.scalar(select(User).where(User.role == Role.CANDIDATE).order_by(User.id).limit(1))
        if user is not None:
            return user.id
    name = _ask("Your name: ", _name)
    with session_scope() as session:
        user = accounts.sign_up(session, name=name, email=OFFLINE_EMAIL, password=new_password(24))
        console.print(f"Welcome, {escape(name)}. Your progress stays in {escape(str(path))}.", highlight=False)
        return user.id


def _name(raw: str) -> str:
    if not raw or len(raw) > 200:
        raise Retry("Type your name (up to 200 characters).")
    return raw


# -- small building blocks --------------------------------------------------------------------------------------------


@contextmanager
def _step(run: Run) -> Iterator[tuple[Session, User]]:
    """One unit of work as this run's user, committed when the block ends."""
    with session_scope() as session:
        yield session, session.get_one(User, run.user_id)


def _ask(prompt: str, parse: Callable[[str], T]) -> T:
    """Ask until ``parse`` accepts the answer; its complaint is shown before asking again."""
    while True:
        raw = console.input(Text.from_markup(prompt)).strip()  # a Text: no highlighting of the prompt's brackets
        try:
            return parse(raw)
        except (Retry, AppError) as error:
            _warn(getattr(error, "message", str(error)))


def _warn(message: str) -> None:
    console.print(f"[yellow]{escape(message)}[/]", highlight=False)


def _say(text: str) -> None:
    console.print(escape(text), highlight=False)


def _choose(options: Sequence[tuple[T, str]], prompt: str, blank: T | None = None) -> T:
    """A numbered menu; Enter gives ``blank`` when one is allowed."""
    for number, (_, label) in enumerate(options, 1):
        console.print(f"  {number}. {escape(label)}", highlight=False)

    def parse(raw: str) -> T:
        if not raw and blank is not None:
            return blank
        if raw.isdigit() and 1 <= int(raw) <= len(options):
            return options[int(raw) - 1][0]
        raise Retry(f"Type a number from 1 to {len(options)}{' or press Enter' if blank is not None else ''}.")

    return _ask(prompt, parse)


def _read_answer(hint: str, commands: frozenset[str]) -> tuple[str | None, str]:
    """Lines up to the first empty one; a command typed alone on the first line comes back on its own."""
    console.print(f"[dim]{escape(hint)}[/]", highlight=False)
    lines: list[str] = []
    while True:
        line = console.input("> ")
        if not lines and line.strip().lower() in commands:
            return line.strip().lower(), ""
        if not line.strip():
            return None, "\n".join(lines).strip()
        lines.append(line.rstrip())


def _minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _due_day(session: Session, user: User, review: Review) -> date:
    card = session.get_one(ReviewCard, review.card_id)
    return scheduling.local_day(as_utc(card.due), goals.timezone_of(session, user))


# -- the goal ---------------------------------------------------------------------------------------------------------


def _ensure_goal(run: Run) -> None:
    with _step(run) as (session, user):
        if goals.get(session, user=user) is not None:
            return
        profiles = [(p.role, p.level, p.title) for p in session.scalars(select(RoleProfile).order_by(RoleProfile.id))]
    console.print("\n[bold]Your goal[/]: what you are preparing for. It chooses your mock interview questions.")
    titles = {role: title for role, level, title in profiles if level == "mid"}
    roles = list(dict.fromkeys(role for role, _, _ in profiles))
    role = _choose([(r, titles.get(r, r.replace("_", " "))) for r in roles], "Role (number): ")
    levels = [level for level in LEVELS if any(p[:2] == (role, level) for p in profiles)]
    level = _choose([(lv, lv) for lv in levels], "Level (number): ")
    zone = _local_zone()
    while True:
        when = _ask("Interview date (YYYY-MM-DD), Enter if none: ", _interview_date)
        timezone = _ask(f"Time zone, Enter for {zone}: ", lambda raw: _zone(raw or zone))
        try:
            with _step(run) as (session, user):
                goals.set_goal(session, user=user, role=role, level=level, interview_date=when, timezone=timezone)
            break
        except AppError as error:
            _warn(error.message)
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


# -- the main menu ----------------------------------------------------------------------------------------------------


def _main_loop(run: Run) -> None:
    actions: dict[str, Callable[[Run], None]] = {"1": _reviews, "2": _practise, "3": _mock, "4": _progress}
    while True:
        choice = _menu(run)
        if choice in ("q", "quit", "exit"):
            console.print(f"Bye. {run.tally()}", highlight=False)
            return
        action = actions.get(choice)
        if action is None:
            _warn("Type 1, 2, 3, 4 or q.")
            continue
        try:
            action(run)
        except AppError as error:
            _warn(error.message)


def _menu(run: Run) -> str:
    with _step(run) as (session, user):
        due = reviews.queue(session, user=user, limit=1).due
        goal = goals.get(session, user=user)
        heading = f"{user.name}: {goal.role.replace('_', ' ')}, {goal.level}" if goal else user.name
    console.print()
    console.rule(Text(heading))
    for line in (
        f"1. Reviews due today ({due})",
        "2. Practise a question",
        "3. Mock interview",
        "4. Progress",
        "q. Quit",
    ):
        console.print(f"  {line}", highlight=False)
    return console.input("Choose: ").strip().lower()


# -- answering one question: grade, model answer, rating -------------------------------------------------------------


@dataclass(frozen=True)
class Prompted:
    question_id: int
    slug: str
    prompt: str
    topic: str


def _prompted(question: Question) -> Prompted:
    return Prompted(question.id, question.slug, question.prompt, question.topic.name)


def _answer(run: Run, question: Prompted, heading: str) -> bool:
    """Ask one question, record the answer and its rating; False when the candidate went back to the menu."""
    console.print()
    console.rule(Text(heading))
    console.print(f"[dim]{escape(question.topic)}[/]", highlight=False)
    _say(question.prompt)
    hint = "Type your answer; an empty line ends it. Enter alone: you don't know. m alone: back to the menu."
    command, text = _read_answer(hint, frozenset({BACK}))
    if command == BACK:
        return False
    if not text:
        _dont_know(run, question)
        return True
    console.print("Grading your answer…")
    with _step(run) as (session, user):
        answer = answers.submit(session, user=user, slug=question.slug, text=text)
        answers.grade(session, answer_id=answer.id)
        result, suggested = answer.result or {}, reviews.suggested_rating(answer)
        model_answer = str(session.get_one(QuestionVersion, answer.question_version_id).content["model_answer"])
        answer_id = answer.id
    run.answered += 1
    _show_grade(result)
    _show_model_answer(model_answer)
    rating = _ask_rating(suggested)
    with _step(run) as (session, user):
        review = reviews.rate_answer(session, user=user, answer_id=answer_id, rating=rating)
        name, day = scheduling.RATING_NAMES[review.rating], _due_day(session, user, review)
    run.reviewed += 1
    console.print(f"Rated “{name}”: this question comes back on {day:%A %d %B}.", highlight=False)
    return True


def _dont_know(run: Run, question: Prompted) -> None:
    """An empty answer: nothing to store or grade, the card is simply rated "again"."""
    with _step(run) as (session, user):
        review = reviews.record(
            session, user=user, question_id=question.question_id, rating=scheduling.AGAIN, source=RatingSource.SELF
        )
        day = _due_day(session, user, review)
        version = session.get_one(Question, question.question_id).current_version
        model_answer = str(version.content["model_answer"]) if version else ""
    run.reviewed += 1
    console.print(f"Counted as “again”: this question comes back on {day:%A %d %B}.", highlight=False)
    _show_model_answer(model_answer)


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
                _say(f"  - {point['statement']}{said}")
    for flag in result.get("red_flags", []):
        console.print(f"[red]Red flag:[/] {escape(flag['flag'])} (“{escape(flag['sentence'])}”)", highlight=False)
    if result.get("feedback"):
        console.print(f"[bold]Feedback:[/] {escape(str(result['feedback']))}", highlight=False)


def _show_model_answer(text: str) -> None:
    if text:
        console.print("\n[bold]Model answer[/]", highlight=False)
        _say(text)


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

    return _ask(f"\nHow well did you recall it? \\[a]gain \\[h]ard \\[g]ood \\[e]asy{default}: ", parse)


# -- 1. reviews due today ---------------------------------------------------------------------------------------------


def _reviews(run: Run) -> None:
    with _step(run) as (session, user):
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


def _practise(run: Run) -> None:
    with _step(run) as (session, user):
        topics = [(t.slug, f"{t.name} ({n})") for t, n in topics_with_counts(session, user.organisation_id) if n]
    console.print("\n[bold]Topics[/]")
    topic = _choose(topics, "Topic (number), Enter for any: ", blank="")
    with _step(run) as (session, user):
        question = _prompted(picking.next_question(session, user=user, topic=topic))
    _answer(run, question, "Practice question")


# -- 3. mock interview ------------------------------------------------------------------------------------------------


def _mock(run: Run) -> None:
    mock_id = _resume_or_start(run)
    if mock_id is None:
        return
    _run_mock(run, mock_id)
    _grade_pending(run, mock_id)
    _show_summary(run, mock_id)


def _resume_or_start(run: Run) -> int | None:
    with _step(run) as (session, user):
        goal = goals.get(session, user=user)
        running = mocks.unfinished(session, user=user)
        done = sum(1 for i in running.items if i.answer_id or i.skipped) if running else 0
        unfinished = (running.id, len(running.items)) if running else None
    if goal is None:
        _warn("Set your goal first.")
        return None
    if unfinished is not None:
        console.print(
            f"You have a mock interview in progress: {done} of {unfinished[1]} questions done.", highlight=False
        )
        if _ask("\\[r]esume it or start a \\[n]ew one: ", _resume_choice):
            return unfinished[0]
        with _step(run) as (session, user):
            mocks.finish(session, user=user, mock_id=unfinished[0])
    size = _ask(f"Questions ({mocks.SIZES.start}-{mocks.SIZES.stop - 1}), Enter for 5: ", _whole(5, mocks.SIZES))
    minutes = _ask("Minutes per question (1-20), Enter for 4: ", _whole(4, range(1, 21)))
    with _step(run) as (session, user):
        mock = mocks.start(
            session, user=user, role=goal.role, level=goal.level, size=size, minutes_per_question=minutes
        )
        mock_id = mock.id
    run.mocks += 1
    per = "1 minute" if minutes == 1 else f"{minutes} minutes"
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


def _run_mock(run: Run, mock_id: int) -> None:
    hint = "Type your answer; an empty line ends it. s alone (or nothing): skip. e alone: end the interview now."
    while True:
        with _step(run) as (session, user):
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
        _say(prompt)
        time_note = (
            f"{_minutes(left)} left." if left else "The time for this question is up; an answer counts as overtime."
        )
        console.print(f"[bold]{time_note}[/]", highlight=False)
        command, text = _read_answer(hint, frozenset({SKIP, END}))
        if command == END:
            with _step(run) as (session, user):
                mocks.finish(session, user=user, mock_id=mock_id)
            return
        _record_mock_answer(run, mock_id, item_id, text)


def _record_mock_answer(run: Run, mock_id: int, item_id: int, text: str) -> None:
    if not text:
        with _step(run) as (session, user):
            mocks.skip(session, user=user, mock_id=mock_id, item_id=item_id)
        console.print("Skipped.")
        return
    console.print("Saving and grading…")
    with _step(run) as (session, user):
        item = mocks.answer(session, user=user, mock_id=mock_id, item_id=item_id, text=text)
        assert item.answer_id is not None
        answers.grade(session, answer_id=item.answer_id)
        overtime = item.overtime
    run.answered += 1
    console.print("Saved, after the time was up: the summary marks it overtime." if overtime else "Saved.")


def _grade_pending(run: Run, mock_id: int) -> None:
    """Answers of a resumed mock that were stored but not graded yet (typed in the browser, say)."""
    with _step(run) as (session, user):
        ids = [i.answer_id for i in mocks.get(session, user=user, mock_id=mock_id).items if i.answer_id]
        pending = [
            a.id
            for a in session.scalars(select(Answer).where(Answer.id.in_(ids)))
            if a.status is not AnswerStatus.GRADED
        ]
    for answer_id in pending:
        with session_scope() as session:
            answers.grade(session, answer_id=answer_id)


def _show_summary(run: Run, mock_id: int) -> None:
    with _step(run) as (session, user):
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
        _say(f"{item.position + 1}. {textwrap.shorten(question.prompt, 70, placeholder='…')}: {outcome}")
    if summary.pending:
        counted = "1 answer is" if summary.pending == 1 else f"{summary.pending} answers are"
        _warn(f"{counted} still being graded; the means leave them out.")
    if summary.weakest:
        weakest = ", ".join(
            f"{r.name} ({r.mean:.0%})" if r.mean is not None else f"{r.name} (skipped)" for r in summary.weakest
        )
        console.print(f"\n[bold]Weakest areas:[/] {escape(weakest)}", highlight=False)
        _show_study(summary)


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
            _say(f"  {names.get(key, key)}:")
            for question in questions:
                _say(f"    - {textwrap.shorten(question.prompt, 70, placeholder='…')} ({question.slug})")


# -- 4. progress ------------------------------------------------------------------------------------------------------


def _progress(run: Run) -> None:
    with _step(run) as (session, user):
        forecast = reviews.forecast(session, user=user, days=7)
        scores = progress.competency_scores(session, user)
    due = Table("Day", "Reviews due", title="The next 7 days")
    for number, (day, count) in enumerate(forecast):
        label = {0: "Today", 1: "Tomorrow"}.get(number, f"{day:%a %d %b}")
        due.add_row(label, str(count))
    console.print(due)
    if not any(score.answers for score in scores):
        console.print("No graded answers yet: practise a question or take a mock interview.")
        return
    table = Table("Competency", "Answers", "Mean score", "Trend", title="Graded answers by competency")
    for score in scores:
        mean = f"{score.mean:.0%}" if score.mean is not None else "-"
        table.add_row(escape(score.name), str(score.answers), mean, score.trend or "")
    console.print(table)
