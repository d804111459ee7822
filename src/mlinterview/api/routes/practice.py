"""Practice over the API, for the signed-in user's own practice only: the goal, the next question, answers
(graded in the background) and how they are counted for review, the daily review queue and its forecast, and
timed mock interviews that show one question at a time."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, status
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.api.errors import ErrorResponse
from mlinterview.content.models import Question, QuestionVersion
from mlinterview.errors import Conflict, InvalidInput, NotFound
from mlinterview.kit.clock import as_utc
from mlinterview.practice import goals, mocks, picking, reviews, scheduling
from mlinterview.practice.models import MockInterview, MockItem, MockStatus, Review, ReviewCard
from mlinterview.practice.schemas import (
    AnswerAccepted,
    AnswerCreate,
    AnswerRead,
    CompetencyResultRead,
    ForecastDayRead,
    GoalRead,
    GoalUpdate,
    MockAnswerCreate,
    MockCreate,
    MockCurrentRead,
    MockItemRead,
    MockItemResultRead,
    MockItemStatus,
    MockRead,
    MockSummaryRead,
    QuestionBrief,
    QueueCardRead,
    QueueRead,
    RatingCreate,
    RatingName,
    ReviewRead,
)

router = APIRouter(prefix="/practice", tags=["practice"])
ENDED: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorResponse, "description": "The mock interview is over, or the question already answered"}
}


# -- the goal and the next question -----------------------------------------------------------------------------------


@router.get("/goal", response_model=GoalRead, summary="Your goal: role, level, interview date, topics, time zone")
def get_goal(session: SessionDep, user: ApiUser) -> GoalRead:
    goal = goals.get(session, user=user)
    if goal is None:
        raise NotFound("You have not set a goal yet; PUT /api/v1/practice/goal with your role and level.")
    return GoalRead.model_validate(goal)


@router.put("/goal", response_model=GoalRead, summary="Set or replace your goal")
def put_goal(session: SessionDep, user: ApiUser, body: GoalUpdate) -> GoalRead:
    """Mock interviews, the next question and "today" in the review queue follow the goal."""
    goal = goals.set_goal(session, user=user, **body.model_dump())
    return GoalRead.model_validate(goal)


@router.get("/next", response_model=QuestionBrief, summary="A question to practise next")
def next_question(
    session: SessionDep,
    user: ApiUser,
    topic: Annotated[str, Query(description="A topic slug; default: your goal's topics.")] = "",
    difficulty: Annotated[int | None, Query(ge=1, le=5)] = None,
) -> QuestionBrief:
    """From your goal's role and topics: never one answered in the last week or waiting for its review,
    questions you have never tried first."""
    return QuestionBrief.of(picking.next_question(session, user=user, topic=topic, difficulty=difficulty))


# -- answers and reviews ----------------------------------------------------------------------------------------------


@router.post(
    "/answers",
    response_model=AnswerAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Answer a question; poll the answer until its status is no longer 'pending'",
)
def submit_answer(session: SessionDep, user: ApiUser, body: AnswerCreate) -> AnswerAccepted:
    answer = answers.submit(session, user=user, slug=body.slug, text=body.text)
    return AnswerAccepted(answer_id=answer.id, status=answer.status)


@router.get("/answers/{answer_id}", response_model=AnswerRead, summary="Your answer, with its grade once graded")
def get_answer(session: SessionDep, user: ApiUser, answer_id: int) -> AnswerRead:
    return _answer_read(session, answers.get(session, user=user, answer_id=answer_id))


@router.post(
    "/answers/{answer_id}/rating",
    response_model=ReviewRead,
    responses={409: {"model": ErrorResponse, "description": "Still being graded: give a rating or wait"}},
    summary="Count an answer for review",
)
def rate_answer(session: SessionDep, user: ApiUser, answer_id: int, body: RatingCreate) -> ReviewRead:
    """Your own rating of your recall, or without one the rating the grade earns; it decides when the question
    comes back. An answer counts once: rating it again returns the first review."""
    value = scheduling.rating_named(body.rating) if body.rating else None
    review = reviews.rate_answer(session, user=user, answer_id=answer_id, rating=value)
    return _review_read(session, user, review)


@router.get("/reviews/queue", response_model=QueueRead, summary="What is due for review by the end of your day")
def review_queue(session: SessionDep, user: ApiUser) -> QueueRead:
    """Due by the end of today in your goal's time zone (UTC without a goal), the most overdue first."""
    queue = reviews.queue(session, user=user)
    cards = [
        QueueCardRead(slug=question.slug, prompt=question.prompt, due=as_utc(card.due), reviews=card.reviews)
        for card, question in queue.cards
    ]
    return QueueRead(today=queue.today, due=queue.due, reviewed_today=queue.reviewed_today, cards=cards)


@router.get("/reviews/forecast", response_model=list[ForecastDayRead], summary="Cards due on each of the next days")
def review_forecast(
    session: SessionDep, user: ApiUser, days: Annotated[int, Query(ge=1, le=90)] = 14
) -> list[ForecastDayRead]:
    """One entry per local day from today; overdue cards count on today."""
    return [ForecastDayRead(day=day, due=count) for day, count in reviews.forecast(session, user=user, days=days)]


# -- mock interviews --------------------------------------------------------------------------------------------------


@router.post("/mocks", response_model=MockRead, status_code=status.HTTP_201_CREATED, summary="Start a mock interview")
def start_mock(session: SessionDep, user: ApiUser, body: MockCreate) -> MockRead:
    """Questions spread over the role's competencies; each is shown one at a time by GET .../current."""
    goal = goals.get(session, user=user)
    role = body.role or (goal.role if goal else "")
    level = body.level or (goal.level if goal else "")
    if not role or not level:
        raise InvalidInput("Give the role and level of the mock interview, or set your goal first.")
    mock = mocks.start(
        session, user=user, role=role, level=level, size=body.size, minutes_per_question=body.minutes_per_question
    )
    return _mock_read(session, mock)


@router.get("/mocks/{mock_id}", response_model=MockRead, summary="A mock interview and where it stands")
def get_mock(session: SessionDep, user: ApiUser, mock_id: int) -> MockRead:
    return _mock_read(session, mocks.get(session, user=user, mock_id=mock_id))


@router.get(
    "/mocks/{mock_id}/current", response_model=MockCurrentRead, responses=ENDED, summary="The question to answer now"
)
def current_item(session: SessionDep, user: ApiUser, mock_id: int) -> MockCurrentRead:
    """Its clock starts the first time it is shown; asking again keeps the same clock. When every question is
    answered or skipped the mock interview is over (409): read its summary."""
    item = mocks.current(session, user=user, mock_id=mock_id)
    mock = mocks.get(session, user=user, mock_id=mock_id)
    if item is None:
        raise Conflict(
            f"Mock interview {mock_id} is over; GET /api/v1/practice/mocks/{mock_id}/summary has your results."
        )
    slug, prompt = _question_of(session, item)
    return MockCurrentRead(
        **_item_read(session, mock, item).model_dump(exclude={"slug", "prompt"}),
        slug=slug,
        prompt=prompt,
        seconds_left=mocks.seconds_left(mock, item),
        total=len(mock.items),
    )


@router.post(
    "/mocks/{mock_id}/items/{item_id}/answer", response_model=MockRead, responses=ENDED, summary="Answer a question"
)
def answer_item(session: SessionDep, user: ApiUser, mock_id: int, item_id: int, body: MockAnswerCreate) -> MockRead:
    """Stored once: a second answer to the same question is refused (409) and the first one kept. Graded in the
    background; the summary waits for the grades."""
    mocks.answer(session, user=user, mock_id=mock_id, item_id=item_id, text=body.text)
    return _mock_read(session, mocks.get(session, user=user, mock_id=mock_id))


@router.post(
    "/mocks/{mock_id}/items/{item_id}/skip", response_model=MockRead, responses=ENDED, summary="Skip a question"
)
def skip_item(session: SessionDep, user: ApiUser, mock_id: int, item_id: int) -> MockRead:
    mocks.skip(session, user=user, mock_id=mock_id, item_id=item_id)
    return _mock_read(session, mocks.get(session, user=user, mock_id=mock_id))


@router.post("/mocks/{mock_id}/finish", response_model=MockRead, summary="End a mock interview now")
def finish_mock(session: SessionDep, user: ApiUser, mock_id: int) -> MockRead:
    """Questions not answered yet count as skipped."""
    return _mock_read(session, mocks.finish(session, user=user, mock_id=mock_id))


@router.get("/mocks/{mock_id}/summary", response_model=MockSummaryRead, summary="Scores per competency, what to study")
def mock_summary(session: SessionDep, user: ApiUser, mock_id: int) -> MockSummaryRead:
    """The mean score per competency, the weakest ones and questions to study for each; ``pending`` counts the
    answers still being graded. Graded answers are scheduled for review here, once."""
    summary = mocks.summary(session, user=user, mock_id=mock_id)
    items = [
        MockItemResultRead(
            **_item_read(session, summary.mock, item).model_dump(),
            score=float(answer.result["score"]) if answer is not None and answer.result else None,
        )
        for item, _question, answer in summary.items
    ]
    competencies = [
        CompetencyResultRead(key=c.key, name=c.name, mean=c.mean, answered=len(c.scores), skipped=c.skipped)
        for c in summary.competencies
    ]
    return MockSummaryRead(
        mock_id=summary.mock.id,
        status=summary.mock.status,
        pending=summary.pending,
        competencies=competencies,
        weakest=[c.key for c in summary.weakest],
        study={key: [q.slug for q in questions] for key, questions in summary.study.items()},
        items=items,
    )


# -- building the answers ---------------------------------------------------------------------------------------------


def _answer_read(session: Session, answer: Answer) -> AnswerRead:
    result = (answer.result or {}) if answer.status is AnswerStatus.GRADED else {}
    graded = bool(result)
    suggested = reviews.suggested_rating(answer)
    counted = reviews.review_of(session, answer_id=answer.id)
    version = session.get_one(QuestionVersion, answer.question_version_id)
    return AnswerRead(
        answer_id=answer.id,
        status=answer.status,
        slug=session.get_one(Question, answer.question_id).slug,
        text=answer.text,
        created_at=as_utc(answer.created_at),
        graded_at=as_utc(answer.graded_at) if answer.graded_at else None,
        score=float(result["score"]) if graded else None,
        points=result.get("points", []),
        feedback=result.get("feedback"),
        suggested_rating=_rating_name(suggested) if suggested else None,
        model_answer=version.content.get("model_answer") if graded else None,
        rating=_rating_name(counted.rating) if counted else None,
    )


def _review_read(session: Session, user: User, review: Review) -> ReviewRead:
    card = session.get_one(ReviewCard, review.card_id)
    due = as_utc(card.due)
    return ReviewRead(
        id=review.id,
        slug=session.get_one(Question, card.question_id).slug,
        answer_id=review.answer_id,
        rating=_rating_name(review.rating),
        source=review.source,
        score=review.score,
        reviewed_at=as_utc(review.reviewed_at),
        due=due,
        due_day=scheduling.local_day(due, goals.timezone_of(session, user)),
    )


def _rating_name(rating: int) -> RatingName:
    return cast(RatingName, scheduling.RATING_NAMES[rating])


def _mock_read(session: Session, mock: MockInterview) -> MockRead:
    return MockRead(
        id=mock.id,
        role=mock.role,
        level=mock.level,
        status=mock.status,
        seconds_per_question=mock.seconds_per_question,
        created_at=as_utc(mock.created_at),
        finished_at=as_utc(mock.finished_at) if mock.finished_at else None,
        items=[_item_read(session, mock, item) for item in mock.items],
    )


def _item_read(session: Session, mock: MockInterview, item: MockItem) -> MockItemRead:
    """A question's slug and prompt appear once it has been shown, or once the mock interview is over."""
    revealed = item.shown_at is not None or mock.status is MockStatus.FINISHED
    slug, prompt = _question_of(session, item) if revealed else (None, None)
    return MockItemRead(
        id=item.id,
        position=item.position,
        competency=item.competency,
        status=_status(item),
        overtime=item.overtime,
        answer_id=item.answer_id,
        slug=slug,
        prompt=prompt,
    )


def _question_of(session: Session, item: MockItem) -> tuple[str, str]:
    """The slug and the prompt of the exact version the mock interview asked."""
    slug = session.get_one(Question, item.question_id).slug
    return slug, str(session.get_one(QuestionVersion, item.question_version_id).content["prompt"])


def _status(item: MockItem) -> MockItemStatus:
    if item.answer_id is not None:
        return MockItemStatus.ANSWERED
    return MockItemStatus.SKIPPED if item.skipped else MockItemStatus.PENDING
