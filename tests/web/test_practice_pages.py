"""Practice through the real forms: sign up, set a goal, practise and rate a question, review it when due,
and a mock interview from start to summary; with the bad inputs a real user sends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer
from mlinterview.practice.models import MockInterview, Review, ReviewCard
from tests.factories import csrf_from
from tests.practice.test_practice_services import ANSWER


def sign_up(client: TestClient, email: str = "sam@example.com") -> str:
    token = csrf_from(client.get("/signup").text)
    page = client.post(
        "/signup",
        data={"name": "Sam Student", "email": email, "password": "a practice passphrase", "csrf_token": token},
    )
    assert page.status_code == 200, page.text
    assert "What are you preparing for?" in page.text
    return csrf_from(page.text)


def test_sign_up_refuses_bad_input_and_can_be_turned_off(client: TestClient, db: Session, app) -> None:
    token = csrf_from(client.get("/signup").text)
    weak = client.post(
        "/signup", data={"name": "Sam", "email": "sam@example.com", "password": "short", "csrf_token": token}
    )
    assert weak.status_code == 422
    assert db.scalar(select(User).where(User.email == "sam@example.com")) is None
    bad = client.post(
        "/signup",
        data={"name": "Sam", "email": "not-an-email", "password": "a practice passphrase", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert "valid email" in bad.text
    app.state.settings.signup = False
    assert client.get("/signup").status_code == 403


def test_a_new_candidate_practises_a_question_and_rates_it(client: TestClient, db: Session) -> None:
    token = sign_up(client)
    bad = client.post(
        "/practice/goal", data={"profile": "ml_engineer/mid", "interview_date": "next week", "csrf_token": token}
    )
    assert bad.status_code == 422
    assert "YYYY-MM-DD" in bad.text
    home = client.post(
        "/practice/goal", data={"profile": "ml_engineer/mid", "timezone": "Europe/Berlin", "csrf_token": token}
    )
    assert "Today's reviews" in home.text
    question_page = client.get("/practice/next")
    assert question_page.status_code == 200
    slug = question_page.url.path.removeprefix("/practice/questions/")
    empty = client.post(f"/practice/questions/{slug}", data={"text": "  ", "csrf_token": token})
    assert empty.status_code == 422
    assert db.scalar(select(func.count()).select_from(Answer)) == 0
    answered = client.post(f"/practice/questions/{slug}", data={"text": ANSWER, "csrf_token": token})
    answer_id = int(answered.url.path.rsplit("/", 1)[1])
    answers.grade(db, answer_id=answer_id)
    db.flush()
    page = client.get(f"/practice/answers/{answer_id}")
    assert "The model answer" in page.text
    assert "How well did you recall it?" in page.text
    rated = client.post(f"/practice/answers/{answer_id}/rating", data={"rating": "hard", "csrf_token": token})
    assert "comes back on" in rated.text
    twice = client.post(f"/practice/answers/{answer_id}/rating", data={"rating": "easy", "csrf_token": token})
    assert twice.status_code == 200
    assert db.scalar(select(func.count()).select_from(Review)) == 1
    card = db.scalars(select(ReviewCard)).one()
    card.due = datetime.now(UTC) - timedelta(hours=1)  # it is due now
    db.flush()
    review = client.get("/practice/review")
    assert "Due today" in review.text
    assert "Check my answer" in review.text


def test_a_mock_interview_from_start_to_summary(client: TestClient, db: Session) -> None:
    token = sign_up(client)
    client.post("/practice/goal", data={"profile": "data_scientist/junior", "timezone": "UTC", "csrf_token": token})
    page = client.post("/practice/mocks", data={"size": "3", "minutes": "2", "csrf_token": token})
    assert "Question 1 of 3" in page.text
    mock = db.scalars(select(MockInterview)).one()
    first, second, _third = mock.items
    url = f"/practice/mocks/{mock.id}/items/{first.id}"
    client.post(url, data={"text": ANSWER, "action": "answer", "csrf_token": token})
    again = client.post(url, data={"text": "another tab", "action": "answer", "csrf_token": token})
    assert again.status_code == 409
    assert "first answer" in again.text
    reload = client.get(f"/practice/mocks/{mock.id}")
    assert "Question 2 of 3" in reload.text
    client.post(f"/practice/mocks/{mock.id}/items/{second.id}", data={"action": "skip", "csrf_token": token})
    summary = client.post(f"/practice/mocks/{mock.id}/finish", data={"csrf_token": token})
    assert "By competency" in summary.text
    db.refresh(first)
    assert first.answer_id is not None
    answers.grade(db, answer_id=first.answer_id)
    db.flush()
    summary = client.get(f"/practice/mocks/{mock.id}/summary")
    assert "Weakest areas" in summary.text
    assert "skipped" in summary.text
    assert "Grading" not in summary.text
    assert db.scalar(select(func.count()).select_from(Review)) == 1  # the graded answer is scheduled once
    assert db.scalar(select(func.count()).select_from(Answer)) == 1


def test_practice_is_private(client: TestClient, db: Session) -> None:
    token = sign_up(client, "first@example.com")
    client.post("/practice/goal", data={"profile": "data_scientist/junior", "timezone": "UTC", "csrf_token": token})
    client.post("/practice/mocks", data={"size": "3", "minutes": "2", "csrf_token": token})
    mock = db.scalars(select(MockInterview)).one()
    client.post("/logout", data={"csrf_token": token})
    client.cookies.clear()
    sign_up(client, "second@example.com")
    assert client.get(f"/practice/mocks/{mock.id}").status_code == 404
    assert client.get(f"/practice/mocks/{mock.id}/summary").status_code == 404


def test_practise_by_role_topic_and_difficulty(client: TestClient, db: Session) -> None:
    from mlinterview.content.models import Question, Topic

    token = sign_up(client)
    client.post("/practice/goal", data={"profile": "data_scientist/junior", "timezone": "UTC", "csrf_token": token})
    for _ in range(5):
        page = client.get("/practice/next", params={"role": "mlops_engineer", "topic": "mlops", "difficulty": 3})
        slug = page.url.path.removeprefix("/practice/questions/")
        question = db.scalars(select(Question).where(Question.slug == slug)).one()
        assert " mlops_engineer " in question.roles
        assert question.difficulty == 3
        assert db.get_one(Topic, question.topic_id).slug == "mlops"
    assert client.get("/practice/next", params={"topic": "mlops", "difficulty": 5, "role": "nobody"}).status_code == 404


def test_sign_ups_from_one_address_are_limited(client: TestClient, app) -> None:
    from mlinterview.accounts.ratelimit import LoginThrottle

    app.state.throttle = LoginThrottle("1/minute", "memory://")  # four sign-ups a minute per address
    for n in range(4):
        token = csrf_from(client.get("/signup").text)
        data = {"name": f"Sam {n}", "email": f"sam{n}@example.com", "password": "a practice passphrase"}
        assert client.post("/signup", data={**data, "csrf_token": token}).status_code == 200
        client.cookies.clear()
    token = csrf_from(client.get("/signup").text)
    data = {"name": "Sam 5", "email": "sam5@example.com", "password": "a practice passphrase", "csrf_token": token}
    refused = client.post("/signup", data=data)
    assert refused.status_code == 429
    assert "Wait a few minutes" in refused.text
