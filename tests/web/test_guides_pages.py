"""The interview guide pages: any signed-in user reads the list and every guide, with its practice questions."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.content.guides import linked_questions, load_guides
from tests.factories import login, make_organisation, make_user


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.INTERVIEWER, Role.HIRING_MANAGER, Role.ADMIN])
def test_every_role_reads_the_list_and_each_guide(client: TestClient, db: Session, role: Role) -> None:
    login(client, make_user(db, make_organisation(db, "Guide Readers"), role))
    listing = client.get("/guides")
    assert listing.status_code == 200
    for guide in load_guides():
        assert f'href="/guides/{guide.slug}"' in listing.text
        assert f"{guide.reading_minutes} min read" in listing.text
        page = client.get(f"/guides/{guide.slug}")
        assert page.status_code == 200, guide.slug
        assert "Practise this" in page.text
        assert 'href="/practice"' in page.text
        assert '<article class="brief guide-body">' in page.text
        for question in linked_questions(guide):
            assert f'href="/questions/{question.slug}"' in page.text


def test_a_guide_is_rendered_from_markdown_with_its_question_prompts(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db, "Guide Markdown"), Role.CANDIDATE))
    page = client.get("/guides/ml-system-design").text
    assert "<h2>1. Clarify the problem (about 5 minutes)</h2>" in page
    assert "Design a system for an online payments company" in page  # a linked question's prompt
    assert 'href="/guides/how-ml-interviews-run"' in page  # the other guides are a click away


def test_every_linked_question_page_opens(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db, "Guide Links"), Role.CANDIDATE))
    slugs = {slug for guide in load_guides() for slug in guide.questions}
    assert {slug: client.get(f"/questions/{slug}").status_code for slug in slugs} == dict.fromkeys(slugs, 200)


def test_an_unknown_guide_is_a_404_that_lists_the_guides(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db, "Guide Typo"), Role.CANDIDATE))
    response = client.get("/guides/no-such-guide")
    assert response.status_code == 404
    assert "There is no guide" in response.text
    assert "ml-system-design" in response.text


def test_guides_need_a_sign_in(client: TestClient) -> None:
    response = client.get("/guides", follow_redirects=False)
    assert response.status_code in (302, 303, 401)
