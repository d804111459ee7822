"""The question bank in the browser: search and filter, topic overview, question detail, export."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from mlinterview.accounts.permissions import MANAGERS, STAFF
from mlinterview.content import formats, repository, service
from mlinterview.content.export import ExportFormat
from mlinterview.content.loader import parse_questions
from mlinterview.content.repository import QuestionFilters
from mlinterview.content.schema import Question as QuestionContent
from mlinterview.content.schema import QuestionType, RoleKey, Seniority
from mlinterview.content.schemas import source_of
from mlinterview.errors import AppError
from mlinterview.web.deps import CurrentUser, ManagerUser, SessionDep
from mlinterview.web.templating import flash, render

router = APIRouter()
PAGE_SIZE = 25


def _filters(request: Request) -> QuestionFilters:
    try:
        return QuestionFilters.model_validate(dict(request.query_params))
    except ValidationError:
        return QuestionFilters()  # a hand-edited address falls back to the whole bank


@router.get("/questions")
def bank(request: Request, session: SessionDep, user: CurrentUser, page: Annotated[int, Query(ge=1)] = 1) -> Response:
    filters = _filters(request)
    rows, total = service.search(session, actor=user, filters=filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    query = "&".join(f"{k}={v}" for k, v in request.query_params.items() if k != "page" and v)
    return render(
        request,
        "questions/list.html",
        user=user,
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        query=query,
        filters=filters,
        topics=repository.topics_with_counts(session, user.organisation_id),
        competencies=repository.competencies(session),
        roles=list(RoleKey),
        types=list(QuestionType),
        levels=list(Seniority),
        can_export=user.role in STAFF,
        can_add=user.role in MANAGERS,
    )


@router.get("/questions/export")
def export_questions(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    format: ExportFormat = ExportFormat.PDF,
    answers: bool = True,
) -> Response:
    title = "ML interview study guide" if answers else "ML interview questions"
    file = service.export_selection(
        session, actor=user, filters=_filters(request), fmt=format, answers=answers, title=title
    )
    disposition = f'attachment; filename="{file.filename}"'
    return Response(file.data, media_type=file.media_type, headers={"Content-Disposition": disposition})


EXAMPLE = (files("mlinterview.web") / "templates" / "questions" / "example.md").read_text(encoding="utf-8")
PARSERS = {"markdown": formats.from_markdown, "yaml": parse_questions, "csv": formats.from_csv}


@router.get("/questions/new")
def new_questions(request: Request, user: ManagerUser) -> Response:
    return render(request, "questions/new.html", user=user, text=EXAMPLE, kind="markdown")


@router.post("/questions/new")
def add_questions(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    text: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "markdown",
    publish: Annotated[bool, Form()] = False,
) -> Response:
    parser = PARSERS.get(kind)
    problems = [f"Unknown format {kind!r}."] if parser is None else []
    questions: list[QuestionContent] = []
    if parser is not None:
        questions, found = parser(text, "your text")
        problems = [f"line {p.line}: {p.message}" for p in found]
    if not problems:
        try:
            rows = service.import_questions(session, actor=user, questions=questions)
            for row in rows:
                row.is_published = publish
        except AppError as error:
            session.rollback()
            problems = [error.message]
    if problems:
        return render(
            request, "questions/new.html", status_code=422, user=user, text=text, kind=kind, problems=problems
        )
    flash(request, f"Added {len(rows)} question{'s' if len(rows) != 1 else ''} to your organisation's bank.")
    return RedirectResponse(f"/questions/{rows[0].slug}", status_code=303)


@router.post("/questions/{slug:path}/published")
def publish(
    request: Request, session: SessionDep, user: ManagerUser, slug: str, published: Annotated[bool, Form()]
) -> Response:
    service.set_published(session, actor=user, slug=slug, published=published)
    flash(
        request, "Shared with every organisation on this server." if published else "Now private to your organisation."
    )
    return RedirectResponse(f"/questions/{slug}", status_code=303)


@router.get("/questions/{slug:path}")
def question(request: Request, session: SessionDep, user: CurrentUser, slug: str) -> Response:
    row = service.get(session, actor=user, slug=slug)
    assert row.current_version is not None
    content = QuestionContent.model_validate(row.current_version.content)
    competencies = {c.key: c.name for c in repository.competencies(session)}
    return render(
        request,
        "questions/detail.html",
        user=user,
        row=row,
        q=content,
        source=source_of(row, user.organisation_id),
        competency_names=competencies,
        can_edit=row.organisation_id == user.organisation_id and user.role in MANAGERS,
    )


@router.get("/topics")
def topics(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return render(
        request, "questions/topics.html", user=user, topics=repository.topics_with_counts(session, user.organisation_id)
    )
