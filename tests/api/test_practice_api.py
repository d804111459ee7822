"""The practice API: a candidate's whole day through every endpoint, practice that stays private, bad input
refused with a message and nothing stored, and a mock answer that is stored once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role, User
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer
from mlinterview.practice.models import Goal, MockInterview, Review, ReviewCard
from tests.api.test_api import assert_error
from tests.factories import bearer, make_organisation, make_token, make_user
from tests.practice.test_practice_services import ANSWER

API = "/api/v1/practice"


@pytest.fixture
def candidate(db: Session) -> User:
    return make_user(db, make_organisation(db, "Practice API"), Role.CANDIDATE)


@pytest.fixture
def headers(db: Session, candidate: User) -> dict[str, str]:
    return bearer(make_token(db, candidate))


def count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def grade(db: Session, answer_id: int) -> None:
    answers.grade(db, answer_id=answer_id)
    db.flush()  # the app's next request reads it on the same connection


def start_mock(client: TestClient, headers: dict[str, str], size: int = 3) -> dict:
    response = client.post(
        f"{API}/mocks",
        json={"size": size, "minutes_per_question": 2, "role": "data_scientist", "level": "junior"},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_goal_next_question_answer_rating_and_reviews(client: TestClient, db: Session, headers) -> None:
    assert_error(client.get(f"{API}/goal", headers=headers), 404, "not_found")
    goal = {"role": "ml_engineer", "level": "mid", "timezone": "Europe/Berlin", "topics": ["ml-fundamentals"]}
    saved = client.put(f"{API}/goal", json=goal, headers=headers)
    assert saved.status_code == 200, saved.text
    read = client.get(f"{API}/goal", headers=headers).json()
    assert read == {**goal, "interview_date": None, "daily_minutes": 45}

    question = client.get(f"{API}/next", headers=headers).json()
    assert set(question) == {"slug", "prompt", "topic", "difficulty"}
    assert question["topic"] == "ml-fundamentals"
    picked = client.get(f"{API}/next", params={"topic": "evaluation-metrics", "difficulty": 2}, headers=headers)
    assert picked.json()["topic"] == "evaluation-metrics"
    assert picked.json()["difficulty"] == 2

    accepted = client.post(f"{API}/answers", json={"slug": question["slug"], "text": ANSWER}, headers=headers)
    assert accepted.status_code == 202, accepted.text
    assert accepted.json()["status"] == "pending"
    answer_id = accepted.json()["answer_id"]
    pending = client.get(f"{API}/answers/{answer_id}", headers=headers).json()
    assert pending["status"] == "pending"
    assert pending["score"] is pending["model_answer"] is pending["suggested_rating"] is None
    assert pending["points"] == []
    grade(db, answer_id)
    graded = client.get(f"{API}/answers/{answer_id}", headers=headers).json()
    assert graded["status"] == "graded"
    assert 0 <= graded["score"] <= 1
    assert graded["points"][0]["status"] in {"covered", "partial", "missed", "contradicted"}
    assert graded["feedback"]
    assert graded["model_answer"]
    assert graded["suggested_rating"] in {"again", "hard", "good", "easy"}
    assert graded["rating"] is None

    rated = client.post(f"{API}/answers/{answer_id}/rating", json={}, headers=headers)
    assert rated.status_code == 200, rated.text
    review = rated.json()
    assert review["rating"] == graded["suggested_rating"]
    assert review["source"] == "grade"
    assert date.fromisoformat(review["due_day"]) > datetime.now(UTC).date() - timedelta(days=1)
    again = client.post(f"{API}/answers/{answer_id}/rating", json={"rating": "easy"}, headers=headers)
    assert again.json()["id"] == review["id"]  # an answer counts once
    assert count(db, Review) == 1
    assert client.get(f"{API}/answers/{answer_id}", headers=headers).json()["rating"] == review["rating"]

    queue = client.get(f"{API}/reviews/queue", headers=headers).json()
    assert (queue["due"], queue["reviewed_today"], queue["cards"]) == (0, 1, [])
    card = db.scalars(select(ReviewCard)).one()
    card.due = datetime.now(UTC) - timedelta(hours=1)  # it is due now
    db.flush()
    queue = client.get(f"{API}/reviews/queue", headers=headers).json()
    assert queue["due"] == 1
    assert queue["cards"][0]["slug"] == question["slug"]
    assert queue["cards"][0]["prompt"] == question["prompt"]
    assert queue["cards"][0]["reviews"] == 1
    forecast = client.get(f"{API}/reviews/forecast", headers=headers).json()
    assert len(forecast) == 14
    assert forecast[0] == {"day": queue["today"], "due": 1}
    assert len(client.get(f"{API}/reviews/forecast", params={"days": 3}, headers=headers).json()) == 3


def test_a_mock_interview_one_question_at_a_time(client: TestClient, db: Session, headers) -> None:
    client.put(f"{API}/goal", json={"role": "data_scientist", "level": "junior"}, headers=headers)
    mock = client.post(f"{API}/mocks", json={"size": 3, "minutes_per_question": 2}, headers=headers)
    assert mock.status_code == 201, mock.text
    started = mock.json()
    assert (started["role"], started["level"], started["status"], started["seconds_per_question"]) == (
        "data_scientist", "junior", "running", 120,
    )  # fmt: skip
    assert [i["position"] for i in started["items"]] == [0, 1, 2]
    assert {i["status"] for i in started["items"]} == {"pending"}
    assert all(i["prompt"] is None and i["slug"] is None for i in started["items"])  # nothing shown yet
    url = f"{API}/mocks/{started['id']}"

    current = client.get(f"{url}/current", headers=headers).json()
    assert current["position"] == 0
    assert current["prompt"]
    assert 110 <= current["seconds_left"] <= 120
    assert current["total"] == 3
    shown = client.get(url, headers=headers).json()["items"]
    assert shown[0]["prompt"] == current["prompt"]
    assert shown[1]["prompt"] is None  # the next question stays hidden until it is reached

    answered = client.post(f"{url}/items/{current['id']}/answer", json={"text": ANSWER}, headers=headers)
    assert answered.status_code == 200, answered.text
    first = answered.json()["items"][0]
    assert first["status"] == "answered"
    second = client.get(f"{url}/current", headers=headers).json()
    assert second["position"] == 1
    skipped = client.post(f"{url}/items/{second['id']}/skip", headers=headers).json()
    assert skipped["items"][1]["status"] == "skipped"
    finished = client.post(f"{url}/finish", headers=headers).json()
    assert finished["status"] == "finished"
    assert [i["status"] for i in finished["items"]] == ["answered", "skipped", "skipped"]
    assert all(i["prompt"] for i in finished["items"])  # over: every question may be read now
    assert_error(client.get(f"{url}/current", headers=headers), 409, "conflict")

    waiting = client.get(f"{url}/summary", headers=headers).json()
    assert waiting["pending"] == 1
    grade(db, first["answer_id"])
    summary = client.get(f"{url}/summary", headers=headers).json()
    assert (summary["mock_id"], summary["status"], summary["pending"]) == (started["id"], "finished", 0)
    assert sum(c["answered"] for c in summary["competencies"]) == 1
    assert sum(c["skipped"] for c in summary["competencies"]) == 2
    assert summary["items"][0]["score"] is not None
    assert set(summary["weakest"]) <= {c["key"] for c in summary["competencies"]}
    assert set(summary["study"]) == set(summary["weakest"])
    assert all("/" in slug for slugs in summary["study"].values() for slug in slugs)
    assert count(db, Review) == 1  # the graded mock answer is scheduled for review


def test_answering_a_mock_question_twice_is_409_and_keeps_the_first(client: TestClient, db: Session, headers) -> None:
    mock = start_mock(client, headers)
    item = client.get(f"{API}/mocks/{mock['id']}/current", headers=headers).json()
    url = f"{API}/mocks/{mock['id']}/items/{item['id']}/answer"
    assert client.post(url, json={"text": ANSWER}, headers=headers).status_code == 200
    again = client.post(url, json={"text": "another tab"}, headers=headers)
    assert "first answer" in assert_error(again, 409, "conflict")["message"]
    assert db.scalars(select(Answer.text)).all() == [ANSWER]


def test_no_one_reaches_another_users_answers_or_mocks(client: TestClient, db: Session, headers) -> None:
    question = client.get(f"{API}/next", headers=headers).json()
    submitted = client.post(f"{API}/answers", json={"slug": question["slug"], "text": ANSWER}, headers=headers)
    answer_id = submitted.json()["answer_id"]
    mock = start_mock(client, headers)
    item = mock["items"][0]["id"]
    other = bearer(make_token(db, make_user(db, make_organisation(db, "Elsewhere"), Role.CANDIDATE)))
    url = f"{API}/mocks/{mock['id']}"
    for method, path in [
        ("GET", f"{API}/answers/{answer_id}"),
        ("POST", f"{API}/answers/{answer_id}/rating"),
        ("GET", url),
        ("GET", f"{url}/current"),
        ("POST", f"{url}/items/{item}/answer"),
        ("POST", f"{url}/items/{item}/skip"),
        ("POST", f"{url}/finish"),
        ("GET", f"{url}/summary"),
    ]:
        body = {"text": ANSWER} if path.endswith("/answer") else {}
        response = client.request(method, path, json=body if method == "POST" else None, headers=other)
        assert_error(response, 404, "not_found")
    assert count(db, Review) == 0
    assert count(db, Answer) == 1
    untouched = client.get(url, headers=headers).json()
    assert untouched["status"] == "running"
    assert {i["status"] for i in untouched["items"]} == {"pending"}
    assert untouched["items"][0]["prompt"] is None  # the other user's /current did not start its clock


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/goal"),
        ("PUT", "/goal"),
        ("GET", "/next"),
        ("POST", "/answers"),
        ("GET", "/answers/1"),
        ("POST", "/answers/1/rating"),
        ("GET", "/reviews/queue"),
        ("GET", "/reviews/forecast"),
        ("POST", "/mocks"),
        ("GET", "/mocks/1/current"),
        ("POST", "/mocks/1/items/1/answer"),
        ("POST", "/mocks/1/items/1/skip"),
        ("POST", "/mocks/1/finish"),
        ("GET", "/mocks/1/summary"),
    ],
)
def test_no_token_is_401(client: TestClient, method: str, path: str) -> None:
    assert_error(client.request(method, f"{API}{path}"), 401, "unauthorized")


def test_bad_input_is_422_with_a_message_and_nothing_stored(client: TestClient, db: Session, headers) -> None:
    slug = client.get(f"{API}/next", headers=headers).json()["slug"]
    empty = client.post(f"{API}/answers", json={"slug": slug, "text": "   "}, headers=headers)
    assert "answer is empty" in assert_error(empty, 422, "invalid_input")["message"]
    assert count(db, Answer) == 0

    answer_id = client.post(f"{API}/answers", json={"slug": slug, "text": ANSWER}, headers=headers).json()["answer_id"]
    meh = client.post(f"{API}/answers/{answer_id}/rating", json={"rating": "meh"}, headers=headers)
    assert "rating" in assert_error(meh, 422, "invalid_input")["message"]
    assert count(db, Review) == count(db, ReviewCard) == 0

    huge = client.post(f"{API}/mocks", json={"size": 99, "role": "ml_engineer", "level": "mid"}, headers=headers)
    assert "3 to 15 questions" in assert_error(huge, 422, "invalid_input")["message"]
    assert count(db, MockInterview) == 0

    goal = {"role": "ml_engineer", "level": "mid"}
    mars = client.put(f"{API}/goal", json={**goal, "timezone": "Mars/Olympus"}, headers=headers)
    assert "not a time zone" in assert_error(mars, 422, "invalid_input")["message"]
    past = client.put(f"{API}/goal", json={**goal, "interview_date": "2000-01-01"}, headers=headers)
    assert "in the past" in assert_error(past, 422, "invalid_input")["message"]
    assert count(db, Goal) == 0


def test_every_practice_endpoint_is_documented(client: TestClient) -> None:
    paths = {p: ops for p, ops in client.get("/api/v1/openapi.json").json()["paths"].items() if "/practice/" in p}
    operations = [op for ops in paths.values() for op in ops.values()]
    assert len(operations) == 15
    for op in operations:
        assert op["tags"] == ["practice"]
        assert op["summary"]
        ok = next(body for status, body in op["responses"].items() if status.startswith("2"))
        assert "$ref" in str(ok["content"]["application/json"]["schema"])
