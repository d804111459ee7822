"""What a grader grades against: the question, its reference answer, and (when known) a rubric."""

from __future__ import annotations

from dataclasses import dataclass, field

from mlinterview.grading.text import sentences


@dataclass(frozen=True)
class KeyPoint:
    statement: str
    weight: float = 1.0
    phrasings: tuple[str, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """Everything that counts as saying this point."""
        return (self.statement, *self.phrasings)


@dataclass(frozen=True)
class RedFlag:
    flag: str
    phrasing: str = ""


@dataclass(frozen=True)
class GradingSpec:
    prompt: str
    reference: str
    key_points: tuple[KeyPoint, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    max_score: float = 5.0
    reading: tuple[str, ...] = field(default=())  # what to read next, named in feedback

    def points(self) -> tuple[KeyPoint, ...]:
        """The rubric, or key points derived from the reference answer when there is none (one per sentence)."""
        if self.key_points:
            return self.key_points
        return tuple(KeyPoint(sentence) for sentence in sentences(self.reference))
