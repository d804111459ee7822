"""Test fixtures: a real database (SQLite by default, PostgreSQL when MLI_TEST_DATABASE_URL says so).

The schema is built by the Alembic migrations once per run; each test then runs inside a transaction
that is rolled back, and the app's own ``session_scope()`` commits only to a savepoint within it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mlinterview.config import BUNDLED_CONTENT, Settings, load_settings
from mlinterview.content.loader import load_bank
from mlinterview.content.sync import sync_bank
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import rebuild
from mlinterview.db.session import set_session_factory
from mlinterview.kit import jobs
from mlinterview.main import create_app
from tests.factories import TEST_SECRET


def reset_database(url: str) -> None:
    """Drop every table of the project, migrate from nothing and load the bundled question bank."""
    rebuild(url)
    with Session(get_engine(url)) as session:
        sync_bank(session, load_bank(BUNDLED_CONTENT))
        session.commit()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("MLI_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    reset_database(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Engine:
    return get_engine(database_url)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test; the app shares it."""
    connection = engine.connect()
    transaction = connection.begin()
    if connection.dialect.name == "sqlite":
        # pysqlite opens its transaction lazily, at the first write. Were that write inside the app's
        # SAVEPOINT, the savepoint would open the outermost transaction and its RELEASE would commit it.
        connection.exec_driver_sql("BEGIN")
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    set_session_factory(factory)
    session = factory()
    try:
        yield session
    finally:
        session.close()
        set_session_factory(None)
        transaction.rollback()
        connection.close()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=database_url,
        data_dir=tmp_path,
        secret_key=TEST_SECRET,
        demo_data=False,
        rate_limit_storage_url="memory://",
    )


@pytest.fixture
def sent_jobs() -> Iterator[jobs.RecordingSender]:
    """Jobs are recorded instead of run, so a test decides when (and whether) they run."""
    recorder = jobs.RecordingSender()
    previous = jobs.set_sender(recorder)
    yield recorder
    jobs.set_sender(previous)


@pytest.fixture
def app(settings: Settings, db: Session) -> Iterator[FastAPI]:
    application = create_app(settings)
    previous = jobs.set_sender(jobs.RecordingSender())  # create_app chose the in-process pool
    yield application
    jobs.set_sender(previous)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client
