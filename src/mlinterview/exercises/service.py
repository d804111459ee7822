"""Submitting code to an exercise, grading it in the background, and who may see what of the result.

Services flush; the request, job or command around them commits.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import Organisation, RevealPolicy, Role, User
from mlinterview.accounts.permissions import STAFF, require_role
from mlinterview.db import enqueue_job
from mlinterview.errors import AppError, Conflict, InvalidInput, NotFound
from mlinterview.exercises import catalogue, similarity
from mlinterview.exercises.judging import Judgement, expected_outputs, judge
from mlinterview.exercises.models import (
    Decision,
    SimilarityFlag,
    Submission,
    SubmissionCase,
    SubmissionKind,
    SubmissionStatus,
)
from mlinterview.kit.clock import utcnow

log = logging.getLogger(__name__)

MAX_SOURCE = 64 * 1024
MAX_PENDING = 3  # per person: grading costs real CPU, so one person cannot queue up the machine
COMPARED = 200  # the most recent other submissions each new one is compared with


def submit(session: Session, *, user: User, slug: str, source: str, kind: SubmissionKind) -> Submission:
    exercise = catalogue.get(slug)
    if not source.strip():
        raise InvalidInput("The code is empty. Start from the starter code and fill in the function.")
    if len(source.encode()) > MAX_SOURCE:
        raise InvalidInput(
            f"Submissions are limited to {MAX_SOURCE // 1024} KB of code; remove what the tests do not need."
        )
    if _pending(session, user) >= MAX_PENDING:
        raise Conflict(f"You already have {MAX_PENDING} runs waiting to be graded; wait for their results first.")
    submission = Submission(
        user_id=user.id,
        organisation_id=user.organisation_id,
        exercise=exercise.slug,
        exercise_version=catalogue.version(exercise),
        kind=kind,
        source=source,
    )
    session.add(submission)
    session.flush()
    enqueue_job(session, "exercises.grade_submission", submission_id=submission.id)
    return submission


def grade(session: Session, *, submission_id: int) -> None:
    """Run the submission's tests and store each result. Idempotent: a graded submission is left alone."""
    submission = session.get(Submission, submission_id, with_for_update=True)
    if submission is None or submission.status is not SubmissionStatus.PENDING:
        return
    try:
        exercise = catalogue.get(submission.exercise)
        runner = catalogue.runner()
        judgement = judge(exercise, submission.source, runner, hidden=submission.kind is SubmissionKind.SUBMIT)
    except AppError as error:  # the exercise is gone, or the sandbox refuses to run (fail closed)
        submission.status, submission.problem = SubmissionStatus.FAILED, error.message
        return
    except Exception:  # never the code's fault (that is a test result): say so, and keep the code
        log.exception("grading submission %s failed", submission.id)
        submission.status = SubmissionStatus.FAILED
        submission.problem = "The sandbox could not grade this run; nothing is wrong with your code. Run it again."
        return
    _store(submission, judgement)
    session.flush()
    if submission.kind is SubmissionKind.SUBMIT and not judgement.problem:
        _flag_similar(session, submission, exercise.starter)


def _store(submission: Submission, judgement: Judgement) -> None:
    submission.cases = [
        SubmissionCase(
            position=index,
            name=case.name,
            category=case.category,
            hidden=case.hidden,
            passed=case.passed,
            message=case.message,
            detail=case.detail or case.message,
            ms=case.ms,
            kb=case.kb,
        )
        for index, case in enumerate(judgement.cases)
    ]
    submission.passed, submission.total = judgement.passed, judgement.total
    submission.problem = judgement.problem
    submission.stdout = judgement.stdout[:20_000]
    submission.wall_ms, submission.memory_kb = judgement.wall_ms, judgement.memory_kb
    submission.runner = judgement.runner
    submission.status = SubmissionStatus.GRADED
    submission.graded_at = utcnow()


def _flag_similar(session: Session, submission: Submission, starter: str) -> None:
    """Compare with other people's latest submissions to the same exercise in the organisation."""
    others = session.scalars(
        select(Submission)
        .where(
            Submission.organisation_id == submission.organisation_id,
            Submission.exercise == submission.exercise,
            Submission.kind == SubmissionKind.SUBMIT,
            Submission.user_id != submission.user_id,
            Submission.status == SubmissionStatus.GRADED,
        )
        .order_by(Submission.id.desc())
        .limit(COMPARED)
    ).all()
    seen: set[int] = set()
    for other in others:
        if other.user_id in seen:
            continue  # only each person's latest
        seen.add(other.user_id)
        comparison = similarity.compare(other.source, submission.source, starter=starter)
        if not similarity.flagged(comparison):
            continue
        matches = [{"first": list(m.a_lines), "second": list(m.b_lines)} for m in comparison.matches]
        session.add(
            SimilarityFlag(
                organisation_id=submission.organisation_id,
                exercise=submission.exercise,
                first_id=other.id,
                second_id=submission.id,
                score=round(comparison.score, 3),
                matches=matches,
            )
        )


def get(session: Session, *, actor: User, submission_id: int) -> Submission:
    """The actor's own submission, or (for staff) any in their organisation."""
    submission = session.get(Submission, submission_id)
    visible = submission is not None and (
        submission.user_id == actor.id or (actor.role.is_staff and submission.organisation_id == actor.organisation_id)
    )
    if not visible or submission is None:
        raise NotFound(f"There is no submission {submission_id} that you can see.")
    return submission


def list_own(session: Session, *, user: User, slug: str | None = None, limit: int = 20) -> Sequence[Submission]:
    query = select(Submission).where(Submission.user_id == user.id)
    if slug:
        query = query.where(Submission.exercise == slug)
    return session.scalars(query.order_by(Submission.id.desc()).limit(limit)).all()


def list_for_review(
    session: Session, *, actor: User, slug: str | None = None, limit: int = 100
) -> Sequence[Submission]:
    """Submissions (not trial runs) by people in the actor's organisation; staff only."""
    require_role(actor, *STAFF)
    query = select(Submission).where(
        Submission.organisation_id == actor.organisation_id, Submission.kind == SubmissionKind.SUBMIT
    )
    if slug:
        query = query.where(Submission.exercise == slug)
    return session.scalars(query.order_by(Submission.id.desc()).limit(limit)).all()


def decide(session: Session, *, actor: User, submission_id: int, decision: Decision, note: str = "") -> Submission:
    require_role(actor, *STAFF)
    submission = get(session, actor=actor, submission_id=submission_id)
    if submission.kind is not SubmissionKind.SUBMIT or submission.status is not SubmissionStatus.GRADED:
        raise Conflict("Only a graded submission (not a trial run) can be accepted or rejected.")
    submission.decision, submission.decided_by_id, submission.decided_at = decision, actor.id, utcnow()
    submission.decision_note = note.strip()[:2000]
    audit.record(
        session,
        actor=actor,
        action="exercise.decide",
        summary=f"{decision.value} submission {submission.id} to {submission.exercise}",
        submission_id=submission.id,
    )
    session.flush()
    return submission


def flags(session: Session, *, actor: User, open_only: bool = True) -> Sequence[SimilarityFlag]:
    require_role(actor, *STAFF)
    query = select(SimilarityFlag).where(SimilarityFlag.organisation_id == actor.organisation_id)
    if open_only:
        query = query.where(SimilarityFlag.dismissed_at.is_(None))
    return session.scalars(query.order_by(SimilarityFlag.score.desc(), SimilarityFlag.id.desc())).all()


def get_flag(session: Session, *, actor: User, flag_id: int) -> SimilarityFlag:
    require_role(actor, *STAFF)
    flag = session.get(SimilarityFlag, flag_id)
    if flag is None or flag.organisation_id != actor.organisation_id:
        raise NotFound(f"There is no similarity flag {flag_id} in your organisation.")
    return flag


def dismiss_flag(session: Session, *, actor: User, flag_id: int, note: str = "") -> SimilarityFlag:
    flag = get_flag(session, actor=actor, flag_id=flag_id)
    flag.dismissed_by_id, flag.dismissed_at, flag.note = actor.id, utcnow(), note.strip()[:2000]
    audit.record(session, actor=actor, action="exercise.dismiss_flag", summary=f"looked at similarity flag {flag.id}")
    session.flush()
    return flag


def set_reveal_policy(session: Session, *, actor: User, policy: RevealPolicy) -> Organisation:
    require_role(actor, Role.ADMIN)
    organisation = session.get_one(Organisation, actor.organisation_id)
    organisation.reveal_hidden_tests = policy
    audit.record(session, actor=actor, action="organisation.reveal_policy", summary=f"hidden tests: {policy.label}")
    session.flush()
    return organisation


@dataclass(frozen=True)
class CaseView:
    """One test as this viewer may see it."""

    position: int
    label: str  # the test's name, or "Hidden test 3" where its name may not be shown
    category: str
    hidden: bool
    passed: bool
    message: str
    ms: int
    kb: int
    data: dict[str, Any] | None  # inputs and expected output, where the viewer may see them


def case_views(session: Session, *, actor: User, submission: Submission) -> list[CaseView]:
    """Visible tests in full; hidden ones as pass/fail and a category, unless the viewer is staff or the
    organisation's policy reveals them after a decision."""
    exercise = catalogue.get(submission.exercise)
    reveal = actor.role.is_staff or reveals(session, submission)
    # the data shown must be the data it ran on: regenerated only while the exercise is unchanged
    current = submission.exercise_version == catalogue.version(exercise)
    all_visible = expected_outputs(exercise, hidden=False)  # cached per exercise
    visible = all_visible if current else ()
    hidden = expected_outputs(exercise, hidden=True) if current and reveal else ()
    views = []
    for case in submission.cases:
        shown = not case.hidden or reveal
        index = case.position if not case.hidden else case.position - len(all_visible)
        pairs = visible if not case.hidden else hidden
        data = None
        if shown and 0 <= index < len(pairs):
            test, expected = pairs[index]
            data = {"args": _preview(test.args), "kwargs": _preview(test.kwargs), "expected": _preview(expected)}
        views.append(
            CaseView(
                position=case.position,
                label=case.name if shown else f"Hidden test {index + 1}",
                category=case.category,
                hidden=case.hidden,
                passed=case.passed,
                message=case.detail if shown else case.message,
                ms=case.ms,
                kb=case.kb,
                data=data,
            )
        )
    return views


def reveals(session: Session, submission: Submission) -> bool:
    organisation = session.get_one(Organisation, submission.organisation_id)
    return organisation.reveal_hidden_tests is RevealPolicy.AFTER_DECISION and submission.decision is not None


def _pending(session: Session, user: User) -> int:
    query = select(func.count()).where(Submission.user_id == user.id, Submission.status == SubmissionStatus.PENDING)
    return session.scalar(query) or 0


def _preview(value: Any, limit: int = 600) -> str:
    """A short, readable rendering of test data (long arrays summarised by numpy, cut at ``limit`` characters)."""
    text = repr(_readable(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Shown(str):
    def __repr__(self) -> str:
        return str(self)


def _readable(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return _Shown(np.array2string(value, precision=4, threshold=40, separator=", "))
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list | tuple):
        return [_readable(v) for v in value]
    if isinstance(value, dict):
        return {k: _readable(v) for k, v in value.items()}
    return value
