"""Engine, sessions, the declarative base and migrations."""

from mlinterview.db.base import Base, IdMixin, TimestampMixin, enum_column
from mlinterview.db.session import enqueue_job, session_scope

__all__ = ["Base", "IdMixin", "TimestampMixin", "enqueue_job", "enum_column", "session_scope"]
