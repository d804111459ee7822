"""The audit trail: one row for every sign-in and every change to an account."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mlinterview.accounts.models import AuditEvent, User


def record(session: Session, *, actor: User, action: str, summary: str, **details: object) -> AuditEvent:
    event = AuditEvent(
        organisation_id=actor.organisation_id, actor=actor, action=action, summary=summary, details=details
    )
    session.add(event)
    return event
