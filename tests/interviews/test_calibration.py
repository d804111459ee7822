"""Calibration statistics and charts: hand-computed numbers, or the reference library on the same data."""

from collections.abc import Callable

import krippendorff
import numpy as np
import pytest
from scipy import stats

from mlinterview.interviews import charts
from mlinterview.interviews.calibration import (
    AdverseImpact,
    Override,
    Rating,
    StagePass,
    adverse_impact,
    apply_score_map,
    fit_score_map,
    grader_agreement,
    interviewer_stats,
    panel_agreement,
    pass_rates,
)

COMPETENCIES = ("modelling", "coding")


def rating(interviewer: int, candidate: int, competency: str, value: int, *, in_focus: bool = True) -> Rating:
    return Rating(
        interviewer_id=interviewer,
        candidate_id=candidate,
        stage_id=1,
        competency=competency,
        rating=value,
        in_focus=in_focus,
    )


def lenient_panel() -> list[Rating]:
    """Interviewer 1 always rates one point above interviewer 2, over six units."""
    ratings = []
    for candidate, base in enumerate((1, 2, 3)):
        for competency in COMPETENCIES:
            ratings += [rating(1, candidate, competency, base + 1), rating(2, candidate, competency, base)]
    return ratings


def overrides_too_generous(n: int) -> list[Override]:
    """A grader whose scores are systematically 0.2 above the interviewers'."""
    human = np.linspace(0.0, 0.8, n)
    return [Override(automatic=float(h) + 0.2, override=float(h)) for h in human]


def cohort(sizes_and_selected: dict[str, tuple[int, int]]) -> tuple[dict[int, str | None], set[int]]:
    groups: dict[int, str | None] = {}
    selected: set[int] = set()
    for group, (size, chosen) in sizes_and_selected.items():
        ids = range(len(groups), len(groups) + size)
        groups.update(dict.fromkeys(ids, group))
        selected.update(list(ids)[:chosen])
    return groups, selected


# Interviewers


def test_leniency_is_the_mean_difference_from_the_rest_of_the_panel() -> None:
    lenient, harsh = interviewer_stats(lenient_panel())
    assert (lenient.interviewer_id, lenient.leniency, lenient.shared_units) == (1, pytest.approx(1.0), 6)
    assert (harsh.interviewer_id, harsh.leniency, harsh.shared_units) == (2, pytest.approx(-1.0), 6)


def test_leniency_compares_with_the_mean_of_the_others() -> None:
    ratings = [rating(1, 1, "coding", 4), rating(2, 1, "coding", 2), rating(3, 1, "coding", 3)]
    by_id = {s.interviewer_id: s for s in interviewer_stats(ratings)}
    assert by_id[1].leniency == pytest.approx(4 - 2.5)
    assert by_id[2].leniency == pytest.approx(2 - 3.5)


def test_distribution_mean_and_out_of_focus_share() -> None:
    ratings = [
        rating(7, 1, "coding", 2),
        rating(7, 2, "coding", 2, in_focus=False),
        rating(7, 3, "coding", 4),
        rating(7, 4, "modelling", 3, in_focus=False),
    ]
    (only,) = interviewer_stats(ratings)
    assert only.distribution == {1: 0, 2: 2, 3: 1, 4: 1}
    assert only.count == 4
    assert only.mean == pytest.approx(2.75)
    assert only.out_of_focus_share == pytest.approx(0.5)
    assert (only.leniency, only.shared_units, only.agreement) == (None, 0, None)


def test_interviewers_are_sorted_and_empty_input_is_empty() -> None:
    assert [s.interviewer_id for s in interviewer_stats([rating(9, 1, "coding", 3), rating(3, 1, "coding", 3)])] == [
        3,
        9,
    ]
    assert interviewer_stats([]) == []


def test_agreement_with_the_panel_is_krippendorffs_alpha_against_the_panel_median() -> None:
    # Interviewer 1 against interviewers 2 and 3, whose median is 2.5 -> 3 (half up) on the first unit.
    values = {1: (3, 1, 4, 2), 2: (2, 1, 4, 1), 3: (3, 2, 4, 2)}
    ratings = [rating(i, c, "coding", v) for i, row in values.items() for c, v in enumerate(row)]
    by_id = {s.interviewer_id: s for s in interviewer_stats(ratings)}
    expected = krippendorff.alpha(
        reliability_data=[[3, 1, 4, 2], [3, 2, 4, 2]], level_of_measurement="ordinal", value_domain=[1, 2, 3, 4]
    )
    assert by_id[1].agreement == pytest.approx(expected)


def test_agreement_needs_three_shared_units_and_some_variation() -> None:
    two_units = [rating(i, c, "coding", 3) for i in (1, 2) for c in (1, 2)]
    assert interviewer_stats(two_units)[0].agreement is None
    all_threes = [rating(i, c, "coding", 3) for i in (1, 2) for c in (1, 2, 3, 4)]
    assert interviewer_stats(all_threes)[0].agreement is None


def test_panel_agreement_equals_the_reference_on_the_same_matrix() -> None:
    matrix = [[1, 2, 3, 3, np.nan], [1, 2, 4, np.nan, 2], [2, np.nan, 4, 3, 2]]
    ratings = [
        rating(i, c, "coding", int(v)) for i, row in enumerate(matrix) for c, v in enumerate(row) if not np.isnan(v)
    ]
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="ordinal", value_domain=[1, 2, 3, 4])
    assert panel_agreement(ratings) == pytest.approx(expected)


def test_panel_agreement_is_one_when_everyone_agrees() -> None:
    ratings = [rating(i, c, comp, c % 4 + 1) for i in (1, 2, 3) for c in range(4) for comp in COMPETENCIES]
    assert panel_agreement(ratings) == pytest.approx(1.0)


def test_panel_agreement_is_none_without_enough_shared_units() -> None:
    assert panel_agreement([]) is None
    assert panel_agreement([rating(1, 1, "coding", 3), rating(2, 1, "coding", 4)]) is None
    assert panel_agreement([rating(1, c, "coding", 2) for c in range(5)]) is None  # nobody else rated them
    assert panel_agreement([rating(i, c, "coding", 3) for i in (1, 2) for c in range(3)]) is None  # no variation


# The automatic grader against overrides


def test_grader_agreement_on_known_data() -> None:
    overrides = [Override(0.5, 0.4), Override(0.7, 0.5), Override(0.9, 0.9)]
    result = grader_agreement(overrides)
    assert result is not None
    assert result.count == 3
    assert result.mae == pytest.approx(0.1)
    assert result.bias == pytest.approx(0.1)
    assert result.pearson == pytest.approx(stats.pearsonr([0.5, 0.7, 0.9], [0.4, 0.5, 0.9]).statistic)


def test_grader_agreement_edge_cases() -> None:
    assert grader_agreement([]) is None
    pair = grader_agreement([Override(0.2, 0.3), Override(0.6, 0.5)])
    assert pair is not None
    assert pair.pearson is None
    assert pair.bias == pytest.approx(0.0)
    constant = grader_agreement([Override(0.5, 0.1), Override(0.5, 0.4), Override(0.5, 0.9)])
    assert constant is not None
    assert constant.pearson is None


def test_fit_score_map_needs_five_overrides_and_says_what_to_do() -> None:
    with pytest.raises(ValueError, match="at least 5 overridden automatic scores; this organisation has 4") as error:
        fit_score_map(overrides_too_generous(4))
    assert "Override the automatic score on scorecards where you disagree" in str(error.value)


def test_fit_score_map_corrects_a_generous_grader_under_cross_validation() -> None:
    fitted = fit_score_map(overrides_too_generous(40))
    assert fitted.examples == 40
    assert fitted.cross_validated
    assert fitted.mae_before == pytest.approx(0.2)
    assert fitted.mae_after < 0.05
    ys = [y for _, y in fitted.points]
    assert ys == sorted(ys)
    assert all(0.0 <= y <= 1.0 for y in ys)
    assert apply_score_map(fitted.points, 0.7) == pytest.approx(0.5, abs=0.05)


def test_fit_score_map_on_few_examples_is_measured_in_sample() -> None:
    fitted = fit_score_map(overrides_too_generous(6))
    assert not fitted.cross_validated
    assert fitted.mae_after < fitted.mae_before


def test_apply_score_map_clips_and_is_the_identity_without_a_map() -> None:
    assert apply_score_map([], 0.3) == pytest.approx(0.3)
    assert apply_score_map([], 1.7) == 1.0
    points = [(0.2, -0.5), (0.8, 1.5)]
    assert apply_score_map(points, 0.0) == 0.0
    assert apply_score_map(points, 0.5) == pytest.approx(0.5)
    assert apply_score_map(points, 1.0) == 1.0


# Outcomes


def test_pass_rates_on_a_small_cohort() -> None:
    screen, technical, onsite = pass_rates(["Screen", "Technical", "Onsite"], [0, 0, 1, 1, 2])
    assert screen == StagePass("Screen", entered=5, advanced=3, rate=pytest.approx(0.6))
    assert technical == StagePass("Technical", entered=3, advanced=1, rate=pytest.approx(1 / 3))
    assert onsite == StagePass("Onsite", entered=1, advanced=0, rate=None)


def test_pass_rates_with_nobody_or_no_stages() -> None:
    assert pass_rates([], [0, 1]) == []
    assert pass_rates(["Screen", "Onsite"], []) == [StagePass("Screen", 0, 0, None), StagePass("Onsite", 0, 0, None)]


def test_adverse_impact_flags_a_ratio_below_four_fifths() -> None:
    groups, selected = cohort({"A": (20, 10), "B": (10, 3)})
    result = adverse_impact(groups, selected)
    a, b = result.rows
    assert (a.group, a.size, a.selected, a.rate, a.impact_ratio, a.below_four_fifths) == ("A", 20, 10, 0.5, 1.0, False)
    assert (b.group, b.rate, b.below_four_fifths) == ("B", pytest.approx(0.3), True)
    assert b.impact_ratio == pytest.approx(0.6)


def test_adverse_impact_hides_small_groups_and_counts_the_unreported() -> None:
    groups, selected = cohort({"A": (6, 3), "Rare": (2, 1), "B": (5, 5)})
    groups.update({100: None, 101: "", 102: "  "})
    result = adverse_impact(groups, selected, min_group_size=5)
    assert [row.group for row in result.rows] == ["A", "B"]
    assert (result.hidden_groups, result.not_reported, result.min_group_size) == (1, 3, 5)
    assert "Rare" not in repr(result)


def test_adverse_impact_with_nobody_selected_or_no_data() -> None:
    groups, _ = cohort({"A": (6, 0), "B": (5, 0)})
    result = adverse_impact(groups, set())
    assert all(row.impact_ratio is None and not row.below_four_fifths for row in result.rows)
    assert adverse_impact({}, []) == AdverseImpact(rows=[], hidden_groups=0, not_reported=0, min_group_size=5)


# Charts


def _normal_and_empty() -> list[tuple[Callable[[], str], Callable[[], str]]]:
    stages = pass_rates(["Screen", "Technical", "Onsite"], [0, 0, 1, 1, 2])
    impact = adverse_impact(*cohort({"A": (20, 10), "B": (10, 3)}))
    overrides = overrides_too_generous(12)
    return [
        (
            lambda: charts.rating_distribution(["Ada", "Ben"], [{1: 1, 2: 3, 3: 4, 4: 2}, {3: 5}]),
            lambda: charts.rating_distribution([], []),
        ),
        (lambda: charts.leniency(["Ada", "Ben", "Cy"], [0.4, -0.6, None]), lambda: charts.leniency([], [])),
        (
            lambda: charts.grader_vs_overrides(overrides, fit_score_map(overrides).points),
            lambda: charts.grader_vs_overrides([], None),
        ),
        (lambda: charts.funnel(stages), lambda: charts.funnel([])),
        (lambda: charts.impact_ratios(impact), lambda: charts.impact_ratios(adverse_impact({}, []))),
    ]


@pytest.mark.parametrize(("normal", "empty"), _normal_and_empty())
def test_charts_are_inline_svg_for_normal_and_empty_input(normal: Callable[[], str], empty: Callable[[], str]) -> None:
    for svg in (normal(), empty()):
        assert svg.startswith("<svg")
        assert svg.rstrip().endswith("</svg>")
        assert "<?xml" not in svg
        assert "<!DOCTYPE" not in svg
        assert "viewBox" in svg
    assert "Not enough data yet" in empty()
    assert "<text" in normal()  # text kept as text, not paths


def test_chart_labels_are_in_the_svg() -> None:
    svg = charts.leniency(["Ada Lovelace"], [0.5])
    assert "Ada Lovelace" in svg
    assert "Mean difference from the rest of the panel" in svg
    assert 'width="100%"' in svg.split(">", 1)[0]
    assert "height=" not in svg.split(">", 1)[0]
