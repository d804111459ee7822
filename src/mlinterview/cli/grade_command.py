"""``mlinterview grade``: grade an answer to a bundled question in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mlinterview.cli.console import console
from mlinterview.config import get_settings
from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.loader import load_bank
from mlinterview.errors import NotFound
from mlinterview.grading import GraderName, PointStatus, get_grader

STYLE = {
    PointStatus.COVERED: "green",
    PointStatus.PARTIAL: "yellow",
    PointStatus.MISSED: "dim",
    PointStatus.CONTRADICTED: "red",
}


def grade(
    question: Annotated[str, typer.Option(help="Slug of a bundled question, e.g. bias-variance/l1-versus-l2.")],
    answer_file: Annotated[Path, typer.Option(help="File holding the answer; '-' reads standard input.")],
    grader: Annotated[
        GraderName, typer.Option(help="learned (default), semantic, lexical or fake.")
    ] = GraderName.LEARNED,
) -> None:
    """Grade an answer against a question's rubric: score, covered and missed points, red flags, feedback."""
    bank = load_bank(get_settings().content_dir)
    found = next((q for q in bank.questions if q.slug == question), None)
    if found is None:
        import difflib

        close = difflib.get_close_matches(question, [q.slug for q in bank.questions], n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        raise NotFound(f"`{question}` is not in the bank.{hint} `mlinterview questions search WORDS` finds questions.")
    text = sys.stdin.read() if str(answer_file) == "-" else answer_file.read_text(encoding="utf-8")
    result = get_grader(grader).grade(grading_spec(found), text)
    console.print(f"[bold]{found.prompt}[/]\n")
    console.print(
        f"Score: [bold]{result.scaled_score} / {result.max_score:g}[/] ({result.score:.0%}), "
        f"confidence {result.confidence:.0%}{' - needs a human review' if result.needs_review else ''}"
    )
    table = Table("Key point", "Status", "Your sentence", show_lines=True)
    for point in result.points:
        table.add_row(point.statement, f"[{STYLE[point.status]}]{point.status.value}[/]", point.sentence or "")
    console.print(table)
    for flag in result.red_flags:
        console.print(f"[red]Red flag:[/] {flag.flag} (“{flag.sentence}”)", highlight=False)
    console.print(f"\n{result.feedback}", highlight=False)
    console.print(f"[dim]{result.grader} grader, version {result.version}[/]")
