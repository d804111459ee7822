"""``/api/v1/questions``, ``/topics``, ``/competencies``, ``/role-profiles``: the question bank."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.responses import Response
from pydantic import BaseModel

from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.content import repository, service
from mlinterview.content.export import ExportFormat
from mlinterview.content.repository import QuestionFilters
from mlinterview.content.schema import Question as QuestionContent
from mlinterview.content.schemas import QuestionDetail, QuestionPage, QuestionSummary

router = APIRouter(tags=["questions"])


FiltersDep = Annotated[QuestionFilters, Query()]


@router.get("/questions", response_model=QuestionPage, summary="Search and filter the bank")
def search_questions(
    session: SessionDep,
    user: ApiUser,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> QuestionPage:
    rows, total = service.search(session, actor=user, filters=filters, limit=limit, offset=offset)
    return QuestionPage(total=total, items=[QuestionSummary.of(row, user.organisation_id) for row in rows])


@router.get("/questions/export", summary="Export the questions matching the filters (staff only)")
def export_questions(
    session: SessionDep,
    user: ApiUser,
    filters: FiltersDep,
    format: ExportFormat = ExportFormat.MARKDOWN,
    answers: bool = True,
) -> Response:
    file = service.export_selection(
        session, actor=user, filters=filters, fmt=format, answers=answers, title="mlinterview question set"
    )
    return Response(
        file.data,
        media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )


@router.post(
    "/questions", response_model=QuestionDetail, status_code=status.HTTP_201_CREATED, summary="Add your own question"
)
def create_question(
    session: SessionDep, user: ApiUser, content: QuestionContent, publish: bool = False
) -> QuestionDetail:
    row = service.create(session, actor=user, content=content, publish=publish)
    return QuestionDetail.of_row(row, user.organisation_id)


class Publication(BaseModel):
    published: bool


@router.put("/questions/{slug:path}/published", response_model=QuestionDetail, summary="Share or unshare your question")
def publish_question(session: SessionDep, user: ApiUser, slug: str, body: Publication) -> QuestionDetail:
    row = service.set_published(session, actor=user, slug=slug, published=body.published)
    return QuestionDetail.of_row(row, user.organisation_id)


@router.get("/questions/{slug:path}", response_model=QuestionDetail, summary="One question with its rubric")
def get_question(session: SessionDep, user: ApiUser, slug: str) -> QuestionDetail:
    return QuestionDetail.of_row(service.get(session, actor=user, slug=slug), user.organisation_id)


@router.put("/questions/{slug:path}", response_model=QuestionDetail, summary="Edit your question (a new version)")
def update_question(session: SessionDep, user: ApiUser, slug: str, content: QuestionContent) -> QuestionDetail:
    row = service.update(session, actor=user, slug=slug, content=content)
    return QuestionDetail.of_row(row, user.organisation_id)


class TopicRead(BaseModel):
    slug: str
    name: str
    description: str
    questions: int


@router.get("/topics", response_model=list[TopicRead], summary="Topics with their question counts")
def topics(session: SessionDep, user: ApiUser) -> list[TopicRead]:
    return [
        TopicRead(slug=t.slug, name=t.name, description=t.description, questions=n)
        for t, n in repository.topics_with_counts(session, user.organisation_id)
    ]


@router.get("/competencies", summary="The competency framework with its level anchors")
def competencies(session: SessionDep, user: ApiUser) -> list[dict[str, Any]]:
    return [
        {"key": c.key, "name": c.name, "description": c.description, "levels": c.levels}
        for c in repository.competencies(session)
    ]


@router.get("/role-profiles", summary="Role profiles: competencies, weights and interview stages")
def role_profiles(session: SessionDep, user: ApiUser) -> list[dict[str, Any]]:
    return [profile.profile for profile in repository.profiles(session)]
