"""The candidate's side of an interview: joining through the invitation link, their own applications and
schedule, the written screening questions, the voluntary equal-opportunity questions and, once released,
their feedback. A candidate only ever reaches their own candidacy; nothing here shows scorecards, rubrics,
interviewers or other candidates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from mlinterview.accounts import sessions
from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.passwords import MIN_LENGTH
from mlinterview.accounts.permissions import require_role
from mlinterview.config import Settings
from mlinterview.content.models import Question
from mlinterview.errors import AppError, InvalidInput, Unauthorized
from mlinterview.exercises import catalogue as exercise_catalogue
from mlinterview.interviews import access, candidates, feedback, pdf, plans, scorecards
from mlinterview.interviews.candidates import SELF_REPORTED
from mlinterview.interviews.models import Candidate, CandidateStatus, Stage, StageKind
from mlinterview.takehome import catalogue as takehome_catalogue
from mlinterview.web import csrf
from mlinterview.web.deps import CurrentUser, SessionDep, SettingsDep
from mlinterview.web.templating import flash, render

router = APIRouter()

MAX_PASSWORD = 256  # what an account accepts (accounts.schemas.UserCreate)
STATUS_TEXT = {
    CandidateStatus.ACTIVE: ("In progress", "status-ok"),
    CandidateStatus.ON_HOLD: ("On hold", "status-wait"),
    CandidateStatus.HIRED: ("Successful", "status-ok"),
    CandidateStatus.NOT_HIRED: ("Closed", "status-off"),
    CandidateStatus.WITHDRAWN: ("Withdrawn", "status-off"),
}
VOLUNTARY_LABELS = {
    "gender": "Gender",
    "age_band": "Age",
    "ethnicity": "Ethnic group",
    "disability": "Do you consider yourself to have a disability?",
}


def candidate_user(user: CurrentUser) -> User:
    require_role(user, Role.CANDIDATE)
    return user


CandidateUser = Annotated[User, Depends(candidate_user)]


async def _form_fields(request: Request) -> dict[str, str]:
    """Every text field of the posted form but the CSRF token (already checked by the router)."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str) and key != csrf.FIELD}


FormFields = Annotated[dict[str, str], Depends(_form_fields)]


# -- joining by the invitation link -----------------------------------------------------------------------------------


def _signed_in(request: Request, session: Session, settings: Settings) -> User | None:
    try:
        return sessions.user_for(session, request.session, max_age=settings.session_max_age)
    except Unauthorized:
        return None


def _join_page(
    request: Request,
    session: Session,
    candidate: Candidate,
    token: str,
    user: User | None,
    status_code: int = 200,
    error: str = "",
) -> Response:
    return render(
        request,
        "my_interviews/join.html",
        status_code=status_code,
        user=user,
        candidate=candidate,
        organisation=session.get_one(Organisation, candidate.organisation_id),
        token=token,
        min_length=MIN_LENGTH,
        error=error,
    )


@router.get("/join/{token}")
def join_page(request: Request, session: SessionDep, settings: SettingsDep, token: str) -> Response:
    candidate = candidates.by_invitation(session, token)
    return _join_page(request, session, candidate, token, _signed_in(request, session, settings))


@router.post("/join/{token}")
def join(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: str,
    password: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    candidate = candidates.by_invitation(session, token)
    user = _signed_in(request, session, settings)
    try:
        if user is None and password != confirm:
            raise InvalidInput("The two passwords differ. Type the same password in both boxes.")
        if len(password) > MAX_PASSWORD:
            raise InvalidInput(f"Choose a password of at most {MAX_PASSWORD} characters.")
        account = candidates.accept(session, token=token, password=password, user=user)
    except AppError as error:
        session.rollback()
        return _join_page(request, session, candidate, token, user, error.status_code, error.message)
    if user is None:  # sign the new account in, exactly as the sign-in form does
        request.session.clear()
        request.session.update(sessions.payload_for(account))
        csrf.rotate(request)
        first = account.name.split()[0]
        flash(request, f"Welcome, {first}. Your account is ready: next time, sign in with {account.email}.")
    else:
        flash(request, "This application is now part of your account.")
    return RedirectResponse(f"/my-interviews/{candidate.id}", status_code=303)


# -- the candidate's applications -------------------------------------------------------------------------------------


@router.get("/my-interviews")
def index(request: Request, session: SessionDep, user: CandidateUser) -> Response:
    return render(
        request,
        "my_interviews/list.html",
        user=user,
        candidacies=candidates.mine(session, user=user),
        status_text=STATUS_TEXT,
    )


@dataclass(frozen=True)
class ScheduleRow:
    stage: Stage
    state: str  # done, current or upcoming
    exercise: str | None  # the coding exercise's title
    takehome: str | None  # the take-home project's title


@dataclass(frozen=True)
class ScreeningQuestion:
    item_id: int
    prompt: str
    answer: str | None  # the candidate's own text, once answered


def _schedule(candidate: Candidate) -> list[ScheduleRow]:
    current = candidate.stage.position if candidate.stage else None
    exercises, projects = exercise_catalogue.exercises(), takehome_catalogue.projects()
    rows = []
    for stage in candidate.opening.stages:
        if current is None or stage.position > current:
            state = "upcoming"
        else:
            state = "done" if stage.position < current else "current"
        exercise = exercises.get(stage.exercise) if stage.exercise else None
        project = projects.get(stage.takehome) if stage.takehome else None
        rows.append(
            ScheduleRow(
                stage=stage,
                state=state,
                exercise=(exercise.spec.title if exercise else stage.exercise),
                takehome=(project.spec.title if project else stage.takehome),
            )
        )
    return rows


def _screening(session: Session, candidate: Candidate) -> list[ScreeningQuestion]:
    stage = candidate.stage
    if stage is None or stage.kind is not StageKind.INITIAL_SCREENING:
        return []
    kit = plans.current_kit(stage)
    items = list(kit.items) if kit else []
    answers = scorecards.typed_answers(session, candidate, items)
    return [
        ScreeningQuestion(
            item_id=item.id,
            prompt=session.get_one(Question, item.question_id).prompt,
            answer=answers[item.id].text if item.id in answers else None,
        )
        for item in items
    ]


def _detail(
    request: Request, session: Session, user: User, candidate_id: int, status_code: int = 200, **extra: object
) -> Response:
    candidate = access.candidate(session, user, candidate_id)
    report = feedback.get(session, candidate)
    return render(
        request,
        "my_interviews/detail.html",
        status_code=status_code,
        user=user,
        candidate=candidate,
        status_text=STATUS_TEXT,
        schedule=_schedule(candidate),
        screening=_screening(session, candidate),
        screening_open=candidate.status is CandidateStatus.ACTIVE,
        voluntary=SELF_REPORTED,
        voluntary_labels=VOLUNTARY_LABELS,
        feedback_released=report is not None and report.released_at is not None,
        **extra,
    )


@router.get("/my-interviews/{candidate_id}")
def show(request: Request, session: SessionDep, user: CandidateUser, candidate_id: int) -> Response:
    return _detail(request, session, user, candidate_id)


@router.post("/my-interviews/{candidate_id}/screening/{item_id}")
def answer_screening(
    request: Request,
    session: SessionDep,
    user: CandidateUser,
    candidate_id: int,
    item_id: int,
    text: Annotated[str, Form()] = "",
) -> Response:
    candidate = access.candidate(session, user, candidate_id)
    back = RedirectResponse(f"/my-interviews/{candidate.id}#question-{item_id}", status_code=303)
    if any(q.item_id == item_id and q.answer is not None for q in _screening(session, candidate)):
        flash(request, "You have already answered this question; your first answer is the one kept.", error=True)
        return back
    try:
        scorecards.answer_screening(session, user=user, candidate_id=candidate.id, item_id=item_id, text=text)
    except InvalidInput as error:
        session.rollback()
        problem = {"item_id": item_id, "message": error.message, "text": text}
        return _detail(request, session, user, candidate_id, error.status_code, screening_error=problem)
    flash(request, "Answer received. Thank you.")
    return back


@router.post("/my-interviews/{candidate_id}/voluntary")
def report_voluntarily(
    request: Request, session: SessionDep, user: CandidateUser, candidate_id: int, answers: FormFields
) -> Response:
    try:
        candidates.report_voluntarily(session, user=user, candidate_id=candidate_id, answers=answers)
    except InvalidInput as error:
        session.rollback()
        return _detail(request, session, user, candidate_id, error.status_code, voluntary_error=error.message)
    flash(request, "Thank you. Your answers to the voluntary questions are saved.")
    return RedirectResponse(f"/my-interviews/{candidate_id}#voluntary", status_code=303)


# -- feedback ---------------------------------------------------------------------------------------------------------


@router.get("/my-interviews/{candidate_id}/feedback")
def feedback_page(request: Request, session: SessionDep, user: CandidateUser, candidate_id: int) -> Response:
    report = feedback.for_candidate(session, user=user, candidate_id=candidate_id)
    candidate = access.candidate(session, user, candidate_id)
    return render(request, "my_interviews/feedback.html", user=user, candidate=candidate, report=report)


@router.get("/my-interviews/{candidate_id}/feedback.pdf")
def feedback_download(session: SessionDep, user: CandidateUser, candidate_id: int) -> Response:
    report = feedback.for_candidate(session, user=user, candidate_id=candidate_id)
    candidate = access.candidate(session, user, candidate_id)
    assert report.released_at is not None  # for_candidate returns released reports only
    content = pdf.feedback_pdf(
        candidate=candidate.name,
        opening=candidate.opening.title,
        body_markdown=report.body,
        released=report.released_at.date(),
    )
    return Response(
        content, media_type="application/pdf", headers={"Content-Disposition": 'attachment; filename="feedback.pdf"'}
    )
