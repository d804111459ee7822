"""``mlinterview exercises``: list, read and submit coding exercises; prove their tests catch wrong code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.table import Table

from mlinterview.cli.console import console
from mlinterview.cli.sandbox_commands import RunnerOption, runner_from_settings
from mlinterview.config import get_settings
from mlinterview.errors import InvalidInput, NotFound
from mlinterview.exercises.bundle import Exercise, ExerciseError, load_exercises
from mlinterview.exercises.judging import judge
from mlinterview.sandbox import SandboxUnavailable
from mlinterview.sandbox.checks import ensure_isolated

app = typer.Typer(help="Coding exercises: list, show, submit, verify.", no_args_is_help=True)


def catalogue() -> dict[str, Exercise]:
    try:
        return {e.slug: e for e in load_exercises(get_settings().content_dir / "exercises")}
    except ExerciseError as error:
        raise InvalidInput(str(error)) from None


def find(slug: str) -> Exercise:
    exercises = catalogue()
    if slug not in exercises:
        raise NotFound(f"No exercise {slug!r}; `mlinterview exercises list` shows them all.")
    return exercises[slug]


@app.command("list")
def list_exercises() -> None:
    """Every exercise with its difficulty and topics."""
    table = Table("Slug", "Title", "Difficulty", "Topics")
    for exercise in catalogue().values():
        table.add_row(
            exercise.slug, exercise.spec.title, exercise.spec.difficulty.value, ", ".join(exercise.spec.topics)
        )
    console.print(table)


@app.command("show")
def show(slug: Annotated[str, typer.Argument(help="The exercise, e.g. precision-recall-f1.")]) -> None:
    """The statement, the starter code and the hints (never the solution or the hidden cases)."""
    exercise = find(slug)
    console.print(Markdown(f"# {exercise.spec.title}\n\n{exercise.spec.statement}"))
    console.print(Markdown(f"## Starter code\n\n```python\n{exercise.starter}\n```"))
    console.print(Markdown("## Hints\n\n" + "\n".join(f"- {hint}" for hint in exercise.spec.hints)))


@app.command("submit")
def submit(
    slug: Annotated[str, typer.Argument(help="The exercise.")],
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Your solution (a .py file).")],
    visible_only: Annotated[bool, typer.Option("--visible-only", help="Run only the visible tests.")] = False,
    runner: RunnerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Run your solution on the visible tests (with their data) and the hidden ones (pass or fail only)."""
    exercise = find(slug)
    chosen = runner_from_settings(runner)
    if get_settings().env == "production":
        try:
            ensure_isolated(chosen)
        except SandboxUnavailable as error:
            raise InvalidInput(f"Refusing to grade: {error}") from None
    judgement = judge(exercise, file.read_text(encoding="utf-8"), chosen, hidden=not visible_only)
    if as_json:
        sys.stdout.write(judgement.model_dump_json() + "\n")
        return
    if judgement.problem:
        console.print(f"[red]{judgement.problem}[/]")
    table = Table(
        "Test", "Category", "Result", "ms", title=f"{exercise.spec.title}: {judgement.passed}/{judgement.total}"
    )
    for case in judgement.cases:
        mark = "[green]pass[/]" if case.passed else f"[red]{case.message}[/]"
        table.add_row(("hidden: " if case.hidden else "") + case.name, case.category, mark, str(case.ms))
    console.print(table)
    if judgement.stdout:
        console.print("[bold]Your program printed:[/]")
        console.print(judgement.stdout, markup=False, highlight=False)


@app.command("verify")
def verify(
    slug: Annotated[str | None, typer.Argument(help="One exercise (default: all).")] = None,
    runner: RunnerOption = None,
) -> None:
    """For authors: through the sandbox, the reference solution passes every test and each wrong solution fails."""
    chosen = runner_from_settings(runner)
    exercises = [find(slug)] if slug else list(catalogue().values())
    failures = []
    for exercise in exercises:
        reference = judge(exercise, exercise.solution, chosen)
        if reference.passed != reference.total:
            failures.append(f"{exercise.slug}: the reference passes {reference.passed}/{reference.total}")
        for name, source in exercise.wrong.items():
            if judge(exercise, source, chosen).passed == reference.total:
                failures.append(f"{exercise.slug}: wrong/{name} passes every test")
        console.print(f"{exercise.slug}: reference {reference.passed}/{reference.total}, {len(exercise.wrong)} wrong")
    for failure in failures:
        console.print(f"[red]{failure}[/]")
    if failures:
        raise typer.Exit(1)
