"""Syncing the bundled bank is idempotent; edits add versions; removals archive."""

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import load_bank
from mlinterview.content.models import Question, QuestionVersion
from mlinterview.content.sync import sync_bank


def bundled(db: Session, slug: str) -> Question:
    return db.scalars(select(Question).where(Question.slug == slug, Question.organisation_id.is_(None))).one()


def test_second_sync_changes_nothing(db: Session) -> None:
    bank = load_bank(BUNDLED_CONTENT)
    sync_bank(db, bank)
    report = sync_bank(db, bank)
    assert (report.created, report.updated, report.archived) == (0, 0, 0)
    assert report.unchanged == len(bank.questions)
    assert db.scalar(select(func.count()).select_from(Question).where(Question.organisation_id.is_(None))) == len(
        bank.questions
    )


def test_an_edit_adds_a_version_and_keeps_the_old_one(db: Session) -> None:
    bank = load_bank(BUNDLED_CONTENT)
    sync_bank(db, bank)
    first = bank.questions[0]
    old_version_id = bundled(db, first.slug).current_version_id
    bank.questions[0] = first.model_copy(update={"prompt": first.prompt + " Answer in two minutes."})
    report = sync_bank(db, bank)
    assert report.updated == 1
    row = bundled(db, first.slug)
    assert row.current_version is not None
    assert row.current_version.number == 2
    assert row.prompt.endswith("Answer in two minutes.")
    old = db.get_one(QuestionVersion, old_version_id)
    assert old.content["prompt"] == first.prompt  # what an earlier interview used is still there


def test_a_question_removed_from_the_bundle_is_archived_not_deleted(db: Session) -> None:
    bank = load_bank(BUNDLED_CONTENT)
    sync_bank(db, bank)
    removed = bank.questions.pop()
    bank.origins.pop()
    assert sync_bank(db, bank).archived == 1
    assert bundled(db, removed.slug).is_archived
    bank.questions.append(removed)
    bank.origins.append(("content", 0))
    sync_bank(db, bank)
    assert not bundled(db, removed.slug).is_archived


def test_sync_refuses_content_with_problems(db: Session, tmp_path: Path) -> None:
    import pytest

    with pytest.raises(ValueError, match="content validate"):
        sync_bank(db, load_bank(tmp_path))  # an empty folder: every file missing
