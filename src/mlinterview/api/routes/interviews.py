"""Structured interviews: openings and their stages, interview kits, candidates in the pipeline, scorecards, the
final review and decision, the candidate's feedback, and a candidate's own candidacies.

Who may do what is the services' (``mlinterview.interviews.access``): another organisation's ids are "not found";
managing an opening is for its hiring manager and the organisation's admins; interviewers see what their
assigned stages show them."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import APIRouter, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role, User
from mlinterview.accounts.permissions import STAFF, require_role
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.content.models import Question, QuestionVersion
from mlinterview.errors import NotFound
from mlinterview.interviews import access, candidates, feedback, openings, plans, review, scorecards
from mlinterview.interviews.models import Candidate, Kit, Opening, Stage
from mlinterview.interviews.schemas import (
    CandidacyRead,
    CandidateCreate,
    CandidateImportCreate,
    CandidateRead,
    DecisionCreate,
    DecisionRead,
    FeedbackRead,
    FeedbackUpdate,
    InvitationRead,
    KitItemRead,
    KitRead,
    KitVersionCreate,
    MoveCreate,
    OpeningCreate,
    OpeningRead,
    OpeningUpdate,
    PipelineEventRead,
    ReviewRead,
    ScorecardRead,
    ScorecardsRead,
    ScorecardUpdate,
    StageRead,
    StageUpdate,
)

router = APIRouter(tags=["interviews"])

# -- openings ----------------------------------------------------------------------------------------------------------


@router.get("/openings", response_model=list[OpeningRead], summary="The openings you manage or interview for")
def list_openings(session: SessionDep, user: ApiUser) -> list[OpeningRead]:
    """Admins see every opening of their organisation; hiring managers the ones they own; interviewers the
    ones with a stage they are assigned to. Newest first. Candidates see their candidacies at
    `/me/candidacies` instead."""
    require_role(user, *STAFF)
    return [_opening_read(session, o) for o in openings.visible(session, actor=user)]


@router.post("/openings", response_model=OpeningRead, status_code=status.HTTP_201_CREATED, summary="Open a position")
def create_opening(session: SessionDep, user: ApiUser, body: OpeningCreate) -> OpeningRead:
    """Create an opening from a role profile (`role`/`level`, e.g. `ml_engineer`/`mid`): its competencies and
    weights, a job-description draft, and the profile's stages, each with a kit generated from the question
    bank. You become its hiring manager. Hiring managers and admins only."""
    opening = openings.create(session, actor=user, role=body.role, level=body.level, title=body.title or "")
    return _opening_read(session, opening)


@router.get("/openings/{opening_id}", response_model=OpeningRead, summary="One opening with its stages")
def get_opening(session: SessionDep, user: ApiUser, opening_id: int) -> OpeningRead:
    """The opening, its weighted competencies and its stages with their interviewers and current kits."""
    return _opening_read(session, access.opening(session, user, opening_id))


@router.patch("/openings/{opening_id}", response_model=OpeningRead, summary="Change an opening")
def update_opening(session: SessionDep, user: ApiUser, opening_id: int, body: OpeningUpdate) -> OpeningRead:
    """Change the title, the competency weights (0 drops one; the rest are scaled to sum to 1) with the
    essential ones, the job description, anonymised review or the status. Fields left out stay as they are.
    The opening's hiring manager or an admin only."""
    opening = openings.update(
        session,
        actor=user,
        opening_id=opening_id,
        title=body.title,
        weights=body.weights,
        essential=body.essential,
        job_description_text=body.job_description,
        anonymise_work=body.anonymise_work,
        status=body.status,
    )
    return _opening_read(session, opening)


# -- stages and kits ---------------------------------------------------------------------------------------------------


@router.patch("/stages/{stage_id}", response_model=StageRead, summary="Change a stage or assign its interviewers")
def update_stage(session: SessionDep, user: ApiUser, stage_id: int, body: StageUpdate) -> StageRead:
    """Rename the stage, change its focus competencies, duration or instructions, attach a coding exercise or
    a take-home by slug ('' detaches it), or replace its interviewers with `interviewer_ids` (staff of your
    organisation). The opening's hiring manager or an admin only."""
    stage = plans.update_stage(
        session,
        actor=user,
        stage_id=stage_id,
        name=body.name,
        focus=body.focus,
        duration_minutes=body.duration_minutes,
        instructions=body.instructions,
        exercise=body.exercise,
        takehome=body.takehome,
        interviewer_ids=body.interviewer_ids,
    )
    return _stage_read(session, stage)


@router.get("/stages/{stage_id}/kit", response_model=KitRead, summary="A stage's current interview kit")
def get_kit(session: SessionDep, user: ApiUser, stage_id: int) -> KitRead:
    """The current kit version: its questions in order, in the exact wording of the version the kit uses, the
    competency each was chosen for and, for staff, the interviewer's guidance (why it is asked, the rubric,
    red flags, follow-ups). For the stage's interviewers and the opening's managers."""
    stage = access.stage(session, user, stage_id)
    kit = plans.current_kit(stage)
    if kit is None:
        raise NotFound(f"“{stage.name}” has no kit yet. Its hiring manager starts one with POST .../kit/versions.")
    return _kit_read(session, kit, stage, guidance=user.role.is_staff)


@router.post(
    "/stages/{stage_id}/kit/versions",
    response_model=KitRead,
    status_code=status.HTTP_201_CREATED,
    summary="Start a new kit version",
)
def new_kit_version(session: SessionDep, user: ApiUser, stage_id: int, body: KitVersionCreate) -> KitRead:
    """Copy the current kit into a new version, with a note saying why it changes. Candidates interviewed from
    then on get the new version; scorecards already written keep theirs. Managers of the opening only."""
    kit = plans.new_version(session, actor=user, stage_id=stage_id, note=body.note)
    stage = session.get_one(Stage, kit.stage_id)
    return _kit_read(session, kit, stage, guidance=True)


# -- candidates --------------------------------------------------------------------------------------------------------


@router.get("/openings/{opening_id}/candidates", response_model=list[CandidateRead], summary="An opening's candidates")
def list_candidates(session: SessionDep, user: ApiUser, opening_id: int) -> list[CandidateRead]:
    """Managers see every candidate; an interviewer those who are or were at one of their stages. Where the
    opening anonymises work, interviewers see codes instead of names, and no email addresses."""
    rows = candidates.listing(session, actor=user, opening_id=opening_id)
    return [_candidate_read(c, user) for c in rows]


@router.post(
    "/openings/{opening_id}/candidates",
    response_model=CandidateRead,
    status_code=status.HTTP_201_CREATED,
    summary="Add a candidate",
)
def add_candidate(session: SessionDep, user: ApiUser, opening_id: int, body: CandidateCreate) -> CandidateRead:
    """Add one candidate at the opening's first stage. Managers of the opening only."""
    candidate = candidates.add(session, actor=user, opening_id=opening_id, name=body.name, email=body.email)
    return _candidate_read(candidate, user)


@router.post(
    "/openings/{opening_id}/candidates/import",
    response_model=list[CandidateRead],
    status_code=status.HTTP_201_CREATED,
    summary="Add candidates from CSV",
)
def import_candidates(
    session: SessionDep, user: ApiUser, opening_id: int, body: CandidateImportCreate
) -> list[CandidateRead]:
    """Send the CSV as JSON, `{"csv": "name,email\\nAda Lovelace,ada@example.com\\n"}`: a header line with the
    columns `name` and `email`, then one candidate per line, at most 2,000. All lines are added or none: any
    problem is reported with its line number and nothing is stored. Managers of the opening only."""
    added = candidates.import_csv(session, actor=user, opening_id=opening_id, text=body.csv)
    return [_candidate_read(c, user) for c in added]


@router.post("/candidates/{candidate_id}/move", response_model=CandidateRead, summary="Move a candidate")
def move_candidate(session: SessionDep, user: ApiUser, candidate_id: int, body: MoveCreate) -> CandidateRead:
    """Move an active candidate to another stage of their opening; the move and its note are kept in the
    candidate's history. Managers of the opening only."""
    candidate = candidates.move(session, actor=user, candidate_id=candidate_id, stage_id=body.stage_id, note=body.note)
    return _candidate_read(candidate, user)


@router.post(
    "/candidates/{candidate_id}/invitation",
    response_model=InvitationRead,
    status_code=status.HTTP_201_CREATED,
    summary="Create an invitation link",
)
def invite_candidate(session: SessionDep, user: ApiUser, candidate_id: int) -> InvitationRead:
    """A new link for the candidate to create their account and join (any earlier link stops working). It is
    shown once: only its digest is stored. Managers of the opening only."""
    token = candidates.invite(session, actor=user, candidate_id=candidate_id)
    return InvitationRead(link=f"/join/{token}")


@router.get(
    "/candidates/{candidate_id}/history", response_model=list[PipelineEventRead], summary="A candidate's history"
)
def candidate_history(session: SessionDep, user: ApiUser, candidate_id: int) -> list[PipelineEventRead]:
    """Every event of the candidacy, oldest first: added, invited, accepted, moved, decided, with who did it
    and the note. Managers of the opening only (notes carry decision reasons)."""
    candidate = access.candidate(session, user, candidate_id, manage=True)
    return [PipelineEventRead.model_validate(e) for e in candidates.history(session, candidate)]


# -- scorecards --------------------------------------------------------------------------------------------------------


@router.get(
    "/candidates/{candidate_id}/scorecards", response_model=ScorecardsRead, summary="The scorecards you may read"
)
def list_scorecards(session: SessionDep, user: ApiUser, candidate_id: int) -> ScorecardsRead:
    """Submitted scorecards of the candidate. Managers of the opening read all of them; an interviewer reads
    those of their own stages only once they have submitted their own, and until then only learns how many
    are `hidden`. Drafts are never shown. Staff only."""
    candidate = access.candidate(session, user, candidate_id)
    require_role(user, *STAFF)
    cards = scorecards.visible(session, actor=user, candidate_id=candidate.id)
    hidden = scorecards.hidden_count(session, actor=user, candidate=candidate)
    return ScorecardsRead(scorecards=[ScorecardRead.of(c) for c in cards], hidden=hidden)


@router.put(
    "/candidates/{candidate_id}/stages/{stage_id}/scorecard",
    response_model=ScorecardRead,
    summary="Write or submit your scorecard",
)
def save_scorecard(
    session: SessionDep, user: ApiUser, candidate_id: int, stage_id: int, body: ScorecardUpdate
) -> ScorecardRead:
    """Save your scorecard for the candidate at this stage (started on the stage's current kit the first
    time): notes and a 1-4 rating per kit question, a 1-4 rating per competency, a recommendation and a
    summary. With `submit` it must rate every focus competency and recommend; it is then final. The stage's
    assigned interviewers only."""
    card = scorecards.start(session, actor=user, candidate_id=candidate_id, stage_id=stage_id)
    saved = scorecards.save(
        session,
        actor=user,
        scorecard_id=card.id,
        notes={n.kit_item_id: scorecards.NoteInput(n.notes, n.rating) for n in body.notes},
        ratings=body.ratings,
        recommendation=body.recommendation,
        summary=body.summary,
        submit=body.submit,
    )
    return ScorecardRead.of(saved)


# -- the final review and the decision ---------------------------------------------------------------------------------


@router.get("/candidates/{candidate_id}/review", response_model=ReviewRead, summary="The final review")
def final_review(session: SessionDep, user: ApiUser, candidate_id: int) -> ReviewRead:
    """Every submitted scorecard side by side; per competency the ratings, their mean and agreement; the
    weighted summary and how much of the opening's weight was rated; automatic results (hidden tests,
    take-home scores, graded answers); and the decisions so far. Managers of the opening only."""
    result = review.final_review(session, actor=user, candidate_id=candidate_id)
    return ReviewRead.of(result, _candidate_read(result.candidate, user))


@router.post(
    "/candidates/{candidate_id}/decision",
    response_model=DecisionRead,
    status_code=status.HTTP_201_CREATED,
    summary="Record a decision",
)
def decide(session: SessionDep, user: ApiUser, candidate_id: int, body: DecisionCreate) -> DecisionRead:
    """Record hire, no_hire or hold with its reason; the candidate's status follows and the latest decision
    stands. Managers of the opening only."""
    decision = review.decide(session, actor=user, candidate_id=candidate_id, outcome=body.outcome, reason=body.reason)
    return DecisionRead.model_validate(decision)


# -- feedback ----------------------------------------------------------------------------------------------------------


@router.get("/candidates/{candidate_id}/feedback", response_model=FeedbackRead, summary="The feedback report")
def get_feedback(session: SessionDep, user: ApiUser, candidate_id: int) -> FeedbackRead:
    """For the opening's managers, the draft or released report. For the candidate themself, the report once
    it has been released."""
    if user.role is Role.CANDIDATE:
        return FeedbackRead.model_validate(feedback.for_candidate(session, user=user, candidate_id=candidate_id))
    candidate = access.candidate(session, user, candidate_id, manage=True)
    report = feedback.get(session, candidate)
    if report is None:
        raise NotFound("No feedback has been drafted yet. POST .../feedback/draft drafts it from the scorecards.")
    return FeedbackRead.model_validate(report)


@router.post("/candidates/{candidate_id}/feedback/draft", response_model=FeedbackRead, summary="Draft the feedback")
def draft_feedback(session: SessionDep, user: ApiUser, candidate_id: int) -> FeedbackRead:
    """(Re)draft the report from the final review: strengths, areas to grow and what to study, by competency;
    it never names interviewers or quotes notes. Refused once released. Managers of the opening only."""
    return FeedbackRead.model_validate(feedback.draft(session, actor=user, candidate_id=candidate_id))


@router.put("/candidates/{candidate_id}/feedback", response_model=FeedbackRead, summary="Edit the feedback")
def update_feedback(session: SessionDep, user: ApiUser, candidate_id: int, body: FeedbackUpdate) -> FeedbackRead:
    """Replace the drafted report's Markdown before it is released. Managers of the opening only."""
    report = feedback.update(session, actor=user, candidate_id=candidate_id, body=body.body)
    return FeedbackRead.model_validate(report)


@router.post("/candidates/{candidate_id}/feedback/release", response_model=FeedbackRead, summary="Release the feedback")
def release_feedback(session: SessionDep, user: ApiUser, candidate_id: int) -> FeedbackRead:
    """Let the candidate read the report; it can no longer change. Releasing again changes nothing.
    Managers of the opening only."""
    return FeedbackRead.model_validate(feedback.release(session, actor=user, candidate_id=candidate_id))


# -- the candidate's own view ------------------------------------------------------------------------------------------


@router.get("/me/candidacies", response_model=list[CandidacyRead], summary="Your candidacies (candidates)")
def my_candidacies(session: SessionDep, user: ApiUser) -> list[CandidacyRead]:
    """The openings you are a candidate of: the opening's title, the stage you are at and your status. Its `id`
    reads your released feedback at `/candidates/{id}/feedback`."""
    require_role(user, Role.CANDIDATE)
    return [CandidacyRead.of(c) for c in candidates.mine(session, user=user)]


# -- building the responses --------------------------------------------------------------------------------------------


def _opening_read(session: Session, opening: Opening) -> OpeningRead:
    kits = {stage.id: plans.current_kit(stage) for stage in opening.stages}
    slugs = _slugs(session, (item.question_id for kit in kits.values() if kit for item in kit.items))
    return OpeningRead.of(opening, [StageRead.of(stage, kits[stage.id], slugs) for stage in opening.stages])


def _stage_read(session: Session, stage: Stage) -> StageRead:
    kit = plans.current_kit(stage)
    return StageRead.of(stage, kit, _slugs(session, (item.question_id for item in kit.items) if kit else ()))


def _slugs(session: Session, question_ids: Iterable[int]) -> dict[int, str]:
    ids = set(question_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Question.id, Question.slug).where(Question.id.in_(ids))).all())


def _kit_read(session: Session, kit: Kit, stage: Stage, *, guidance: bool) -> KitRead:
    ids = {item.question_version_id for item in kit.items}
    versions = {v.id: v for v in session.scalars(select(QuestionVersion).where(QuestionVersion.id.in_(ids)))}
    items = [KitItemRead.of(i, versions[i.question_version_id].content, guidance=guidance) for i in kit.items]
    return KitRead(
        id=kit.id, stage_id=stage.id, number=kit.number, note=kit.note, created_at=kit.created_at, items=items
    )


def _candidate_read(candidate: Candidate, viewer: User) -> CandidateRead:
    email = candidate.email if access.manages(viewer, candidate.opening) else None
    return CandidateRead.of(candidate, name=candidates.shown_name(candidate, viewer), email=email)
