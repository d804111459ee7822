"""The learned grader's features: alignment, lexical overlap, embedding similarity and key-point coverage.

Word-level alignment follows Sultan et al. (2016): each content word of the reference is matched to its most
similar word in the answer, after "question demoting" (words of the question itself earn no credit).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from mlinterview.grading.similarity import Similarity, cosine
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import STOPWORDS, content_words, negated, sentences, stem, strip_negations, words

NAMES = (
    "cos_answer_reference",
    "cos_demoted",
    "cos_answer_question",
    "coverage_mean",
    "coverage_min",
    "precision_mean",
    "word_recall",
    "word_precision",
    "demoted_recall",
    "demoted_precision",
    "demoted_f1",
    "char_trigram_jaccard",
    "log_length",
    "length_ratio",
    "negation_mismatch",
    "new_word_share",
    "align_recall",
    "align_recall_strict",
    "align_recall_loose",
    "align_precision",
    "align_precision_strict",
    "align_precision_loose",
    "align_all",
    "align_all_strict",
    "align_all_loose",
    "align_f1",
    "token_precision",
    "token_recall",
    "token_f1",
    "demoted_token_precision",
    "demoted_token_recall",
    "demoted_token_f1",
)
QUESTION_TOKEN = 0.85  # an answer token this close to a question token only repeats the question


def texts_needed(spec: GradingSpec, answer: str) -> list[str]:
    """Every text the features embed, so a batch can encode them all at once."""
    question_words = set(content_words(spec.prompt))
    return [
        answer or " ",
        spec.reference,
        spec.prompt,
        _demote(answer, question_words),
        _demote(spec.reference, question_words),
        *sentences(answer),
        *(text for point in spec.points() for text in point.texts),
        *_plain_words(spec.reference),
        *_plain_words(answer),
        # what the coverage, contradiction and red-flag checks compare, so one forward pass serves them all
        *sentences(spec.reference),
        *(strip_negations(s) for s in (*sentences(answer), *sentences(spec.reference))),
        *(text for flag in spec.red_flags for text in (flag.flag, flag.phrasing) if text),
    ]


def features(similarity: Similarity, spec: GradingSpec, answer: str) -> list[float]:
    answer = answer or " "
    question_words = set(content_words(spec.prompt))
    whole = similarity.vectors([answer, spec.reference, spec.prompt])
    demoted = similarity.vectors([_demote(answer, question_words), _demote(spec.reference, question_words)])
    answer_sentences = sentences(answer) or [answer]
    points = spec.points()
    per_point = [float(cosine(similarity, list(p.texts), answer_sentences).max()) for p in points]
    weights = np.array([p.weight for p in points])
    point_texts = [t for p in points for t in p.texts]
    precision = cosine(similarity, answer_sentences, point_texts).max(axis=1) if point_texts else np.zeros(1)

    a_words, r_words = set(content_words(answer)), set(content_words(spec.reference))
    a_new, r_new = a_words - question_words, r_words - question_words
    d_recall, d_precision = _share(a_new & r_new, r_new), _share(a_new & r_new, a_new)
    grams_a, grams_r = _trigrams(answer), _trigrams(spec.reference)
    align_r = _align(similarity, _plain_words(spec.reference, question_words), _plain_words(answer, question_words))
    align_p = _align(similarity, _plain_words(answer, question_words), _plain_words(spec.reference, question_words))
    align_all = _align(similarity, _plain_words(spec.reference), _plain_words(answer))
    return [
        float(whole[0] @ whole[1]),
        float(demoted[0] @ demoted[1]),
        float(whole[0] @ whole[2]),
        float(np.average(per_point, weights=weights)) if per_point else 0.0,
        min(per_point, default=0.0),
        float(np.mean(precision)),
        _share(a_words & r_words, r_words),
        _share(a_words & r_words, a_words),
        d_recall,
        d_precision,
        _f1(d_recall, d_precision),
        _share(grams_a & grams_r, grams_a | grams_r),
        math.log1p(len(words(answer))),
        len(words(answer)) / max(1, len(words(spec.reference))),
        float(negated(answer) != negated(spec.reference)),
        _share(a_new, a_words),
        *align_r,
        *align_p,
        *align_all,
        _f1(align_r[0], align_p[0]),
        *_token_alignment(similarity, spec, answer),
    ]


def _token_alignment(similarity: Similarity, spec: GradingSpec, answer: str) -> list[float]:
    """BERTScore-style greedy matching of contextual token vectors, with and without the question's tokens."""
    token_vectors = getattr(similarity, "token_vectors", None)
    if token_vectors is None:
        return [0.0] * 6
    a, r, q = token_vectors([answer, spec.reference, spec.prompt])
    plain = _greedy(a, r)
    a_own, r_own = a[(a @ q.T).max(axis=1) < QUESTION_TOKEN], r[(r @ q.T).max(axis=1) < QUESTION_TOKEN]
    return [*plain, *_greedy(a_own, r_own)]


def _greedy(answer: np.ndarray, reference: np.ndarray) -> tuple[float, float, float]:
    if not len(answer) or not len(reference):
        return 0.0, 0.0, 0.0
    matrix = answer @ reference.T
    precision, recall = float(matrix.max(axis=1).mean()), float(matrix.max(axis=0).mean())
    return precision, recall, _f1(recall, precision)


def _align(similarity: Similarity, source: Sequence[str], target: Sequence[str]) -> tuple[float, float, float]:
    if not source or not target:
        return 0.0, 0.0, 0.0
    best = cosine(similarity, list(source), list(target)).max(axis=1)
    return float(best.mean()), float((best > 0.8).mean()), float((best > 0.6).mean())


def _plain_words(text: str, drop: set[str] | None = None) -> list[str]:
    kept = [w for w in words(text) if w not in STOPWORDS]
    return [w for w in kept if not drop or stem(w) not in drop]


def _demote(text: str, question_words: set[str]) -> str:
    kept = [w for w in words(text) if w not in STOPWORDS and stem(w) not in question_words]
    return " ".join(kept) or "none"


def _trigrams(text: str) -> set[str]:
    flat = " ".join(text.lower().split())
    return {flat[i : i + 3] for i in range(len(flat) - 2)}


def _share(part: set[str], whole: set[str]) -> float:
    return len(part) / len(whole) if whole else 0.0


def _f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0
