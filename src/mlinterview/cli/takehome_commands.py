"""``mlinterview takehome``: list the projects, give a candidate's files, score a predictions file."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mlinterview.cli.console import console
from mlinterview.takehome import catalogue
from mlinterview.takehome.predictions import PredictionError

app = typer.Typer(help="Take-home projects: list, export-data, score.", no_args_is_help=True)


@app.command("list")
def list_projects() -> None:
    """Every project with its task, metric and the reference solution's public score."""
    table = Table("Title", "Task", "Metric", "Baseline (public)")
    table.add_column("Slug", no_wrap=True)
    for project in catalogue.projects().values():
        spec = project.spec
        table.add_row(spec.title, spec.task.value, spec.metric, f"{spec.baseline.public:.4f}", project.slug)
    console.print(table)


@app.command("export-data")
def export_data(
    slug: Annotated[str, typer.Argument(help="The project, e.g. customer-churn.")],
    folder: Annotated[Path, typer.Argument(file_okay=False, help="Where to write BRIEF.md, train.csv, test.csv.")],
) -> None:
    """Write what a candidate gets: the brief, the training file and the test file without labels."""
    project = catalogue.get(slug)
    source = catalogue.files(project)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "BRIEF.md").write_text(project.brief, encoding="utf-8")
    for name in ("train.csv", "test.csv"):
        shutil.copyfile(source / name, folder / name)
    console.print(f"Wrote BRIEF.md, train.csv and test.csv to {folder}")


@app.command("score")
def score(
    project: Annotated[str, typer.Option("--project", help="The project's slug.")],
    predictions: Annotated[Path, typer.Option("--predictions", exists=True, dir_okay=False, help="CSV (or .gz).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Validate a predictions file and score it against the hidden labels (public and private rows)."""
    chosen = catalogue.get(project)
    metric = catalogue.answers(chosen).metric
    try:
        result = catalogue.score_file(chosen, predictions)
    except PredictionError as error:
        record = {"valid": False, "errors": [str(error)], "metric": metric.name, "public_score": None,
                  "private_score": None, "rows": None, "seconds": None}  # fmt: skip
        if as_json:
            sys.stdout.write(json.dumps(record) + "\n")
        else:
            console.print(f"[red]Not valid:[/] {error}", highlight=False)
        raise typer.Exit(1) from None
    record = {"valid": True, "errors": [], "metric": metric.name, "public_score": result.public,
              "private_score": result.private, "rows": result.rows, "seconds": round(result.seconds, 4)}  # fmt: skip
    if as_json:
        sys.stdout.write(json.dumps(record) + "\n")
        return
    better = "higher" if metric.greater_is_better else "lower"
    console.print(f"{metric.label} ({better} is better) on {result.rows:,} rows:")
    console.print(f"  public {result.public:.6f}   private {result.private:.6f}   ({result.seconds:.2f} s)")
