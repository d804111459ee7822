"""Who may see and change what in an opening. Another organisation's rows are "not found", never "forbidden",
so ids do not reveal that something exists.

- Admins manage every opening of their organisation; a hiring manager manages the openings they own.
- An interviewer sees an opening and its kits through the stages assigned to them, and a candidate only once
  the candidate is, or has been, at one of those stages.
- A candidate sees only their own candidacy (see ``candidates.mine``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role, User
from mlinterview.errors import Forbidden, NotFound
from mlinterview.interviews.models import Candidate, Opening, PipelineEvent, Stage, StageInterviewer


def manages(user: User, opening: Opening) -> bool:
    if user.organisation_id != opening.organisation_id:
        return False
    return user.role is Role.ADMIN or (user.role is Role.HIRING_MANAGER and opening.owner_id == user.id)


def assigned_stages(session: Session, user: User, opening: Opening) -> set[int]:
    query = (
        select(Stage.id)
        .join(StageInterviewer, StageInterviewer.stage_id == Stage.id)
        .where(Stage.opening_id == opening.id, StageInterviewer.user_id == user.id)
    )
    return set(session.scalars(query))


def visible_openings(session: Session, user: User) -> list[Opening]:
    query = select(Opening).where(Opening.organisation_id == user.organisation_id)
    if user.role is Role.CANDIDATE:
        return []
    if user.role is not Role.ADMIN:
        assigned = (
            select(Stage.opening_id)
            .join(StageInterviewer, StageInterviewer.stage_id == Stage.id)
            .where(StageInterviewer.user_id == user.id)
        )
        query = query.where((Opening.owner_id == user.id) | Opening.id.in_(assigned))
    return list(session.scalars(query.order_by(Opening.created_at.desc(), Opening.id.desc())))


def opening(session: Session, user: User, opening_id: int, *, manage: bool = False) -> Opening:
    """The opening, if ``user`` may see it (or, with ``manage``, change it)."""
    found = session.get(Opening, opening_id)
    if found is None or found.organisation_id != user.organisation_id or user.role is Role.CANDIDATE:
        raise NotFound(f"There is no opening {opening_id}. The openings page lists the ones you can see.")
    if manages(user, found):
        return found
    if manage:
        raise Forbidden("Only the opening's hiring manager or an administrator can change it.")
    if not assigned_stages(session, user, found):
        raise Forbidden("You are not on this opening's interview panel. Ask its hiring manager to assign you.")
    return found


def stage(session: Session, user: User, stage_id: int, *, manage: bool = False) -> Stage:
    found = session.get(Stage, stage_id)
    if found is None:
        raise NotFound(f"There is no interview stage {stage_id}.")
    owner = opening(session, user, found.opening_id, manage=manage)
    if not manage and not manages(user, owner) and found.id not in assigned_stages(session, user, owner):
        raise Forbidden(f"You are not assigned to the stage “{found.name}”. Its hiring manager assigns interviewers.")
    return found


def candidate(session: Session, user: User, candidate_id: int, *, manage: bool = False) -> Candidate:
    """A candidate record: for staff through its opening; for a candidate, only their own."""
    found = session.get(Candidate, candidate_id)
    missing = NotFound(f"There is no candidate {candidate_id}. The opening's page lists its candidates.")
    if found is None or found.organisation_id != user.organisation_id:
        raise missing
    if user.role is Role.CANDIDATE:
        if found.user_id != user.id or manage:
            raise missing
        return found
    owner = opening(session, user, found.opening_id, manage=manage)
    if not manages(user, owner) and not reached(session, found, assigned_stages(session, user, owner)):
        raise Forbidden("This candidate has not reached a stage you interview for; the hiring manager can move them.")
    return found


def reached(session: Session, found: Candidate, stage_ids: set[int]) -> bool:
    """Whether the candidate is, or has been, at one of these stages."""
    if found.stage_id in stage_ids:
        return True
    query = select(PipelineEvent.id).where(
        PipelineEvent.candidate_id == found.id, PipelineEvent.to_stage_id.in_(stage_ids)
    )
    return session.scalar(query.limit(1)) is not None


def require_manager(user: User, found: Opening) -> None:
    if not manages(user, found):
        raise Forbidden("Only the opening's hiring manager or an administrator can do this.")
