"""Take-home projects: read them, download the data, upload predictions (scored in the background), read
scores and leaderboards."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile, status
from fastapi.responses import FileResponse

from mlinterview.accounts.models import User
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.errors import InvalidInput
from mlinterview.takehome import catalogue, service
from mlinterview.takehome.models import Assignment, TakehomeSubmission
from mlinterview.takehome.schemas import (
    LeaderboardRead,
    ProjectRead,
    ProjectSummary,
    StandingRead,
    TakehomeSubmissionRead,
)
from mlinterview.takehome.uploads import saved

router = APIRouter(tags=["take-homes"])


@router.get("/takehomes", response_model=list[ProjectSummary], summary="Every take-home project")
def list_projects(user: ApiUser) -> list[ProjectSummary]:
    return [ProjectSummary.of(p, catalogue.answers(p).metric.greater_is_better) for p in catalogue.projects().values()]


@router.get("/takehomes/{slug}", response_model=ProjectRead, summary="A project's brief and submission header")
def get_project(user: ApiUser, slug: str) -> ProjectRead:
    project = catalogue.get(slug)
    summary = ProjectSummary.of(project, catalogue.answers(project).metric.greater_is_better)
    header = f"{project.spec.id_column},{project.spec.prediction_column}"
    return ProjectRead(**summary.model_dump(), brief=project.brief, header=header)


@router.get("/takehomes/{slug}/data.zip", summary="The candidate's files: BRIEF.md, train.csv, test.csv")
def download(user: ApiUser, slug: str) -> FileResponse:
    return FileResponse(catalogue.files(catalogue.get(slug)) / "data.zip", filename=f"{slug}.zip")


@router.post(
    "/takehomes/{slug}/submissions",
    response_model=TakehomeSubmissionRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Upload predictions (validated at once, scored in the background); optional report and code",
)
def submit(
    session: SessionDep,
    user: ApiUser,
    slug: str,
    predictions: Annotated[UploadFile, File(description="CSV or gzip-compressed CSV")],
    report: Annotated[UploadFile | None, File(description="Markdown or PDF")] = None,
    code: Annotated[UploadFile | None, File(description="A zip with predict.py, or a notebook")] = None,
    assignment_id: Annotated[int | None, Form(description="The assignment; none for practice")] = None,
    note: Annotated[str, Form()] = "",
) -> TakehomeSubmissionRead:
    with (
        saved(predictions.file, predictions.filename) as upload,
        saved(report.file if report else None, report.filename if report else None) as report_upload,
        saved(code.file if code else None, code.filename if code else None) as code_upload,
    ):
        if upload is None:
            raise InvalidInput("Send the predictions as a file field named 'predictions'.")
        submission = service.submit(
            session,
            user=user,
            slug=slug,
            predictions=upload,
            assignment_id=assignment_id,
            report=report_upload,
            code=code_upload,
            note=note,
        )
    return _read(session, user, submission)


@router.get(
    "/takehome-submissions/{submission_id}", response_model=TakehomeSubmissionRead, summary="A submission's scores"
)
def get_submission(session: SessionDep, user: ApiUser, submission_id: int) -> TakehomeSubmissionRead:
    return _read(session, user, service.get_submission(session, actor=user, submission_id=submission_id))


@router.get("/takehomes/{slug}/leaderboard", response_model=LeaderboardRead, summary="Practice or assignment board")
def leaderboard(session: SessionDep, user: ApiUser, slug: str, assignment_id: int | None = None) -> LeaderboardRead:
    assignment = service.get_assignment(session, actor=user, assignment_id=assignment_id) if assignment_id else None
    standings, private = service.leaderboard(session, actor=user, slug=slug, assignment=assignment)
    return LeaderboardRead(private=private, standings=[StandingRead(**asdict(s)) for s in standings])


def _read(session: SessionDep, user: User, submission: TakehomeSubmission) -> TakehomeSubmissionRead:
    read = TakehomeSubmissionRead.model_validate(submission, from_attributes=True)
    assignment = session.get(Assignment, submission.assignment_id) if submission.assignment_id else None
    if not user.role.is_staff and (assignment is None or service.is_open(assignment)):
        read.private_score = None  # revealed after the deadline (never on practice boards)
    return read
