"""The small terminal building blocks of ``mlinterview practice``: plain prompts on standard input and output,
this run's tally, and one unit of work as the run's user."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from rich.markup import escape
from rich.text import Text
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.cli.console import console
from mlinterview.db import session_scope
from mlinterview.errors import AppError

T = TypeVar("T")


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


@contextmanager
def step(run: Run) -> Iterator[tuple[Session, User]]:
    """One unit of work as this run's user, committed when the block ends."""
    with session_scope() as session:
        yield session, session.get_one(User, run.user_id)


def ask(prompt: str, parse: Callable[[str], T]) -> T:
    """Ask until ``parse`` accepts the answer; its complaint is shown before asking again."""
    while True:
        raw = console.input(Text.from_markup(prompt)).strip()  # a Text: no highlighting of the prompt's brackets
        try:
            return parse(raw)
        except (Retry, AppError) as error:
            warn(getattr(error, "message", str(error)))


def warn(message: str) -> None:
    console.print(f"[yellow]{escape(message)}[/]", highlight=False)


def say(text: str) -> None:
    console.print(escape(text), highlight=False)


def choose(options: Sequence[tuple[T, str]], prompt: str, blank: T | None = None) -> T:
    """A numbered menu; Enter gives ``blank`` when one is allowed."""
    for number, (_, label) in enumerate(options, 1):
        console.print(f"  {number}. {escape(label)}", highlight=False)

    def parse(raw: str) -> T:
        if not raw and blank is not None:
            return blank
        if raw.isdigit() and 1 <= int(raw) <= len(options):
            return options[int(raw) - 1][0]
        raise Retry(f"Type a number from 1 to {len(options)}{' or press Enter' if blank is not None else ''}.")

    return ask(prompt, parse)


def read_answer(hint: str, commands: frozenset[str]) -> tuple[str | None, str]:
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


def minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
