"""A grader for tests and dry runs: scores by shared words, instantly, with no model."""

from __future__ import annotations

from mlinterview.grading.base import empty_result, prepare
from mlinterview.grading.results import GradeResult, PointResult, PointStatus
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import content_words


class FakeGrader:
    name = "fake"
    version = "1"

    def grade(self, spec: GradingSpec, answer: str) -> GradeResult:
        text, notes = prepare(answer)
        if not text:
            return empty_result(spec, self.name, self.version, notes)
        said = set(content_words(text))
        points = []
        for point in spec.points():
            wanted = set(content_words(point.statement))
            share = len(wanted & said) / len(wanted) if wanted else 0.0
            status = PointStatus.COVERED if share >= 0.5 else PointStatus.MISSED
            points.append(
                PointResult(
                    statement=point.statement,
                    weight=point.weight,
                    status=status,
                    similarity=round(share, 3),
                    sentence=text[:200] if share >= 0.5 else None,
                )
            )
        total = sum(p.weight for p in points) or 1.0
        score = sum(p.weight for p in points if p.status is PointStatus.COVERED) / total
        return GradeResult(
            score=score,
            scaled_score=round(score * spec.max_score, 2),
            max_score=spec.max_score,
            points=points,
            confidence=1.0,
            needs_review=False,
            feedback="Scored by shared words.",
            notes=notes,
            grader=self.name,
            version=self.version,
        )
