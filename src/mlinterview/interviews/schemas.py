"""What the interviews API takes (``XCreate``/``XUpdate``) and says (``XRead``) about openings, stages, kits,
candidates, scorecards, the final review and feedback. Shape only: the services check the rules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mlinterview.interviews.models import (
    Candidate,
    CandidateStatus,
    DecisionOutcome,
    Kit,
    KitItem,
    Opening,
    OpeningStatus,
    Recommendation,
    Scorecard,
    Stage,
    StageKind,
)
from mlinterview.interviews.review import Review

Rating = Annotated[int, Field(ge=1, le=4, description="1 (limited) to 4 (expert), anchored by the level descriptions.")]


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# -- openings and stages -----------------------------------------------------------------------------------------------


class OpeningCreate(BaseModel):
    role: str = Field(description="A role profile's role, e.g. 'ml_engineer'.", examples=["ml_engineer"])
    level: str = Field(description="The profile's level: 'junior', 'mid' or 'senior'.", examples=["mid"])
    title: str | None = Field(None, max_length=200, description="Defaults to the role profile's title.")


class OpeningUpdate(BaseModel):
    title: str | None = Field(None, max_length=200)
    weights: dict[str, float] | None = Field(
        None,
        description="Competency key to weight; 0 drops a competency, the rest are scaled to sum to 1. "
        "Replaces every weight, and with them which competencies are essential (see `essential`).",
    )
    essential: list[str] | None = Field(
        None, description="The competency keys that are essential; read together with `weights`."
    )
    job_description: str | None = Field(None, description="Markdown.")
    anonymise_work: bool | None = Field(None, description="Interviewers see candidate codes instead of names.")
    status: OpeningStatus | None = None


class CompetencyWeightRead(BaseModel):
    competency: str
    weight: float
    essential: bool


class StageRead(BaseModel):
    id: int
    position: int
    kind: StageKind
    name: str
    focus: list[str] = Field(description="The competency keys the stage assesses.")
    duration_minutes: int
    instructions: str
    exercise: str | None = Field(description="A coding exercise's slug.")
    takehome: str | None = Field(description="A take-home project's slug.")
    interviewer_ids: list[int]
    kit_number: int | None = Field(description="The current kit version; none before the stage has a kit.")
    question_slugs: list[str] = Field(description="The current kit's questions, in order.")

    @classmethod
    def of(cls, stage: Stage, kit: Kit | None, slugs: Mapping[int, str]) -> StageRead:
        return cls(
            id=stage.id,
            position=stage.position,
            kind=stage.kind,
            name=stage.name,
            focus=list(stage.focus),
            duration_minutes=stage.duration_minutes,
            instructions=stage.instructions,
            exercise=stage.exercise,
            takehome=stage.takehome,
            interviewer_ids=[i.user_id for i in stage.interviewers],
            kit_number=kit.number if kit else None,
            question_slugs=[slugs[i.question_id] for i in kit.items] if kit else [],
        )


class OpeningRead(BaseModel):
    id: int
    title: str
    role: str
    level: str
    status: OpeningStatus
    owner_id: int | None
    anonymise_work: bool
    job_description: str = Field(description="Markdown.")
    competencies: list[CompetencyWeightRead]
    stages: list[StageRead]
    created_at: datetime

    @classmethod
    def of(cls, opening: Opening, stages: list[StageRead]) -> OpeningRead:
        return cls(
            id=opening.id,
            title=opening.title,
            role=opening.role,
            level=opening.level,
            status=opening.status,
            owner_id=opening.owner_id,
            anonymise_work=opening.anonymise_work,
            job_description=opening.job_description,
            competencies=[CompetencyWeightRead(**c) for c in opening.competencies],
            stages=stages,
            created_at=opening.created_at,
        )


class StageUpdate(BaseModel):
    name: str | None = Field(None, max_length=120)
    focus: list[str] | None = Field(None, description="Competency keys of the opening.")
    duration_minutes: int | None = Field(None, description="5 to 480.")
    instructions: str | None = None
    exercise: str | None = Field(None, description="A coding exercise's slug; '' removes it.")
    takehome: str | None = Field(None, description="A take-home project's slug; '' removes it.")
    interviewer_ids: list[int] | None = Field(None, description="Replaces the stage's interviewers.")


# -- kits --------------------------------------------------------------------------------------------------------------


class KitVersionCreate(BaseModel):
    note: str = Field(max_length=300, description="Why the kit changes, e.g. 'replaced an ambiguous question'.")


class RubricPointRead(BaseModel):
    point: str
    weight: int = Field(description="1 = nice to have, 2 = expected, 3 = essential.")


class GuidanceRead(BaseModel):
    """The interviewer's guidance for one question, from the question version the kit uses."""

    why_asked: str
    rubric: list[RubricPointRead]
    red_flags: list[str]
    follow_ups: list[str]

    @classmethod
    def of(cls, content: Mapping[str, Any]) -> GuidanceRead:
        return cls(
            why_asked=content.get("why_asked", ""),
            rubric=[RubricPointRead(point=p["point"], weight=p["weight"]) for p in content.get("rubric", [])],
            red_flags=[f["flag"] for f in content.get("red_flags", [])],
            follow_ups=list(content.get("follow_ups", [])),
        )


class KitItemRead(BaseModel):
    id: int = Field(description="The `kit_item_id` a scorecard's notes refer to.")
    position: int
    question_slug: str
    prompt: str
    competency: str = Field(description="The focus competency the question was chosen for.")
    guidance: GuidanceRead | None = Field(description="For staff only.")

    @classmethod
    def of(cls, item: KitItem, content: Mapping[str, Any], *, guidance: bool) -> KitItemRead:
        return cls(
            id=item.id,
            position=item.position,
            question_slug=content["slug"],
            prompt=content["prompt"],
            competency=item.competency,
            guidance=GuidanceRead.of(content) if guidance else None,
        )


class KitRead(BaseModel):
    id: int
    stage_id: int
    number: int
    note: str
    created_at: datetime
    items: list[KitItemRead]


# -- candidates --------------------------------------------------------------------------------------------------------


class CandidateCreate(BaseModel):
    name: str = Field(max_length=200)
    email: str = Field(max_length=320)


class CandidateImportCreate(BaseModel):
    csv: str = Field(
        max_length=2_000_000,
        description="CSV text: a header line with the columns `name` and `email` (any order, other columns "
        "ignored), then one candidate per line. All lines are added, or none.",
        examples=["name,email\nAda Lovelace,ada@example.com\n"],
    )


class CandidateRead(BaseModel):
    id: int
    opening_id: int
    code: str = Field(description="What anonymised reviewers see.")
    name: str = Field(description="The name, or 'Candidate <code>' where the opening anonymises work.")
    email: str | None = Field(description="Only for the opening's managers.")
    stage_id: int | None
    status: CandidateStatus
    invited_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, candidate: Candidate, *, name: str, email: str | None) -> CandidateRead:
        return cls(
            id=candidate.id,
            opening_id=candidate.opening_id,
            code=candidate.code,
            name=name,
            email=email,
            stage_id=candidate.stage_id,
            status=candidate.status,
            invited_at=candidate.invited_at,
            created_at=candidate.created_at,
        )


class MoveCreate(BaseModel):
    stage_id: int = Field(description="One of the opening's stages.")
    note: str = Field("", max_length=2000)


class InvitationRead(BaseModel):
    link: str = Field(description="The path to send the candidate; any earlier link stops working.")


class PipelineEventRead(_Read):
    id: int
    action: str
    actor_id: int | None
    from_stage_id: int | None
    to_stage_id: int | None
    note: str
    created_at: datetime


class CandidacyRead(BaseModel):
    """A candidate's own view of one candidacy."""

    id: int
    opening_title: str
    stage_name: str | None
    status: CandidateStatus

    @classmethod
    def of(cls, candidate: Candidate) -> CandidacyRead:
        return cls(
            id=candidate.id,
            opening_title=candidate.opening.title,
            stage_name=candidate.stage.name if candidate.stage else None,
            status=candidate.status,
        )


# -- scorecards --------------------------------------------------------------------------------------------------------


class NoteUpdate(BaseModel):
    kit_item_id: int
    notes: str = ""
    rating: Rating | None = None


class ScorecardUpdate(BaseModel):
    notes: list[NoteUpdate] = Field(default_factory=list, description="At most one per kit question.")
    ratings: dict[str, Rating] = Field(default_factory=dict, description="Competency key to rating.")
    recommendation: Recommendation | None = None
    summary: str = ""
    submit: bool = Field(False, description="Check the scorecard is complete and make it final.")

    @field_validator("notes")
    @classmethod
    def _one_note_per_question(cls, notes: list[NoteUpdate]) -> list[NoteUpdate]:
        ids = [n.kit_item_id for n in notes]
        if len(ids) != len(set(ids)):
            raise ValueError("give at most one note per kit_item_id")
        return notes


class NoteRead(_Read):
    kit_item_id: int
    notes: str
    rating: int | None
    automatic_score: float | None
    override_score: float | None


class ScorecardRead(BaseModel):
    id: int
    candidate_id: int
    stage_id: int
    interviewer_id: int
    kit_id: int | None
    recommendation: Recommendation | None
    summary: str
    submitted_at: datetime | None = Field(description="None while it is a draft.")
    notes: list[NoteRead]
    ratings: dict[str, int] = Field(description="Competency key to rating, 1-4.")

    @classmethod
    def of(cls, card: Scorecard) -> ScorecardRead:
        return cls(
            id=card.id,
            candidate_id=card.candidate_id,
            stage_id=card.stage_id,
            interviewer_id=card.interviewer_id,
            kit_id=card.kit_id,
            recommendation=card.recommendation,
            summary=card.summary,
            submitted_at=card.submitted_at,
            notes=[NoteRead.model_validate(n) for n in card.notes],
            ratings={r.competency: r.rating for r in card.ratings},
        )


class ScorecardsRead(BaseModel):
    scorecards: list[ScorecardRead] = Field(description="The submitted scorecards you may read.")
    hidden: int = Field(description="Submitted scorecards of others you cannot read yet (submit yours first).")


# -- the final review, decisions and feedback --------------------------------------------------------------------------


class CompetencyRowRead(_Read):
    key: str
    weight: float
    essential: bool
    ratings: dict[int, int] = Field(description="Scorecard id to rating.")
    mean: float | None
    spread: int
    agreement: str = Field(description="none, single, agree, close or split.")


class AutomaticResultRead(_Read):
    kind: str = Field(description="exercise, takehome or answers.")
    label: str
    value: str
    link: str | None


class DecisionCreate(BaseModel):
    outcome: DecisionOutcome
    reason: str = Field(max_length=5000, description="A sentence or two; kept with the decision.")


class DecisionRead(_Read):
    id: int
    candidate_id: int
    outcome: DecisionOutcome
    reason: str
    decided_by_id: int | None
    created_at: datetime


class ReviewRead(BaseModel):
    candidate: CandidateRead
    scorecards: list[ScorecardRead]
    competencies: list[CompetencyRowRead]
    weighted: float | None = Field(description="1-4, over the rated competencies' weights.")
    coverage: float = Field(description="The share of the opening's weight that was rated at all.")
    automatic: list[AutomaticResultRead]
    decisions: list[DecisionRead] = Field(description="Oldest first; the latest stands.")
    recommendations: dict[str, int] = Field(description="How many scorecards gave each recommendation.")

    @classmethod
    def of(cls, result: Review, candidate: CandidateRead) -> ReviewRead:
        return cls(
            candidate=candidate,
            scorecards=[ScorecardRead.of(card) for card in result.scorecards],
            competencies=[CompetencyRowRead.model_validate(row) for row in result.competencies],
            weighted=result.weighted,
            coverage=result.coverage,
            automatic=[AutomaticResultRead.model_validate(a) for a in result.automatic],
            decisions=[DecisionRead.model_validate(d) for d in result.decisions],
            recommendations=result.recommendations,
        )


class FeedbackUpdate(BaseModel):
    body: str = Field(description="Markdown.")


class FeedbackRead(_Read):
    candidate_id: int
    body: str = Field(description="Markdown.")
    released_at: datetime | None
    updated_at: datetime | None
    created_at: datetime
