"""Structured interviews: openings and their plans of stages, interview kits, candidates moving through the
pipeline, interviewers' scorecards, decisions and the feedback report a candidate receives."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mlinterview.db import Base, IdMixin, TimestampMixin, enum_column


class StageKind(enum.StrEnum):
    INITIAL_SCREENING = "initial_screening"
    TECHNICAL_INTERVIEW = "technical_interview"
    SYSTEM_DESIGN_INTERVIEW = "system_design_interview"
    PRACTICAL_ASSESSMENT = "practical_assessment"
    RESEARCH_PRESENTATION = "research_presentation"
    PROJECT_REVIEW = "project_review"
    BEHAVIOURAL_INTERVIEW = "behavioural_interview"
    FINAL_REVIEW = "final_review"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class OpeningStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Opening(IdMixin, TimestampMixin, Base):
    """A position to fill, made from a role profile; its competencies and weights are the opening's own."""

    __tablename__ = "openings"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    # [{"competency": key, "weight": 0.2, "essential": true}], weights summing to 1
    competencies: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    job_description: Mapped[str] = mapped_column(Text, default="")
    anonymise_work: Mapped[bool] = mapped_column(default=True)  # interviewers see codes, not names
    status: Mapped[OpeningStatus] = mapped_column(enum_column(OpeningStatus, 16), default=OpeningStatus.OPEN)

    stages: Mapped[list[Stage]] = relationship(
        back_populates="opening", cascade="all, delete-orphan", order_by="Stage.position"
    )


class Stage(IdMixin, Base):
    __tablename__ = "interview_stages"

    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[StageKind] = mapped_column(enum_column(StageKind))
    name: Mapped[str] = mapped_column(String(120))
    focus: Mapped[list[str]] = mapped_column(JSON)  # competency keys
    duration_minutes: Mapped[int]
    instructions: Mapped[str] = mapped_column(Text, default="")
    exercise: Mapped[str | None] = mapped_column(String(80))  # a coding exercise's slug
    takehome: Mapped[str | None] = mapped_column(String(80))  # a take-home project's slug

    opening: Mapped[Opening] = relationship(back_populates="stages")
    interviewers: Mapped[list[StageInterviewer]] = relationship(cascade="all, delete-orphan")
    kits: Mapped[list[Kit]] = relationship(cascade="all, delete-orphan", order_by="Kit.number")


class StageInterviewer(IdMixin, Base):
    __tablename__ = "stage_interviewers"
    __table_args__ = (UniqueConstraint("stage_id", "user_id"),)

    stage_id: Mapped[int] = mapped_column(ForeignKey("interview_stages.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class Kit(IdMixin, TimestampMixin, Base):
    """A version of a stage's standard questions. Once a scorecard uses a version it is frozen: changing the
    kit then means a new version, which the candidates interviewed from then on get."""

    __tablename__ = "interview_kits"
    __table_args__ = (UniqueConstraint("stage_id", "number"),)

    stage_id: Mapped[int] = mapped_column(ForeignKey("interview_stages.id", ondelete="CASCADE"))
    number: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")  # why this version exists

    items: Mapped[list[KitItem]] = relationship(cascade="all, delete-orphan", order_by="KitItem.position")


class KitItem(IdMixin, Base):
    __tablename__ = "interview_kit_items"

    kit_id: Mapped[int] = mapped_column(ForeignKey("interview_kits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    question_version_id: Mapped[int] = mapped_column(ForeignKey("question_versions.id", ondelete="CASCADE"))
    competency: Mapped[str] = mapped_column(String(40))  # the focus competency it was chosen for


class CandidateStatus(enum.StrEnum):
    ACTIVE = "active"
    HIRED = "hired"
    NOT_HIRED = "not_hired"
    ON_HOLD = "on_hold"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Candidate(IdMixin, TimestampMixin, Base):
    """A person in an opening's pipeline. ``user_id`` is set once they accept the invitation link."""

    __tablename__ = "candidates"
    __table_args__ = (
        UniqueConstraint("opening_id", "email", name="uq_candidates_opening_email"),
        UniqueConstraint("opening_id", "code", name="uq_candidates_opening_code"),
    )

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("openings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    code: Mapped[str] = mapped_column(String(16))  # what anonymised reviewers see
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("interview_stages.id", ondelete="SET NULL"))
    status: Mapped[CandidateStatus] = mapped_column(enum_column(CandidateStatus, 16), default=CandidateStatus.ACTIVE)
    invite_digest: Mapped[str | None] = mapped_column(String(64), unique=True)  # SHA-256 of the link's token
    invited_at: Mapped[datetime | None]
    # Voluntary, self-reported: {"gender": "...", "age_band": "..."}; only ever shown in aggregate.
    self_reported: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)

    opening: Mapped[Opening] = relationship()
    stage: Mapped[Stage | None] = relationship()


class PipelineEvent(IdMixin, TimestampMixin, Base):
    """Every move of a candidate: who, when, from which stage to which, and why."""

    __tablename__ = "pipeline_events"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))  # added, invited, moved, decided, withdrawn, ...
    from_stage_id: Mapped[int | None] = mapped_column(ForeignKey("interview_stages.id", ondelete="SET NULL"))
    to_stage_id: Mapped[int | None] = mapped_column(ForeignKey("interview_stages.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class Recommendation(enum.StrEnum):
    STRONG_NO = "strong_no"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def value_number(self) -> int:
        """1-4, on the same scale as competency ratings."""
        return list(Recommendation).index(self) + 1


class Scorecard(IdMixin, TimestampMixin, Base):
    """One interviewer's assessment of one candidate at one stage; a draft until submitted, then final."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("candidate_id", "stage_id", "interviewer_id"),)

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("interview_stages.id", ondelete="CASCADE"), index=True)
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kit_id: Mapped[int | None] = mapped_column(ForeignKey("interview_kits.id", ondelete="SET NULL"))
    recommendation: Mapped[Recommendation | None] = mapped_column(enum_column(Recommendation, 16))
    summary: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None]

    notes: Mapped[list[QuestionNote]] = relationship(cascade="all, delete-orphan", order_by="QuestionNote.id")
    ratings: Mapped[list[CompetencyRating]] = relationship(cascade="all, delete-orphan", order_by="CompetencyRating.id")


class QuestionNote(IdMixin, Base):
    """An interviewer's notes and rating for one kit question; with the automatic score and any override."""

    __tablename__ = "scorecard_question_notes"
    __table_args__ = (UniqueConstraint("scorecard_id", "kit_item_id"),)

    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id", ondelete="CASCADE"))
    kit_item_id: Mapped[int] = mapped_column(ForeignKey("interview_kit_items.id", ondelete="CASCADE"))
    notes: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None]  # 1-4
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    automatic_score: Mapped[float | None]  # 0-1, the grader's, copied when the interviewer overrode it
    override_score: Mapped[float | None]  # 0-1, the interviewer's correction of the automatic score


class ScreeningAnswer(IdMixin, Base):
    """A candidate's written answer to one screening question of their kit: one per question, so an answer
    typed while practising in the question bank is never taken for it."""

    __tablename__ = "screening_answers"
    __table_args__ = (UniqueConstraint("candidate_id", "kit_item_id"),)

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    kit_item_id: Mapped[int] = mapped_column(ForeignKey("interview_kit_items.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))


class CompetencyRating(IdMixin, Base):
    __tablename__ = "scorecard_competency_ratings"
    __table_args__ = (UniqueConstraint("scorecard_id", "competency"),)

    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id", ondelete="CASCADE"))
    competency: Mapped[str] = mapped_column(String(40))
    rating: Mapped[int]  # 1-4, anchored by the competency framework's level descriptions
    in_focus: Mapped[bool] = mapped_column(default=True)  # one of the stage's focus competencies


class DecisionOutcome(enum.StrEnum):
    HIRE = "hire"
    NO_HIRE = "no_hire"
    HOLD = "hold"

    @property
    def label(self) -> str:
        return {"hire": "Hire", "no_hire": "No hire", "hold": "Hold"}[self.value]


class Decision(IdMixin, TimestampMixin, Base):
    """A recorded hiring decision and its reason; the latest one stands, earlier ones stay as history."""

    __tablename__ = "hiring_decisions"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[DecisionOutcome] = mapped_column(enum_column(DecisionOutcome, 16))
    reason: Mapped[str] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class FeedbackReport(IdMixin, TimestampMixin, Base):
    """The candidate's feedback: drafted from the scorecards, edited by the manager, then released."""

    __tablename__ = "feedback_reports"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), unique=True)
    body: Mapped[str] = mapped_column(Text)  # Markdown
    released_at: Mapped[datetime | None]
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime | None]


class GraderCalibration(IdMixin, TimestampMixin, Base):
    """A refit of the grader's score mapping on one organisation's overrides (``mlinterview grading
    calibrate``): a monotone map from the automatic score to the score interviewers gave instead."""

    __tablename__ = "grader_calibrations"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    points: Mapped[list[list[float]]] = mapped_column(JSON)  # [[automatic, calibrated], ...], increasing
    examples: Mapped[int]
    mae_before: Mapped[float]
    mae_after: Mapped[float]
    cross_validated: Mapped[bool] = mapped_column(default=False)  # mae_after measured on held-out answers
