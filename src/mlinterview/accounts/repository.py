"""Queries over accounts. Every query that returns another user's data is scoped to one organisation."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import (
    ApiToken,
    AuditEvent,
    DataExport,
    Organisation,
    Role,
    User,
)


def user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def user_in_organisation(session: Session, organisation_id: int, user_id: int) -> User | None:
    return session.scalar(select(User).where(User.id == user_id, User.organisation_id == organisation_id))


def users_of(session: Session, organisation_id: int, role: Role | None = None) -> Sequence[User]:
    query = select(User).where(User.organisation_id == organisation_id)
    if role is not None:
        query = query.where(User.role == role)
    return session.scalars(query.order_by(User.role, User.name)).all()


def role_counts(session: Session, organisation_id: int) -> dict[Role, int]:
    rows = session.execute(
        select(User.role, func.count())
        .where(User.organisation_id == organisation_id, User.is_active.is_(True))
        .group_by(User.role)
    )
    counts = dict.fromkeys(Role, 0)
    counts.update({role: count for role, count in rows})  # noqa: C416 - a Result has keys(); dict() misreads it
    return counts


def organisation_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Organisation)) or 0


def slug_taken(session: Session, slug: str) -> bool:
    return session.scalar(select(Organisation.id).where(Organisation.slug == slug)) is not None


def token_by_digest(session: Session, digest: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.digest == digest))


def tokens_of(session: Session, user_id: int) -> Sequence[ApiToken]:
    return session.scalars(
        select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    ).all()


def token_of(session: Session, user_id: int, token_id: int) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id))


def exports_of(session: Session, user_id: int, limit: int = 10) -> Sequence[DataExport]:
    return session.scalars(
        select(DataExport)
        .where(DataExport.user_id == user_id)
        .order_by(DataExport.created_at.desc(), DataExport.id.desc())
        .limit(limit)
    ).all()


def export_of(session: Session, user_id: int, export_id: int) -> DataExport | None:
    return session.scalar(select(DataExport).where(DataExport.id == export_id, DataExport.user_id == user_id))


def events_of(
    session: Session, organisation_id: int, *, actor_id: int | None = None, limit: int = 20
) -> Sequence[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.organisation_id == organisation_id)
    if actor_id is not None:
        query = query.where(AuditEvent.actor_id == actor_id)
    return session.scalars(query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit)).all()
