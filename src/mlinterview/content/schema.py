"""The shape of the bundled content: pydantic models for every YAML file under ``content/``.

Every file states ``schema_version``. A file newer than this code understands is refused ("upgrade
mlinterview"); an older one is refused with what to change. Cross-file rules (known competencies,
unique slugs) live in ``validate.py``.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20)]


class QuestionType(enum.StrEnum):
    CONCEPTUAL = "conceptual"
    APPLIED = "applied"
    SYSTEM_DESIGN = "system_design"
    BEHAVIOURAL = "behavioural"
    CODING_DISCUSSION = "coding_discussion"


class RoleKey(enum.StrEnum):
    DATA_SCIENTIST = "data_scientist"
    ML_ENGINEER = "ml_engineer"
    ML_RESEARCHER = "ml_researcher"
    MLOPS_ENGINEER = "mlops_engineer"


class Seniority(enum.StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"


class StarPart(enum.StrEnum):
    SITUATION = "situation"
    TASK = "task"
    ACTION = "action"
    RESULT = "result"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RubricPoint(_Strict):
    point: Line = Field(description="What a good answer establishes, in one line.")
    weight: int = Field(ge=1, le=3, description="1 = nice to have, 2 = expected, 3 = essential.")
    phrasings: list[Line] = Field(min_length=2, description="Different ways a candidate might say it.")
    star: StarPart | None = Field(None, description="For behavioural questions: the STAR part this point covers.")


class RedFlag(_Strict):
    flag: Line = Field(description="The misconception or weak signal.")
    phrasing: Line = Field(description="How a candidate might say it.")


class Question(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$", description="'<topic>/<name>', stable forever.")
    prompt: Text
    type: QuestionType
    difficulty: int = Field(ge=1, le=5)
    roles: list[RoleKey] = Field(min_length=1)
    seniority: list[Seniority] = Field(min_length=1)
    competencies: list[Key] = Field(min_length=1, max_length=4)
    why_asked: Text
    approach: Text
    model_answer: Text
    rubric: list[RubricPoint] = Field(min_length=3, max_length=8)
    red_flags: list[RedFlag] = Field(min_length=1)
    follow_ups: list[Text] = Field(min_length=1, max_length=3)
    strong_vs_adequate: Text
    tags: list[Slug] = Field(default_factory=list)

    @field_validator("model_answer")
    @classmethod
    def _answer_length(cls, value: str) -> str:
        words = len(re.findall(r"\S+", value))
        if not 60 <= words <= 320:
            raise ValueError(f"a model answer is 60-320 words (typically 80-250); this one has {words}")
        return value

    @model_validator(mode="after")
    def _star_for_behavioural(self) -> Question:
        parts = {p.star for p in self.rubric if p.star is not None}
        if self.type is QuestionType.BEHAVIOURAL and parts != set(StarPart):
            missing = ", ".join(sorted(set(StarPart) - parts))
            raise ValueError(f"a behavioural rubric covers every STAR part; missing: {missing}")
        if self.type is not QuestionType.BEHAVIOURAL and parts:
            raise ValueError("only behavioural questions mark rubric points with 'star'")
        if not any(p.weight == 3 for p in self.rubric):
            raise ValueError("a rubric needs at least one essential point (weight 3)")
        return self


class QuestionFile(_Strict):
    schema_version: int
    topic: Slug
    questions: list[Question] = Field(min_length=1)


class Topic(_Strict):
    slug: Slug
    name: Line
    description: Text


class TopicsFile(_Strict):
    schema_version: int
    topics: list[Topic] = Field(min_length=1)


class LevelAnchor(_Strict):
    level: int = Field(ge=1, le=4)
    label: Annotated[str, StringConstraints(min_length=2, max_length=40)]
    description: Text = Field(description="What an interviewer sees at this level: observable behaviour.")


class Competency(_Strict):
    key: Key
    name: Line
    description: Text
    levels: list[LevelAnchor] = Field(min_length=4, max_length=4)

    @field_validator("levels")
    @classmethod
    def _levels_in_order(cls, value: list[LevelAnchor]) -> list[LevelAnchor]:
        if [anchor.level for anchor in value] != [1, 2, 3, 4]:
            raise ValueError("levels are listed in order 1, 2, 3, 4")
        return value


class CompetenciesFile(_Strict):
    schema_version: int
    competencies: list[Competency] = Field(min_length=1)


class WeightedCompetency(_Strict):
    competency: Key
    weight: float = Field(gt=0, le=1)
    essential: bool


class Stage(_Strict):
    stage: Key = Field(description="initial_screening, technical_interview, practical_assessment, ...")
    focus: list[Key] = Field(min_length=1, description="Competencies this stage assesses.")
    duration_minutes: int = Field(ge=10, le=480)


class SalaryReference(_Strict):
    country: Line
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    minimum: float = Field(gt=0)
    average: float = Field(gt=0)
    maximum: float = Field(gt=0)
    period: Annotated[str, StringConstraints(pattern=r"^(year|month)$")] = "year"
    as_of: date | None = Field(None, description="When the figure was published; null when the source gives no date.")
    source: Line


class RoleProfile(_Strict):
    role: RoleKey
    level: Seniority
    title: Line
    summary: Text
    responsibilities: list[Line] = Field(min_length=3)
    competencies: list[WeightedCompetency] = Field(min_length=4)
    stages: list[Stage] = Field(min_length=3)
    salary_references: list[SalaryReference] = Field(default_factory=list)

    @field_validator("competencies")
    @classmethod
    def _weights_sum_to_one(cls, value: list[WeightedCompetency]) -> list[WeightedCompetency]:
        total = sum(item.weight for item in value)
        if abs(total - 1) > 0.01:
            raise ValueError(f"competency weights add up to 1; these add up to {total:.2f}")
        return value


class RolesFile(_Strict):
    schema_version: int
    profiles: list[RoleProfile] = Field(min_length=1)
