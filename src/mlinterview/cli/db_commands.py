"""``mlinterview db``: apply and inspect database migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from mlinterview.cli.console import console
from mlinterview.config import get_settings
from mlinterview.db.migrate import current_revision, head_revision, upgrade

app = typer.Typer(help="Apply and inspect database migrations.", no_args_is_help=True)


@app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision; 'head' is the newest.")] = "head",
) -> None:
    """Bring the database (MLI_DATABASE_URL, or the embedded SQLite file) up to date. Safe to run twice."""
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    upgrade(url, revision)
    console.print(f"Database is at revision [bold]{current_revision(url)}[/].")


@app.command("current")
def db_current() -> None:
    """Show the database's revision and whether migrations are pending."""
    url = get_settings().resolved_database_url
    current, head = current_revision(url), head_revision()
    state = "[green]up to date[/]" if current == head else "[yellow]behind: run `mlinterview db upgrade`[/]"
    console.print(f"Database revision: [bold]{current or 'none'}[/]; newest: [bold]{head}[/] ({state}).")
