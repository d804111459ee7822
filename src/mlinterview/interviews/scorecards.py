"""Scorecards: one interviewer's notes and anchored ratings for one candidate at one stage.

Independence: an interviewer sees no other scorecard of a candidate until they have submitted their own for
that candidate, and a draft is never shown to anyone else. Managers of the opening see every submitted one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import User
from mlinterview.answers import service as answers
from mlinterview.answers.models import Answer, AnswerStatus
from mlinterview.content.models import Question
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from mlinterview.interviews import access, plans
from mlinterview.interviews.models import (
    Candidate,
    CandidateStatus,
    CompetencyRating,
    KitItem,
    QuestionNote,
    Recommendation,
    Scorecard,
    ScreeningAnswer,
    Stage,
    StageInterviewer,
    StageKind,
)
from mlinterview.kit.clock import utcnow

RATINGS = (1, 2, 3, 4)
MAX_NOTES = 20_000


@dataclass(frozen=True)
class NoteInput:
    notes: str = ""
    rating: int | None = None


def start(session: Session, *, actor: User, candidate_id: int, stage_id: int) -> Scorecard:
    """The actor's scorecard for this candidate and stage, created (as a draft, on the current kit) if new."""
    candidate = access.candidate(session, actor, candidate_id)
    stage = _assigned_stage(session, actor, candidate, stage_id)
    found = session.scalar(
        select(Scorecard).where(
            Scorecard.candidate_id == candidate.id, Scorecard.stage_id == stage.id, Scorecard.interviewer_id == actor.id
        )
    )
    if found is not None:
        return found
    kit = plans.current_kit(stage)
    scorecard = Scorecard(
        candidate_id=candidate.id, stage_id=stage.id, interviewer_id=actor.id, kit_id=kit.id if kit else None
    )
    session.add(scorecard)
    session.flush()
    return scorecard


def _assigned_stage(session: Session, actor: User, candidate: Candidate, stage_id: int) -> Stage:
    stage = next((s for s in candidate.opening.stages if s.id == stage_id), None)
    if stage is None:
        raise NotFound("That stage is not part of this candidate's opening.")
    if actor.id not in plans.interviewer_ids(stage):
        raise Forbidden(f"You are not an interviewer of “{stage.name}”; only its assigned interviewers score it.")
    if not access.reached(session, candidate, {stage.id}):
        raise Conflict(f"The candidate has not reached “{stage.name}” yet; score them once they are at that stage.")
    return stage


def own(session: Session, *, actor: User, scorecard_id: int) -> Scorecard:
    scorecard = session.get(Scorecard, scorecard_id)
    if scorecard is None or scorecard.interviewer_id != actor.id:
        raise NotFound(f"You have no scorecard {scorecard_id}.")
    return scorecard


def save(
    session: Session,
    *,
    actor: User,
    scorecard_id: int,
    notes: Mapping[int, NoteInput],
    ratings: Mapping[str, int],
    recommendation: Recommendation | None,
    summary: str,
    submit: bool = False,
) -> Scorecard:
    """Save the draft; with ``submit`` also check it is complete and make it final."""
    scorecard = own(session, actor=actor, scorecard_id=scorecard_id)
    if scorecard.submitted_at is not None:
        raise Conflict("This scorecard was submitted and is final. Add anything new as a comment on the final review.")
    stage = session.get_one(Stage, scorecard.stage_id)
    _save_notes(session, scorecard, notes)
    _save_ratings(scorecard, stage, ratings)
    if len(summary) > MAX_NOTES:
        raise InvalidInput(f"Keep the summary under {MAX_NOTES:,} characters.")
    scorecard.recommendation, scorecard.summary = recommendation, summary.strip()
    if submit:
        _check_complete(scorecard, stage)
        scorecard.submitted_at = utcnow()
        audit.record(session, actor=actor, action="scorecard.submit", summary=f"Submitted a scorecard for {stage.name}")
    session.flush()
    return scorecard


def _save_notes(session: Session, scorecard: Scorecard, notes: Mapping[int, NoteInput]) -> None:
    items = {i.id for i in kit_items(session, scorecard)}
    existing = {n.kit_item_id: n for n in scorecard.notes}
    for item_id, given in notes.items():
        if item_id not in items:
            raise InvalidInput("A note refers to a question that is not in this scorecard's kit; reload the page.")
        if given.rating is not None and given.rating not in RATINGS:
            raise InvalidInput("Rate each question from 1 to 4.")
        if len(given.notes) > MAX_NOTES:
            raise InvalidInput(f"Keep notes under {MAX_NOTES:,} characters per question.")
        note = existing.get(item_id) or QuestionNote(kit_item_id=item_id)
        note.notes, note.rating = given.notes.strip(), given.rating
        if item_id not in existing:
            scorecard.notes.append(note)


def _save_ratings(scorecard: Scorecard, stage: Stage, ratings: Mapping[str, int]) -> None:
    known = {c["competency"] for c in stage.opening.competencies}
    for key, value in ratings.items():
        if key not in known:
            raise InvalidInput(f"{key!r} is not one of the opening's competencies.")
        if value not in RATINGS:
            raise InvalidInput("Rate each competency from 1 to 4, using the level descriptions beside the buttons.")
    existing = {r.competency: r for r in scorecard.ratings}  # updated in place: the pair is unique
    for row in list(scorecard.ratings):
        if row.competency not in ratings:
            scorecard.ratings.remove(row)
    for key, value in ratings.items():
        row = existing.get(key) or CompetencyRating(competency=key, rating=value, in_focus=key in stage.focus)
        row.rating = value
        if key not in existing:
            scorecard.ratings.append(row)


def _check_complete(scorecard: Scorecard, stage: Stage) -> None:
    rated = {r.competency for r in scorecard.ratings}
    missing = [c for c in stage.focus if c not in rated]
    if missing:
        raise InvalidInput(f"Rate every focus competency before submitting; still missing: {', '.join(missing)}.")
    if scorecard.recommendation is None:
        raise InvalidInput("Choose an overall recommendation before submitting.")


def kit_items(session: Session, scorecard: Scorecard) -> list[KitItem]:
    if scorecard.kit_id is None:
        return []
    query = select(KitItem).where(KitItem.kit_id == scorecard.kit_id).order_by(KitItem.position)
    return list(session.scalars(query))


# -- who sees which scorecards ----------------------------------------------------------------------------------------


def has_submitted(session: Session, actor: User, candidate: Candidate) -> bool:
    query = select(Scorecard.id).where(
        Scorecard.candidate_id == candidate.id,
        Scorecard.interviewer_id == actor.id,
        Scorecard.submitted_at.is_not(None),
    )
    return session.scalar(query.limit(1)) is not None


def visible(session: Session, *, actor: User, candidate_id: int) -> list[Scorecard]:
    """Submitted scorecards of the candidate the actor may read (their own drafts are not included)."""
    candidate = access.candidate(session, actor, candidate_id)
    if actor.role.is_staff is False:
        return []
    query = select(Scorecard).where(Scorecard.candidate_id == candidate.id, Scorecard.submitted_at.is_not(None))
    submitted = list(session.scalars(query.order_by(Scorecard.submitted_at)))
    if access.manages(actor, candidate.opening):
        return submitted
    if not has_submitted(session, actor, candidate):
        return []
    assigned = access.assigned_stages(session, actor, candidate.opening)
    return [s for s in submitted if s.stage_id in assigned]


def hidden_count(session: Session, *, actor: User, candidate: Candidate) -> int:
    """How many submitted scorecards of others the actor cannot see yet (shown as a count, never content)."""
    query = select(Scorecard.id).where(
        Scorecard.candidate_id == candidate.id,
        Scorecard.submitted_at.is_not(None),
        Scorecard.interviewer_id != actor.id,
    )
    total = len(list(session.scalars(query)))
    seen = [s for s in visible(session, actor=actor, candidate_id=candidate.id) if s.interviewer_id != actor.id]
    return total - len(seen)


# -- the candidate's typed answers and the grader's second opinion ---------------------------------------------------


def typed_answers(session: Session, candidate: Candidate, items: list[KitItem]) -> dict[int, Answer]:
    """The candidate's screening answers to these kit questions (never their practice answers)."""
    if not items:
        return {}
    query = (
        select(ScreeningAnswer.kit_item_id, Answer)
        .join(Answer, Answer.id == ScreeningAnswer.answer_id)
        .where(ScreeningAnswer.candidate_id == candidate.id, ScreeningAnswer.kit_item_id.in_([i.id for i in items]))
    )
    return {row[0]: row[1] for row in session.execute(query)}


def automatic_score(answer: Answer | None) -> float | None:
    if answer is None or answer.status is not AnswerStatus.GRADED or not answer.result:
        return None
    return float(answer.result["score"])


def override(session: Session, *, actor: User, scorecard_id: int, item_id: int, score: float) -> QuestionNote:
    """Store the interviewer's correction of the grader's score for the candidate's answer to one question."""
    scorecard = own(session, actor=actor, scorecard_id=scorecard_id)
    if not 0 <= score <= 1:
        raise InvalidInput("Give the corrected score as a percentage from 0 to 100.")
    candidate = session.get_one(Candidate, scorecard.candidate_id)
    item = next((i for i in kit_items(session, scorecard) if i.id == item_id), None)
    if item is None:
        raise NotFound("That question is not in this scorecard's kit.")
    answer = typed_answers(session, candidate, [item]).get(item.id)
    automatic = automatic_score(answer)
    if answer is None or automatic is None:
        raise Conflict("There is no graded answer to this question to override.")
    note = next((n for n in scorecard.notes if n.kit_item_id == item.id), None)
    if note is None:
        note = QuestionNote(kit_item_id=item.id)
        scorecard.notes.append(note)
    note.answer_id, note.automatic_score, note.override_score = answer.id, automatic, score
    audit.record(
        session, actor=actor, action="grader.override",
        summary=f"Overrode the automatic score {automatic:.0%} with {score:.0%}", answer_id=answer.id,
    )  # fmt: skip
    session.flush()
    return note


def answer_screening(session: Session, *, user: User, candidate_id: int, item_id: int, text: str) -> Answer:
    """A candidate's written answer to a screening question of their current stage, once per question; it is
    graded in the background."""
    candidate = access.candidate(session, user, candidate_id)
    session.flush()  # a refresh would drop changes not yet written
    session.refresh(candidate, with_for_update=True)  # two tabs answering at once: one waits, then sees the other
    stage = candidate.stage
    if candidate.user_id != user.id or stage is None or stage.kind is not StageKind.INITIAL_SCREENING:
        raise Conflict("Written screening questions are open only while you are at the screening stage.")
    if candidate.status is not CandidateStatus.ACTIVE:
        raise Conflict("Your application is no longer active, so the screening questions are closed.")
    kit = plans.current_kit(stage)
    item = next((i for i in (kit.items if kit else []) if i.id == item_id), None)
    if item is None:
        raise NotFound("That question is not one of your screening questions.")
    if typed_answers(session, candidate, [item]):
        raise Conflict("You have already answered this question; your first answer is the one the panel reads.")
    question = session.get_one(Question, item.question_id)
    answer = answers.submit(session, user=user, slug=question.slug, text=text)
    session.add(ScreeningAnswer(candidate_id=candidate.id, kit_item_id=item.id, answer_id=answer.id))
    session.flush()
    return answer


def waiting(session: Session, *, actor: User) -> list[tuple[Candidate, Stage]]:
    """Candidates now at a stage the actor interviews for, whose scorecard from the actor is not submitted."""
    query = (
        select(Candidate, Stage)
        .join(Stage, Stage.id == Candidate.stage_id)
        .join(StageInterviewer, StageInterviewer.stage_id == Stage.id)
        .where(StageInterviewer.user_id == actor.id, Candidate.organisation_id == actor.organisation_id)
        .where(Candidate.status == CandidateStatus.ACTIVE)
        .order_by(Candidate.created_at, Candidate.id)
    )
    done = set(
        session.scalars(
            select(Scorecard.candidate_id).where(
                Scorecard.interviewer_id == actor.id, Scorecard.submitted_at.is_not(None)
            )
        )
    )
    return [(row[0], row[1]) for row in session.execute(query) if row[0].id not in done]
