""" "Download my data": a JSON copy of everything stored about a user, built in the background."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from mlinterview.accounts import audit, repository
from mlinterview.accounts.models import DataExport, ExportStatus, User
from mlinterview.accounts.schemas import AuditEventRead, TokenRead, UserRead
from mlinterview.db import enqueue_job
from mlinterview.errors import Conflict, NotFound
from mlinterview.kit.clock import utcnow

MAX_PENDING = 3


def request(session: Session, *, user: User) -> DataExport:
    pending = [e for e in repository.exports_of(session, user.id) if e.status is ExportStatus.PENDING]
    if len(pending) >= MAX_PENDING:
        raise Conflict("Your earlier exports are still being prepared. Wait for them to finish first.")
    export = DataExport(user_id=user.id)
    session.add(export)
    session.flush()
    audit.record(session, actor=user, action="export.request", summary="asked for a copy of their data")
    enqueue_job(session, "accounts.build_export", export_id=export.id)
    return export


Section = Callable[[Session, User], Any]
_sections: dict[str, Section] = {}


def register_section(name: str, section: Section) -> None:
    """Each domain adds what it stores about a person (answers, submissions, practice...) to the export, so
    "download my data" stays complete as domains are added, without this module importing them."""
    _sections[name] = section


def build(session: Session, *, export_id: int) -> None:
    """Fill in an export. Idempotent: a redelivered job finds the export ready and does nothing."""
    export = session.get(DataExport, export_id, with_for_update=True)
    if export is None or export.status is ExportStatus.READY:
        return
    user = session.get_one(User, export.user_id)
    document = {
        "exported_at": utcnow().isoformat(),
        "user": UserRead.model_validate(user).model_dump(mode="json"),
        "organisation": {"id": user.organisation.id, "name": user.organisation.name},
        "api_tokens": [
            TokenRead.model_validate(t).model_dump(mode="json") for t in repository.tokens_of(session, user.id)
        ],
        "activity": [
            AuditEventRead.model_validate(e).model_dump(mode="json")
            for e in repository.events_of(session, user.organisation_id, actor_id=user.id, limit=10_000)
        ],
    }
    document.update({name: section(session, user) for name, section in sorted(_sections.items())})
    export.content = json.dumps(document, indent=2, default=str)
    export.status = ExportStatus.READY
    export.finished_at = utcnow()


def list_for(session: Session, *, user: User) -> Sequence[DataExport]:
    return repository.exports_of(session, user.id)


def get(session: Session, *, user: User, export_id: int) -> DataExport:
    export = repository.export_of(session, user.id, export_id)
    if export is None:
        raise NotFound(f"You have no data export {export_id}. Ask for a new one on your account page.")
    return export
