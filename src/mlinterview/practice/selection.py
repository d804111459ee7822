"""Which questions a mock interview asks: as many per competency as the role profile's weights say (largest
remainders), never the same question twice, the level's difficulty band first, and questions the candidate
practised recently last. Pure: the caller passes the bank and a random generator."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BANDS = {"junior": (1, 2), "mid": (2, 4), "senior": (3, 5)}


@dataclass(frozen=True)
class Option:
    id: int
    competencies: tuple[str, ...]
    difficulty: int
    roles: tuple[str, ...]
    seniority: tuple[str, ...]


def allocate(weights: Mapping[str, float], size: int) -> dict[str, int]:
    """``size`` questions shared out in proportion to the weights: whole parts first, then the largest
    remainders (ties to the heavier weight)."""
    total = sum(w for w in weights.values() if w > 0)
    if size <= 0 or total <= 0:
        return {}
    exact = {key: size * w / total for key, w in weights.items() if w > 0}
    counts = {key: math.floor(share) for key, share in exact.items()}
    order = sorted(exact, key=lambda key: (-(exact[key] - counts[key]), -weights[key], key))
    for key in order[: size - sum(counts.values())]:
        counts[key] += 1
    return {key: count for key, count in counts.items() if count}


def choose(
    bank: Sequence[Option],
    weights: Mapping[str, float],
    size: int,
    *,
    role: str,
    level: str,
    rng: random.Random,
    recent: frozenset[int] = frozenset(),
) -> list[tuple[int, str]]:
    """(question id, competency) pairs; a competency without enough questions passes its share on to the
    others, by weight, so the mock still has ``size`` questions when the bank allows."""
    eligible = [q for q in bank if role in q.roles]
    rng.shuffle(eligible)
    low, high = BANDS.get(level, (1, 5))
    eligible.sort(key=lambda q: (q.id in recent, not low <= q.difficulty <= high, level not in q.seniority))
    chosen: list[tuple[int, str]] = []
    used: set[int] = set()
    remaining = dict(weights)
    while len(chosen) < size and remaining:
        for competency, count in allocate(remaining, size - len(chosen)).items():
            picks = [q for q in eligible if competency in q.competencies and q.id not in used][:count]
            chosen += [(q.id, competency) for q in picks]
            used.update(q.id for q in picks)
            if len(picks) < count:
                remaining.pop(competency)  # exhausted: its share goes to the others next round
    return _interleave(chosen)


def _interleave(chosen: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Alternate competencies, so a mock does not ask three questions on one theme in a row."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for pick in chosen:
        groups.setdefault(pick[1], []).append(pick)
    ordered: list[tuple[int, str]] = []
    while any(groups.values()):
        for key in sorted(groups, key=lambda k: -len(groups[k])):
            if groups[key]:
                ordered.append(groups[key].pop(0))
    return ordered
