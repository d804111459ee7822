"""What ``serve`` does before it listens: migrate, then create the demo organisation on first run."""

from __future__ import annotations

from rich.panel import Panel
from rich.table import Table

from mlinterview.accounts import demo
from mlinterview.cli.console import console
from mlinterview.config import Settings
from mlinterview.content.loader import load_bank
from mlinterview.content.sync import sync_bank
from mlinterview.db import session_scope
from mlinterview.db.migrate import upgrade
from mlinterview.errors import InvalidInput
from mlinterview.interviews import demo as interviews_demo


def prepare(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url)
    bank = load_bank(settings.content_dir)
    if bank.problems:
        raise InvalidInput(
            f"The question bank in {settings.content_dir} has {len(bank.problems)} problems; "
            "`mlinterview content validate` lists them."
        )
    with session_scope() as session:
        report = sync_bank(session, bank)
    console.print(f"Question bank: {report}.")
    if settings.demo_data and settings.env == "development":
        with session_scope() as session:
            accounts = demo.create_if_empty(session)
            if accounts:
                interviews_demo.seed(session, accounts[0][0].organisation)
            created = [(user.email, user.role.label, password) for user, password in accounts]
        if created:
            show_demo_accounts(created)


def show_demo_accounts(rows: list[tuple[str, str, str]]) -> None:
    table = Table(title=f"{demo.DEMO_ORGANISATION}: demo accounts", title_style="bold")
    for column in ("Email", "Role", "Password"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(
        Panel(
            "These passwords are shown [bold]only this once[/] and are not stored anywhere in readable form. "
            "Copy them now, or set new ones with [cyan]mlinterview users set-password EMAIL[/].",
            border_style="yellow",
        )
    )
