"""The migrations build the schema the models describe, and run down and up again cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from mlinterview.db import Base
from mlinterview.db.migrate import current_revision, head_revision, include_name


def test_database_is_at_the_newest_revision(database_url: str) -> None:
    assert current_revision(database_url) == head_revision()


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], "models changed without a migration: write one in src/mlinterview/migrations"


def test_downgrade_and_upgrade_on_a_fresh_database(tmp_path) -> None:
    from mlinterview.db.migrate import downgrade, upgrade

    url = f"sqlite:///{tmp_path / 'roundtrip.db'}"
    upgrade(url)
    assert "users" in inspect_tables(url)
    downgrade(url, "base")
    assert inspect_tables(url) <= {"alembic_version"}
    upgrade(url)
    assert current_revision(url) == head_revision()


def inspect_tables(url: str) -> set[str]:
    from mlinterview.db.engine import get_engine

    return set(inspect(get_engine(url)).get_table_names())
