import json

import pytest
from sqlalchemy.orm import Session

from mlinterview.accounts import exports, tokens
from mlinterview.accounts.models import DataExport, ExportStatus
from mlinterview.errors import Conflict, NotFound, Unauthorized
from mlinterview.kit.jobs import RecordingSender
from mlinterview.kit.secrets import token_digest
from tests.factories import make_organisation, make_user


def test_token_is_stored_only_as_a_digest(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    token, plaintext = tokens.create(db, user=user, name="ATS")
    assert plaintext.startswith("mli_")
    assert token.digest == token_digest(plaintext)
    assert plaintext not in {token.digest, token.hint}
    assert tokens.authenticate(db, plaintext=plaintext).id == user.id
    assert token.last_used_at is not None


def test_revoked_token_no_longer_authenticates(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    token, plaintext = tokens.create(db, user=user, name="ATS")
    tokens.revoke(db, user=user, token_id=token.id)
    with pytest.raises(Unauthorized, match="revoked"):
        tokens.authenticate(db, plaintext=plaintext)


def test_nobody_revokes_someone_elses_token(db: Session) -> None:
    org = make_organisation(db)
    owner, other = make_user(db, org), make_user(db, org)
    token, _ = tokens.create(db, user=owner, name="mine")
    with pytest.raises(NotFound):
        tokens.revoke(db, user=other, token_id=token.id)
    assert token.revoked_at is None


def test_blank_token_name_is_refused(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    with pytest.raises(Exception, match="Name the token"):
        tokens.create(db, user=user, name="   ")


def test_export_job_is_queued_and_sent_only_after_commit(db: Session, sent_jobs: RecordingSender) -> None:
    from mlinterview.db import session_scope

    user = make_user(db, make_organisation(db))
    db.commit()  # to the test's savepoint, so the scope below sees the user
    with session_scope() as session:
        export = exports.request(session, user=session.get_one(type(user), user.id))
        assert sent_jobs.sent == []  # not before the commit
    assert sent_jobs.sent == [("accounts.build_export", {"export_id": export.id})]


def test_a_rolled_back_transaction_sends_no_job(db: Session, sent_jobs: RecordingSender) -> None:
    from mlinterview.db import session_scope

    user = make_user(db, make_organisation(db))
    db.commit()

    def ask_then_fail() -> None:
        with session_scope() as session:
            exports.request(session, user=session.get_one(type(user), user.id))
            raise RuntimeError("something failed after the export was asked for")

    with pytest.raises(RuntimeError):
        ask_then_fail()
    assert sent_jobs.sent == []


def test_building_an_export_twice_changes_nothing_the_second_time(db: Session, sent_jobs: RecordingSender) -> None:
    user = make_user(db, make_organisation(db))
    tokens.create(db, user=user, name="ATS")
    export = exports.request(db, user=user)
    exports.build(db, export_id=export.id)
    first = (export.content, export.finished_at)
    exports.build(db, export_id=export.id)  # a redelivered job
    assert (export.content, export.finished_at) == first
    document = json.loads(export.content or "")
    assert document["user"]["email"] == user.email
    assert [t["name"] for t in document["api_tokens"]] == ["ATS"]
    assert "digest" not in json.dumps(document)
    assert db.query(DataExport).filter_by(user_id=user.id).count() == 1
    assert export.status is ExportStatus.READY


def test_too_many_pending_exports_are_refused(db: Session, sent_jobs: RecordingSender) -> None:
    user = make_user(db, make_organisation(db))
    for _ in range(exports.MAX_PENDING):
        exports.request(db, user=user)
    with pytest.raises(Conflict, match="still being prepared"):
        exports.request(db, user=user)


def test_unknown_job_names_are_refused() -> None:
    from mlinterview.kit import jobs

    with pytest.raises(LookupError, match="no background job"):
        jobs.enqueue({}, "accounts.no_such_job")
