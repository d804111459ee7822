"""The progress and study-plan pages as a candidate sees them: empty states first, charts once there are
answers, the plan's downloads, and never another candidate's practice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Question
from mlinterview.kit.clock import utcnow
from mlinterview.practice import goals, reviews, scheduling
from mlinterview.practice.models import RatingSource
from tests.factories import login, make_organisation, make_user


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "Practice Pages")


def practise(db: Session, user: User, score: float, *, answers: int = 3) -> None:
    """A goal, a few graded answers on evaluation over the last days, and a review card."""
    goals.set_goal(
        db, user=user, role="data_scientist", level="junior", interview_date=utcnow().date() + timedelta(days=21)
    )
    questions = db.scalars(
        select(Question).where(Question.competencies.contains(" evaluation "), Question.organisation_id.is_(None))
    ).all()
    for n in range(answers):
        question = questions[n]
        assert question.current_version_id is not None
        db.add(
            Answer(
                user_id=user.id, question_id=question.id, question_version_id=question.current_version_id,
                text="My answer.", status=AnswerStatus.GRADED, result={"score": score, "points": []},
                created_at=utcnow() - timedelta(days=n, hours=1),
            )
        )  # fmt: skip
    db.flush()
    reviews.record(
        db, user=user, question_id=questions[0].id, rating=scheduling.HARD, source=RatingSource.SELF,
        at=utcnow() - timedelta(days=1),
    )  # fmt: skip


def test_a_new_candidate_sees_what_will_appear(client: TestClient, db: Session, org: Organisation) -> None:
    login(client, make_user(db, org, Role.CANDIDATE))
    page = client.get("/practice/progress")
    assert page.status_code == 200
    assert "Nothing to show yet" in page.text
    assert 'href="/practice"' in page.text
    assert "<svg" not in page.text
    plan = client.get("/practice/plan")
    assert plan.status_code == 200
    assert "Set a goal first" in plan.text
    assert 'href="/practice"' in plan.text
    assert client.get("/practice/plan.ics").status_code == 404
    assert client.get("/practice/plan.pdf").status_code == 404


def test_pages_after_practice_show_charts_and_the_plan(client: TestClient, db: Session, org: Organisation) -> None:
    user = make_user(db, org, Role.CANDIDATE)
    practise(db, user, 0.8)
    login(client, user)
    page = client.get("/practice/progress").text
    assert page.count("<svg") >= 3  # radar, daily line, review forecast
    assert "Model evaluation and validation" in page
    assert "80%" in page
    assert "Junior Data Scientist" in page
    plan = client.get("/practice/plan").text
    assert "Week of" in plan
    assert "Mock" in plan
    assert "Learn" in plan
    assert 'href="/practice/plan.ics"' in plan
    assert 'href="/practice/plan.pdf"' in plan


def test_the_plan_downloads(client: TestClient, db: Session, org: Organisation) -> None:
    user = make_user(db, org, Role.CANDIDATE)
    practise(db, user, 0.5)
    login(client, user)
    ics = client.get("/practice/plan.ics")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.headers["content-disposition"] == 'attachment; filename="study-plan.ics"'
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == 21
    pdf = client.get("/practice/plan.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_each_candidate_sees_only_their_own_practice(client: TestClient, db: Session, org: Organisation) -> None:
    first, second = make_user(db, org, Role.CANDIDATE), make_user(db, org, Role.CANDIDATE)
    practise(db, first, 0.37)
    practise(db, second, 0.91, answers=2)

    login(client, first)
    mine = client.get("/practice/progress").text
    assert "37%" in mine
    assert "91%" not in mine

    client.cookies.clear()
    login(client, second)
    theirs = client.get("/practice/progress").text
    assert "91%" in theirs
    assert "37%" not in theirs


def test_a_candidate_without_practice_does_not_see_someone_elses(
    client: TestClient, db: Session, org: Organisation
) -> None:
    practise(db, make_user(db, org, Role.CANDIDATE), 0.37)
    login(client, make_user(db, org, Role.CANDIDATE))
    assert "Nothing to show yet" in client.get("/practice/progress").text
    assert "Set a goal first" in client.get("/practice/plan").text
    assert client.get("/practice/plan.ics").status_code == 404


def test_signing_in_is_required(client: TestClient) -> None:
    for path in ("/practice/progress", "/practice/plan", "/practice/plan.ics", "/practice/plan.pdf"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code in (303, 401), path
