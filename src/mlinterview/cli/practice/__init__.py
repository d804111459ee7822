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
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from mlinterview.accounts import service as accounts
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.cli.console import console
from mlinterview.cli.practice.answering import due_reviews, practise
from mlinterview.cli.practice.goal import ensure_goal
from mlinterview.cli.practice.mock import mock_interview
from mlinterview.cli.practice.progress import show_progress
from mlinterview.cli.practice.prompts import Retry, Run, ask, step, warn
from mlinterview.cli.setup import prepare
from mlinterview.config import get_settings, load_settings
from mlinterview.db import session_scope
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import current_revision, head_revision
from mlinterview.db.session import set_session_factory
from mlinterview.errors import AppError, InvalidInput
from mlinterview.kit import clock
from mlinterview.kit.secrets import new_password
from mlinterview.practice import goals, reviews

__all__ = ["practice"]

DEFAULT_PROFILE = Path("~/.mlinterview/practice.db")
OFFLINE_EMAIL = "candidate@offline.example"  # the one account of a local profile; nobody signs in with it


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
        ensure_goal(run)
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
    name = ask("Your name: ", _name)
    with session_scope() as session:
        user = accounts.sign_up(session, name=name, email=OFFLINE_EMAIL, password=new_password(24))
        console.print(f"Welcome, {escape(name)}. Your progress stays in {escape(str(path))}.", highlight=False)
        return user.id


def _name(raw: str) -> str:
    if not raw or len(raw) > 200:
        raise Retry("Type your name (up to 200 characters).")
    return raw


# -- the main menu ----------------------------------------------------------------------------------------------------


def _main_loop(run: Run) -> None:
    actions: dict[str, Callable[[Run], None]] = {
        "1": due_reviews,
        "2": practise,
        "3": mock_interview,
        "4": show_progress,
    }
    while True:
        choice = _menu(run)
        if choice in ("q", "quit", "exit"):
            console.print(f"Bye. {run.tally()}", highlight=False)
            return
        action = actions.get(choice)
        if action is None:
            warn("Type 1, 2, 3, 4 or q.")
            continue
        try:
            action(run)
        except AppError as error:
            warn(error.message)


def _menu(run: Run) -> str:
    with step(run) as (session, user):
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
