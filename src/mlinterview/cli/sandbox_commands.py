"""``mlinterview sandbox``: run a Python file in the sandbox, and check that the sandbox contains attacks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mlinterview.cli.console import console
from mlinterview.config import get_settings
from mlinterview.errors import InvalidInput
from mlinterview.sandbox import Limits, RunnerName, SandboxUnavailable, get_runner
from mlinterview.sandbox.checks import run_checks
from mlinterview.sandbox.registry import Runner

app = typer.Typer(help="Run code in the sandbox and check its isolation.", no_args_is_help=True)
RunnerOption = Annotated[
    RunnerName | None, typer.Option("--runner", help="Runner to use (default: MLI_SANDBOX_RUNNER).")
]


def runner_from_settings(name: RunnerName | None = None) -> Runner:
    settings = get_settings()
    try:
        return get_runner(name or settings.sandbox_runner, settings.sandbox_runtime.resolve())
    except SandboxUnavailable as error:
        raise InvalidInput(f"The sandbox cannot run here: {error}") from None


@app.command("run")
def run(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The Python file to run.")],
    wall_s: Annotated[float, typer.Option(min=0.1, max=600, help="Wall-clock limit in seconds.")] = 10.0,
    memory_mb: Annotated[int, typer.Option(min=32, max=8192, help="Address space per process, in MiB.")] = 512,
    runner: RunnerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Run one Python file in the sandbox. What the file does never makes this fail; a broken sandbox does."""
    chosen = runner_from_settings(runner)
    limits = Limits(wall_s=wall_s, cpu_s=max(1, int(wall_s)), memory_mb=memory_mb)
    result = chosen.run({"main.py": file.read_bytes()}, ["python", "/task/main.py"], limits)
    if as_json:
        sys.stdout.write(result.model_dump_json() + "\n")
        return
    console.print(f"[bold]{result.status.value}[/] (exit code {result.exit_code}) in {result.wall_ms} ms, runner "
                  f"{result.runner}" + (", output truncated" if result.truncated else ""))  # fmt: skip
    if result.stdout:
        console.print(result.stdout, markup=False, highlight=False, end="")
    if result.stderr:
        console.print(result.stderr, markup=False, highlight=False, style="red", end="")


@app.command("check")
def check(runner: RunnerOption = None) -> None:
    """Run the attack self-check through the runner; exit with code 1 if any attack got through."""
    chosen = runner_from_settings(runner)
    outcomes = run_checks(chosen)
    table = Table("Attack", "Contained", "What happened", title=f"Sandbox self-check ({chosen.name})")
    for outcome in outcomes:
        table.add_row(outcome.attack, "yes" if outcome.contained else "[red]NO[/]", outcome.detail)
    console.print(table)
    if not chosen.isolating:
        console.print(f"[yellow]The {chosen.name!r} runner does not isolate code: for your own code only.[/]")
    if any(not o.contained for o in outcomes):
        raise typer.Exit(1)
