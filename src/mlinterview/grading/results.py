"""What a grader returns: a score, point-by-point evidence, and feedback a person can act on."""

from __future__ import annotations

import enum

from pydantic import BaseModel, Field


class PointStatus(enum.StrEnum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSED = "missed"
    CONTRADICTED = "contradicted"


class PointResult(BaseModel):
    statement: str
    weight: float
    status: PointStatus
    similarity: float = Field(description="How close the best answer sentence is to this point, 0-1.")
    sentence: str | None = Field(None, description="The answer sentence that covers (or contradicts) it.")


class FlagHit(BaseModel):
    flag: str
    sentence: str
    similarity: float


class GradeResult(BaseModel):
    score: float = Field(ge=0, le=1, description="0-1.")
    scaled_score: float = Field(description="On the rubric's scale (0-max_score).")
    max_score: float
    points: list[PointResult]
    red_flags: list[FlagHit] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)
    needs_review: bool
    feedback: str
    notes: list[str] = Field(default_factory=list, description="Why a score was capped, truncation, language...")
    grader: str
    version: str
