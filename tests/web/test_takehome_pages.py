"""Take-home pages as people use them: download, upload (a broken file explains itself), scores, an assignment
set by a hiring manager, closing it, and a rubric review."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role
from mlinterview.kit.clock import utcnow
from mlinterview.takehome import catalogue
from mlinterview.takehome.jobs import score_submission
from mlinterview.takehome.models import Assignment, TakehomeSubmission
from mlinterview.takehome.service import CRITERIA
from tests.factories import login, make_organisation, make_user

SLUG = "customer-churn"


@pytest.fixture(autouse=True)
def data_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue.get_settings(), "data_dir", tmp_path / "data")


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "Takehome Pages")


def reference_csv() -> bytes:
    project = catalogue.get(SLUG)
    spec = project.spec
    values = project.reference(project.generate())[spec.prediction_column]
    ids = catalogue.answers(project).expected.ids
    lines = [f"{spec.id_column},{spec.prediction_column}"] + [
        f"{i},{float(v)!r}" for i, v in zip(ids, values, strict=True)
    ]
    return ("\n".join(lines) + "\n").encode()


def upload(client: TestClient, token: str, action: str, content: bytes, **files: tuple[str, bytes]):
    parts = {"predictions": ("predictions.csv", content, "text/csv")} | {
        name: (filename, data, "application/octet-stream") for name, (filename, data) in files.items()
    }
    return client.post(action, data={"csrf_token": token}, files=parts)


def test_practice_download_broken_upload_then_a_score(client: TestClient, db: Session, org: Organisation) -> None:
    token = login(client, make_user(db, org, Role.CANDIDATE))
    page = client.get(f"/takehomes/{SLUG}").text
    assert "Practice leaderboard" in page
    assert "Baseline (reference solution)" in page
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/takehomes/{SLUG}/data.zip").content))
    assert sorted(archive.namelist()) == [f"{SLUG}/BRIEF.md", f"{SLUG}/test.csv", f"{SLUG}/train.csv"]
    assert "labels" not in " ".join(archive.namelist())

    broken = upload(client, token, f"/takehomes/{SLUG}/submissions", b"id,churn\n1,0.5\n")
    assert "Nothing was stored" in broken.text
    assert 'class="notice notice-error"' in broken.text
    assert db.scalars(select(TakehomeSubmission)).first() is None

    valid = upload(client, token, f"/takehomes/{SLUG}/submissions", reference_csv())
    assert "is valid" in valid.text
    submission = db.scalars(select(TakehomeSubmission)).one()
    score_submission.run(submission_id=submission.id)
    page = client.get(f"/takehomes/{SLUG}").text
    assert f"{catalogue.get(SLUG).spec.baseline.public:.5f}" in page  # the same score as the baseline


def test_a_manager_sets_an_assignment_and_an_interviewer_reviews_a_report(
    client: TestClient, db: Session, org: Organisation
) -> None:
    candidate = make_user(db, org, Role.CANDIDATE, name="Casey Candidate")
    manager_token = login(client, make_user(db, org, Role.HIRING_MANAGER))
    deadline = (utcnow() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        "/assignments",
        data={"csrf_token": manager_token, "project": SLUG, "opening": "ML Engineer, Lisbon", "deadline": deadline,
              "daily_limit": "3", "total_limit": "10", "anonymise": "true", "candidates": str(candidate.id)},
    )  # fmt: skip
    assert "Take-home set for ML Engineer, Lisbon" in response.text
    assignment = db.scalars(select(Assignment)).one()

    with TestClient(client.app, base_url="http://testserver") as other:
        token = login(other, candidate)
        assert "ML Engineer, Lisbon" in other.get("/takehomes").text
        report = ("report.md", b"# What I did\n\nStratified 5-fold validation; ROC AUC because ...\n")
        done = upload(other, token, f"/assignments/{assignment.id}/submissions", reference_csv(), report=report)
        assert "is valid" in done.text
    submission = db.scalars(select(TakehomeSubmission)).one()
    score_submission.run(submission_id=submission.id)

    closed = client.post(f"/assignments/{assignment.id}/close", data={"csrf_token": manager_token})
    assert "Private leaderboard" in closed.text

    interviewer_token = login(client, make_user(db, org, Role.INTERVIEWER))
    page = client.get(f"/takehome-submissions/{submission.id}").text
    assert "Casey Candidate" not in page  # anonymised for reviewers
    assert "Stratified 5-fold validation" in page
    scores = dict.fromkeys(CRITERIA, "3")
    saved = client.post(
        f"/takehome-submissions/{submission.id}/review", data={"csrf_token": interviewer_token, **scores, "notes": "ok"}
    )
    assert "Your review is saved" in saved.text
    assert "3.0 of 4 on average" in saved.text
