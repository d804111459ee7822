"""``mlinterview``: serve the app, run workers, migrate the database, manage users."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from pydantic import ValidationError

from mlinterview import __version__
from mlinterview.cli import (
    content_commands,
    db_commands,
    exercises_commands,
    grade_command,
    grading_commands,
    practice,
    questions_commands,
    sandbox_commands,
    takehome_commands,
    users_commands,
)
from mlinterview.cli.console import console, err_console
from mlinterview.cli.setup import prepare
from mlinterview.config import Settings, get_settings, settings_reference
from mlinterview.errors import AppError

app = typer.Typer(
    name="mlinterview",
    help="Self-hosted platform for fair, structured machine-learning interviews and interview practice.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(db_commands.app, name="db")
app.add_typer(users_commands.app, name="users")
app.add_typer(content_commands.app, name="content")
app.add_typer(questions_commands.app, name="questions")
app.add_typer(grading_commands.app, name="grading")
app.add_typer(exercises_commands.app, name="exercises")
app.add_typer(sandbox_commands.app, name="sandbox")
app.add_typer(takehome_commands.app, name="takehome")
app.command("grade")(grade_command.grade)
app.command("practice")(practice.practice)
docs_app = typer.Typer(help="Generate reference documentation.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")


def _version(value: bool) -> None:
    if value:
        console.print(f"mlinterview {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Self-hosted platform for fair, structured machine-learning interviews and interview practice.

    Settings come from MLI_* environment variables; see docs/settings.md.
    """


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on [default: MLI_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [default: MLI_PORT]")] = None,
) -> None:
    """Migrate the database, create the demo organisation on first run, and serve the web app and API.

    With no broker configured (MLI_BROKER_URL empty) background jobs run inside this process.
    """
    import uvicorn

    settings = get_settings()
    prepare(settings)
    check_sandbox(settings)
    host, port = host or settings.host, port or settings.port
    console.print(f"[bold green]mlinterview {__version__}[/] serving on [link]http://{host}:{port}[/link]")
    uvicorn.run("mlinterview.main:create_app", factory=True, host=host, port=port, log_level=settings.log_level)


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(min=1, help="Jobs this worker runs at once.")] = 2,
    queues: Annotated[str, typer.Option(help="Comma-separated queues to consume.")] = "celery",
) -> None:
    """Run a Celery worker that executes background jobs (grading, sandbox runs, exports).

    Needs MLI_BROKER_URL, e.g. redis://127.0.0.1:6379/0. Start as many as the load needs, on any machine
    that reaches the broker and the database.
    """
    settings = get_settings()
    if not settings.broker_url:
        raise AppError(
            "MLI_BROKER_URL is not set, so there is nothing for a worker to consume: without a broker, "
            "`mlinterview serve` runs jobs itself. Set MLI_BROKER_URL=redis://HOST:6379/0 to use workers."
        )
    check_sandbox(settings, warm=False)  # each pool process starts its own warm sandboxes
    args = [sys.executable, "-m", "celery", "-A", "mlinterview.worker.app", "worker"]
    args += [f"--concurrency={concurrency}", f"--queues={queues}", f"--loglevel={settings.log_level}"]
    os.execv(sys.executable, args)  # noqa: S606 - replaces this process with the worker, same interpreter


def check_sandbox(settings: Settings, warm: bool = True) -> None:
    """Say at start-up how submitted code will run. In production the attack self-check runs now, and a
    degraded sandbox means code is not graded (fail closed) while everything else keeps working."""
    from mlinterview.exercises import catalogue

    try:
        runner = catalogue.runner() if warm else catalogue.checked_runner()
    except catalogue.SandboxDown as error:
        err_console.print(f"[bold yellow]Sandbox:[/] {error.message}", highlight=False)
        return
    checked = " (attack self-check passed)" if settings.env == "production" else ""
    isolation = "isolated" if runner.isolating else "NOT isolated: for practising your own code only"
    console.print(f"Sandbox: {runner.name}, {isolation}{checked}")


@docs_app.command("settings")
def docs_settings() -> None:
    """Print the settings reference (Markdown), the source of docs/settings.md."""
    sys.stdout.write(settings_reference())


def main() -> None:
    """Entry point: runs the command and turns an ``AppError`` into one red line and exit status 1."""
    try:
        app()
    except AppError as error:
        err_console.print(f"[bold red]Error:[/] {error.message}", highlight=False)
        raise SystemExit(1) from None
    except ValidationError as error:
        for problem in error.errors():
            field = ".".join(str(part) for part in problem["loc"])
            err_console.print(f"[bold red]Error:[/] {field}: {problem['msg']}", highlight=False)
        raise SystemExit(1) from None
