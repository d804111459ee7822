"""The embedded default runs jobs on a thread pool of the web process, after the transaction commits."""

from pathlib import Path

from sqlalchemy.orm import sessionmaker

from mlinterview.accounts import exports
from mlinterview.accounts.models import DataExport, ExportStatus
from mlinterview.db import session_scope
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import upgrade
from mlinterview.db.session import set_session_factory
from mlinterview.kit import jobs
from tests.factories import make_organisation, make_user


def test_inline_sender_runs_the_job_on_committed_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'inline.db'}"
    upgrade(url)
    set_session_factory(sessionmaker(get_engine(url), expire_on_commit=False))
    sender = jobs.InlineSender(threads=1)
    previous = jobs.set_sender(sender)
    try:
        with session_scope() as session:
            user = make_user(session, make_organisation(session))
            export_id = exports.request(session, user=user).id
        sender.wait()
        with session_scope() as session:
            export = session.get_one(DataExport, export_id)
            assert export.status is ExportStatus.READY
            assert export.content
    finally:
        jobs.set_sender(previous)
        set_session_factory(None)


@jobs.job("testing.explode")
def explode(*, reason: str) -> None:
    raise RuntimeError(reason)


def test_a_failing_inline_job_is_logged_and_the_pool_goes_on(caplog) -> None:
    sender = jobs.InlineSender(threads=1)
    sender.send("testing.explode", {"reason": "first job fails"})
    sender.send("testing.explode", {"reason": "second job still runs"})
    sender.wait()
    assert "background job testing.explode" in caplog.text
    assert "second job still runs" in caplog.text
