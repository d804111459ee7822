"""The grader through the REST API, the web pages (graded by a background job) and the CLI."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from mlinterview.accounts.models import Role
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.cli.main import app as cli
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import load_bank
from mlinterview.kit import jobs
from tests.factories import bearer, login, make_organisation, make_token, make_user

SLUG = "bias-variance/diagnose-from-learning-curves"


@pytest.fixture(scope="module")
def question():
    return next(q for q in load_bank(BUNDLED_CONTENT).questions if q.slug == SLUG)


def test_api_grades_an_answer(client: TestClient, db: Session, question) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db), Role.CANDIDATE)))
    response = client.post("/api/v1/grade", json={"question": SLUG, "answer": question.model_answer}, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["score"] >= 0.85
    assert sum(p["status"] == "covered" for p in body["points"]) >= len(body["points"]) / 2
    assert body["grader"] == "learned"


def test_api_grade_errors_keep_the_shape(client: TestClient, db: Session) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db))))
    missing = client.post("/api/v1/grade", json={"question": "nope/nothing", "answer": "x"}, headers=headers)
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"status", "code", "message", "details"}
    too_long = client.post("/api/v1/grade", json={"question": SLUG, "answer": "x" * 20_001}, headers=headers)
    assert too_long.status_code == 422


def test_page_answer_is_graded_by_a_job_and_shown_escaped(client: TestClient, db: Session) -> None:
    token = login(client, make_user(db, make_organisation(db), Role.CANDIDATE))
    answer = "<script>alert(1)</script> The model overfits: high variance. I would plot learning curves first."
    response = client.post(f"/questions/{SLUG}/answer", data={"text": answer, "csrf_token": token})
    assert "Grading your answer" in response.text  # the job has not run yet
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
    sender = jobs.get_sender()
    assert isinstance(sender, jobs.RecordingSender)
    [(name, kwargs)] = sender.sent
    assert name == "answers.grade"
    jobs.celery_app.tasks[name].run(**kwargs)
    jobs.celery_app.tasks[name].run(**kwargs)  # delivered twice: graded once
    stored = db.get(Answer, kwargs["answer_id"])
    db.refresh(stored)
    assert stored.status is AnswerStatus.GRADED
    page = client.get(f"/answers/{kwargs['answer_id']}", headers={"HX-Request": "true"}).text
    assert "Automatic analysis" in page
    assert 'class="point-status s-covered"' in page or 'class="point-status s-partial"' in page
    assert "Your words:" in page


def test_an_empty_page_answer_is_refused_and_nothing_is_stored(client: TestClient, db: Session) -> None:
    token = login(client, make_user(db, make_organisation(db), Role.CANDIDATE))
    before = db.query(Answer).count()
    response = client.post(f"/questions/{SLUG}/answer", data={"text": "   ", "csrf_token": token})
    assert response.status_code == 422
    assert db.query(Answer).count() == before


def test_nobody_reads_someone_elses_answer(app, client: TestClient, db: Session) -> None:
    org = make_organisation(db)
    token = login(client, make_user(db, org, Role.CANDIDATE))
    client.post(f"/questions/{SLUG}/answer", data={"text": "Overfitting.", "csrf_token": token})
    answer_id = db.query(Answer).order_by(Answer.id.desc()).first().id
    with TestClient(app) as other:
        login(other, make_user(db, org, Role.CANDIDATE))
        assert other.get(f"/answers/{answer_id}").status_code == 404


def test_cli_grade_prints_the_analysis(tmp_path, question) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(question.model_answer)
    result = CliRunner().invoke(cli, ["grade", "--question", SLUG, "--answer-file", str(answer)])
    assert result.exit_code == 0, result.output
    assert "Score:" in result.output
    assert "covered" in result.output


def test_an_answer_keeps_the_wording_it_was_written_to(client: TestClient, db: Session, question) -> None:
    from mlinterview.content import service as questions

    manager = make_user(db, make_organisation(db), Role.HIRING_MANAGER)
    own = question.model_copy(update={"slug": "bias-variance/house-gap-question", "prompt": "Our first wording of it."})
    questions.create(db, actor=manager, content=own)
    token = login(client, manager)
    client.post(
        "/questions/bias-variance/house-gap-question/answer", data={"text": "Overfitting.", "csrf_token": token}
    )
    answer_id = db.query(Answer).order_by(Answer.id.desc()).first().id
    questions.update(db, actor=manager, slug=own.slug, content=own.model_copy(update={"prompt": "A second wording."}))
    page = client.get(f"/answers/{answer_id}").text
    assert "Our first wording of it." in page
    assert "A second wording." not in page


def test_cli_evaluates_a_dataset_graded_with_labels(tmp_path) -> None:
    import json

    rows = ["question,reference_answer,student_answer,label,assignment"]
    for group in ("1", "2"):
        rows += [
            f"What does a stack do?,It stores items last in first out.,Last in first out storage.,correct,{group}",
            f"What does a stack do?,It stores items last in first out.,It sorts numbers.,incorrect,{group}",
        ]
    dataset = tmp_path / "labelled.csv"
    dataset.write_text("\n".join(rows) + "\n")
    base = ["grading", "evaluate", "--dataset", str(dataset), "--score-col", "label", "--max-score", "1"]

    unmapped = CliRunner().invoke(cli, [*base, "--label-score", "correct=1"])
    assert unmapped.exit_code != 0
    assert "--label-score incorrect=VALUE" in unmapped.output + str(unmapped.exception)

    result = CliRunner().invoke(
        cli, [*base, "--pretrained", "--json", "--label-score", "correct=1", "--label-score", "incorrect=0"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["n"] == 4
    assert figures["pearson"] > 0
