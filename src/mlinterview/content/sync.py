"""Bring the database in line with the bundled content. Idempotent: keyed by slug and content hash.

A changed question gets a new version (old versions stay, for whatever already used them); a question
that left the bundle is archived, never deleted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.content import models
from mlinterview.content.loader import Bank
from mlinterview.content.schema import Question


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    archived: int = 0

    def __str__(self) -> str:
        counts = f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged"
        return f"{counts}, {self.archived} archived questions"


def content_hash(question: Question) -> str:
    canonical = json.dumps(question.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def sync_bank(session: Session, bank: Bank) -> SyncReport:
    if bank.problems:
        raise ValueError("refusing to sync content with problems; run `mlinterview content validate`")
    topics = _sync_topics(session, bank)
    _sync_competencies(session, bank)
    _sync_profiles(session, bank)
    report = SyncReport()
    existing = {
        q.slug: q for q in session.scalars(select(models.Question).where(models.Question.organisation_id.is_(None)))
    }
    for question in bank.questions:
        row = existing.pop(question.slug, None)
        topic = topics[question.slug.split("/", 1)[0]]
        outcome = apply_version(session, row, question, topic=topic, organisation_id=None)
        setattr(report, outcome, getattr(report, outcome) + 1)
    for row in existing.values():
        if not row.is_archived:
            row.is_archived = True
            report.archived += 1
    session.flush()
    return report


def apply_version(
    session: Session,
    row: models.Question | None,
    question: Question,
    *,
    topic: models.Topic,
    organisation_id: int | None,
) -> str:
    """Create the question or add a version when its content changed; says 'created', 'updated' or 'unchanged'."""
    digest = content_hash(question)
    if row is not None and row.current_version is not None and row.current_version.content_hash == digest:
        if row.is_archived:
            row.is_archived = False
        return "unchanged"
    if row is None:
        row = models.Question(slug=question.slug, organisation_id=organisation_id)
        number, outcome = 1, "created"
    else:
        number = (row.current_version.number if row.current_version else 0) + 1
        outcome = "updated"
    _copy_fields(row, question, topic)
    session.add(row)
    session.flush()  # the question needs its id before a version can point at it
    version = models.QuestionVersion(
        question_id=row.id, number=number, content_hash=digest, content=question.model_dump(mode="json")
    )
    session.add(version)
    session.flush()
    row.current_version = version
    session.flush()  # writes current_version_id (a post-update, as the two tables point at each other)
    return outcome


def _copy_fields(row: models.Question, question: Question, topic: models.Topic) -> None:
    row.topic = topic
    row.is_archived = False
    row.prompt = question.prompt
    row.type = question.type.value
    row.difficulty = question.difficulty
    row.roles = f" {' '.join(question.roles)} "
    row.seniority = f" {' '.join(question.seniority)} "
    row.competencies = f" {' '.join(question.competencies)} "
    row.search_text = "\n".join(
        [
            question.prompt,
            question.model_answer,
            question.why_asked,
            " ".join(p.point for p in question.rubric),
            " ".join(question.tags),
        ]
    )


def _sync_topics(session: Session, bank: Bank) -> dict[str, models.Topic]:
    rows = {t.slug: t for t in session.scalars(select(models.Topic))}
    for position, topic in enumerate(bank.topics):
        row = rows.get(topic.slug) or models.Topic(slug=topic.slug)
        row.name, row.description, row.position = topic.name, topic.description, position
        session.add(row)
        rows[topic.slug] = row
    session.flush()
    return rows


def _sync_competencies(session: Session, bank: Bank) -> None:
    rows = {c.key: c for c in session.scalars(select(models.Competency))}
    for position, competency in enumerate(bank.competencies):
        row = rows.get(competency.key) or models.Competency(key=competency.key)
        row.name, row.description, row.position = competency.name, competency.description, position
        row.levels = [anchor.model_dump(mode="json") for anchor in competency.levels]
        session.add(row)


def _sync_profiles(session: Session, bank: Bank) -> None:
    rows = {(p.role, p.level): p for p in session.scalars(select(models.RoleProfile))}
    for profile in bank.profiles:
        row = rows.get((profile.role.value, profile.level.value)) or models.RoleProfile(
            role=profile.role.value, level=profile.level.value
        )
        row.title, row.profile = profile.title, profile.model_dump(mode="json")
        session.add(row)
