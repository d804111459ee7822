"""The learned grader's features: alignment, lexical overlap, embedding similarity and key-point coverage.

Word-level alignment follows Sultan et al. (2016): each content word of the reference is matched to its most
similar word in the answer, after "question demoting" (words of the question itself earn no credit). Word
vectors are contextual: pooled from the word's tokens in its sentence, so one forward pass serves every feature.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from mlinterview.grading.similarity import MiniLM, cosine
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import STOPWORDS, content_words, negated, sentences, stem, words

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


def prefetch(similarity: MiniLM, items: Sequence[tuple[GradingSpec, str]]) -> None:
    """Encode in one batched pass every sentence that grading these answers will read.

    Answers, references and prompts are read closely (words and tokens); the rubric's phrasings and the red
    flags only need their sentence vectors.
    """
    closely, plain = [], []
    for spec, answer in items:
        closely += [*(sentences(answer) or [answer or " "]), *sentences(spec.reference), *sentences(spec.prompt)]
        plain += [text for point in spec.points() for text in point.texts]
        plain += [text for flag in spec.red_flags for text in (flag.flag, flag.phrasing) if text]
    similarity.prefetch(plain, closely)


def features(similarity: MiniLM, spec: GradingSpec, answer: str) -> list[float]:
    answer = answer or " "
    question_words = set(content_words(spec.prompt))

    def own(word: str) -> bool:  # a content word the question did not already supply
        return word not in STOPWORDS and stem(word) not in question_words

    whole = [similarity.whole(text) for text in (answer, spec.reference, spec.prompt)]
    demoted = [similarity.pooled(text, own) for text in (answer, spec.reference)]
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
    answer_words, reference_words = similarity.word_vectors(answer), similarity.word_vectors(spec.reference)
    a_own, r_own = _select(answer_words, own), _select(reference_words, own)
    a_all, r_all = (_select(w, lambda word: word not in STOPWORDS) for w in (answer_words, reference_words))
    align_r, align_p, align_all = _align(r_own, a_own), _align(a_own, r_own), _align(r_all, a_all)
    return [
        float(whole[0] @ whole[1]),
        float(demoted[0] @ demoted[1]) if demoted[0] is not None and demoted[1] is not None else 0.0,
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


def _token_alignment(similarity: MiniLM, spec: GradingSpec, answer: str) -> list[float]:
    """BERTScore-style greedy matching of contextual token vectors, with and without the question's tokens."""
    a, r, q = (similarity.token_vectors(text) for text in (answer, spec.reference, spec.prompt))
    plain = _greedy(a, r)
    a_own, r_own = a[(a @ q.T).max(axis=1) < QUESTION_TOKEN], r[(r @ q.T).max(axis=1) < QUESTION_TOKEN]
    return [*plain, *_greedy(a_own, r_own)]


def _select(found: tuple[list[str], np.ndarray], keep: Callable[[str], bool]) -> np.ndarray:
    words_found, vectors = found
    return vectors[[i for i, word in enumerate(words_found) if keep(word)]]


def _greedy(answer: np.ndarray, reference: np.ndarray) -> tuple[float, float, float]:
    if not len(answer) or not len(reference):
        return 0.0, 0.0, 0.0
    matrix = answer @ reference.T
    precision, recall = float(matrix.max(axis=1).mean()), float(matrix.max(axis=0).mean())
    return precision, recall, _f1(recall, precision)


def _align(source: np.ndarray, target: np.ndarray) -> tuple[float, float, float]:
    """Each source word's best match among the target words: mean similarity, and shares above two levels."""
    if not len(source) or not len(target):
        return 0.0, 0.0, 0.0
    best = (source @ target.T).max(axis=1)
    return float(best.mean()), float((best > 0.8).mean()), float((best > 0.6).mean())


def _trigrams(text: str) -> set[str]:
    flat = " ".join(text.lower().split())
    return {flat[i : i + 3] for i in range(len(flat) - 2)}


def _share(part: set[str], whole: set[str]) -> float:
    return len(part) / len(whole) if whole else 0.0


def _f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0
