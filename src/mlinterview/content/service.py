"""The question bank's decisions: who sees and edits which question. Services flush; callers commit."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.accounts.permissions import MANAGERS, STAFF, require_role
from mlinterview.content import models, repository
from mlinterview.content.export import ExportFile, ExportFormat, export
from mlinterview.content.repository import QuestionFilters
from mlinterview.content.schema import Question as QuestionContent
from mlinterview.content.sync import apply_version
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound


def search(
    session: Session, *, actor: User, filters: QuestionFilters, limit: int = 50, offset: int = 0
) -> tuple[Sequence[models.Question], int]:
    return repository.search(session, actor.organisation_id, filters, limit=limit, offset=offset)


def export_selection(
    session: Session, *, actor: User | None, filters: QuestionFilters, fmt: ExportFormat, answers: bool, title: str
) -> ExportFile:
    """The questions matching ``filters`` as a file; staff only, as it holds the answer keys (no actor: the CLI)."""
    if actor is not None:
        require_role(actor, *STAFF)
    rows, _ = repository.search(session, actor.organisation_id if actor else None, filters, limit=100_000)
    contents = [QuestionContent.model_validate(row.current_version.content) for row in rows if row.current_version]
    if not contents:
        raise InvalidInput("No question matches those filters, so there is nothing to export.")
    return export(contents, fmt, answers=answers, title=title)


def get(session: Session, *, actor: User, slug: str) -> models.Question:
    row = repository.by_slug(session, actor.organisation_id, slug)
    if row is None:
        hint = _closest(session, actor, slug)
        raise NotFound(f"`{slug}` is not in the bank.{hint} `mlinterview questions search` finds questions by text.")
    return row


def create(session: Session, *, actor: User, content: QuestionContent, publish: bool = False) -> models.Question:
    """Add a question to the actor's organisation (private unless published)."""
    require_role(actor, *MANAGERS)
    topic = _topic_of(session, content.slug)
    if repository.own_question(session, actor.organisation_id, content.slug) is not None:
        raise Conflict(f"Your organisation already has `{content.slug}`. Edit it, or choose another slug.")
    apply_version(session, None, content, topic=topic, organisation_id=actor.organisation_id)
    row = repository.own_question(session, actor.organisation_id, content.slug)
    assert row is not None
    row.is_published = publish
    session.flush()
    return row


def update(session: Session, *, actor: User, slug: str, content: QuestionContent) -> models.Question:
    """Save an edit as a new version; answers and interviews keep the version they used."""
    row = _editable(session, actor, slug)
    if content.slug != slug:
        raise InvalidInput(f"A question's slug never changes; keep `{slug}` (create a new question instead).")
    apply_version(session, row, content, topic=_topic_of(session, slug), organisation_id=actor.organisation_id)
    return row


def set_published(session: Session, *, actor: User, slug: str, published: bool) -> models.Question:
    row = _editable(session, actor, slug)
    row.is_published = published
    session.flush()
    return row


def import_questions(session: Session, *, actor: User, questions: Sequence[QuestionContent]) -> list[models.Question]:
    """Add many at once: all of them or, on any problem, none (the caller's transaction rolls back)."""
    if not questions:
        raise InvalidInput("The file holds no questions.")
    slugs = [q.slug for q in questions]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise InvalidInput(f"The file repeats these slugs: {', '.join(duplicates)}. Each question needs its own.")
    return [create(session, actor=actor, content=question) for question in questions]


def _editable(session: Session, actor: User, slug: str) -> models.Question:
    require_role(actor, *MANAGERS)
    row = repository.own_question(session, actor.organisation_id, slug)
    if row is None:
        if repository.by_slug(session, actor.organisation_id, slug) is not None:
            raise Forbidden(
                f"`{slug}` belongs to the bundled bank (or another organisation) and is read-only. "
                "Import an edited copy under a new slug to make it your own."
            )
        raise NotFound(f"Your organisation has no question `{slug}`.")
    return row


def _topic_of(session: Session, slug: str) -> models.Topic:
    topic_slug = slug.split("/", 1)[0]
    topic = repository.topic(session, topic_slug)
    if topic is None:
        known = ", ".join(repository.all_slugs(session))
        raise InvalidInput(f"`{slug}` must start with a known topic (one of: {known}).")
    return topic


def _closest(session: Session, actor: User, slug: str) -> str:
    slugs = session.scalars(select(models.Question.slug).where(repository.visible_to(actor.organisation_id))).all()
    match = difflib.get_close_matches(slug, slugs, n=1)
    return f" Did you mean `{match[0]}`?" if match else ""
