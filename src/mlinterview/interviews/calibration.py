"""Calibration statistics: how each interviewer rates, how well the panel agrees, how the automatic grader
compares with interviewers, and whether the process selects groups of candidates at similar rates.

Pure functions over frozen dataclasses: no database, so the numbers are easy to test and to trust.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np
from numpy.typing import NDArray
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import KFold, cross_val_predict

RATINGS = (1, 2, 3, 4)
MIN_SHARED_UNITS = 3  # with fewer, an interviewer's agreement with the panel is noise
MIN_OVERRIDES = 5
CROSS_VALIDATE_FROM = 10  # 5 folds of fewer than 2 examples measure nothing
FOUR_FIFTHS = 0.8

Unit = tuple[int, str]  # (candidate_id, competency): the thing several interviewers rate
ByUnit = dict[Unit, dict[int, list[int]]]  # unit -> interviewer_id -> their ratings of it


@dataclass(frozen=True)
class Rating:
    """One competency rating on one submitted scorecard."""

    interviewer_id: int
    candidate_id: int
    stage_id: int
    competency: str
    rating: int  # 1-4
    in_focus: bool  # the competency is one of that stage's focus competencies


@dataclass(frozen=True)
class InterviewerStats:
    interviewer_id: int
    count: int
    distribution: dict[int, int]  # rating (1-4) -> how many times given; all four keys present
    mean: float | None
    leniency: float | None  # mean difference from the rest of the panel; positive = more lenient
    shared_units: int  # units this interviewer rated that someone else also rated
    agreement: float | None  # Krippendorff's alpha (ordinal) with the panel's median
    out_of_focus_share: float | None  # share of ratings outside the stage's focus competencies


@dataclass(frozen=True)
class Override:
    """An automatic score and the score the interviewer replaced it with, both 0-1."""

    automatic: float
    override: float


@dataclass(frozen=True)
class GraderAgreement:
    count: int
    mae: float
    bias: float  # mean of automatic - override; positive: the grader is more generous
    pearson: float | None


@dataclass(frozen=True)
class ScoreMap:
    points: list[tuple[float, float]]  # knots of a monotone map from automatic to calibrated score
    examples: int
    mae_before: float
    mae_after: float
    cross_validated: bool  # mae_after is measured on held-out folds; otherwise in-sample


@dataclass(frozen=True)
class StagePass:
    name: str
    entered: int
    advanced: int
    rate: float | None


@dataclass(frozen=True)
class GroupRate:
    group: str
    size: int
    selected: int
    rate: float
    impact_ratio: float | None  # rate / the highest rate among shown groups
    below_four_fifths: bool


@dataclass(frozen=True)
class AdverseImpact:
    rows: list[GroupRate]
    hidden_groups: int  # groups too small to show; their names and sizes are never returned
    not_reported: int
    min_group_size: int


# Interviewers


def interviewer_stats(ratings: Sequence[Rating]) -> list[InterviewerStats]:
    """One summary per interviewer, sorted by interviewer id."""
    units = _by_unit(ratings)
    mine: dict[int, list[Rating]] = defaultdict(list)
    for rating in ratings:
        mine[rating.interviewer_id].append(rating)
    return [_interviewer(i, mine[i], units) for i in sorted(mine)]


def _interviewer(interviewer_id: int, own: list[Rating], units: ByUnit) -> InterviewerStats:
    values = [r.rating for r in own]
    shared = _shared(interviewer_id, units)
    return InterviewerStats(
        interviewer_id=interviewer_id,
        count=len(values),
        distribution={k: values.count(k) for k in RATINGS},
        mean=statistics.fmean(values) if values else None,
        leniency=_leniency(shared),
        shared_units=len(shared),
        agreement=_agreement_with_panel(shared),
        out_of_focus_share=sum(not r.in_focus for r in own) / len(own) if own else None,
    )


def _by_unit(ratings: Sequence[Rating]) -> ByUnit:
    units: ByUnit = defaultdict(lambda: defaultdict(list))
    for r in ratings:
        units[(r.candidate_id, r.competency)][r.interviewer_id].append(r.rating)
    return units


def _shared(interviewer_id: int, units: ByUnit) -> list[tuple[list[int], list[int]]]:
    """(this interviewer's ratings, everyone else's ratings) for each unit someone else also rated."""
    pairs = []
    for by_coder in units.values():
        others = [v for coder, values in by_coder.items() if coder != interviewer_id for v in values]
        if interviewer_id in by_coder and others:
            pairs.append((by_coder[interviewer_id], others))
    return pairs


def _leniency(shared: list[tuple[list[int], list[int]]]) -> float | None:
    diffs = [mine - statistics.fmean(others) for own, others in shared for mine in own]
    return statistics.fmean(diffs) if diffs else None


def _agreement_with_panel(shared: list[tuple[list[int], list[int]]]) -> float | None:
    if len(shared) < MIN_SHARED_UNITS:
        return None
    data = np.array([[_coder_value(own) for own, _ in shared], [_coder_value(others) for _, others in shared]])
    return _alpha(data.astype(float))


def _coder_value(values: list[int]) -> int:
    # Half-up, not Python's banker's rounding: a panel split between 2 and 3 counts as 3.
    return math.floor(statistics.median(values) + 0.5)


def _alpha(data: NDArray[np.float64]) -> float | None:
    """Ordinal Krippendorff's alpha, or None where it is undefined (no pairable values, no variation)."""
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            value = krippendorff.alpha(
                reliability_data=data, level_of_measurement="ordinal", value_domain=list(RATINGS)
            )
    except ValueError:
        return None
    return None if math.isnan(value) else float(value)


def panel_agreement(ratings: Sequence[Rating]) -> float | None:
    """Krippendorff's alpha (ordinal) over every unit at least two interviewers rated."""
    units = [by_coder for by_coder in _by_unit(ratings).values() if len(by_coder) >= 2]
    if len(units) < 2:
        return None
    row = {coder: index for index, coder in enumerate(sorted({c for u in units for c in u}))}
    data = np.full((len(row), len(units)), np.nan)
    for column, by_coder in enumerate(units):
        for coder, values in by_coder.items():
            data[row[coder], column] = _coder_value(values)
    return _alpha(data)


# The automatic grader against interviewers' overrides


def grader_agreement(overrides: Sequence[Override]) -> GraderAgreement | None:
    if not overrides:
        return None
    automatic, human = _arrays(overrides)
    return GraderAgreement(
        count=len(overrides),
        mae=_mae(automatic, human),
        bias=float(np.mean(automatic - human)),
        pearson=_pearson(automatic, human),
    )


def fit_score_map(overrides: Sequence[Override]) -> ScoreMap:
    """Refit the grader's score mapping on this organisation's overrides (monotone, so ranks are kept)."""
    if len(overrides) < MIN_OVERRIDES:
        raise ValueError(
            f"Calibration needs at least {MIN_OVERRIDES} overridden automatic scores; this organisation has "
            f"{len(overrides)}. Override the automatic score on scorecards where you disagree, then run it again."
        )
    automatic, human = _arrays(overrides)
    model = _isotonic().fit(automatic, human)
    cross_validated = len(overrides) >= CROSS_VALIDATE_FROM
    predicted = _held_out_predictions(automatic, human) if cross_validated else model.predict(automatic)
    return ScoreMap(
        points=[(float(x), float(y)) for x, y in zip(model.X_thresholds_, model.y_thresholds_, strict=True)],
        examples=len(overrides),
        mae_before=_mae(automatic, human),
        mae_after=_mae(predicted, human),
        cross_validated=cross_validated,
    )


def apply_score_map(points: Sequence[tuple[float, float]], score: float) -> float:
    """The calibrated score; the identity where no map has been fitted."""
    if not points:
        return float(np.clip(score, 0.0, 1.0))
    xs, ys = zip(*points, strict=True)
    return float(np.clip(np.interp(score, xs, ys), 0.0, 1.0))


def _isotonic() -> IsotonicRegression:
    return IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip", increasing=True)


def _held_out_predictions(automatic: NDArray[np.float64], human: NDArray[np.float64]) -> NDArray[np.float64]:
    folds = KFold(n_splits=5, shuffle=True, random_state=0)
    return np.asarray(cross_val_predict(_isotonic(), automatic, human, cv=folds), dtype=float)


def _arrays(overrides: Sequence[Override]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    automatic = np.array([o.automatic for o in overrides], dtype=float)
    return automatic, np.array([o.override for o in overrides], dtype=float)


def _mae(predicted: NDArray[np.float64], actual: NDArray[np.float64]) -> float:
    return float(np.mean(np.abs(predicted - actual)))


def _pearson(x: NDArray[np.float64], y: NDArray[np.float64]) -> float | None:
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    return float(np.corrcoef(x, y)[0, 1])


# Outcomes


def pass_rates(stage_names: Sequence[str], furthest: Sequence[int]) -> list[StagePass]:
    """How many candidates entered each stage and how many went on; furthest[i] is a 0-based stage index."""
    last = len(stage_names) - 1
    return [_stage_pass(name, index, index == last, furthest) for index, name in enumerate(stage_names)]


def _stage_pass(name: str, index: int, is_last: bool, furthest: Sequence[int]) -> StagePass:
    entered = sum(f >= index for f in furthest)
    advanced = 0 if is_last else sum(f > index for f in furthest)
    rate = advanced / entered if entered and not is_last else None
    return StagePass(name=name, entered=entered, advanced=advanced, rate=rate)


def adverse_impact(
    groups: Mapping[int, str | None], selected: Collection[int], *, min_group_size: int = 5
) -> AdverseImpact:
    """Selection rates per voluntarily reported group, with the four-fifths rule of thumb.

    Groups smaller than min_group_size are only counted, never named: a rate over three people could
    identify them, and says nothing.
    """
    members: dict[str, list[int]] = defaultdict(list)
    for candidate_id, group in groups.items():
        members[(group or "").strip()].append(candidate_id)
    not_reported = len(members.pop("", []))
    shown = {g: ids for g, ids in members.items() if len(ids) >= min_group_size}
    chosen = set(selected)
    counts = {g: sum(i in chosen for i in ids) for g, ids in shown.items()}
    top = max((counts[g] / len(ids) for g, ids in shown.items()), default=0.0)
    rows = [_group_rate(g, len(ids), counts[g], top) for g, ids in sorted(shown.items())]
    return AdverseImpact(
        rows=rows, hidden_groups=len(members) - len(shown), not_reported=not_reported, min_group_size=min_group_size
    )


def _group_rate(group: str, size: int, selected: int, top: float) -> GroupRate:
    rate = selected / size
    ratio = rate / top if top > 0 else None
    return GroupRate(
        group=group,
        size=size,
        selected=selected,
        rate=rate,
        impact_ratio=ratio,
        below_four_fifths=ratio is not None and ratio < FOUR_FIFTHS,
    )
