"""Background jobs of the take-home domain."""

from __future__ import annotations

from mlinterview.db import session_scope
from mlinterview.kit.jobs import job
from mlinterview.takehome import service


@job("takehome.score_submission")
def score_submission(*, submission_id: int) -> None:
    with session_scope() as session:
        service.score(session, submission_id=submission_id)


@job("takehome.check_reproducibility")
def check_reproducibility(*, submission_id: int) -> None:
    with session_scope() as session:
        service.check_reproducibility(session, submission_id=submission_id)
