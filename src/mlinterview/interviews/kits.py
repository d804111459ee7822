"""Choose the standard questions of each stage's interview kit. Pure: no database, no I/O.

The rules, in the order they apply:

* **How many.** A conversational stage (screening, technical, behavioural, project review, and any kind
  not named here) asks about one question per 10 minutes, 3 to 8. A practical assessment gets 2 to 4
  discussion questions, one per 30 minutes. The final review is a debrief and gets none.
* **Which.** Only questions written for the role are eligible. A question whose difficulty sits in the
  level's band (junior 1-2, mid 2-4, senior 3-5) always ranks before one outside it, so an out-of-band
  question is used only once the band is exhausted. Then come questions tagged with the level, then the
  question types that suit the stage; a screening also prefers the easy end of the band.
* **Spread.** Picks go round-robin over the stage's focus competencies, so each gets a question before
  any gets a second; the scarcest competency chooses first in each round. A question covers a
  competency when it lists it, and each pick records the one it was chosen for.
* **Never twice, shared fairly.** No question appears in two stages, or twice in one. Stages take turns,
  one round-robin round each, so a scarce competency is shared between stages before any stage gets depth;
  in each turn the most specific stages choose first (behavioural, practical, reviews, technical,
  screening last) so that a broad stage does not take the few questions a narrow one needs.
* **Seeded.** ``random.Random(seed)`` only breaks ties between equally ranked questions: the same seed
  gives the same kits, another seed may give others.
* **Never raises.** A bank too small for a stage gives it fewer picks; ``shortfall`` and ``uncovered``
  say what is missing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

FINAL_REVIEW = "final_review"
PRACTICAL_ASSESSMENT = "practical_assessment"
INITIAL_SCREENING = "initial_screening"

_CONVERSATION_RANGE = (3, 8)
_PRACTICAL_RANGE = (2, 4)
_BANDS = {"junior": (1, 2), "mid": (2, 4), "senior": (3, 5)}
_PREFERRED_TYPES: dict[str, frozenset[str]] = {
    "initial_screening": frozenset({"conceptual", "behavioural"}),
    "technical_interview": frozenset({"conceptual", "applied", "system_design"}),
    "practical_assessment": frozenset({"coding_discussion", "applied"}),
    "project_review": frozenset({"applied", "system_design", "behavioural"}),
    "behavioural_interview": frozenset({"behavioural"}),
    # kinds that role profiles use beyond the six stage kinds of the plan
    "system_design_interview": frozenset({"system_design", "applied"}),
    "research_presentation": frozenset({"applied", "conceptual", "behavioural"}),
}
# Lower chooses earlier; a kind not listed chooses just before the screening.
_CHOOSING_ORDER = {
    "behavioural_interview": 0,
    "practical_assessment": 1,
    "project_review": 2,
    "system_design_interview": 2,
    "research_presentation": 2,
    "technical_interview": 3,
    "initial_screening": 5,
}


@dataclass(frozen=True)
class BankQuestion:
    """What kit selection needs to know about a question."""

    id: int
    slug: str
    type: str
    difficulty: int
    roles: tuple[str, ...]
    seniority: tuple[str, ...]
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class StageNeed:
    """One stage of the plan: ``key`` identifies it in the result (its id or position)."""

    key: int
    kind: str
    focus: tuple[str, ...]
    duration_minutes: int


@dataclass(frozen=True)
class Pick:
    question_id: int
    competency: str  # the focus competency it was chosen for


def questions_per_stage(need: StageNeed) -> int:
    if need.kind == FINAL_REVIEW:
        return 0
    if need.kind == PRACTICAL_ASSESSMENT:
        return _clamp(need.duration_minutes // 30, *_PRACTICAL_RANGE)
    return _clamp(need.duration_minutes // 10, *_CONVERSATION_RANGE)


def choose_kits(
    bank: Sequence[BankQuestion], stages: Sequence[StageNeed], *, role: str, level: str, seed: int
) -> dict[int, list[Pick]]:
    """The picks of every stage, keyed by ``StageNeed.key`` in the order the stages were given."""
    pool = [question for question in bank if role in question.roles]
    random.Random(seed).shuffle(pool)  # noqa: S311 - tie-breaking, not secrets; the stable sorts keep this order
    turns = sorted(stages, key=lambda stage: _CHOOSING_ORDER.get(stage.kind, 4))
    ranked = {need.key: _ranked(pool, need, level) for need in turns}
    chosen: dict[int, list[Pick]] = {need.key: [] for need in turns}
    used: set[int] = set()
    progress = True
    while progress:  # one turn for every stage per pass, until no stage can add a question
        added = [_one_round(ranked[need.key], need, chosen[need.key], used) for need in turns]
        progress = any(added)
    return {need.key: chosen[need.key] for need in stages}


def shortfall(picks: Sequence[Pick], need: StageNeed) -> int:
    """How many questions the stage should have had but the bank could not supply."""
    return max(0, questions_per_stage(need) - len(picks))


def uncovered(picks: Sequence[Pick], need: StageNeed) -> list[str]:
    """The stage's focus competencies that no pick covers."""
    covered = {pick.competency for pick in picks}
    return [competency for competency in need.focus if competency not in covered]


def _ranked(pool: Sequence[BankQuestion], need: StageNeed, level: str) -> list[BankQuestion]:
    low, high = _BANDS.get(level, (1, 5))
    preferred = _PREFERRED_TYPES.get(need.kind, frozenset())
    easy_first = need.kind == INITIAL_SCREENING

    def rank(question: BankQuestion) -> tuple[bool, bool, bool, int]:
        return (
            not low <= question.difficulty <= high,
            level not in question.seniority,
            question.type not in preferred,
            question.difficulty if easy_first else 0,
        )

    return sorted(pool, key=rank)


def _one_round(ranked: Sequence[BankQuestion], need: StageNeed, picks: list[Pick], used: set[int]) -> bool:
    """Give each focus competency at most one more question, scarcest first; say whether any was added."""
    wanted, before = questions_per_stage(need), len(picks)
    for competency in sorted(dict.fromkeys(need.focus), key=lambda key: _available(ranked, key, used)):
        question = next(_candidates(ranked, competency, used), None)
        if question is not None and len(picks) < wanted:
            used.add(question.id)
            picks.append(Pick(question_id=question.id, competency=competency))
    return len(picks) > before


def _candidates(ranked: Sequence[BankQuestion], competency: str, used: set[int]) -> Iterator[BankQuestion]:
    return (q for q in ranked if competency in q.competencies and q.id not in used)


def _available(ranked: Sequence[BankQuestion], competency: str, used: set[int]) -> int:
    return sum(1 for _ in _candidates(ranked, competency, used))


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
