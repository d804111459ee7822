"""``mlinterview content``: validate, count and sync the bundled question bank."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mlinterview.cli.console import console, err_console
from mlinterview.config import get_settings
from mlinterview.content.loader import load_bank
from mlinterview.content.stats import bank_stats
from mlinterview.content.sync import sync_bank
from mlinterview.db import session_scope
from mlinterview.db.migrate import upgrade
from mlinterview.errors import InvalidInput

app = typer.Typer(help="Validate, count and sync the bundled question bank.", no_args_is_help=True)
PathOption = Annotated[
    Path | None, typer.Option("--path", help="Content folder [default: MLI_CONTENT_DIR, the bundled bank].")
]


@app.command("validate")
def validate(path: PathOption = None) -> None:
    """Check every content file; print each problem as file:line and exit 1 if there is any."""
    bank = load_bank(path or get_settings().content_dir)
    for problem in bank.problems:
        err_console.print(str(problem), highlight=False, markup=False)
    if bank.problems:
        raise SystemExit(1)
    console.print(
        f"[green]OK[/]: {len(bank.questions)} questions in {len(bank.topics)} topics, "
        f"{len(bank.competencies)} competencies, {len(bank.profiles)} role profiles."
    )


@app.command("stats")
def stats(
    path: PathOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
) -> None:
    """Count questions per topic, difficulty, role and type."""
    bank = load_bank(path or get_settings().content_dir)
    figures = bank_stats(bank)
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    console.print(
        f"[bold]{figures['questions']}[/] questions, {figures['competencies']} competencies, "
        f"{figures['role_profiles']} role profiles"
    )
    for title in ("by_topic", "by_difficulty", "by_role", "by_type", "by_seniority"):
        table = Table(title.replace("_", " ").capitalize(), "Questions", title_justify="left")
        for key, count in figures[title].items():
            table.add_row(str(key), str(count))
        console.print(table)


@app.command("sync")
def sync(path: PathOption = None) -> None:
    """Migrate the database, then load the bank into it: unchanged questions stay, edited ones get a version."""
    settings = get_settings()
    bank = load_bank(path or settings.content_dir)
    if bank.problems:
        raise InvalidInput(f"The content has {len(bank.problems)} problems; `mlinterview content validate` lists them.")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url)
    with session_scope() as session:
        report = sync_bank(session, bank)
    console.print(f"Synced: {report}.")


@app.command("check-rubrics")
def check_rubrics_command(path: PathOption = None) -> None:
    """Grade every model answer against its own rubric, and each key point's phrasings against the rubric.

    Lists the questions whose model answer scores under 0.85 or whose phrasings read as another point; exit 1
    if there is any.
    """
    from mlinterview.content.rubric_check import check_rubrics

    bank = load_bank(path or get_settings().content_dir)
    problems = check_rubrics(bank.questions)
    for problem in problems:
        err_console.print(f"{problem.slug}: {problem.message}", highlight=False, markup=False, soft_wrap=True)
    if problems:
        raise SystemExit(1)
    console.print(f"[green]OK[/]: all {len(bank.questions)} model answers and their rubrics agree with the grader.")
