"""Does the grader agree with the bank? The model answer must score high on its own rubric, and each key point's
example phrasings must be recognised as that key point (judged without the phrasing itself in the rubric)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.schema import Question
from mlinterview.grading import GradingSpec, PointStatus, get_grader
from mlinterview.grading.coverage import assess_points
from mlinterview.grading.learned import LearnedGrader
from mlinterview.grading.similarity import MiniLM

MODEL_ANSWER_MIN = 0.85


@dataclass(frozen=True)
class RubricProblem:
    slug: str
    message: str


def check_rubrics(questions: Sequence[Question]) -> list[RubricProblem]:
    grader = get_grader()
    specs = [grading_spec(q) for q in questions]
    results = (
        grader.grade_many(list(zip(specs, (q.model_answer for q in questions), strict=True)))
        if isinstance(grader, LearnedGrader)
        else [grader.grade(s, q.model_answer) for s, q in zip(specs, questions, strict=True)]
    )
    problems = [
        RubricProblem(q.slug, f"its model answer scores {r.score:.2f} on its own rubric (needs {MODEL_ANSWER_MIN})")
        for q, r in zip(questions, results, strict=True)
        if r.score < MODEL_ANSWER_MIN
    ]
    similarity = MiniLM()
    for question, spec in zip(questions, specs, strict=True):
        problems.extend(_phrasing_problems(similarity, question.slug, spec))
    return problems


def _phrasing_problems(similarity: MiniLM, slug: str, spec: GradingSpec) -> list[RubricProblem]:
    """An answer made of one phrasing must cover that key point, and match it better than any other point."""
    problems = []
    for index, point in enumerate(spec.key_points):
        for phrasing in point.phrasings:
            results = assess_points(similarity, spec, [phrasing])
            best = max(range(len(results)), key=lambda i: results[i].similarity)
            if results[index].status is not PointStatus.COVERED or (
                best != index and results[best].similarity > results[index].similarity
            ):
                taken = spec.key_points[best].statement
                problems.append(
                    RubricProblem(
                        slug, f"the phrasing “{phrasing}” is not recognised as “{point.statement}” (closest: “{taken}”)"
                    )
                )
    return problems
