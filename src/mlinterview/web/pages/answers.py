"""Answer a bank question and see the grader's analysis (graded in the background, shown when ready)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.answers import service
from mlinterview.answers.models import AnswerStatus
from mlinterview.content.models import Question, QuestionVersion
from mlinterview.errors import AppError
from mlinterview.grading import GradeResult
from mlinterview.web.deps import CurrentUser, SessionDep
from mlinterview.web.templating import render

router = APIRouter()


@router.post("/questions/{slug:path}/answer")
def submit(
    request: Request, session: SessionDep, user: CurrentUser, slug: str, text: Annotated[str, Form()] = ""
) -> Response:
    try:
        answer = service.submit(session, user=user, slug=slug, text=text)
    except AppError as error:
        session.rollback()
        return render(
            request, "answers/error.html", status_code=error.status_code, user=user, error=error.message, slug=slug
        )
    return RedirectResponse(f"/answers/{answer.id}", status_code=303)


@router.get("/answers/{answer_id}")
def show(request: Request, session: SessionDep, user: CurrentUser, answer_id: int) -> Response:
    answer = service.get(session, user=user, answer_id=answer_id)
    question = session.get_one(Question, answer.question_id)
    version = session.get_one(QuestionVersion, answer.question_version_id)  # the wording the answer was written to
    result = (
        GradeResult.model_validate(answer.result) if answer.status is AnswerStatus.GRADED and answer.result else None
    )
    template = "answers/analysis.html" if request.headers.get("hx-request") else "answers/show.html"
    prompt = version.content["prompt"]
    return render(request, template, user=user, answer=answer, question=question, prompt=prompt, result=result)
