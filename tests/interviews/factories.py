"""A staffed opening with candidates, for the interview tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.interviews import candidates, openings, plans, scorecards
from mlinterview.interviews.models import Candidate, Opening, Recommendation, Scorecard, Stage, StageKind
from tests.factories import make_organisation, make_user


@dataclass
class Panel:
    organisation: Organisation
    manager: User
    first: User  # interviewer on the technical interview
    second: User  # interviewer on the technical interview too
    outsider: User  # an interviewer of the organisation on no stage
    opening: Opening
    technical: Stage
    alice: Candidate
    bob: Candidate


def make_panel(db: Session, name: str = "Acme Analytics") -> Panel:
    organisation = make_organisation(db, name)
    manager = make_user(db, organisation, Role.HIRING_MANAGER, name="Maya Manager")
    first = make_user(db, organisation, Role.INTERVIEWER, name="Ivan First")
    second = make_user(db, organisation, Role.INTERVIEWER, name="Iris Second")
    outsider = make_user(db, organisation, Role.INTERVIEWER, name="Otto Outsider")
    opening = openings.create(db, actor=manager, role="ml_engineer", level="mid")
    technical = next(s for s in opening.stages if s.kind is StageKind.TECHNICAL_INTERVIEW)
    plans.update_stage(db, actor=manager, stage_id=technical.id, interviewer_ids=[first.id, second.id])
    alice = candidates.add(db, actor=manager, opening_id=opening.id, name="Alice Able", email="alice@example.com")
    bob = candidates.add(db, actor=manager, opening_id=opening.id, name="Bob Baker", email="bob@example.com")
    for person in (alice, bob):
        candidates.move(db, actor=manager, candidate_id=person.id, stage_id=technical.id)
    db.flush()
    return Panel(organisation, manager, first, second, outsider, opening, technical, alice, bob)


def fill(db: Session, who: User, candidate: Candidate, stage: Stage, rating: int, *, submit: bool = True) -> Scorecard:
    card = scorecards.start(db, actor=who, candidate_id=candidate.id, stage_id=stage.id)
    items = scorecards.kit_items(db, card)
    notes = {item.id: scorecards.NoteInput(f"notes on question {n}", rating) for n, item in enumerate(items)}
    ratings = dict.fromkeys(stage.focus, rating)
    recommendation = Recommendation.YES if rating >= 3 else Recommendation.NO
    return scorecards.save(
        db, actor=who, scorecard_id=card.id, notes=notes, ratings=ratings, recommendation=recommendation,
        summary=f"{who.name}'s summary", submit=submit,
    )  # fmt: skip
