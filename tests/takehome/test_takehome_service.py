"""Take-home submissions on the real database: validated before anything is stored, scored by the job, limited,
two final picks, public then private leaderboards, and rubric reviews of reports."""

from __future__ import annotations

import gzip
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from mlinterview.kit.clock import utcnow
from mlinterview.kit.jobs import RecordingSender
from mlinterview.takehome import catalogue, service
from mlinterview.takehome.jobs import score_submission
from mlinterview.takehome.models import ScoreStatus, TakehomeSubmission
from mlinterview.takehome.service import CRITERIA
from mlinterview.takehome.uploads import Upload
from tests.factories import make_organisation, make_user

SLUG = "customer-churn"


def predictions_file(folder: Path, values: np.ndarray | None = None, *, header: str = "", gz: bool = False) -> Upload:
    project = catalogue.get(SLUG)
    spec, known = project.spec, catalogue.answers(project)
    if values is None:
        values = project.reference(project.generate())[spec.prediction_column]
    lines = [header or f"{spec.id_column},{spec.prediction_column}"]
    lines += [f"{i},{v!r}" for i, v in zip(known.expected.ids.tolist(), np.asarray(values).tolist(), strict=True)]
    data = ("\n".join(lines) + "\n").encode()
    path = folder / f"upload-{len(list(folder.iterdir()))}"
    path.write_bytes(gzip.compress(data) if gz else data)
    return Upload(path=path, name="predictions.csv.gz" if gz else "predictions.csv")


def scored(db: Session, submission: TakehomeSubmission) -> TakehomeSubmission:
    score_submission.run(submission_id=submission.id)
    db.refresh(submission)
    return submission


@pytest.fixture(autouse=True)
def uploads_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = catalogue.get_settings()
    monkeypatch.setattr(settings, "data_dir", tmp_path / "data")


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "Takehome Co")


@pytest.fixture
def candidate(db: Session, org: Organisation) -> User:
    return make_user(db, org, Role.CANDIDATE)


@pytest.fixture
def manager(db: Session, org: Organisation) -> User:
    return make_user(db, org, Role.HIRING_MANAGER)


def count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(TakehomeSubmission)) or 0


def test_a_valid_file_is_stored_queued_and_scored_like_the_baseline(
    db: Session, candidate: User, tmp_path: Path, sent_jobs: RecordingSender
) -> None:
    upload = predictions_file(tmp_path, gz=True)
    submission = service.submit(db, user=candidate, slug=SLUG, predictions=upload, note="reference")
    assert submission.status is ScoreStatus.PENDING
    assert service.stored_path(submission.predictions_file).is_file()
    scored(db, submission)
    baseline = catalogue.get(SLUG).spec.baseline
    assert submission.status is ScoreStatus.SCORED
    assert submission.public_score == pytest.approx(baseline.public, abs=1e-6)
    assert submission.private_score == pytest.approx(baseline.private, abs=1e-6)
    scored(db, submission)  # idempotent
    assert submission.public_score == pytest.approx(baseline.public, abs=1e-6)


def test_a_rejected_file_stores_nothing_and_does_not_count(db: Session, candidate: User, tmp_path: Path) -> None:
    bad = predictions_file(tmp_path, header="id,probability")
    with pytest.raises(InvalidInput, match="header"):
        service.submit(db, user=candidate, slug=SLUG, predictions=bad)
    assert count(db) == 0
    assert not (catalogue.get_settings().data_dir / "takehome-uploads").exists()
    for _ in range(service.PRACTICE_DAILY_LIMIT):
        service.submit(db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path))
    with pytest.raises(Conflict, match="today"):
        service.submit(db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path))


def test_reports_and_code_must_be_what_they_claim(db: Session, candidate: User, tmp_path: Path) -> None:
    fake_pdf = tmp_path / "report.pdf"
    fake_pdf.write_bytes(b"not a pdf at all")
    with pytest.raises(InvalidInput, match="Markdown"):
        service.submit(
            db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path), report=Upload(fake_pdf, "r.pdf")
        )
    not_zip = tmp_path / "code.zip"
    not_zip.write_bytes(b"plain text")
    with pytest.raises(InvalidInput, match="zip"):
        service.submit(
            db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path), code=Upload(not_zip, "code.zip")
        )
    assert count(db) == 0


def test_an_assignment_from_public_board_to_private_board(
    db: Session, org: Organisation, manager: User, tmp_path: Path
) -> None:
    first, second = make_user(db, org, Role.CANDIDATE), make_user(db, org, Role.CANDIDATE)
    assignment = service.create_assignment(
        db, actor=manager, project=SLUG, opening="ML Engineer", deadline=utcnow() + timedelta(days=3), daily_limit=3
    )
    service.invite(db, actor=manager, assignment_id=assignment.id, user_ids=[first.id, second.id])
    reference = catalogue.get(SLUG).reference(catalogue.get(SLUG).generate())[
        catalogue.get(SLUG).spec.prediction_column
    ]
    rng = np.random.default_rng(1)
    good = scored(
        db,
        service.submit(db, user=first, slug=SLUG, predictions=predictions_file(tmp_path), assignment_id=assignment.id),
    )
    noisy = np.clip(reference + rng.normal(0, 0.4, len(reference)), 0, 1)
    worse = scored(
        db,
        service.submit(
            db, user=first, slug=SLUG, predictions=predictions_file(tmp_path, noisy), assignment_id=assignment.id
        ),
    )
    coin = rng.random(len(reference))
    scored(
        db,
        service.submit(
            db, user=second, slug=SLUG, predictions=predictions_file(tmp_path, coin), assignment_id=assignment.id
        ),
    )
    board, private = service.leaderboard(db, actor=manager, slug=SLUG, assignment=assignment)
    assert not private
    codes = {p.user_id: p.code for p in assignment.candidates}
    assert next(s.who for s in board if not s.is_baseline) == codes[first.id]  # the best public score leads
    assert any(s.is_baseline for s in board)
    assert first.name not in {s.who for s in board}  # anonymous codes, never names
    service.pick_final(db, user=first, submission_id=worse.id, final=True)
    with pytest.raises(NotFound):  # another candidate's submission is not even visible
        service.pick_final(db, user=second, submission_id=good.id, final=True)
    service.close_now(db, actor=manager, assignment_id=assignment.id)
    board, private = service.leaderboard(db, actor=first, slug=SLUG, assignment=assignment)
    mine = next(s for s in board if s.is_you)
    assert private
    assert mine.score == pytest.approx(worse.private_score)  # the chosen final counts, not the best public
    with pytest.raises(Conflict, match="deadline"):
        service.submit(db, user=first, slug=SLUG, predictions=predictions_file(tmp_path), assignment_id=assignment.id)
    with pytest.raises(Conflict, match="deadline"):
        service.pick_final(db, user=first, submission_id=good.id, final=True)


def test_only_invited_candidates_submit_and_at_most_two_finals(
    db: Session, org: Organisation, manager: User, candidate: User, tmp_path: Path
) -> None:
    assignment = service.create_assignment(
        db, actor=manager, project=SLUG, opening="Data Scientist", deadline=utcnow() + timedelta(days=1)
    )
    with pytest.raises(NotFound, match="no take-home assignment"):  # not invited: not even visible
        service.submit(
            db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path), assignment_id=assignment.id
        )
    service.invite(db, actor=manager, assignment_id=assignment.id, user_ids=[candidate.id])
    rows = [
        service.submit(
            db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path), assignment_id=assignment.id
        )
        for _ in range(3)
    ]
    service.pick_final(db, user=candidate, submission_id=rows[0].id, final=True)
    service.pick_final(db, user=candidate, submission_id=rows[1].id, final=True)
    with pytest.raises(Conflict, match="already chosen 2"):
        service.pick_final(db, user=candidate, submission_id=rows[2].id, final=True)
    with pytest.raises(Forbidden):
        service.create_assignment(db, actor=candidate, project=SLUG, opening="x", deadline=utcnow() + timedelta(days=1))


def test_reports_are_reviewed_with_the_rubric_anonymised(
    db: Session, org: Organisation, manager: User, candidate: User, tmp_path: Path
) -> None:
    interviewer = make_user(db, org, Role.INTERVIEWER)
    assignment = service.create_assignment(
        db, actor=manager, project=SLUG, opening="MLE", deadline=utcnow() + timedelta(days=1)
    )
    service.invite(db, actor=manager, assignment_id=assignment.id, user_ids=[candidate.id])
    report = tmp_path / "report.md"
    report.write_text("# Churn\n\nI validated with stratified folds.\n", encoding="utf-8")
    submission = service.submit(
        db, user=candidate, slug=SLUG, predictions=predictions_file(tmp_path), assignment_id=assignment.id,
        report=Upload(report, "report.md"),
    )  # fmt: skip
    label = service.author_label(db, actor=interviewer, submission=submission)
    assert label.startswith("Candidate C-")
    assert candidate.name not in label
    with pytest.raises(InvalidInput, match="every criterion"):
        service.review(db, actor=interviewer, submission_id=submission.id, scores={"problem_framing": 3})
    with pytest.raises(Forbidden):
        service.review(db, actor=candidate, submission_id=submission.id, scores=dict.fromkeys(CRITERIA, 3))
    saved = service.review(db, actor=interviewer, submission_id=submission.id, scores=dict.fromkeys(CRITERIA, 3))
    again = service.review(db, actor=interviewer, submission_id=submission.id, scores=dict.fromkeys(CRITERIA, 4))
    assert saved.id == again.id
    assert again.scores == dict.fromkeys(CRITERIA, 4)
