"""``mlinterview questions``: search, read, export and import questions from a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.table import Table
from sqlalchemy.orm import Session

from mlinterview.accounts import repository as accounts
from mlinterview.accounts.models import User
from mlinterview.cli.console import console, err_console
from mlinterview.content import formats, repository, service
from mlinterview.content.export import ExportFormat
from mlinterview.content.loader import Problem, parse_questions
from mlinterview.content.repository import QuestionFilters
from mlinterview.content.schema import Question as QuestionContent
from mlinterview.db import session_scope
from mlinterview.errors import InvalidInput, NotFound

app = typer.Typer(help="Search, read, export and import questions.", no_args_is_help=True)
AsOption = Annotated[
    str | None, typer.Option("--as", help="Act as this account (email): adds its organisation's own questions.")
]


def _filters(text: str, topic: str | None, difficulty: int | None, role: str | None, competency: str | None,
             kind: str | None) -> QuestionFilters:  # fmt: skip
    return QuestionFilters(text=text, topic=topic, difficulty=difficulty, role=role, competency=competency, type=kind)


def _organisation(session: Session, email: str | None) -> User | None:
    if email is None:
        return None
    user = accounts.user_by_email(session, email)
    if user is None:
        raise NotFound(f"No account has the email {email}. `mlinterview users list` shows every account.")
    return user


TopicOption = Annotated[str | None, typer.Option(help="Topic slug, e.g. evaluation-metrics.")]
DifficultyOption = Annotated[int | None, typer.Option(min=1, max=5, help="Difficulty 1-5.")]
RoleOption = Annotated[str | None, typer.Option(help="data_scientist, ml_engineer, ml_researcher or mlops_engineer.")]
CompetencyOption = Annotated[str | None, typer.Option(help="Competency key, e.g. evaluation.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="conceptual, applied, system_design, ...")]


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="Words to look for (all must match; prefixes count).")] = "",
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    role: RoleOption = None,
    competency: CompetencyOption = None,
    kind: TypeOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 20,
    as_user: AsOption = None,
) -> None:
    """Full-text search over the bank, with filters; best matches first."""
    with session_scope() as session:
        user = _organisation(session, as_user)
        filters = _filters(text, topic, difficulty, role, competency, kind)
        rows, total = repository.search(session, user.organisation_id if user else None, filters, limit=limit)
        table = Table(title=f"{total} questions match", title_justify="left")
        table.add_column("Slug", no_wrap=True)
        table.add_column("Level", justify="center")
        table.add_column("Question")
        for row in rows:
            table.add_row(row.slug, str(row.difficulty), row.prompt if len(row.prompt) < 90 else row.prompt[:88] + "…")
    console.print(table)


@app.command("show")
def show(
    slug: Annotated[str, typer.Argument(help="topic/name, as `questions search` lists it.")],
    answer: Annotated[bool, typer.Option("--answer/--no-answer", help="Include the model answer and rubric.")] = False,
    as_user: AsOption = None,
) -> None:
    """Print one question (and, with --answer, its model answer, rubric, red flags and follow-ups)."""
    with session_scope() as session:
        user = _organisation(session, as_user)
        row = repository.by_slug(session, user.organisation_id if user else None, slug)
        if row is None or row.current_version is None:
            raise NotFound(f"`{slug}` is not in the bank. `mlinterview questions search WORDS` finds questions.")
        content = QuestionContent.model_validate(row.current_version.content)
    console.print(Markdown(formats.to_markdown([content], answers=answer)))


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write; its extension picks the format.")],
    answers: Annotated[bool, typer.Option("--answers/--no-answers", help="A study guide, or a question sheet.")] = True,
    text: Annotated[str, typer.Option("--search", help="Only questions matching these words.")] = "",
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    role: RoleOption = None,
    competency: CompetencyOption = None,
    kind: TypeOption = None,
    title: Annotated[str, typer.Option(help="Title of a PDF.")] = "ML interview questions",
) -> None:
    """Export a selection as Markdown (.md), JSON (.json), CSV (.csv) or PDF (.pdf)."""
    try:
        fmt = ExportFormat(output.suffix.lstrip(".").lower())
    except ValueError:
        raise InvalidInput(
            f"Name the output .md, .json, .csv or .pdf; '{output.suffix}' is not a format I write."
        ) from None
    with session_scope() as session:
        filters = _filters(text, topic, difficulty, role, competency, kind)
        file = service.export_selection(session, actor=None, filters=filters, fmt=fmt, answers=answers, title=title)
    output.write_bytes(file.data)
    console.print(f"Wrote {output} ({len(file.data):,} bytes).")


@app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A .yaml, .csv or .md file of questions.")],
    as_user: Annotated[str, typer.Option("--as", help="Email of an admin or hiring manager of the organisation.")],
    publish: Annotated[bool, typer.Option(help="Share the questions with every organisation here.")] = False,
) -> None:
    """Add questions to an organisation's own bank: all of the file, or (on any problem) none of it."""
    questions, problems = _parse(path)
    for problem in problems:
        err_console.print(str(problem), highlight=False, markup=False)
    if problems:
        raise InvalidInput(f"{len(problems)} problems in {path.name}; nothing was imported. Fix them and run again.")
    with session_scope() as session:
        user = _organisation(session, as_user)
        assert user is not None
        rows = service.import_questions(session, actor=user, questions=questions)
        for row in rows:
            row.is_published = publish
    console.print(f"Imported {len(rows)} questions into {user.organisation.name}'s bank.")


def _parse(path: Path) -> tuple[list[QuestionContent], list[Problem]]:
    text, name = path.read_text(encoding="utf-8"), path.name
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return parse_questions(text, name)
    if suffix == ".csv":
        return formats.from_csv(text, name)
    if suffix in (".md", ".markdown"):
        return formats.from_markdown(text, name)
    raise InvalidInput(f"Import reads .yaml, .csv or .md files; '{suffix}' is none of those.")
