"""Rules no model may override: answers that only look right are capped, whatever their features say."""

from __future__ import annotations

from mlinterview.grading.results import PointResult, PointStatus
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import content_words, is_keyword_salad, words

COPY_CAP, SALAD_CAP, OFF_TOPIC_CAP = 0.2, 0.3, 0.2


def caps(
    spec: GradingSpec,
    answer: str,
    points: list[PointResult],
    off_topic: float,
    similarities: tuple[float, float, float],
    contradicted_share: float,
) -> list[tuple[float, str]]:
    """(cap, reason) for each rule the answer trips.

    ``similarities``: the answer's best sentence against any key point, and the whole answer against the
    reference answer and against the question.
    """
    best_similarity, reference_similarity, question_similarity = similarities
    found = []
    question_words = set(content_words(spec.prompt))
    own_words = [w for w in content_words(answer) if w not in question_words]
    if len(own_words) <= 1 and len(words(answer)) >= 3:
        found.append((COPY_CAP, "The answer mostly repeats the question; it adds almost nothing of its own."))
    if is_keyword_salad(answer):
        found.append(
            (SALAD_CAP, "The answer lists terms without sentences that connect them; explain how they relate.")
        )
    nothing_matched = all(p.status is PointStatus.MISSED for p in points)
    if spec.key_points:  # an explicit rubric is evidence enough on its own
        off = best_similarity < off_topic or (nothing_matched and reference_similarity < 0.5)
    else:  # points derived from a one-line reference are thin evidence: the question's wording counts too
        off = max(best_similarity, reference_similarity, question_similarity) < off_topic
    if off:
        found.append((OFF_TOPIC_CAP, "The answer does not address this question."))
    contradicted = [p for p in points if p.status is PointStatus.CONTRADICTED]
    denies_points = contradicted and sum(p.weight for p in contradicted) >= 0.25 * sum(p.weight for p in points)
    if denies_points or contradicted_share >= 0.3:
        found.append((0.4, "The answer contradicts key points of the expected answer."))
    return found
