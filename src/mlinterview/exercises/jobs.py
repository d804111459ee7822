"""Background jobs of the exercises domain."""

from __future__ import annotations

from mlinterview.db import session_scope
from mlinterview.exercises import service
from mlinterview.kit.jobs import job


@job("exercises.grade_submission")
def grade_submission(*, submission_id: int) -> None:
    with session_scope() as session:
        service.grade(session, submission_id=submission_id)
