"""Alembic environment: runs migrations on the connection or URL that ``mlinterview.db.migrate`` passes."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from mlinterview.accounts import models as _accounts  # noqa: F401 - registers the tables for autogenerate
from mlinterview.answers import models as _answers  # noqa: F401
from mlinterview.content import models as _content  # noqa: F401
from mlinterview.db import Base
from mlinterview.db.migrate import include_name
from mlinterview.exercises import models as _exercises  # noqa: F401
from mlinterview.interviews import models as _interviews  # noqa: F401
from mlinterview.practice import models as _practice  # noqa: F401
from mlinterview.takehome import models as _takehome  # noqa: F401

config = context.config
target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as connection:
        run(connection)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
