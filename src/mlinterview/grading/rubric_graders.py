"""Graders that score by rubric coverage alone: lexical (no torch) and semantic (sentence embeddings)."""

from __future__ import annotations

from mlinterview.grading.base import assemble, empty_result, prepare
from mlinterview.grading.coverage import assess_points, rubric_credit
from mlinterview.grading.results import GradeResult
from mlinterview.grading.similarity import CharNgrams, MiniLM, Similarity
from mlinterview.grading.spec import GradingSpec
from mlinterview.grading.text import sentences


class CoverageGrader:
    """Score = weighted share of key points covered (half credit for partly covered, none if contradicted)."""

    name = "coverage"
    version = "1"
    off_topic = 0.3

    def __init__(self, similarity: Similarity) -> None:
        self.similarity = similarity

    def grade(self, spec: GradingSpec, answer: str) -> GradeResult:
        text, notes = prepare(answer)
        if not text:
            return empty_result(spec, self.name, self.version, notes)
        raw = rubric_credit(self.similarity, spec, assess_points(self.similarity, spec, sentences(text)))
        return assemble(
            spec, self.similarity, text, notes, raw, name=self.name, version=self.version, off_topic=self.off_topic
        )


class LexicalGrader(CoverageGrader):
    """Character n-gram similarity (scikit-learn only): fast, no model to load, weaker on paraphrase."""

    name = "lexical"
    off_topic = 0.18

    def __init__(self) -> None:
        super().__init__(CharNgrams())


class SemanticGrader(CoverageGrader):
    """all-MiniLM-L6-v2 sentence embeddings: recognises paraphrases of the key points."""

    name = "semantic"
    off_topic = 0.3

    def __init__(self) -> None:
        super().__init__(MiniLM())
