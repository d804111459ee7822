from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from mlinterview import __version__
from mlinterview.cli.main import app
from mlinterview.config import get_settings
from mlinterview.db.session import set_session_factory

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def all_commands(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}".strip()
        yield path, command
        if hasattr(command, "commands"):  # a group (typer may bundle its own click)
            yield from all_commands(command, path)


COMMANDS = list(all_commands(typer.main.get_command(app)))  # type: ignore[arg-type]


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The CLI on its own embedded database in a temporary data folder."""
    monkeypatch.setenv("MLI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLI_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("MLI_BROKER_URL", raising=False)
    get_settings.cache_clear()
    set_session_factory(None)
    yield tmp_path
    get_settings.cache_clear()
    set_session_factory(None)


def run(*args: str, input: str | None = None):
    from mlinterview.cli.main import main

    result = runner.invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        # the real entry point turns AppError into a message; replay through it for the text
        import sys

        argv, sys.argv = sys.argv, ["mlinterview", *args]
        try:
            with pytest.raises(SystemExit) as exit_info:
                main()
        finally:
            sys.argv = argv
        return exit_info.value.code
    return result


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_helpful_help(path: str, command: Any) -> None:
    result = runner.invoke(app, [*path.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert len(command.help or "") > 20, f"`mlinterview {path}` needs a real description"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_every_command_is_documented(path: str) -> None:
    assert f"mlinterview {path}" in (ROOT / "docs" / "cli.md").read_text(), (
        f"document `mlinterview {path}` in docs/cli.md"
    )


def test_db_upgrade_then_current(cli_env: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (cli_env / "cli.db").exists()
    assert "up to date" in runner.invoke(app, ["db", "current"]).output


def test_create_admin_without_a_terminal_generates_a_password(cli_env: Path) -> None:
    cli = app
    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(
        cli, ["users", "create-admin", "--email", "Root@Example.com", "--name", "Root", "--organisation", "Acme"]
    )
    assert result.exit_code == 0, result.output
    assert "Created admin root@example.com in Acme" in result.output
    assert "One-time password:" in result.output
    listing = runner.invoke(cli, ["users", "list"]).output
    assert "root@example.com" in listing
    token = runner.invoke(cli, ["users", "token", "root@example.com", "--name", "ATS"]).output
    assert "mli_" in token


def test_errors_are_one_clear_line(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runner.invoke(app, ["db", "upgrade"])
    assert run("users", "token", "nobody@example.com") == 1
    assert "No account has the email nobody@example.com" in capsys.readouterr().err


def test_worker_without_broker_explains_what_to_set(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("worker") == 1
    assert "MLI_BROKER_URL is not set" in capsys.readouterr().err


def test_bad_setting_stops_with_the_variable_named(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLI_SESSION_MAX_AGE", "soon")
    get_settings.cache_clear()
    assert run("db", "upgrade") == 1
    assert "MLI_SESSION_MAX_AGE" in capsys.readouterr().err
