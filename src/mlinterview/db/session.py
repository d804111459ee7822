"""``session_scope()``: the only place that commits. Requests, jobs and CLI commands each open one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from mlinterview.config import get_settings
from mlinterview.db.engine import get_engine
from mlinterview.kit import jobs

_factory: sessionmaker[Session] | None = None


def get_session_factory() -> sessionmaker[Session]:
    global _factory
    if _factory is None:
        engine = get_engine(get_settings().resolved_database_url)
        _factory = sessionmaker(engine, expire_on_commit=False)
    return _factory


def set_session_factory(factory: sessionmaker[Session] | None) -> None:
    """Bind sessions elsewhere (tests bind them to a connection whose transaction is rolled back)."""
    global _factory
    _factory = factory


@contextmanager
def session_scope() -> Iterator[Session]:
    """A unit of work: commit on success, roll back on error; queued jobs are sent only after commit."""
    session = get_session_factory()()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        jobs.discard_pending(session.info)
        raise
    else:
        jobs.send_pending(session.info)
    finally:
        session.close()


def enqueue_job(session: Session, name: str, **kwargs: Any) -> None:
    """Queue a background job that is sent once this session's transaction commits."""
    jobs.enqueue(session.info, name, **kwargs)


def session_per_request() -> Iterator[Session]:
    """A FastAPI dependency: one unit of work per request, committed before the response is sent."""
    with session_scope() as session:
        yield session
