"""Take-home projects in the browser: briefs and data, uploads with clear errors, scores, final picks,
leaderboards, assignments for an opening, and rubric reviews of reports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy import select

from mlinterview.accounts.models import Role, User
from mlinterview.errors import AppError, InvalidInput
from mlinterview.takehome import catalogue, service
from mlinterview.takehome.models import Assignment, TakehomeSubmission
from mlinterview.takehome.service import CRITERIA, LEVELS
from mlinterview.takehome.uploads import saved
from mlinterview.web.deps import CurrentUser, ManagerUser, SessionDep, StaffUser
from mlinterview.web.templating import flash, render

router = APIRouter()


@router.get("/takehomes")
def index(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    candidates = []
    if user.role.is_staff:
        query = select(User).where(User.organisation_id == user.organisation_id, User.role == Role.CANDIDATE)
        candidates = list(session.scalars(query.order_by(User.name)))
    return render(
        request,
        "takehomes/list.html",
        user=user,
        projects=list(catalogue.projects().values()),
        projects_by_slug=catalogue.projects(),
        assignments=service.list_assignments(session, actor=user),
        candidates=candidates,
        is_open=service.is_open,
    )


@router.get("/takehomes/{slug}")
def show(request: Request, session: SessionDep, user: CurrentUser, slug: str) -> Response:
    project = catalogue.get(slug)
    board, private = service.leaderboard(session, actor=user, slug=slug)
    return render(
        request,
        "takehomes/project.html",
        user=user,
        project=project,
        metric=catalogue.answers(project).metric,
        mine=service.list_own(session, user=user, slug=slug),
        board=board,
        private=private,
        action=f"/takehomes/{slug}/submissions",
        assignment=None,
    )


@router.get("/takehomes/{slug}/data.zip")
def download(user: CurrentUser, slug: str) -> Response:
    project = catalogue.get(slug)
    return FileResponse(catalogue.files(project) / "data.zip", filename=f"{slug}.zip", media_type="application/zip")


@router.post("/takehomes/{slug}/submissions")
def submit_practice(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    slug: str,
    predictions: Annotated[UploadFile, File()],
    report: Annotated[UploadFile | None, File()] = None,
    code: Annotated[UploadFile | None, File()] = None,
    note: Annotated[str, Form()] = "",
) -> Response:
    return _submit(request, session, user, slug, None, predictions, report, code, note, f"/takehomes/{slug}")


@router.post("/assignments")
def create_assignment(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    project: Annotated[str, Form()],
    opening: Annotated[str, Form()],
    deadline: Annotated[str, Form()],
    daily_limit: Annotated[int, Form()] = 5,
    total_limit: Annotated[int, Form()] = 20,
    anonymise: Annotated[bool, Form()] = False,
    candidates: Annotated[list[int] | None, Form()] = None,
) -> Response:
    try:
        when = datetime.fromisoformat(deadline).replace(tzinfo=UTC)
    except ValueError:
        raise InvalidInput("Give the deadline as a date and time, e.g. 2026-12-01T17:00 (UTC).") from None
    assignment = service.create_assignment(
        session,
        actor=user,
        project=project,
        opening=opening,
        deadline=when,
        daily_limit=daily_limit,
        total_limit=total_limit,
        anonymise_reviews=anonymise,
    )
    service.invite(session, actor=user, assignment_id=assignment.id, user_ids=candidates or [])
    flash(request, f"Take-home set for {assignment.opening}.")
    return RedirectResponse(f"/assignments/{assignment.id}", status_code=303)


@router.get("/assignments/{assignment_id}")
def assignment_page(request: Request, session: SessionDep, user: CurrentUser, assignment_id: int) -> Response:
    assignment = service.get_assignment(session, actor=user, assignment_id=assignment_id)
    project = catalogue.get(assignment.project)
    board, private = service.leaderboard(session, actor=user, slug=project.slug, assignment=assignment)
    people = {u.id: u for u in session.scalars(select(User).where(User.organisation_id == user.organisation_id))}
    submissions = []
    if user.role.is_staff:
        query = select(TakehomeSubmission).where(TakehomeSubmission.assignment_id == assignment.id)
        submissions = list(session.scalars(query.order_by(TakehomeSubmission.id.desc())))
    return render(
        request,
        "takehomes/project.html",
        user=user,
        project=project,
        metric=catalogue.answers(project).metric,
        mine=service.list_own(session, user=user, slug=project.slug, assignment_id=assignment.id),
        board=board,
        private=private,
        action=f"/assignments/{assignment.id}/submissions",
        assignment=assignment,
        open=service.is_open(assignment),
        people=people,
        submissions=submissions,
        codes={p.user_id: p.code for p in assignment.candidates},
    )


@router.post("/assignments/{assignment_id}/submissions")
def submit_assignment(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    assignment_id: int,
    predictions: Annotated[UploadFile, File()],
    report: Annotated[UploadFile | None, File()] = None,
    code: Annotated[UploadFile | None, File()] = None,
    note: Annotated[str, Form()] = "",
) -> Response:
    assignment = service.get_assignment(session, actor=user, assignment_id=assignment_id)
    back = f"/assignments/{assignment_id}"
    return _submit(request, session, user, assignment.project, assignment_id, predictions, report, code, note, back)


@router.post("/assignments/{assignment_id}/close")
def close(request: Request, session: SessionDep, user: ManagerUser, assignment_id: int) -> Response:
    service.close_now(session, actor=user, assignment_id=assignment_id)
    flash(request, "Submissions are closed; the private leaderboard is now shown.")
    return RedirectResponse(f"/assignments/{assignment_id}", status_code=303)


@router.post("/takehome-submissions/{submission_id}/final")
def pick_final(
    request: Request, session: SessionDep, user: CurrentUser, submission_id: int, final: Annotated[bool, Form()]
) -> Response:
    submission = service.pick_final(session, user=user, submission_id=submission_id, final=final)
    back = (
        f"/assignments/{submission.assignment_id}" if submission.assignment_id else f"/takehomes/{submission.project}"
    )
    flash(request, f"Submission {submission.id} is {'now' if final else 'no longer'} one of your final two.")
    return RedirectResponse(back, status_code=303)


@router.get("/takehome-submissions/{submission_id}")
def submission_page(request: Request, session: SessionDep, user: CurrentUser, submission_id: int) -> Response:
    submission = service.get_submission(session, actor=user, submission_id=submission_id)
    project = catalogue.get(submission.project)
    report = None
    if submission.report_format == "md" and submission.report_file:
        report = service.stored_path(submission.report_file).read_text(encoding="utf-8")
    assignment = session.get(Assignment, submission.assignment_id) if submission.assignment_id else None
    private_visible = user.role.is_staff or (assignment is not None and not service.is_open(assignment))
    reviews = service.reviews(session, submission=submission)
    reviewers = {r.reviewer_id: session.get_one(User, r.reviewer_id).name for r in reviews}
    return render(
        request,
        "takehomes/submission.html",
        user=user,
        submission=submission,
        project=project,
        metric=catalogue.answers(project).metric,
        author=service.author_label(session, actor=user, submission=submission),
        report=report,
        private_visible=private_visible,
        reviews=reviews,
        reviewers=reviewers,
        mine=next((r for r in reviews if r.reviewer_id == user.id), None),
        criteria=CRITERIA,
        levels=LEVELS,
    )


@router.get("/takehome-submissions/{submission_id}/{part}")
def submission_file(session: SessionDep, user: CurrentUser, submission_id: int, part: str) -> Response:
    submission = service.get_submission(session, actor=user, submission_id=submission_id)
    path = {"report": submission.report_file, "code": submission.code_file}.get(part)
    if path is None:
        raise InvalidInput(f"Submission {submission_id} has no {part} file.")
    name = f"submission-{submission.id}-{part}{Path(path).suffix}"
    inline = part == "report" and submission.report_format == "pdf"
    return FileResponse(
        service.stored_path(path), filename=name, content_disposition_type="inline" if inline else "attachment"
    )


@router.post("/takehome-submissions/{submission_id}/review")
async def review(request: Request, session: SessionDep, user: StaffUser, submission_id: int) -> Response:
    form = await request.form()
    try:
        scores = {key: int(str(form.get(key, "0"))) for key in CRITERIA}
    except ValueError:
        scores = {}
    service.review(session, actor=user, submission_id=submission_id, scores=scores, notes=str(form.get("notes", "")))
    flash(request, "Your review is saved.")
    return RedirectResponse(f"/takehome-submissions/{submission_id}", status_code=303)


def _submit(
    request: Request,
    session: SessionDep,
    user: User,
    slug: str,
    assignment_id: int | None,
    predictions: UploadFile,
    report: UploadFile | None,
    code: UploadFile | None,
    note: str,
    back: str,
) -> Response:
    with (
        saved(predictions.file, predictions.filename) as upload,
        saved(report.file if report else None, report.filename if report else None) as saved_report,
        saved(code.file if code else None, code.filename if code else None) as saved_code,
    ):
        try:
            if upload is None:
                raise InvalidInput("Choose a predictions file (CSV, or CSV compressed with gzip) to upload.")
            submission = service.submit(
                session,
                user=user,
                slug=slug,
                predictions=upload,
                assignment_id=assignment_id,
                report=saved_report,
                code=saved_code,
                note=note,
            )
        except AppError as error:
            session.rollback()
            flash(request, f"Nothing was stored: {error.message}", error=True)
            return RedirectResponse(back + "#upload", status_code=303)
    flash(request, f"Submission {submission.id} is valid ({submission.rows:,} rows); its score appears below.")
    return RedirectResponse(back + "#mine", status_code=303)
