"""Practice in the browser: sign up, set a goal, practise single questions and rate the recall, the daily
review queue, and timed mock interviews with their summary."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from mlinterview.accounts import service as accounts
from mlinterview.accounts import sessions
from mlinterview.answers import service as answers
from mlinterview.content.models import Question, QuestionVersion, RoleProfile, Topic
from mlinterview.errors import AppError, Forbidden, InvalidInput
from mlinterview.kit.clock import as_utc
from mlinterview.practice import goals, mocks, picking, reviews, scheduling
from mlinterview.practice.models import MockStatus, ReviewCard
from mlinterview.web import csrf
from mlinterview.web.deps import CurrentUser, SessionDep, SettingsDep
from mlinterview.web.templating import flash, render

router = APIRouter()
ROLES = {"data_scientist": "Data scientist", "ml_engineer": "ML engineer", "ml_researcher": "ML researcher",
         "mlops_engineer": "MLOps engineer"}  # fmt: skip
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
         "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
         "Australia/Sydney", "Africa/Lagos")  # fmt: skip


# -- signing up -------------------------------------------------------------------------------------------------------


@router.get("/signup")
def signup_page(request: Request, settings: SettingsDep) -> Response:
    _signup_open(settings)
    return render(request, "practice/signup.html")


@router.post("/signup")
def signup(
    request: Request, session: SessionDep, settings: SettingsDep, name: Annotated[str, Form()],
    email: Annotated[str, Form()], password: Annotated[str, Form()],
) -> Response:  # fmt: skip
    _signup_open(settings)
    try:
        request.app.state.throttle.count_sign_up(request.client.host if request.client else "unknown")
        user = accounts.sign_up(session, name=name, email=email, password=password)
    except AppError as error:
        session.rollback()
        return render(
            request, "practice/signup.html", status_code=error.status_code, error=error.message, name=name, email=email
        )
    request.session.clear()
    request.session.update(sessions.payload_for(user))
    csrf.rotate(request)
    flash(request, f"Welcome, {user.name.split()[0]}. Set your goal and start practising.")
    return RedirectResponse("/practice", status_code=303)


def _signup_open(settings: SettingsDep) -> None:
    if not settings.signup:
        raise Forbidden("Sign-up is turned off on this server. Ask its administrator for an account.")


# -- the practice home and the goal -----------------------------------------------------------------------------------


@router.get("/practice")
def home(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    goal = goals.get(session, user=user)
    return render(
        request, "practice/home.html", user=user, goal=goal, queue=reviews.queue(session, user=user, limit=5),
        unfinished=mocks.unfinished(session, user=user), profiles=_profiles(session), zones=ZONES, roles=ROLES,
        topics=session.scalars(select(Topic).order_by(Topic.position)).all(),
        forecast=reviews.forecast(session, user=user, days=7),
    )  # fmt: skip


def _profiles(session: SessionDep) -> list[RoleProfile]:
    return list(session.scalars(select(RoleProfile).order_by(RoleProfile.role, RoleProfile.id)))


@router.post("/practice/goal")
async def set_goal(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    form = await request.form()
    role, _, level = str(form.get("profile", "")).partition("/")
    when = str(form.get("interview_date", "")).strip()
    try:
        interview = date.fromisoformat(when) if when else None
        minutes = int(str(form.get("daily_minutes", "45")) or 45)
    except ValueError:
        raise InvalidInput("Give the interview date as YYYY-MM-DD and the daily time in whole minutes.") from None
    goals.set_goal(
        session, user=user, role=role, level=level, interview_date=interview,
        topics=[str(t) for t in form.getlist("topics")], timezone=str(form.get("timezone", "UTC")),
        daily_minutes=minutes,
    )  # fmt: skip
    flash(request, "Goal saved. Your study plan and mock interviews follow it.")
    return RedirectResponse("/practice", status_code=303)


# -- single questions -------------------------------------------------------------------------------------------------


@router.get("/practice/next")
def next_question(
    session: SessionDep, user: CurrentUser, topic: str = "", difficulty: int = 0, role: str = ""
) -> Response:
    question = picking.next_question(session, user=user, topic=topic, difficulty=difficulty or None, role=role)
    return RedirectResponse(f"/practice/questions/{question.slug}", status_code=303)


@router.get("/practice/questions/{slug:path}")
def question_page(
    request: Request, session: SessionDep, user: CurrentUser, slug: str, review: bool = False
) -> Response:
    from mlinterview.content import service as bank

    question = bank.get(session, actor=user, slug=slug)
    return render(request, "practice/question.html", user=user, question=question, review=review)


@router.post("/practice/questions/{slug:path}")
def answer_question(
    request: Request, session: SessionDep, user: CurrentUser, slug: str, text: Annotated[str, Form()] = "",
    review: Annotated[bool, Form()] = False,
) -> Response:  # fmt: skip
    answer = answers.submit(session, user=user, slug=slug, text=text)
    suffix = "?review=1" if review else ""
    return RedirectResponse(f"/practice/answers/{answer.id}{suffix}", status_code=303)


@router.get("/practice/answers/{answer_id}")
def answer_page(
    request: Request, session: SessionDep, user: CurrentUser, answer_id: int, review: bool = False
) -> Response:
    from mlinterview.grading import GradeResult

    answer = answers.get(session, user=user, answer_id=answer_id)
    version = session.get_one(QuestionVersion, answer.question_version_id)
    result = GradeResult.model_validate(answer.result) if answer.result else None
    counted = reviews.review_of(session, answer_id=answer.id)
    return render(
        request, "practice/answer.html", user=user, answer=answer, content=version.content, result=result,
        question=session.get_one(Question, answer.question_id), suggested=reviews.suggested_rating(answer),
        ratings=scheduling.RATING_NAMES, counted=counted, review=review,
    )  # fmt: skip


@router.post("/practice/answers/{answer_id}/rating")
def rate(
    request: Request, session: SessionDep, user: CurrentUser, answer_id: int, rating: Annotated[str, Form()] = "",
    review: Annotated[bool, Form()] = False,
) -> Response:  # fmt: skip
    value = scheduling.rating_named(rating) if rating else None
    counted = reviews.rate_answer(session, user=user, answer_id=answer_id, rating=value)
    card = session.get_one(ReviewCard, counted.card_id)
    day = scheduling.local_day(as_utc(card.due), goals.timezone_of(session, user))
    name = scheduling.RATING_NAMES[counted.rating]
    flash(request, f"Rated “{name}”: this question comes back on {day:%A %d %B}.")
    return RedirectResponse("/practice/review" if review else "/practice", status_code=303)


# -- the daily review queue -------------------------------------------------------------------------------------------


@router.get("/practice/review")
def review_queue(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return render(
        request, "practice/review.html", user=user, queue=reviews.queue(session, user=user),
        forecast=reviews.forecast(session, user=user, days=7), ratings=scheduling.RATING_NAMES,
    )  # fmt: skip


# -- mock interviews --------------------------------------------------------------------------------------------------


@router.post("/practice/mocks")
def start_mock(
    request: Request, session: SessionDep, user: CurrentUser, size: Annotated[int, Form()] = 5,
    minutes: Annotated[int, Form()] = 4, profile: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    goal = goals.get(session, user=user)
    role, _, level = profile.partition("/") if profile else ((goal.role, "", goal.level) if goal else ("", "", ""))
    if not role:
        raise InvalidInput("Choose the role and level of the mock interview, or set your goal first.")
    mock = mocks.start(session, user=user, role=role, level=level, size=size, minutes_per_question=minutes)
    return RedirectResponse(f"/practice/mocks/{mock.id}", status_code=303)


@router.get("/practice/mocks/{mock_id}")
def mock_page(request: Request, session: SessionDep, user: CurrentUser, mock_id: int) -> Response:
    item = mocks.current(session, user=user, mock_id=mock_id)
    mock = mocks.get(session, user=user, mock_id=mock_id)
    if item is None:
        mocks.finish(session, user=user, mock_id=mock_id)
        return RedirectResponse(f"/practice/mocks/{mock_id}/summary", status_code=303)
    version = session.get_one(QuestionVersion, item.question_version_id)
    return render(
        request, "practice/mock.html", user=user, mock=mock, item=item, prompt=version.content["prompt"],
        left=mocks.seconds_left(mock, item), number=item.position + 1, total=len(mock.items),
    )  # fmt: skip


@router.post("/practice/mocks/{mock_id}/items/{item_id}")
def mock_answer(
    request: Request, session: SessionDep, user: CurrentUser, mock_id: int, item_id: int,
    text: Annotated[str, Form()] = "", action: Annotated[str, Form()] = "answer",
) -> Response:  # fmt: skip
    if action == "skip":
        mocks.skip(session, user=user, mock_id=mock_id, item_id=item_id)
    else:
        mocks.answer(session, user=user, mock_id=mock_id, item_id=item_id, text=text)
    return RedirectResponse(f"/practice/mocks/{mock_id}", status_code=303)


@router.post("/practice/mocks/{mock_id}/finish")
def mock_finish(request: Request, session: SessionDep, user: CurrentUser, mock_id: int) -> Response:
    mocks.finish(session, user=user, mock_id=mock_id)
    return RedirectResponse(f"/practice/mocks/{mock_id}/summary", status_code=303)


@router.get("/practice/mocks/{mock_id}/summary")
def mock_summary(request: Request, session: SessionDep, user: CurrentUser, mock_id: int) -> Response:
    if mocks.get(session, user=user, mock_id=mock_id).status is MockStatus.RUNNING:
        return RedirectResponse(f"/practice/mocks/{mock_id}", status_code=303)  # no peeking at later questions
    result = mocks.summary(session, user=user, mock_id=mock_id)
    template = "practice/mock_summary_body.html" if request.headers.get("hx-request") else "practice/mock_summary.html"
    return render(request, template, user=user, summary=result)
