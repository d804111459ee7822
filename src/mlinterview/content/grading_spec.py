"""A bank question as the grader sees it."""

from __future__ import annotations

from mlinterview.content.schema import Question
from mlinterview.grading import GradingSpec, KeyPoint, RedFlag


def grading_spec(question: Question) -> GradingSpec:
    return GradingSpec(
        prompt=question.prompt,
        reference=question.model_answer,
        key_points=tuple(KeyPoint(p.point, float(p.weight), tuple(p.phrasings)) for p in question.rubric),
        red_flags=tuple(RedFlag(f.flag, f.phrasing) for f in question.red_flags),
        max_score=5.0,
        reading=tuple(question.follow_ups[:1]),
    )
