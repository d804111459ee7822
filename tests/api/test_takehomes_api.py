"""The take-homes API: projects, data, an upload that is refused with the reason, a scored one, the board."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.takehome import catalogue
from mlinterview.takehome.jobs import score_submission
from tests.api.test_api import assert_error
from tests.factories import bearer, make_organisation, make_token, make_user

SLUG = "store-demand"


@pytest.fixture(autouse=True)
def data_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue.get_settings(), "data_dir", tmp_path / "data")


def test_download_upload_score_and_board(client: TestClient, db: Session) -> None:
    headers = bearer(make_token(db, make_user(db, make_organisation(db, "API Takehomes"), Role.CANDIDATE)))
    listed = client.get("/api/v1/takehomes", headers=headers).json()
    assert {p["slug"] for p in listed} == set(catalogue.projects())
    project = client.get(f"/api/v1/takehomes/{SLUG}", headers=headers).json()
    assert project["greater_is_better"] is False  # MAE
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/api/v1/takehomes/{SLUG}/data.zip", headers=headers).content))
    header, *rows = archive.read(f"{SLUG}/test.csv").decode().splitlines()
    column = header.split(",").index("id")
    ids = [row.split(",")[column] for row in rows]

    refused = client.post(
        f"/api/v1/takehomes/{SLUG}/submissions",
        files={"predictions": ("p.csv", f"{project['header']}\n{ids[0]},12\n".encode(), "text/csv")},
        headers=headers,
    )
    assert "have no prediction" in assert_error(refused, 422, "invalid_input")["message"]

    body = (project["header"] + "\n" + "".join(f"{i},10\n" for i in ids)).encode()
    accepted = client.post(
        f"/api/v1/takehomes/{SLUG}/submissions", files={"predictions": ("p.csv", body, "text/csv")}, headers=headers
    )
    assert accepted.status_code == 202, accepted.text
    submission = accepted.json()
    score_submission.run(submission_id=submission["id"])
    scored = client.get(f"/api/v1/takehome-submissions/{submission['id']}", headers=headers).json()
    assert scored["status"] == "scored"
    assert scored["public_score"] > 0
    assert scored["private_score"] is None  # practice never shows the private rows' score
    board = client.get(f"/api/v1/takehomes/{SLUG}/leaderboard", headers=headers).json()
    assert board["private"] is False
    assert [s["who"] for s in board["standings"] if s["is_you"]] == ["You"]
    assert any(s["is_baseline"] for s in board["standings"])
