"""The candidate's feedback report: drafted from the competency ratings and the scorecards' question ratings,
edited by the hiring manager, then released (once) for the candidate to read on the web or as a PDF.

The draft names competencies, never interviewers, and quotes no notes: notes are written for the panel."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import User
from mlinterview.content.models import Competency, Question
from mlinterview.content.repository import visible_to
from mlinterview.errors import Conflict, InvalidInput, NotFound
from mlinterview.interviews import access, review
from mlinterview.interviews.models import Candidate, FeedbackReport
from mlinterview.kit.clock import utcnow

MAX_BODY = 50_000
STUDY_PER_AREA = 3


def get(session: Session, candidate: Candidate) -> FeedbackReport | None:
    return session.scalar(select(FeedbackReport).where(FeedbackReport.candidate_id == candidate.id))


def draft(session: Session, *, actor: User, candidate_id: int) -> FeedbackReport:
    """(Re)draft the report from the final review; refused once it has been released."""
    result = review.final_review(session, actor=actor, candidate_id=candidate_id)
    report = get(session, result.candidate)
    if report is not None and report.released_at is not None:
        raise Conflict("This feedback was already released to the candidate; it can no longer be redrafted.")
    body = compose(session, result)
    if report is None:
        report = FeedbackReport(candidate_id=result.candidate.id, body=body)
        session.add(report)
    else:
        report.body, report.updated_at = body, utcnow()
    session.flush()
    return report


def compose(session: Session, result: review.Review) -> str:
    names = {c.key: c for c in session.scalars(select(Competency))}
    rated = [r for r in result.competencies if r.mean is not None]
    strengths = sorted((r for r in rated if (r.mean or 0) >= 3), key=lambda r: -(r.mean or 0))
    growth = sorted((r for r in rated if (r.mean or 0) < 2.75), key=lambda r: r.mean or 0)
    opening = result.candidate.opening
    lines = [
        f"# Your interview feedback: {opening.title}",
        "",
        f"Thank you for the time you gave to our interviews, {result.candidate.name.split()[0]}. Every "
        "candidate for this role answered the same questions and was rated against the same description "
        "of each skill, from 1 (limited) to 4 (expert). Here is what the panel saw.",
        "",
        "## Strengths",
        "",
    ]
    lines += [f"- **{names[r.key].name}**: {_level(names[r.key], r.mean)}" for r in strengths if r.key in names] or [
        "- The panel did not rate any skill as clearly strong this time; the areas below are where to start."
    ]
    lines += ["", "## Areas to grow", ""]
    lines += [f"- **{names[r.key].name}**: {_next_level(names[r.key], r.mean)}" for r in growth if r.key in names] or [
        "- No skill was rated below the level the role expects."
    ]
    lines += ["", "## What to study", ""]
    lines += _study(session, result.candidate, [r.key for r in growth] or [r.key for r in rated[-2:]], names)
    lines += ["", "We hope this helps with your next steps, whatever they are."]
    return "\n".join(lines)


def _level(competency: Competency, mean: float | None) -> str:
    anchor = _anchor(competency, mean)
    return f"rated {mean:.1f} of 4. {anchor['description']}" if mean is not None else ""


def _next_level(competency: Competency, mean: float | None) -> str:
    level = min(4, int(mean or 1) + 1)
    anchor = next(a for a in competency.levels if a["level"] == level)
    return f"rated {mean:.1f} of 4. The next level ({anchor['label'].lower()}) looks like this: {anchor['description']}"


def _anchor(competency: Competency, mean: float | None) -> dict[str, object]:
    level = max(1, min(4, round(mean or 1)))
    return next(a for a in competency.levels if a["level"] == level)


def _study(session: Session, candidate: Candidate, keys: list[str], names: dict[str, Competency]) -> list[str]:
    """Bank questions for each area to grow, each question once even when it covers several of them."""
    lines: list[str] = []
    seen: set[int] = set()
    opening = candidate.opening
    for key in keys:
        query = (
            select(Question)
            .where(visible_to(opening.organisation_id), Question.competencies.contains(f" {key} "))
            .where(Question.roles.contains(f" {opening.role} "), Question.id.not_in(seen or {0}))
            .order_by(Question.difficulty, Question.id)
            .limit(STUDY_PER_AREA)
        )
        for question in session.scalars(query):
            seen.add(question.id)
            lines.append(f"- [{question.prompt}](/questions/{question.slug}) ({names[key].name})")
    return lines or ["- The question bank's practice pages cover every skill of this role."]


def update(session: Session, *, actor: User, candidate_id: int, body: str) -> FeedbackReport:
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    report = get(session, candidate)
    if report is None:
        raise NotFound("Draft the feedback first; then edit it.")
    if report.released_at is not None:
        raise Conflict("This feedback was already released; the candidate has read it as it is.")
    if not body.strip() or len(body) > MAX_BODY:
        raise InvalidInput(f"Feedback needs some text and at most {MAX_BODY:,} characters.")
    report.body, report.updated_at = body.strip(), utcnow()
    return report


def release(session: Session, *, actor: User, candidate_id: int) -> FeedbackReport:
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    report = get(session, candidate)
    if report is None:
        raise NotFound("Draft and review the feedback before releasing it.")
    if report.released_at is None:
        report.released_at, report.released_by_id = utcnow(), actor.id
        audit.record(
            session, actor=actor, action="feedback.release",
            summary=f"Released feedback to {candidate.name}", candidate_id=candidate.id,
        )  # fmt: skip
    return report


def for_candidate(session: Session, *, user: User, candidate_id: int) -> FeedbackReport:
    """The released report of the signed-in candidate's own candidacy."""
    candidate = access.candidate(session, user, candidate_id)
    report = get(session, candidate)
    if candidate.user_id != user.id or report is None or report.released_at is None:
        raise NotFound("Your feedback report has not been released yet; you will see it here once it is.")
    return report
