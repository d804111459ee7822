"""The bank over the REST API and in the web pages."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content import formats
from mlinterview.content.loader import load_bank
from tests.factories import bearer, login, make_organisation, make_token, make_user


@pytest.fixture(scope="module")
def sample():
    return load_bank(BUNDLED_CONTENT).questions[0]


def test_api_search_filters_and_pages(client: TestClient, db: Session) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db), Role.CANDIDATE)))
    page = client.get("/api/v1/questions", params={"topic": "evaluation-metrics", "limit": 5}, headers=headers).json()
    assert page["total"] >= 8
    assert len(page["items"]) == 5
    assert {item["topic"] for item in page["items"]} == {"evaluation-metrics"}
    assert client.get("/api/v1/questions", params={"q": "precision"}, headers=headers).json()["total"] > 0


def test_api_detail_has_the_rubric_and_the_version_id(client: TestClient, db: Session, sample) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db))))
    body = client.get(f"/api/v1/questions/{sample.slug}", headers=headers).json()
    assert body["content"]["rubric"][0]["point"] == sample.rubric[0].point
    assert body["source"] == "bundled"
    assert isinstance(body["version_id"], int)


def test_api_unknown_slug_is_404_with_a_suggestion(client: TestClient, db: Session, sample) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db))))
    error = client.get(f"/api/v1/questions/{sample.slug}x", headers=headers).json()["error"]
    assert error["status"] == 404
    assert sample.slug in error["message"]


def test_api_create_publish_and_edit_own_question(client: TestClient, db: Session, sample) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db), Role.HIRING_MANAGER)))
    topic = sample.slug.split("/")[0]
    mine = sample.model_copy(update={"slug": f"{topic}/api-made"}).model_dump(mode="json")
    created = client.post("/api/v1/questions", json=mine, headers=headers)
    assert created.status_code == 201
    assert created.json()["source"] == "own"
    shared = client.put(f"/api/v1/questions/{topic}/api-made/published", json={"published": True}, headers=headers)
    assert shared.json()["is_published"] is True
    mine["prompt"] = "An edited prompt that is long enough to be valid."
    edited = client.put(f"/api/v1/questions/{topic}/api-made", json=mine, headers=headers).json()
    assert edited["version"] == 2


def test_api_refuses_to_edit_the_bundled_bank(client: TestClient, db: Session, sample) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db), Role.ADMIN)))
    response = client.put(f"/api/v1/questions/{sample.slug}", json=sample.model_dump(mode="json"), headers=headers)
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


def test_api_export_formats_and_candidates_are_refused(client: TestClient, db: Session) -> None:
    org = make_organisation(db)
    staff = bearer(make_token(db, make_user(db, org, Role.INTERVIEWER)))
    csv = client.get("/api/v1/questions/export", params={"format": "csv", "topic": "nlp"}, headers=staff)
    assert csv.headers["content-type"].startswith("text/csv")
    back, problems = formats.from_csv(csv.text, "export.csv")
    assert problems == []
    assert {q.slug.split("/")[0] for q in back} == {"nlp"}
    pdf = client.get("/api/v1/questions/export", params={"format": "pdf", "topic": "nlp"}, headers=staff)
    assert pdf.content.startswith(b"%PDF")
    candidate = bearer(make_token(db, make_user(db, org, Role.CANDIDATE)))
    assert client.get("/api/v1/questions/export", headers=candidate).status_code == 403


def test_api_topics_competencies_and_profiles(client: TestClient, db: Session) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db))))
    topics = client.get("/api/v1/topics", headers=headers).json()
    assert len(topics) >= 20
    assert all(t["questions"] >= 8 for t in topics)
    competencies = client.get("/api/v1/competencies", headers=headers).json()
    assert all(len(c["levels"]) == 4 for c in competencies)
    assert len(client.get("/api/v1/role-profiles", headers=headers).json()) == 12


def test_pages_browse_filter_and_reveal(client: TestClient, db: Session, sample) -> None:
    login(client, make_user(db, make_organisation(db), Role.CANDIDATE))
    listing = client.get("/questions", params={"topic": sample.slug.split("/")[0]})
    assert listing.status_code == 200
    assert f'href="/questions/{sample.slug}"' in listing.text
    assert "Export" not in listing.text  # candidates practise; they do not download answer keys
    detail = client.get(f"/questions/{sample.slug}").text
    assert "Show the model answer and rubric" in detail
    assert sample.rubric[0].point in detail
    topics = client.get("/topics").text
    assert "Evaluation metrics" in topics


def test_page_form_adds_questions_all_or_nothing(client: TestClient, db: Session, sample) -> None:
    token = login(client, make_user(db, make_organisation(db), Role.HIRING_MANAGER))
    form = client.get("/questions/new")
    assert form.status_code == 200
    example = form.text.split('spellcheck="false" required>')[1].split("</textarea>")[0]
    import html

    added = client.post(
        "/questions/new", data={"text": html.unescape(example), "kind": "markdown", "csrf_token": token}
    )
    assert "Added 1 question" in added.text
    broken = client.post("/questions/new", data={"text": "# nlp/x\nToo short", "kind": "markdown", "csrf_token": token})
    assert broken.status_code == 422
    assert "Nothing was added" in broken.text


def test_interviewers_cannot_open_the_add_form(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db), Role.INTERVIEWER))
    assert client.get("/questions/new").status_code == 403


def test_framework_page_shows_profiles_weights_and_anchors(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db), Role.INTERVIEWER))
    page = client.get("/framework", params={"role": "ml_researcher"}).text
    assert "Senior ML Researcher" in page
    assert "Research presentation" in page
    assert page.count('class="anchor a') == 4 * 13
