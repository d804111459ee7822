"""The exercises API: read, submit (graded by the real job in the real sandbox), poll, decide, flags."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role
from mlinterview.exercises import catalogue
from mlinterview.exercises.jobs import grade_submission
from mlinterview.exercises.judging import HIDDEN_WORDS
from tests.api.test_api import assert_error
from tests.factories import bearer, make_organisation, make_token, make_user

SLUG = "stable-softmax-cross-entropy"


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "API Exercises")


def test_exercises_are_listed_and_read_without_the_solution(client: TestClient, db: Session, org) -> None:
    headers = bearer(make_token(db, make_user(db, org, Role.CANDIDATE)))
    listed = client.get("/api/v1/exercises", headers=headers).json()
    assert len(listed) == len(catalogue.exercises()) >= 25
    one = client.get(f"/api/v1/exercises/{SLUG}", headers=headers).json()
    exercise = catalogue.get(SLUG)
    assert one["starter"] == exercise.starter
    assert one["hidden_tests"] == len(exercise.hidden_cases())
    assert exercise.solution not in str(one)
    assert_error(client.get("/api/v1/exercises/softmax-cross-entropy", headers=headers), 404, "not_found")


def test_submit_poll_and_decide(client: TestClient, db: Session, org) -> None:
    candidate = bearer(make_token(db, make_user(db, org, Role.CANDIDATE)))
    exercise = catalogue.get(SLUG)
    wrong = next(iter(exercise.wrong.values()))
    response = client.post(f"/api/v1/exercises/{SLUG}/submissions", json={"source": wrong}, headers=candidate)
    assert response.status_code == 202, response.text
    submission = response.json()
    assert submission["status"] == "pending"
    assert submission["tests"] == []
    grade_submission.run(submission_id=submission["id"])
    body = client.get(f"/api/v1/submissions/{submission['id']}", headers=candidate).json()
    assert body["status"] == "graded"
    assert body["total"] == len(body["tests"]) > body["passed"]
    for test in body["tests"]:
        if test["hidden"]:
            assert test["data"] is None
            assert test["message"] in {"passed", "wrong answer", *HIDDEN_WORDS.values()}
        else:
            assert test["data"]["expected"]
    staff = bearer(make_token(db, make_user(db, org, Role.HIRING_MANAGER)))
    assert_error(
        client.post(
            f"/api/v1/submissions/{submission['id']}/decision", json={"decision": "accepted"}, headers=candidate
        ),
        403,
        "forbidden",
    )
    decided = client.post(
        f"/api/v1/submissions/{submission['id']}/decision",
        json={"decision": "rejected", "note": "unstable"},
        headers=staff,
    ).json()
    assert decided["decision"] == "rejected"
    assert [s["id"] for s in client.get("/api/v1/submissions", headers=staff).json()] == [submission["id"]]
    assert client.get("/api/v1/similarity-flags", headers=staff).json() == []
    assert_error(client.get("/api/v1/similarity-flags", headers=candidate), 403, "forbidden")


def test_empty_code_is_refused(client: TestClient, db: Session, org) -> None:
    headers = bearer(make_token(db, make_user(db, org, Role.CANDIDATE)))
    error = assert_error(
        client.post(f"/api/v1/exercises/{SLUG}/submissions", json={"source": " "}, headers=headers),
        422,
        "invalid_input",
    )
    assert "empty" in error["message"]
