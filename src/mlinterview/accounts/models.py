"""Organisations, their users, API tokens, data exports and the audit trail."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class Role(enum.StrEnum):
    ADMIN = "admin"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    CANDIDATE = "candidate"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_staff(self) -> bool:
        """Staff run interviews; candidates only ever see their own things."""
        return self is not Role.CANDIDATE


class RevealPolicy(enum.StrEnum):
    """When a candidate may see the data of the hidden tests their submission failed."""

    NEVER = "never"
    AFTER_DECISION = "after_decision"  # once a reviewer has accepted or rejected the submission

    @property
    def label(self) -> str:
        return {"never": "Never", "after_decision": "After a reviewer's decision"}[self.value]


class Organisation(IdMixin, TimestampMixin, Base):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    is_demo: Mapped[bool] = mapped_column(default=False)
    reveal_hidden_tests: Mapped[RevealPolicy] = mapped_column(
        enum_column(RevealPolicy, 16), default=RevealPolicy.NEVER, server_default=RevealPolicy.NEVER.value
    )

    users: Mapped[list[User]] = relationship(back_populates="organisation")


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "users"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    # Bumped on password change or "sign out everywhere": every older session cookie stops working.
    session_version: Mapped[int] = mapped_column(default=1)
    last_login_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship(back_populates="users")


class ApiToken(IdMixin, TimestampMixin, Base):
    __tablename__ = "api_tokens"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the token, never the token
    hint: Mapped[str] = mapped_column(String(16))  # last characters, so people can tell tokens apart
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class ExportStatus(enum.StrEnum):
    PENDING = "pending"
    READY = "ready"


class DataExport(IdMixin, TimestampMixin, Base):
    """A copy of everything stored about one user, built by a background job."""

    __tablename__ = "data_exports"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[ExportStatus] = mapped_column(enum_column(ExportStatus, 16), default=ExportStatus.PENDING)
    content: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None]


class AuditEvent(IdMixin, TimestampMixin, Base):
    """Who did what, and when: sign-ins, account changes, token use."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_org_created", "organisation_id", "created_at"),)

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(String(300))
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship()
