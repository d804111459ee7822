"""``POST /api/v1/grade``: the grader's analysis of an answer to a bank question, at once."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from mlinterview.answers.service import MAX_CHARS
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.content import service
from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.schema import Question
from mlinterview.errors import AppError, InvalidInput
from mlinterview.grading import GradeResult, GraderName, get_grader
from mlinterview.grading.llm import LLMUnavailable

router = APIRouter(tags=["grading"])


class GradeRequest(BaseModel):
    question: str = Field(description="Slug of a question visible to you, e.g. 'bias-variance/l1-versus-l2'.")
    answer: str = Field(max_length=MAX_CHARS)
    grader: GraderName = Field(GraderName.LEARNED, description="learned (default), semantic, lexical or fake.")


@router.post("/grade", response_model=GradeResult, summary="Grade an answer against a question's rubric")
def grade(session: SessionDep, user: ApiUser, body: GradeRequest) -> GradeResult:
    row = service.get(session, actor=user, slug=body.question)
    assert row.current_version is not None
    question = Question.model_validate(row.current_version.content)
    try:
        return get_grader(body.grader).grade(grading_spec(question), body.answer)
    except LookupError as error:
        raise InvalidInput(str(error)) from None
    except LLMUnavailable as error:
        raise AppError(str(error), status_code=503) from None
