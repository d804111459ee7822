"""Graders by name. The default is the learned grader."""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import cache

from mlinterview.grading.fake import FakeGrader
from mlinterview.grading.learned import LearnedGrader
from mlinterview.grading.protocol import Grader
from mlinterview.grading.rubric_graders import LexicalGrader, SemanticGrader


class GraderName(enum.StrEnum):
    LEARNED = "learned"
    SEMANTIC = "semantic"
    LEXICAL = "lexical"
    LLM = "llm"
    FAKE = "fake"


DEFAULT = GraderName.LEARNED
FACTORIES: dict[GraderName, Callable[[], Grader]] = {
    GraderName.LEARNED: LearnedGrader,
    GraderName.SEMANTIC: SemanticGrader,
    GraderName.LEXICAL: LexicalGrader,
    GraderName.FAKE: FakeGrader,
}


@cache
def get_grader(name: GraderName = DEFAULT) -> Grader:
    """One instance per name and process: embeddings and models load once and their caches are shared."""
    if name is GraderName.LLM:
        raise LookupError("The LLM grader needs an endpoint: build it with grading.llm.LLMGrader(url=..., model=...)")
    return FACTORIES[name]()
