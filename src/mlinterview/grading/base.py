"""What every grader shares: cleaning the answer, the empty-answer rule, caps, confidence and feedback."""

from __future__ import annotations

from mlinterview.grading.coverage import (
    assess_points,
    contradictions,
    find_flags,
    rubric_credit,
    weighted_coverage,
)
from mlinterview.grading.feedback import write_feedback
from mlinterview.grading.guards import caps
from mlinterview.grading.results import GradeResult
from mlinterview.grading.similarity import Similarity
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import looks_english, normalise, sentences, truncate

REVIEW_BELOW = 0.6


def prepare(answer: str) -> tuple[str, list[str]]:
    """The text to grade, and notes about what was done to it."""
    text, notes = normalise(answer), []
    text, cut = truncate(text)
    if cut:
        notes.append(f"Only the first {len(text):,} characters were graded; keep answers short and focused.")
    if text and not looks_english(text):
        notes.append(
            "This answer does not look like English; the grader reads English only, so a person should review it."
        )
    return text, notes


def empty_result(spec: GradingSpec, name: str, version: str, notes: list[str]) -> GradeResult:
    return GradeResult(
        score=0.0,
        scaled_score=0.0,
        max_score=spec.max_score,
        points=[],
        confidence=1.0,
        needs_review=False,
        feedback="The answer is empty. Write what you know, even in a few sentences, and submit again.",
        notes=notes,
        grader=name,
        version=version,
    )


def assemble(
    spec: GradingSpec,
    similarity: Similarity,
    text: str,
    notes: list[str],
    raw_score: float,
    *,
    name: str,
    version: str,
    off_topic: float,
) -> GradeResult:
    """Turn a model's raw 0-1 score into the full result: evidence, caps, confidence and feedback."""
    answer_sentences = sentences(text)
    denied = contradictions(spec, answer_sentences)
    points = assess_points(similarity, spec, answer_sentences, denied)
    flags = find_flags(similarity, spec, answer_sentences, denied)
    best = max((p.similarity for p in points), default=0.0)
    score = min(max(raw_score, 0.0), 1.0)
    if spec.key_points:  # an explicit rubric is the authority: it has an equal say with the model
        score = (score + rubric_credit(similarity, spec, points)) / 2
    answer_vector = similarity.whole(text)
    reference_similarity = float(answer_vector @ similarity.whole(spec.reference))
    question_similarity = float(answer_vector @ similarity.whole(spec.prompt))
    denied_share = len(denied) / max(1, len(answer_sentences))
    similarities = (best, reference_similarity, question_similarity)
    for cap, reason in caps(spec, text, points, off_topic, similarities, denied_share):
        if score > cap:
            score = cap
            notes.append(reason)
    # Confident when the score agrees with the rubric evidence and nothing odd was noticed.
    agreement = 1.0 - abs(score - weighted_coverage(points))
    confidence = round(max(0.0, min(1.0, agreement - 0.15 * len(notes) - 0.1 * len(flags))), 3)
    return GradeResult(
        score=round(score, 4),
        scaled_score=round(score * spec.max_score, 2),
        max_score=spec.max_score,
        points=points,
        red_flags=flags,
        confidence=confidence,
        needs_review=confidence < REVIEW_BELOW or any("English" in n for n in notes),
        feedback=write_feedback(points, flags, notes, spec.reading),
        notes=notes,
        grader=name,
        version=version,
    )
