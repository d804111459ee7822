"""Calibration and fairness figures of an organisation, read from its scorecards, overrides and pipelines;
the statistics themselves are in ``calibration`` (pure), the pictures in ``charts``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.permissions import MANAGERS, require_role
from mlinterview.interviews import calibration
from mlinterview.interviews.candidates import SELF_REPORTED
from mlinterview.interviews.models import (
    Candidate,
    CandidateStatus,
    CompetencyRating,
    GraderCalibration,
    Opening,
    PipelineEvent,
    QuestionNote,
    Scorecard,
)

MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class Outcomes:
    opening: Opening
    stages: list[calibration.StagePass]
    impact: dict[str, calibration.AdverseImpact]  # per voluntarily reported attribute


def ratings(session: Session, organisation_id: int) -> list[calibration.Rating]:
    query = (
        select(Scorecard, CompetencyRating)
        .join(CompetencyRating, CompetencyRating.scorecard_id == Scorecard.id)
        .join(Candidate, Candidate.id == Scorecard.candidate_id)
        .where(Candidate.organisation_id == organisation_id, Scorecard.submitted_at.is_not(None))
    )
    return [
        calibration.Rating(card.interviewer_id, card.candidate_id, card.stage_id, r.competency, r.rating, r.in_focus)
        for card, r in session.execute(query)
    ]


def overrides(session: Session, organisation_id: int) -> list[calibration.Override]:
    query = (
        select(QuestionNote)
        .join(Scorecard, Scorecard.id == QuestionNote.scorecard_id)
        .join(Candidate, Candidate.id == Scorecard.candidate_id)
        .where(Candidate.organisation_id == organisation_id, QuestionNote.override_score.is_not(None))
    )
    return [
        calibration.Override(n.automatic_score, n.override_score)
        for n in session.scalars(query)
        if n.automatic_score is not None and n.override_score is not None
    ]


def interviewers(
    session: Session, *, actor: User
) -> tuple[list[tuple[User, calibration.InterviewerStats]], float | None]:
    require_role(actor, *MANAGERS)
    rows = ratings(session, actor.organisation_id)
    people = {u.id: u for u in session.scalars(select(User).where(User.organisation_id == actor.organisation_id))}
    stats = [(people[s.interviewer_id], s) for s in calibration.interviewer_stats(rows) if s.interviewer_id in people]
    return stats, calibration.panel_agreement(rows)


def grader(session: Session, *, actor: User) -> tuple[list[calibration.Override], GraderCalibration | None]:
    require_role(actor, *MANAGERS)
    return overrides(session, actor.organisation_id), latest_calibration(session, actor.organisation_id)


def latest_calibration(session: Session, organisation_id: int) -> GraderCalibration | None:
    query = select(GraderCalibration).where(GraderCalibration.organisation_id == organisation_id)
    return session.scalar(query.order_by(GraderCalibration.id.desc()).limit(1))


def calibrate(session: Session, *, organisation: Organisation) -> GraderCalibration:
    """Refit the score mapping on the organisation's overrides and store it (``mlinterview grading calibrate``)."""
    fitted = calibration.fit_score_map(overrides(session, organisation.id))  # raises with what to do
    row = GraderCalibration(
        organisation_id=organisation.id, points=[list(p) for p in fitted.points], examples=fitted.examples,
        mae_before=fitted.mae_before, mae_after=fitted.mae_after, cross_validated=fitted.cross_validated,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row


def score_map(session: Session, organisation_id: int) -> Callable[[float | None], float | None]:
    """The organisation's latest calibrated map from automatic scores (None where it has none), read once."""
    row = latest_calibration(session, organisation_id)
    points = [(a, b) for a, b in row.points] if row else None
    return lambda score: None if score is None or points is None else calibration.apply_score_map(points, score)


def outcomes(session: Session, *, actor: User) -> list[Outcomes]:
    """Per opening: how far candidates got, and adverse-impact ratios over voluntarily reported groups."""
    require_role(actor, *MANAGERS)
    query = select(Opening).where(Opening.organisation_id == actor.organisation_id)
    if actor.role is not Role.ADMIN:
        query = query.where(Opening.owner_id == actor.id)
    return [_outcomes(session, opening) for opening in session.scalars(query.order_by(Opening.id))]


def _outcomes(session: Session, opening: Opening) -> Outcomes:
    people = list(session.scalars(select(Candidate).where(Candidate.opening_id == opening.id)))
    positions = {s.id: s.position for s in opening.stages}
    reached = _stages_reached(session, opening)
    furthest = [
        max((positions[s] for s in reached.get(c.id, set()) | {c.stage_id} if s in positions), default=0)
        for c in people
    ]
    stages = calibration.pass_rates([s.name for s in opening.stages], furthest)
    last = len(opening.stages) - 1
    # Selected: reached the final stage (or was hired), the step where selection rates are large enough to compare.
    selected = {c.id for c, at in zip(people, furthest, strict=True) if c.status is CandidateStatus.HIRED or at >= last}
    impact = {
        attribute: calibration.adverse_impact(
            {c.id: c.self_reported.get(attribute) for c in people}, selected, min_group_size=MIN_GROUP_SIZE
        )
        for attribute in SELF_REPORTED
    }
    return Outcomes(opening, stages, impact)


def _stages_reached(session: Session, opening: Opening) -> dict[int, set[int | None]]:
    """Every stage each candidate of the opening was moved to, from the pipeline's history (one query)."""
    query = (
        select(PipelineEvent.candidate_id, PipelineEvent.to_stage_id)
        .join(Candidate, Candidate.id == PipelineEvent.candidate_id)
        .where(Candidate.opening_id == opening.id, PipelineEvent.to_stage_id.is_not(None))
    )
    reached: dict[int, set[int | None]] = {}
    for candidate_id, stage_id in session.execute(query):
        reached.setdefault(candidate_id, set()).add(stage_id)
    return reached
