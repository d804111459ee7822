"""Submitting an answer queues its grading; the job fills in the analysis once."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content import service as questions
from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.models import QuestionVersion
from mlinterview.content.schema import Question
from mlinterview.db import enqueue_job
from mlinterview.errors import InvalidInput, NotFound
from mlinterview.grading import GradeResult, get_grader
from mlinterview.kit.clock import utcnow

MAX_CHARS = 20_000


def submit(session: Session, *, user: User, slug: str, text: str) -> Answer:
    if not text.strip():
        raise InvalidInput("The answer is empty. Write what you know, even in a few sentences.")
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"Answers are limited to {MAX_CHARS:,} characters; shorten it to the main points.")
    row = questions.get(session, actor=user, slug=slug)
    assert row.current_version_id is not None
    answer = Answer(user_id=user.id, question_id=row.id, question_version_id=row.current_version_id, text=text)
    session.add(answer)
    session.flush()
    enqueue_job(session, "answers.grade", answer_id=answer.id)
    return answer


def grade(session: Session, *, answer_id: int) -> None:
    """Grade against the version the answer was written for. Idempotent: a graded answer is left alone."""
    answer = session.get(Answer, answer_id, with_for_update=True)
    if answer is None or answer.status is AnswerStatus.GRADED:
        return
    version = session.get_one(QuestionVersion, answer.question_version_id)
    result = grade_text(Question.model_validate(version.content), answer.text)
    answer.result = result.model_dump(mode="json")
    answer.grader = f"{result.grader} {result.version}"
    answer.status = AnswerStatus.GRADED
    answer.graded_at = utcnow()


def grade_text(question: Question, text: str) -> GradeResult:
    return get_grader().grade(grading_spec(question), text)


def get(session: Session, *, user: User, answer_id: int) -> Answer:
    answer = session.get(Answer, answer_id)
    if answer is None or answer.user_id != user.id:
        raise NotFound(f"You have no answer {answer_id}.")
    return answer
