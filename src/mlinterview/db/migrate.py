"""Apply and inspect Alembic migrations from code (the CLI, ``serve`` and the tests call these)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from mlinterview.db.engine import get_engine


def alembic_config(url: str, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("mlinterview") / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision`` (default: the newest)."""
    with get_engine(url).begin() as connection:
        command.upgrade(alembic_config(url, connection), revision)


def downgrade(url: str, revision: str) -> None:
    with get_engine(url).begin() as connection:
        command.downgrade(alembic_config(url, connection), revision)


def current_revision(url: str) -> str | None:
    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


# Search structures made by hand in migrations, which the models do not describe.
HAND_MADE = ("questions_fts", "ix_questions_search", "search_vector")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter: leave the hand-made search structures out of autogenerate comparisons."""
    return not (name or "").startswith(HAND_MADE)


def rebuild(url: str) -> None:
    """Destroy every table and migrate from nothing. Loses all data: for tests and benchmarks only."""
    engine = get_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    else:
        engine.dispose()  # close pooled connections before the file goes
        database = engine.url.database
        if database and database != ":memory:":
            for suffix in ("", "-wal", "-shm"):
                Path(database + suffix).unlink(missing_ok=True)
    upgrade(url)
