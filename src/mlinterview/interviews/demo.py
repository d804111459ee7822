"""A demo opening for the embedded default, so a first run shows the structured interview with real data:
an ML Engineer opening with its plan and kits, both demo interviewers on the technical interview, four
candidates scored there (with one disagreement), and the demo candidate invited to the screening."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.interviews import candidates, openings, plans, scorecards
from mlinterview.interviews.models import Recommendation, Stage, StageKind

TITLE = "ML Engineer, Recommendations (demo)"
# name, email, the first interviewer's rating, the second's
SCORED = [
    ("Priya Raman", "priya@demo-candidates.example.com", 4, 3),
    ("Tomás Ortega", "tomas@demo-candidates.example.com", 3, 3),
    ("Lena Fischer", "lena@demo-candidates.example.com", 2, 4),
    ("Kwame Mensah", "kwame@demo-candidates.example.com", 2, 2),
]


def seed(session: Session, organisation: Organisation) -> None:
    people = {u.role: u for u in session.scalars(select(User).where(User.organisation_id == organisation.id))}
    manager = people[Role.HIRING_MANAGER]
    query = select(User).where(User.organisation_id == organisation.id, User.role == Role.INTERVIEWER)
    panel = list(session.scalars(query.order_by(User.id)))
    opening = openings.create(session, actor=manager, role="ml_engineer", level="mid", title=TITLE)
    technical = next(s for s in opening.stages if s.kind is StageKind.TECHNICAL_INTERVIEW)
    plans.update_stage(session, actor=manager, stage_id=technical.id, interviewer_ids=[u.id for u in panel])
    for name, email, *ratings in SCORED:
        person = candidates.add(session, actor=manager, opening_id=opening.id, name=name, email=email)
        candidates.move(session, actor=manager, candidate_id=person.id, stage_id=technical.id)
        for interviewer, rating in zip(panel, ratings, strict=False):
            _score(session, interviewer, person.id, technical, rating)
    if Role.CANDIDATE in people:
        own = people[Role.CANDIDATE]
        mine = candidates.add(session, actor=manager, opening_id=opening.id, name=own.name, email=own.email)
        mine.user_id = own.id


def _score(session: Session, interviewer: User, candidate_id: int, stage: Stage, rating: int) -> None:
    card = scorecards.start(session, actor=interviewer, candidate_id=candidate_id, stage_id=stage.id)
    notes = {
        item.id: scorecards.NoteInput("Covered the main points; see the summary.", rating)
        for item in scorecards.kit_items(session, card)
    }
    scorecards.save(
        session, actor=interviewer, scorecard_id=card.id, notes=notes, ratings=dict.fromkeys(stage.focus, rating),
        recommendation=list(Recommendation)[rating - 1],
        summary=f"Rated {rating} of 4 on this stage's focus competencies.", submit=True,
    )  # fmt: skip
