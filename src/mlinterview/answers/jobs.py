"""Background jobs of the answers domain."""

from __future__ import annotations

from mlinterview.answers import service
from mlinterview.db import session_scope
from mlinterview.kit.jobs import job


@job("answers.grade")
def grade(*, answer_id: int) -> None:
    with session_scope() as session:
        service.grade(session, answer_id=answer_id)
