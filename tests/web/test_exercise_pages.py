"""The exercise pages as a person uses them: catalogue, editor, run and submit (graded by the real job in the
real sandbox), results per test without hidden data, the reviewer's decision and the side-by-side view."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role
from mlinterview.exercises import catalogue
from mlinterview.exercises.jobs import grade_submission
from mlinterview.exercises.models import SimilarityFlag, Submission
from tests.factories import login, make_organisation, make_user

SLUG = "precision-recall-f1"


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "Exercise Pages Inc")


def submit(client: TestClient, token: str, source: str, kind: str, htmx: bool = False) -> str:
    headers = {"HX-Request": "true", "X-CSRF-Token": token} if htmx else {}
    data = {"source": source, "kind": kind} | ({} if htmx else {"csrf_token": token})
    response = client.post(f"/exercises/{SLUG}/submissions", data=data, headers=headers, follow_redirects=False)
    assert response.status_code in (200, 303), response.text
    return response.text if htmx else response.headers["location"]


def grade_latest(db: Session) -> Submission:
    submission = db.scalars(select(Submission).order_by(Submission.id.desc())).first()
    assert submission is not None
    grade_submission.run(submission_id=submission.id)  # the real job, as the worker runs it
    db.refresh(submission)
    return submission


def test_the_catalogue_lists_every_exercise_and_filters(client: TestClient, db: Session, org: Organisation) -> None:
    login(client, make_user(db, org, Role.CANDIDATE))
    page = client.get("/exercises").text
    assert len(re.findall(r'class="exercise-card" href="/exercises/', page)) == len(catalogue.exercises())
    easy = client.get("/exercises?difficulty=easy").text
    assert 0 < easy.count('class="exercise-card"') < len(catalogue.exercises())
    assert "level-hard" not in easy


def test_the_exercise_page_has_the_statement_and_an_editor_with_the_starter(
    client: TestClient, db: Session, org: Organisation
) -> None:
    login(client, make_user(db, org, Role.CANDIDATE))
    page = client.get(f"/exercises/{SLUG}").text
    exercise = catalogue.get(SLUG)
    assert exercise.spec.title in page
    assert "<code>precision_recall_f1(y_true, y_pred, positive=1)</code>" in page
    assert 'data-editor="python"' in page
    assert "/static/vendor/codemirror/codemirror.js" in page
    assert "def precision_recall_f1" in page
    assert "tp = fp = fn = 0" not in page  # the reference solution is never shown
    assert client.get("/static/vendor/codemirror/python.js").status_code == 200


def test_run_then_submit_shows_results_per_test_and_never_hidden_data(
    client: TestClient, db: Session, org: Organisation
) -> None:
    token = login(client, make_user(db, org, Role.CANDIDATE))
    exercise = catalogue.get(SLUG)
    pending = submit(client, token, exercise.solution, "run", htmx=True)
    assert "Running the visible tests" in pending
    assert "hx-trigger" in pending
    run = grade_latest(db)
    partial = client.get(f"/submissions/{run.id}", headers={"HX-Request": "true"}).text
    assert f"{run.total} of {run.total} tests passed" in partial
    assert "hidden" not in partial
    assert "expected:" in partial  # visible tests show their data

    wrong = next(iter(exercise.wrong.values()))
    location = submit(client, token, wrong, "submit")
    submission = grade_latest(db)
    assert location == f"/submissions/{submission.id}"
    page = client.get(location).text
    assert f"{submission.passed} of {submission.total} tests passed" in page
    hidden_names = {case.name for case in exercise.hidden_cases()} - {case.name for case in exercise.visible_cases()}
    assert not any(f">{name}<" in page for name in hidden_names)
    assert page.count("expected:") == len(exercise.visible_cases())
    assert "Hidden test 1" in page
    assert "wrong answer" in page


def test_a_reviewer_decides_and_compares_similar_submissions(
    client: TestClient, db: Session, org: Organisation
) -> None:
    exercise = catalogue.get(SLUG)
    for source in (exercise.solution, "# mine\n" + exercise.solution.replace("tp", "hits")):
        candidate = make_user(db, org, Role.CANDIDATE)
        with TestClient(client.app, base_url="http://testserver") as other:
            submit(other, login(other, candidate), source, "submit")
        grade_latest(db)
    flag = db.scalars(select(SimilarityFlag).where(SimilarityFlag.organisation_id == org.id)).one()
    token = login(client, make_user(db, org, Role.INTERVIEWER))
    review = client.get("/submissions").text
    assert f'href="/similarity/{flag.id}"' in review
    side_by_side = client.get(f"/similarity/{flag.id}").text
    assert side_by_side.count('class="match"') >= 2
    assert "not a verdict" in side_by_side
    response = client.post(
        f"/submissions/{flag.second_id}/decision", data={"decision": "accepted", "note": "", "csrf_token": token}
    )
    assert response.status_code == 200
    assert "Submission" in response.text
    assert "accepted" in response.text
    client.post(f"/similarity/{flag.id}/dismiss", data={"note": "common idiom", "csrf_token": token})
    db.refresh(flag)
    assert flag.dismissed_at is not None
    assert flag.note == "common idiom"


def test_candidates_cannot_review(client: TestClient, db: Session, org: Organisation) -> None:
    token = login(client, make_user(db, org, Role.CANDIDATE))
    assert client.get("/similarity/1").status_code == 403
    response = client.post("/submissions/policy", data={"policy": "after_decision", "csrf_token": token})
    assert response.status_code == 403


def test_the_catalogue_filters_by_the_competency_a_stage_focuses_on(
    client: TestClient, db: Session, org: Organisation
) -> None:
    login(client, make_user(db, org, Role.INTERVIEWER))
    page = client.get("/exercises?competency=evaluation").text
    expected = [e for e in catalogue.exercises().values() if "evaluation" in e.spec.competencies]
    assert 0 < len(expected) < len(catalogue.exercises())
    assert page.count('class="exercise-card"') == len(expected)
