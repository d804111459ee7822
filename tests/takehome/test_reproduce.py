"""Uploaded code re-run in the real sandbox: it reproduces the uploaded predictions, or it does not, or it fails."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mlinterview.kit.jobs import PENDING_KEY
from mlinterview.takehome import catalogue
from mlinterview.takehome.reproduce import reproduce

SLUG = "customer-churn"
MODEL = """
import csv, sys
import numpy as np
from sklearn.linear_model import LogisticRegression

train_path, test_path, out_path = sys.argv[1:4]

def load(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    x = np.array([[float(r["tenure_months"] or 0), float(r["monthly_charges"] or 0)] for r in rows])
    return rows, x

train, x = load(train_path)
y = np.array([int(r["churned"]) for r in train])
test, x_test = load(test_path)
model = LogisticRegression(max_iter=500).fit(x, y)
with open(out_path, "w", newline="") as out:
    out.write("customer_id,churn_probability\\n")
    for row, p in zip(test, model.predict_proba(x_test)[:, 1]):
        out.write(f"{row['customer_id']},{float(p)!r}\\n")
"""


def zipped(tmp_path: Path, files: dict[str, str]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    path = tmp_path / "code.zip"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(catalogue.get_settings(), "data_dir", tmp_path / "data")
    return catalogue.files(catalogue.get(SLUG))


def run_model_here(data: Path) -> np.ndarray:
    """What the candidate uploaded: the same model, run on their own machine (here)."""
    namespace: dict[str, object] = {}
    out = data.parent / "mine.csv"
    import sys

    argv = sys.argv
    sys.argv = ["predict.py", str(data / "train.csv"), str(data / "test.csv"), str(out)]
    try:
        exec(compile(MODEL, "predict.py", "exec"), namespace)
    finally:
        sys.argv = argv
    from mlinterview.takehome.predictions import read_predictions

    return read_predictions(out, catalogue.answers(catalogue.get(SLUG)).expected)


def test_code_that_gives_the_uploaded_predictions_matches(data: Path, tmp_path: Path) -> None:
    expected = catalogue.answers(catalogue.get(SLUG)).expected
    uploaded = run_model_here(data)
    result = reproduce(data, zipped(tmp_path, {"project/predict.py": MODEL}), uploaded, expected)
    assert result.status == "match", result.detail
    assert result.matching == result.rows == len(expected.ids)
    tampered = uploaded.copy()
    tampered[:10] = 0.999  # predictions edited by hand after the code ran
    result = reproduce(data, zipped(tmp_path, {"predict.py": MODEL}), tampered, expected)
    assert result.status == "mismatch"
    assert result.matching == len(expected.ids) - 10


def test_failing_or_missing_code_is_reported_not_raised(data: Path, tmp_path: Path) -> None:
    expected = catalogue.answers(catalogue.get(SLUG)).expected
    uploaded = np.full(len(expected.ids), 0.5)
    crash = reproduce(data, zipped(tmp_path, {"predict.py": "raise SystemExit('no model yet')"}), uploaded, expected)
    assert crash.status == "error"
    assert "no model yet" in crash.detail
    missing = reproduce(data, zipped(tmp_path, {"model.py": "print(1)"}), uploaded, expected)
    assert missing.status == "skipped"
    assert "predict.py" in missing.detail
    notebook = tmp_path / "work.ipynb"
    notebook.write_text("{}")
    assert reproduce(data, notebook, uploaded, expected).status == "skipped"


def test_a_submission_with_code_is_checked_once_by_its_job(
    db, data: Path, tmp_path: Path
) -> None:  # fmt: skip
    from mlinterview.accounts.models import Role
    from mlinterview.takehome import service
    from mlinterview.takehome.jobs import check_reproducibility
    from mlinterview.takehome.uploads import Upload
    from tests.factories import make_organisation, make_user

    uploaded = run_model_here(data)
    spec = catalogue.get(SLUG).spec
    ids = catalogue.answers(catalogue.get(SLUG)).expected.ids
    csv_file = tmp_path / "predictions.csv"
    csv_file.write_text(
        f"{spec.id_column},{spec.prediction_column}\n"
        + "".join(f"{i},{float(v)!r}\n" for i, v in zip(ids, uploaded, strict=True))
    )
    user = make_user(db, make_organisation(db, "Repro"), Role.CANDIDATE)
    code = zipped(tmp_path, {"predict.py": MODEL})
    submission = service.submit(
        db, user=user, slug=SLUG, predictions=Upload(csv_file, "p.csv"), code=Upload(code, "code.zip")
    )
    queued = db.info.get(PENDING_KEY, [])  # sent once the transaction commits
    assert ("takehome.check_reproducibility", {"submission_id": submission.id}) in queued
    check_reproducibility.run(submission_id=submission.id)
    db.refresh(submission)
    assert submission.reproduction is not None
    assert submission.reproduction["status"] == "match"
