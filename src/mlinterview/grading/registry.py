"""Graders by name. The default is the learned grader."""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import cache

from mlinterview.grading.fake import FakeGrader
from mlinterview.grading.learned import LearnedGrader
from mlinterview.grading.llm import LLMGrader
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


_llm: LLMGrader | None = None


def configure_llm(url: str, model: str, api_key: str = "") -> None:
    """Turn on the LLM grader (the application does this when MLI_LLM_URL and MLI_LLM_MODEL are set)."""
    global _llm
    _llm = LLMGrader(url, model, api_key) if url and model else None


@cache
def _instance(name: GraderName) -> Grader:
    return FACTORIES[name]()


def get_grader(name: GraderName = DEFAULT) -> Grader:
    """One instance per name and process: embeddings and models load once and their caches are shared."""
    if name is GraderName.LLM:
        if _llm is None:
            raise LookupError(
                "The LLM grader is off: set MLI_LLM_URL (an OpenAI-compatible endpoint) and MLI_LLM_MODEL to use it."
            )
        return _llm
    return _instance(name)
