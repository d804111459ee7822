"""Coding exercises: read them, submit code (graded in the background), read results, decide, see flags."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, status
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.exercises import catalogue, service
from mlinterview.exercises.models import Submission, SubmissionStatus
from mlinterview.exercises.schemas import (
    DecisionCreate,
    ExerciseRead,
    ExerciseSummary,
    SimilarityFlagRead,
    SubmissionCreate,
    SubmissionRead,
    TestRead,
)

router = APIRouter(tags=["exercises"])


@router.get("/exercises", response_model=list[ExerciseSummary], summary="Every coding exercise")
def list_exercises(user: ApiUser) -> list[ExerciseSummary]:
    return [ExerciseSummary.of(e) for e in catalogue.exercises().values()]


@router.get("/exercises/{slug}", response_model=ExerciseRead, summary="One exercise: statement, starter, hints")
def get_exercise(user: ApiUser, slug: str) -> ExerciseRead:
    return ExerciseRead.of(catalogue.get(slug))


@router.post(
    "/exercises/{slug}/submissions",
    response_model=SubmissionRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Submit code; poll the submission until its status is no longer 'pending'",
)
def submit(session: SessionDep, user: ApiUser, slug: str, body: SubmissionCreate) -> SubmissionRead:
    submission = service.submit(session, user=user, slug=slug, source=body.source, kind=body.kind)
    return _read(session, user, submission)


@router.get("/submissions", response_model=list[SubmissionRead], summary="Your submissions (staff: everyone's)")
def list_submissions(session: SessionDep, user: ApiUser, exercise: str | None = None) -> list[SubmissionRead]:
    if user.role.is_staff:
        rows = service.list_for_review(session, actor=user, slug=exercise)
    else:
        rows = service.list_own(session, user=user, slug=exercise, limit=100)
    return [_read(session, user, row, tests=False) for row in rows]


@router.get("/submissions/{submission_id}", response_model=SubmissionRead, summary="A submission with its tests")
def get_submission(session: SessionDep, user: ApiUser, submission_id: int) -> SubmissionRead:
    return _read(session, user, service.get(session, actor=user, submission_id=submission_id))


@router.post("/submissions/{submission_id}/decision", response_model=SubmissionRead, summary="Accept or reject (staff)")
def decide(session: SessionDep, user: ApiUser, submission_id: int, body: DecisionCreate) -> SubmissionRead:
    submission = service.decide(
        session, actor=user, submission_id=submission_id, decision=body.decision, note=body.note
    )
    return _read(session, user, submission)


@router.get("/similarity-flags", response_model=list[SimilarityFlagRead], summary="Open similarity flags (staff)")
def similarity_flags(session: SessionDep, user: ApiUser) -> list[SimilarityFlagRead]:
    return [
        SimilarityFlagRead.model_validate(flag, from_attributes=True) for flag in service.flags(session, actor=user)
    ]


def _read(session: Session, user: User, submission: Submission, tests: bool = True) -> SubmissionRead:
    read = SubmissionRead.model_validate(submission, from_attributes=True)
    if tests and submission.status is SubmissionStatus.GRADED:
        views = service.case_views(session, actor=user, submission=submission)
        read.tests = [TestRead(**asdict(view)) for view in views]
    return read
