"""What the practice API takes (``XCreate``/``XUpdate``) and says (``XRead``) about a candidate's goal, the
questions they practise, their answers and reviews, the daily queue and mock interviews. Shape only: the
services check the rules (a known role profile, a real time zone, a non-empty answer, a mock's size)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mlinterview.answers.models import AnswerStatus
from mlinterview.content.models import Question
from mlinterview.grading.results import PointResult
from mlinterview.practice.models import MockStatus, RatingSource

RatingName = Literal["again", "hard", "good", "easy"]


# -- the goal and a question to practise ------------------------------------------------------------------------------


class GoalUpdate(BaseModel):
    role: str = Field(description="A role profile's role.", examples=["ml_engineer"])
    level: str = Field(description="The profile's level: 'junior', 'mid' or 'senior'.", examples=["mid"])
    interview_date: date | None = Field(None, description="Today or later, in your time zone; none if unknown.")
    topics: list[str] = Field(default_factory=list, description="Topic slugs to focus on; empty means every topic.")
    timezone: str = Field("UTC", description="An IANA time zone: where your day, and so your review queue, begins.")
    daily_minutes: int = Field(45, description="Time you plan to practise each day, 10-480 minutes.")


class GoalRead(GoalUpdate):
    model_config = ConfigDict(from_attributes=True)


class QuestionBrief(BaseModel):
    slug: str
    prompt: str
    topic: str = Field(description="The topic's slug.")
    difficulty: int = Field(description="1 (warm-up) to 5 (hardest).")

    @classmethod
    def of(cls, question: Question) -> QuestionBrief:
        return cls(
            slug=question.slug, prompt=question.prompt, topic=question.topic.slug, difficulty=question.difficulty
        )


# -- answers and reviews ----------------------------------------------------------------------------------------------


class AnswerCreate(BaseModel):
    slug: str = Field(description="The question's slug, e.g. from GET /practice/next.")
    text: str = Field(description="Your answer, in plain text or Markdown.")


class AnswerAccepted(BaseModel):
    answer_id: int
    status: AnswerStatus = Field(description="'pending' until graded: poll GET /practice/answers/{answer_id}.")


class AnswerRead(AnswerAccepted):
    slug: str
    text: str
    created_at: datetime
    graded_at: datetime | None
    score: float | None = Field(description="0-1, once graded.")
    points: list[PointResult] = Field(description="The rubric's points and how the answer covered each.")
    feedback: str | None
    suggested_rating: RatingName | None = Field(description="The rating the grade earns, once graded.")
    model_answer: str | None = Field(description="Shown once the answer is graded.")
    rating: RatingName | None = Field(description="How the answer was counted for review, once rated.")


class RatingCreate(BaseModel):
    rating: RatingName | None = Field(None, description="How well you recalled it; none takes the suggested rating.")


class ReviewRead(BaseModel):
    id: int
    slug: str
    answer_id: int | None
    rating: RatingName
    source: RatingSource
    score: float | None
    reviewed_at: datetime
    due: datetime = Field(description="When the question comes back (UTC).")
    due_day: date = Field(description="The local day it comes back on, in your goal's time zone.")


class QueueCardRead(BaseModel):
    slug: str
    prompt: str
    due: datetime
    reviews: int = Field(description="Times reviewed before.")


class QueueRead(BaseModel):
    today: date = Field(description="Today in your goal's time zone.")
    due: int = Field(description="Cards due by the end of today, overdue ones included.")
    reviewed_today: int
    cards: list[QueueCardRead] = Field(description="The most overdue first; at most 50.")


class ForecastDayRead(BaseModel):
    day: date
    due: int


# -- mock interviews --------------------------------------------------------------------------------------------------


class MockItemStatus(enum.StrEnum):
    PENDING = "pending"
    ANSWERED = "answered"
    SKIPPED = "skipped"


class MockCreate(BaseModel):
    size: int = Field(5, description="Number of questions, 3-15.")
    minutes_per_question: int = Field(4, description="1-20 minutes.")
    role: str | None = Field(None, description="Defaults to your goal's role.", examples=["ml_engineer"])
    level: str | None = Field(None, description="Defaults to your goal's level.", examples=["mid"])


class MockItemRead(BaseModel):
    id: int
    position: int
    competency: str
    status: MockItemStatus
    overtime: bool = Field(description="Answered after its time was up.")
    answer_id: int | None
    slug: str | None = Field(description="Only once the question has been shown.")
    prompt: str | None = Field(description="Only once the question has been shown: one question at a time.")


class MockRead(BaseModel):
    id: int
    role: str
    level: str
    status: MockStatus
    seconds_per_question: int
    created_at: datetime
    finished_at: datetime | None
    items: list[MockItemRead]


class MockCurrentRead(MockItemRead):
    slug: str
    prompt: str
    seconds_left: int = Field(description="The question's clock starts the first time it is shown.")
    total: int = Field(description="Questions in the mock interview.")


class MockAnswerCreate(BaseModel):
    text: str


class CompetencyResultRead(BaseModel):
    key: str
    name: str
    mean: float | None = Field(description="Mean 0-1 score of its graded answers; none if none is graded yet.")
    answered: int = Field(description="Graded answers.")
    skipped: int


class MockItemResultRead(MockItemRead):
    score: float | None


class MockSummaryRead(BaseModel):
    mock_id: int
    status: MockStatus
    pending: int = Field(description="Answers still being graded: poll until 0.")
    competencies: list[CompetencyResultRead]
    weakest: list[str] = Field(description="Up to 3 competency keys scoring under 70%, weakest first.")
    study: dict[str, list[str]] = Field(description="For each weak competency, slugs of questions to study next.")
    items: list[MockItemResultRead]
