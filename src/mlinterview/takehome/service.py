"""Take-home submissions: validated before anything is stored, scored in the background, limited per day and
in total, two final picks, leaderboards, and rubric reviews of the written report.

Services flush; the request, job or command around them commits.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.permissions import MANAGERS, STAFF, require_role
from mlinterview.config import get_settings
from mlinterview.db import enqueue_job
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from mlinterview.kit.clock import as_utc, utcnow
from mlinterview.takehome import catalogue
from mlinterview.takehome.models import Assignment, Participant, ReportReview, ScoreStatus, TakehomeSubmission
from mlinterview.takehome.predictions import PredictionError, read_predictions
from mlinterview.takehome.reproduce import Reproduction, reproduce
from mlinterview.takehome.uploads import Upload

log = logging.getLogger(__name__)

PRACTICE_DAILY_LIMIT = 10
MAX_FINAL = 2
MAX_REPORT = 10 * 1024 * 1024
MAX_CODE = 20 * 1024 * 1024
CRITERIA = {
    "problem_framing": "Problem framing",
    "data_understanding": "Data understanding",
    "validation_strategy": "Validation strategy",
    "metric_choice": "Metric choice",
    "error_analysis": "Error analysis",
    "communication": "Communication of results",
}
LEVELS = {1: "Missing or wrong", 2: "Partial", 3: "Solid", 4: "Excellent"}


# --- assignments -----------------------------------------------------------------------------------------


def create_assignment(
    session: Session,
    *,
    actor: User,
    project: str,
    opening: str,
    deadline: datetime,
    daily_limit: int = 5,
    total_limit: int = 20,
    anonymise_reviews: bool = True,
) -> Assignment:
    require_role(actor, *MANAGERS)
    catalogue.get(project)
    if not opening.strip():
        raise InvalidInput("Name the opening this take-home is for, e.g. 'ML Engineer, Berlin'.")
    if as_utc(deadline) <= utcnow():
        raise InvalidInput("The deadline is in the past; choose a moment after now.")
    if not 1 <= daily_limit <= total_limit <= 500:
        raise InvalidInput("Limits must satisfy 1 <= per day <= in total <= 500.")
    assignment = Assignment(
        organisation_id=actor.organisation_id,
        project=project,
        opening=opening.strip()[:200],
        deadline=as_utc(deadline),
        daily_limit=daily_limit,
        total_limit=total_limit,
        anonymise_reviews=anonymise_reviews,
        created_by_id=actor.id,
    )
    session.add(assignment)
    session.flush()
    audit.record(session, actor=actor, action="takehome.create", summary=f"set take-home {project} for {opening}")
    return assignment


def invite(session: Session, *, actor: User, assignment_id: int, user_ids: Sequence[int]) -> list[Participant]:
    """Add candidates of the organisation; each gets an anonymous code for reviewers."""
    require_role(actor, *MANAGERS)
    assignment = get_assignment(session, actor=actor, assignment_id=assignment_id)
    present = {p.user_id for p in assignment.candidates}
    added = []
    for user_id in user_ids:
        person = session.get(User, user_id)
        if person is None or person.organisation_id != actor.organisation_id or person.role is not Role.CANDIDATE:
            raise InvalidInput(f"User {user_id} is not a candidate of your organisation.")
        if user_id in present:
            continue
        taken = {p.code for p in assignment.candidates}
        code = _code(taken)
        participant = Participant(user_id=user_id, code=code)
        assignment.candidates.append(participant)
        added.append(participant)
    session.flush()
    return added


def close_now(session: Session, *, actor: User, assignment_id: int) -> Assignment:
    """End the submission window at once (the private leaderboard appears)."""
    require_role(actor, *MANAGERS)
    assignment = get_assignment(session, actor=actor, assignment_id=assignment_id)
    assignment.deadline = min(as_utc(assignment.deadline), utcnow())
    audit.record(session, actor=actor, action="takehome.close", summary=f"closed take-home {assignment.opening}")
    session.flush()
    return assignment


def get_assignment(session: Session, *, actor: User, assignment_id: int) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    visible = assignment is not None and assignment.organisation_id == actor.organisation_id
    if visible and assignment is not None and not actor.role.is_staff:
        visible = any(p.user_id == actor.id for p in assignment.candidates)
    if not visible or assignment is None:
        raise NotFound(f"There is no take-home assignment {assignment_id} that you can see.")
    return assignment


def list_assignments(session: Session, *, actor: User) -> Sequence[Assignment]:
    query = select(Assignment).where(Assignment.organisation_id == actor.organisation_id)
    if not actor.role.is_staff:
        query = query.join(Participant).where(Participant.user_id == actor.id)
    return session.scalars(query.order_by(Assignment.deadline.desc())).all()


def is_open(assignment: Assignment) -> bool:
    return utcnow() < as_utc(assignment.deadline)


def _code(taken: set[str]) -> str:
    while True:
        code = "C-" + secrets.token_hex(2).upper()
        if code not in taken:
            return code


# --- submissions -----------------------------------------------------------------------------------------


def submit(
    session: Session,
    *,
    user: User,
    slug: str,
    predictions: Upload,
    assignment_id: int | None = None,
    code: Upload | None = None,
    report: Upload | None = None,
    note: str = "",
) -> TakehomeSubmission:
    """Validate everything first: a rejected upload stores nothing and does not count against a limit."""
    project = catalogue.get(slug)
    assignment = _open_assignment(session, user, assignment_id, slug) if assignment_id is not None else None
    _check_limits(session, user, slug, assignment)
    try:
        score = catalogue.score_file(project, predictions.path)
    except PredictionError as error:
        raise InvalidInput(f"{predictions.name}: {error}") from None
    report_format = _check_report(report) if report else None
    if code:
        _check_code(code)
    relative = Path("takehome-uploads") / uuid.uuid4().hex  # stored relative: the data folder may move
    folder = get_settings().data_dir / relative
    folder.mkdir(parents=True)
    stored = folder / ("predictions.csv.gz" if _gzipped(predictions.path) else "predictions.csv")
    shutil.copyfile(predictions.path, stored)
    submission = TakehomeSubmission(
        user_id=user.id,
        organisation_id=user.organisation_id,
        project=slug,
        project_version=project.version,
        assignment_id=assignment.id if assignment else None,
        predictions_file=str(relative / stored.name),
        rows=score.rows,
        note=note.strip()[:2000],
    )
    if code:
        target = folder / ("code.ipynb" if code.name.lower().endswith(".ipynb") else "code.zip")
        shutil.copyfile(code.path, target)
        submission.code_file = str(relative / target.name)
    if report and report_format:
        target = folder / f"report.{report_format}"
        shutil.copyfile(report.path, target)
        submission.report_file, submission.report_format = str(relative / target.name), report_format
    session.add(submission)
    session.flush()
    enqueue_job(session, "takehome.score_submission", submission_id=submission.id)
    if submission.code_file:
        enqueue_job(session, "takehome.check_reproducibility", submission_id=submission.id)
    return submission


def score(session: Session, *, submission_id: int) -> None:
    """Score against the hidden labels. Idempotent: a scored submission is left alone."""
    submission = session.get(TakehomeSubmission, submission_id, with_for_update=True)
    if submission is None or submission.status is not ScoreStatus.PENDING:
        return
    try:
        result = catalogue.score_file(catalogue.get(submission.project), stored_path(submission.predictions_file))
    except (PredictionError, NotFound, OSError) as error:
        submission.status, submission.problem = ScoreStatus.FAILED, str(error)
        return
    submission.public_score, submission.private_score = result.public, result.private
    submission.status, submission.scored_at = ScoreStatus.SCORED, utcnow()


def check_reproducibility(session: Session, *, submission_id: int) -> None:
    """Re-run the uploaded code in the sandbox and record whether it gives the uploaded predictions (once)."""
    submission = session.get(TakehomeSubmission, submission_id, with_for_update=True)
    if submission is None or submission.code_file is None or submission.reproduction is not None:
        return
    project = catalogue.get(submission.project)
    expected = catalogue.answers(project).expected
    try:
        uploaded = read_predictions(stored_path(submission.predictions_file), expected)
    except (PredictionError, OSError) as error:  # the project changed since, or the file is gone
        submission.reproduction = Reproduction("skipped", f"The uploaded predictions cannot be read: {error}").as_json()
        return
    result = reproduce(catalogue.files(project), stored_path(submission.code_file), uploaded, expected)
    submission.reproduction = result.as_json()


def stored_path(relative: str) -> Path:
    """Where an uploaded file of a submission lies now."""
    return get_settings().data_dir / relative


def pick_final(session: Session, *, user: User, submission_id: int, final: bool) -> TakehomeSubmission:
    """Choose (or unchoose) a submission for the private leaderboard: at most two, before the deadline."""
    submission = get_submission(session, actor=user, submission_id=submission_id)
    if submission.user_id != user.id:
        raise Forbidden("Only the person who submitted can choose their final submissions.")
    if submission.assignment_id is not None:
        assignment = session.get_one(Assignment, submission.assignment_id)
        if not is_open(assignment):
            raise Conflict("The deadline has passed; final submissions can no longer change.")
    if final and not submission.final:
        chosen = session.scalar(
            select(func.count()).where(
                TakehomeSubmission.user_id == user.id,
                TakehomeSubmission.project == submission.project,
                _board(submission.assignment_id),
                TakehomeSubmission.final.is_(True),
            )
        )
        if (chosen or 0) >= MAX_FINAL:
            raise Conflict(f"You have already chosen {MAX_FINAL} final submissions; unchoose one first.")
    submission.final = final
    session.flush()
    return submission


def get_submission(session: Session, *, actor: User, submission_id: int) -> TakehomeSubmission:
    submission = session.get(TakehomeSubmission, submission_id)
    visible = submission is not None and (
        submission.user_id == actor.id or (actor.role.is_staff and submission.organisation_id == actor.organisation_id)
    )
    if not visible or submission is None:
        raise NotFound(f"There is no take-home submission {submission_id} that you can see.")
    return submission


def list_own(
    session: Session, *, user: User, slug: str, assignment_id: int | None = None
) -> Sequence[TakehomeSubmission]:
    query = select(TakehomeSubmission).where(TakehomeSubmission.user_id == user.id, TakehomeSubmission.project == slug)
    query = query.where(_board(assignment_id))
    return session.scalars(query.order_by(TakehomeSubmission.id.desc())).all()


def _board(assignment_id: int | None) -> ColumnElement[bool]:
    """Submissions that compete with each other: one assignment's, or practice (no assignment)."""
    if assignment_id is None:
        return TakehomeSubmission.assignment_id.is_(None)
    return TakehomeSubmission.assignment_id == assignment_id


def _open_assignment(session: Session, user: User, assignment_id: int, slug: str) -> Assignment:
    assignment = get_assignment(session, actor=user, assignment_id=assignment_id)
    if not any(p.user_id == user.id for p in assignment.candidates):
        raise Forbidden("Only candidates invited to this take-home can submit to it.")
    if assignment.project != slug:
        raise InvalidInput(f"This assignment is the project `{assignment.project}`, not `{slug}`.")
    if not is_open(assignment):
        raise Conflict("The deadline has passed; this take-home no longer accepts submissions.")
    return assignment


def _check_limits(session: Session, user: User, slug: str, assignment: Assignment | None) -> None:
    mine = select(func.count()).where(TakehomeSubmission.user_id == user.id, TakehomeSubmission.project == slug)
    mine = mine.where(_board(assignment.id if assignment else None))
    daily, total = (assignment.daily_limit, assignment.total_limit) if assignment else (PRACTICE_DAILY_LIMIT, None)
    day_start = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    today = session.scalar(mine.where(TakehomeSubmission.created_at >= day_start)) or 0
    if today >= daily:
        tomorrow = (day_start + timedelta(days=1)).strftime("%H:%M UTC")
        raise Conflict(f"You have used today's {daily} submissions; the count starts again at {tomorrow}.")
    if total is not None and (session.scalar(mine) or 0) >= total:
        raise Conflict(f"You have used all {total} submissions of this take-home.")


def _gzipped(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _check_report(report: Upload) -> str:
    size = report.path.stat().st_size
    if size == 0:
        raise InvalidInput(f"{report.name}: the report is empty.")
    if size > MAX_REPORT:
        raise InvalidInput(f"{report.name}: reports are limited to {MAX_REPORT // 2**20} MB.")
    head = report.path.read_bytes()[:5]
    if head == b"%PDF-":
        return "pdf"
    if report.name.lower().endswith((".md", ".markdown", ".txt")):
        try:
            report.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"{report.name}: save the report as UTF-8 text.") from None
        return "md"
    raise InvalidInput(f"{report.name}: upload the report as Markdown (.md) or PDF.")


def _check_code(code: Upload) -> None:
    size = code.path.stat().st_size
    if size > MAX_CODE:
        raise InvalidInput(f"{code.name}: code uploads are limited to {MAX_CODE // 2**20} MB.")
    if code.name.lower().endswith(".ipynb"):
        return
    if not zipfile.is_zipfile(code.path):
        raise InvalidInput(f"{code.name}: upload code as a .zip archive or a Jupyter notebook (.ipynb).")


# --- leaderboards and reviews ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    rank: int
    who: str  # a name, an anonymous code, or "Baseline"
    score: float | None
    submissions: int
    is_baseline: bool = False
    is_you: bool = False


def leaderboard(
    session: Session, *, actor: User, slug: str, assignment: Assignment | None = None
) -> tuple[list[Standing], bool]:
    """Each person's standing and whether it is the private board (after the deadline; practice: never)."""
    project = catalogue.get(slug)
    metric = catalogue.answers(project).metric
    private = assignment is not None and not is_open(assignment)
    query = select(TakehomeSubmission).where(
        TakehomeSubmission.project == slug, TakehomeSubmission.status == ScoreStatus.SCORED
    )
    if assignment is None:  # practice: the organisation's people, each anonymous to the others
        query = query.where(
            TakehomeSubmission.assignment_id.is_(None), TakehomeSubmission.organisation_id == actor.organisation_id
        )
    else:
        query = query.where(TakehomeSubmission.assignment_id == assignment.id)
    by_person: dict[int, list[TakehomeSubmission]] = {}
    for row in session.scalars(query):
        by_person.setdefault(row.user_id, []).append(row)
    codes = {p.user_id: p.code for p in assignment.candidates} if assignment else {}
    standings = []
    for number, (user_id, rows) in enumerate(sorted(by_person.items()), 1):
        who = codes.get(user_id, f"Person {number}")
        if user_id == actor.id:
            who = f"You ({who})" if assignment else "You"
        best = _board_score(rows, private, metric.greater_is_better)
        standings.append(Standing(0, who, best, len(rows), is_you=user_id == actor.id))
    baseline = project.spec.baseline.private if private else project.spec.baseline.public
    standings.append(Standing(0, "Baseline (reference solution)", baseline, 0, is_baseline=True))
    sign = -1 if metric.greater_is_better else 1
    standings.sort(key=lambda s: (s.score is None, sign * (s.score or 0.0)))
    ranked = [Standing(i + 1, s.who, s.score, s.submissions, s.is_baseline, s.is_you) for i, s in enumerate(standings)]
    return ranked, private


def _board_score(rows: list[TakehomeSubmission], private: bool, greater: bool) -> float | None:
    def key(row: TakehomeSubmission) -> float:
        value = row.public_score if row.public_score is not None else float("nan")
        return value if greater else -value

    if not private:
        scores = [r.public_score for r in rows if r.public_score is not None]
        return (max(scores) if greater else min(scores)) if scores else None
    finals = [r for r in rows if r.final] or sorted(rows, key=key, reverse=True)[:1]  # default: best public
    scores = [r.private_score for r in finals if r.private_score is not None]
    return (max(scores) if greater else min(scores)) if scores else None


def review(
    session: Session, *, actor: User, submission_id: int, scores: dict[str, int], notes: str = ""
) -> ReportReview:
    require_role(actor, *STAFF)
    submission = get_submission(session, actor=actor, submission_id=submission_id)
    if submission.report_file is None:
        raise Conflict("This submission has no written report to review.")
    if set(scores) != set(CRITERIA) or not all(value in LEVELS for value in scores.values()):
        raise InvalidInput(f"Score every criterion from 1 to 4: {', '.join(CRITERIA.values())}.")
    existing = session.scalar(
        select(ReportReview).where(ReportReview.submission_id == submission.id, ReportReview.reviewer_id == actor.id)
    )
    row = existing or ReportReview(submission_id=submission.id, reviewer_id=actor.id, scores={})
    row.scores, row.notes = dict(scores), notes.strip()[:5000]
    session.add(row)
    session.flush()
    return row


def reviews(session: Session, *, submission: TakehomeSubmission) -> Sequence[ReportReview]:
    return session.scalars(select(ReportReview).where(ReportReview.submission_id == submission.id)).all()


def author_label(session: Session, *, actor: User, submission: TakehomeSubmission) -> str:
    """Who a reviewer sees: the anonymous code where the assignment anonymises reviews, else the name."""
    if submission.assignment_id is not None:
        assignment = session.get_one(Assignment, submission.assignment_id)
        participant = next((p for p in assignment.candidates if p.user_id == submission.user_id), None)
        if assignment.anonymise_reviews and participant and actor.id != submission.user_id:
            return f"Candidate {participant.code}"
    return session.get_one(User, submission.user_id).name
