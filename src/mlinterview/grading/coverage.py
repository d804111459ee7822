"""Which key points an answer covers, with the sentence that covers each, and which red flags it raises."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlinterview.grading.results import FlagHit, PointResult, PointStatus
from mlinterview.grading.similarity import CharNgrams, Similarity, cosine
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import negated, strip_negations
from mlinterview.grading.text import sentences as split


@dataclass(frozen=True)
class Thresholds:
    covered: float
    partial: float
    flag: float


# Cosine levels differ by representation: embeddings of paraphrases sit higher than shared character n-grams.
THRESHOLDS = {
    "all-MiniLM-L6-v2": Thresholds(covered=0.62, partial=0.45, flag=0.72),
    "char-ngrams": Thresholds(covered=0.42, partial=0.28, flag=0.5),
}
CONTRADICTION = "Contradicts the expected answer"
_CLAIMS = CharNgrams()
SAME_CLAIM = 0.8  # character n-gram cosine of two claims stated in the same words
SHARED_WORDS = 0.5  # a restated claim shares at least half its words with the original
VERBATIM = 0.95  # a sentence this close to a rubric phrasing says what the rubric says, whatever its wording
CREDIT = {PointStatus.COVERED: 1.0, PointStatus.PARTIAL: 0.5, PointStatus.MISSED: 0.0, PointStatus.CONTRADICTED: 0.0}


def contradictions(spec: GradingSpec, sentences: list[str]) -> set[int]:
    """Answer sentences that restate a sentence of the reference answer with the opposite polarity.

    Both sides are compared with their negations removed, by their characters: only a sentence that says the
    same thing word for word, give or take a "not", counts; a paraphrase that happens to use "not" ("does not
    need" for "avoids") does not.
    """
    reference = split(spec.reference)
    suspects = _suspects(reference, sentences)
    if not suspects:
        return set()
    claims = _CLAIMS.sparse([strip_negations(sentences[i]) for i in suspects])
    matrix = (claims @ _CLAIMS.sparse([strip_negations(r) for r in reference]).T).toarray()
    found = set()
    for row, index in enumerate(suspects):
        closest = int(matrix[row].argmax())
        if matrix[row, closest] >= SAME_CLAIM and negated(sentences[index]) != negated(reference[closest]):
            found.add(index)
    return found


def _suspects(reference: list[str], sentences: list[str]) -> list[int]:
    """Answer sentences sharing most of their words with a reference sentence of the opposite polarity.

    Restating a claim word for word is the only way to contradict it here, so sentences without that overlap
    need no embedding at all.
    """
    claims = [(set(strip_negations(r).split()), negated(r)) for r in reference]
    found = []
    for index, sentence in enumerate(sentences):
        mine, polarity = set(strip_negations(sentence).split()), negated(sentence)
        if any(
            polarity != theirs and mine and words and len(mine & words) / min(len(mine), len(words)) >= SHARED_WORDS
            for words, theirs in claims
        ):
            found.append(index)
    return found


def assess_points(
    similarity: Similarity, spec: GradingSpec, sentences: list[str], denied: set[int] | None = None
) -> list[PointResult]:
    """Each key point's status; ``denied`` are the sentence indexes of ``contradictions`` when already known."""
    limits = THRESHOLDS[similarity.name]
    denied = contradictions(spec, sentences) if denied is None else denied
    results = []
    for point in spec.points():
        texts = list(point.texts)
        matrix = cosine(similarity, texts, sentences)  # rows: ways to say the point; columns: answer sentences
        if matrix.size == 0:
            results.append(
                PointResult(statement=point.statement, weight=point.weight, status=PointStatus.MISSED, similarity=0.0)
            )
            continue
        row, column = np.unravel_index(int(np.argmax(matrix)), matrix.shape)
        best, sentence = float(matrix[row, column]), sentences[column]
        if best >= limits.partial and column in denied and best < VERBATIM:
            status = PointStatus.CONTRADICTED
        elif best >= limits.covered:
            status = PointStatus.COVERED
        elif best >= limits.partial:
            status = PointStatus.PARTIAL
        else:
            status = PointStatus.MISSED
        results.append(
            PointResult(
                statement=point.statement,
                weight=point.weight,
                status=status,
                similarity=round(best, 3),
                sentence=None if status is PointStatus.MISSED else sentence,
            )
        )
    return results


def find_flags(
    similarity: Similarity, spec: GradingSpec, sentences: list[str], denied: set[int] | None = None
) -> list[FlagHit]:
    limit = THRESHOLDS[similarity.name].flag
    hits = [
        FlagHit(flag=CONTRADICTION, sentence=sentences[i], similarity=1.0)
        for i in sorted(contradictions(spec, sentences) if denied is None else denied)
    ]
    for flag in spec.red_flags:
        texts = [t for t in (flag.flag, flag.phrasing) if t]
        matrix = cosine(similarity, texts, sentences)
        if matrix.size == 0:
            continue
        row, column = np.unravel_index(int(np.argmax(matrix)), matrix.shape)
        if matrix[row, column] >= limit and negated(sentences[column]) == negated(texts[row]):
            hits.append(
                FlagHit(flag=flag.flag, sentence=sentences[column], similarity=round(float(matrix[row, column]), 3))
            )
    return hits


def weighted_coverage(points: list[PointResult]) -> float:
    total = sum(p.weight for p in points)
    return sum(p.weight * CREDIT[p.status] for p in points) / total if total else 0.0


def rubric_credit(similarity: Similarity, spec: GradingSpec, points: list[PointResult]) -> float:
    """Coverage relative to the reference answer's own coverage of the rubric, which counts as full marks."""
    own = reference_coverage(similarity, spec)
    return min(1.0, weighted_coverage(points) / own) if own > 0 else weighted_coverage(points)


_reference_coverage: dict[tuple[str, GradingSpec], float] = {}


def reference_coverage(similarity: Similarity, spec: GradingSpec) -> float:
    """How much of its own rubric the reference answer covers (remembered per question)."""
    key = (similarity.name, spec)
    if key not in _reference_coverage:
        if len(_reference_coverage) > 4096:
            _reference_coverage.clear()
        _reference_coverage[key] = weighted_coverage(assess_points(similarity, spec, split(spec.reference)))
    return _reference_coverage[key]
