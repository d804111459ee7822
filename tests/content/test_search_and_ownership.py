"""Search ranks and filters; organisations see the bundled bank, their own questions and published ones."""

import pytest
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content import service
from mlinterview.content.loader import load_bank
from mlinterview.content.repository import QuestionFilters
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from tests.factories import make_organisation, make_user


@pytest.fixture(scope="module")
def sample():
    return load_bank(BUNDLED_CONTENT).questions[0]


def own_copy(sample, slug_name: str = "house-version"):
    topic = sample.slug.split("/")[0]
    return sample.model_copy(update={"slug": f"{topic}/{slug_name}", "prompt": "Our house version: " + sample.prompt})


def test_text_search_ranks_matching_questions(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    rows, total = service.search(db, actor=user, filters=QuestionFilters(text="precision recall"))
    assert total > 0
    assert all("precision" in r.search_text.lower() and "recall" in r.search_text.lower() for r in rows)


def test_prefixes_match_and_nonsense_matches_nothing(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    assert service.search(db, actor=user, filters=QuestionFilters(text="regulari"))[1] > 0
    assert service.search(db, actor=user, filters=QuestionFilters(text="qwertyuiop"))[1] == 0


def test_punctuation_in_the_query_is_harmless(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    noisy, _ = service.search(db, actor=user, filters=QuestionFilters(text='"ROC" (auc) -- * ^ ;'))
    plain, _ = service.search(db, actor=user, filters=QuestionFilters(text="roc auc"))
    assert [r.slug for r in noisy] == [r.slug for r in plain]
    assert plain


def test_filters_combine(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    filters = QuestionFilters(topic="evaluation-metrics", difficulty=3, role="data_scientist")
    rows, total = service.search(db, actor=user, filters=filters)
    assert total == len(rows) > 0
    assert {(r.topic.slug, r.difficulty) for r in rows} == {("evaluation-metrics", 3)}
    assert all(" data_scientist " in r.roles for r in rows)


def test_own_questions_are_private_until_published(db: Session, sample) -> None:
    mine, theirs = make_organisation(db, "Mine"), make_organisation(db, "Theirs")
    author, outsider = make_user(db, mine, Role.HIRING_MANAGER), make_user(db, theirs, Role.ADMIN)
    row = service.create(db, actor=author, content=own_copy(sample))
    assert service.get(db, actor=author, slug=row.slug).id == row.id
    with pytest.raises(NotFound):
        service.get(db, actor=outsider, slug=row.slug)
    service.set_published(db, actor=author, slug=row.slug, published=True)
    assert service.get(db, actor=outsider, slug=row.slug).id == row.id


def test_editing_an_own_question_adds_a_version(db: Session, sample) -> None:
    author = make_user(db, make_organisation(db), Role.ADMIN)
    row = service.create(db, actor=author, content=own_copy(sample))
    first_version = row.current_version_id
    edited = own_copy(sample).model_copy(update={"prompt": "A sharper wording of our house question."})
    service.update(db, actor=author, slug=row.slug, content=edited)
    assert row.current_version is not None
    assert (row.current_version.number, row.prompt) == (2, "A sharper wording of our house question.")
    assert row.current_version_id != first_version


def test_the_bundled_bank_is_read_only(db: Session, sample) -> None:
    admin = make_user(db, make_organisation(db), Role.ADMIN)
    with pytest.raises(Forbidden, match="read-only"):
        service.update(db, actor=admin, slug=sample.slug, content=sample)


def test_interviewers_and_candidates_cannot_author(db: Session, sample) -> None:
    org = make_organisation(db)
    for role in (Role.INTERVIEWER, Role.CANDIDATE):
        with pytest.raises(Forbidden):
            service.create(db, actor=make_user(db, org, role), content=own_copy(sample))


def test_unknown_topic_and_duplicate_slug_are_explained(db: Session, sample) -> None:
    author = make_user(db, make_organisation(db), Role.ADMIN)
    with pytest.raises(InvalidInput, match="known topic"):
        service.create(db, actor=author, content=sample.model_copy(update={"slug": "astrology/horoscopes"}))
    service.create(db, actor=author, content=own_copy(sample))
    with pytest.raises(Conflict, match="already has"):
        service.create(db, actor=author, content=own_copy(sample))


def test_unknown_slug_suggests_the_closest(db: Session, sample) -> None:
    user = make_user(db, make_organisation(db))
    with pytest.raises(NotFound, match=f"Did you mean `{sample.slug}`"):
        service.get(db, actor=user, slug=sample.slug[:-2])
