"""Every take-home metric equals scikit-learn's on random data: several seeds, ties, string labels, imbalance."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np
import pytest
from sklearn import metrics as sk

from mlinterview.takehome.metrics import METRICS, Metric, get_metric
from mlinterview.takehome.spec import Prediction

SEEDS = range(6)
TOLERANCE = 1e-9


def _close(ours: float, theirs: float) -> None:
    assert ours == pytest.approx(theirs, abs=TOLERANCE, rel=0), (ours, theirs)


def _quiet(function: Callable[..., float], *args: object, **kwargs: object) -> float:
    """sklearn's warnings (zero division, classes only predicted) are expected in the edge cases."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(function(*args, **kwargs))


# -- label metrics ---------------------------------------------------------------------------------------------------

LABEL_METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "accuracy": sk.accuracy_score,
    "balanced_accuracy": sk.balanced_accuracy_score,
    "f1_macro": lambda t, p: sk.f1_score(t, p, average="macro"),
    "f1_weighted": lambda t, p: sk.f1_score(t, p, average="weighted"),
}
BINARY_METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "precision": sk.precision_score,
    "recall": sk.recall_score,
    "f1": sk.f1_score,
}


def _labels(seed: int, classes: np.ndarray, rows: int, skew: float) -> tuple[np.ndarray, np.ndarray]:
    """True labels drawn with a skewed class balance, predictions right about 60% of the time."""
    rng = np.random.default_rng(seed)
    weights = np.exp(-skew * np.arange(len(classes)))
    truth = rng.choice(classes, size=rows, p=weights / weights.sum())
    guesses = rng.choice(classes, size=rows)
    return truth, np.where(rng.random(rows) < 0.6, truth, guesses)


@pytest.mark.parametrize("name", sorted(LABEL_METRICS))
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "classes",
    [np.array([0, 1]), np.array([3, 7, 11, 2000]), np.array(["cat", "dog", "eel"]), np.array([-1, 0, 5])],
    ids=["binary", "sparse-ints", "strings", "negative-ints"],
)
def test_label_metrics_match_sklearn(name: str, seed: int, classes: np.ndarray) -> None:
    truth, predicted = _labels(seed, classes, rows=500 + 97 * seed, skew=seed / 2)
    _close(get_metric(name).score(truth, predicted), _quiet(LABEL_METRICS[name], truth, predicted))


@pytest.mark.parametrize("name", sorted(LABEL_METRICS))
def test_label_metrics_with_a_class_only_predicted(name: str) -> None:
    truth = np.array(["a", "a", "b", "b", "b"])
    predicted = np.array(["a", "c", "b", "b", "a"])
    _close(get_metric(name).score(truth, predicted), _quiet(LABEL_METRICS[name], truth, predicted))


@pytest.mark.parametrize("name", sorted(BINARY_METRICS))
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("positive_share", [0.5, 0.1, 0.01])
def test_binary_metrics_match_sklearn(name: str, seed: int, positive_share: float) -> None:
    rng = np.random.default_rng(seed)
    truth = (rng.random(2000) < positive_share).astype(np.int64)
    predicted = np.where(rng.random(2000) < 0.7, truth, rng.integers(0, 2, 2000))
    _close(get_metric(name).score(truth, predicted), _quiet(BINARY_METRICS[name], truth, predicted))


@pytest.mark.parametrize("name", sorted(BINARY_METRICS))
@pytest.mark.parametrize(
    ("truth", "predicted"),
    [([0, 0, 0], [0, 0, 0]), ([1, 1, 0], [0, 0, 0]), ([0, 0, 0], [1, 0, 1]), ([1, 1], [1, 1])],
    ids=["nothing-positive", "nothing-predicted", "no-true-positive", "perfect"],
)
def test_binary_metrics_zero_division_like_sklearn(name: str, truth: list[int], predicted: list[int]) -> None:
    expected = _quiet(BINARY_METRICS[name], truth, predicted)
    _close(get_metric(name).score(np.array(truth), np.array(predicted)), expected)


def test_binary_metrics_refuse_named_classes() -> None:
    with pytest.raises(ValueError, match="f1_macro"):
        get_metric("f1").score(np.array(["yes", "no"]), np.array(["yes", "yes"]))


def test_mixed_label_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="mix strings and numbers"):
        get_metric("f1_macro").score(np.array(["a", "b"]), np.array([1, 2]))


# -- ranking and probability metrics ---------------------------------------------------------------------------------

RANKING_METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "roc_auc": sk.roc_auc_score,
    "average_precision": sk.average_precision_score,
    "log_loss": sk.log_loss,
}


def _scores(seed: int, rows: int, positive_share: float, decimals: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Labels and informative probabilities; rounding to few decimals makes many ties."""
    rng = np.random.default_rng(seed)
    truth = (rng.random(rows) < positive_share).astype(np.int64)
    truth[:2] = [0, 1]  # both classes, always
    scores = 1 / (1 + np.exp(-(rng.normal(size=rows) + truth)))
    return truth, scores if decimals is None else np.round(scores, decimals)


@pytest.mark.parametrize("name", sorted(RANKING_METRICS))
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("decimals", [None, 2, 1], ids=["distinct", "ties", "many-ties"])
@pytest.mark.parametrize("positive_share", [0.5, 0.05, 0.995])
def test_ranking_metrics_match_sklearn(name: str, seed: int, decimals: int | None, positive_share: float) -> None:
    truth, scores = _scores(seed, rows=3000 + seed, positive_share=positive_share, decimals=decimals)
    _close(get_metric(name).score(truth, scores), RANKING_METRICS[name](truth, scores))


@pytest.mark.parametrize("name", ["roc_auc", "average_precision"])
@pytest.mark.parametrize("decimals", [None, 4, 1, 0], ids=["distinct", "ties", "many-ties", "nearly-constant"])
def test_ranking_metrics_on_large_inputs_sort_in_two_ranges_and_still_match(name: str, decimals: int | None) -> None:
    """Above 200,000 rows the scores are cut at a median into two ranges, ties at the cut included."""
    truth, scores = _scores(11, rows=250_000, positive_share=0.2, decimals=decimals)
    _close(get_metric(name).score(truth, scores), RANKING_METRICS[name](truth, scores))


@pytest.mark.parametrize("name", ["roc_auc", "average_precision"])
def test_ranking_metrics_on_large_constant_scores(name: str) -> None:
    truth = (np.arange(250_000) % 7 == 0).astype(np.int64)
    scores = np.full(250_000, 0.25)
    _close(get_metric(name).score(truth, scores), RANKING_METRICS[name](truth, scores))


@pytest.mark.parametrize("name", ["roc_auc", "average_precision"])
def test_ranking_metrics_take_unbounded_scores(name: str) -> None:
    rng = np.random.default_rng(3)
    truth = rng.integers(0, 2, 1000)
    scores = np.round(rng.normal(scale=50, size=1000))
    _close(get_metric(name).score(truth, scores), RANKING_METRICS[name](truth, scores))


def test_roc_auc_of_one_class_is_nan_like_sklearn() -> None:
    assert math.isnan(get_metric("roc_auc").score(np.zeros(5, dtype=int), np.linspace(0, 1, 5)))


@pytest.mark.parametrize("truth", [[0, 0, 0], [1, 1, 1]])
def test_average_precision_of_one_class_like_sklearn(truth: list[int]) -> None:
    expected = _quiet(sk.average_precision_score, truth, [0.1, 0.5, 0.5])
    _close(get_metric("average_precision").score(np.array(truth), np.array([0.1, 0.5, 0.5])), expected)


def test_log_loss_clips_certain_mistakes_like_sklearn() -> None:
    truth = np.array([0, 1, 1, 0, 1])
    probabilities = np.array([1.0, 0.0, 1.0, 0.0, 1e-20])
    _close(get_metric("log_loss").score(truth, probabilities), sk.log_loss(truth, probabilities))


def test_log_loss_with_one_class_matches_sklearn_given_both_labels() -> None:
    truth, probabilities = np.ones(4, dtype=int), np.array([0.2, 0.9, 0.5, 1.0])
    _close(get_metric("log_loss").score(truth, probabilities), sk.log_loss(truth, probabilities, labels=[0, 1]))


def test_log_loss_refuses_values_outside_0_1() -> None:
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        get_metric("log_loss").score(np.array([0, 1]), np.array([0.5, 1.5]))


@pytest.mark.parametrize("name", ["roc_auc", "average_precision", "log_loss"])
def test_ranking_metrics_need_0_1_truth(name: str) -> None:
    with pytest.raises(ValueError, match="only 0 and 1"):
        get_metric(name).score(np.array([0, 2, 1]), np.array([0.1, 0.2, 0.3]))


# -- regression and clustering ---------------------------------------------------------------------------------------

REGRESSION_METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "rmse": sk.root_mean_squared_error,
    "mae": sk.mean_absolute_error,
    "mape": sk.mean_absolute_percentage_error,
    "r2": sk.r2_score,
}


@pytest.mark.parametrize("name", sorted(REGRESSION_METRICS))
@pytest.mark.parametrize("seed", SEEDS)
def test_regression_metrics_match_sklearn(name: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.lognormal(mean=3, sigma=1 + seed / 3, size=1500)
    truth[:5] = 0.0  # MAPE's eps in the denominator
    predicted = truth * rng.normal(1, 0.2, size=1500) + rng.normal(0, 5, size=1500)
    _close(get_metric(name).score(truth, predicted), REGRESSION_METRICS[name](truth, predicted))


@pytest.mark.parametrize(("truth", "predicted"), [([2.0, 2.0], [2.0, 2.0]), ([2.0, 2.0], [1.0, 2.0])])
def test_r2_of_a_constant_truth_like_sklearn(truth: list[float], predicted: list[float]) -> None:
    _close(get_metric("r2").score(np.array(truth), np.array(predicted)), sk.r2_score(truth, predicted))


@pytest.mark.parametrize("name", sorted(REGRESSION_METRICS))
def test_regression_metrics_refuse_nan(name: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        get_metric(name).score(np.array([1.0, 2.0]), np.array([1.0, np.nan]))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("kind", ["small-ints", "large-ids", "strings"])
def test_adjusted_rand_matches_sklearn(seed: int, kind: str) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 3 + seed, 2000)
    predicted = np.where(rng.random(2000) < 0.5, truth, rng.integers(0, 5, 2000))
    if kind == "large-ids":
        predicted = predicted * 10_000_019 - 7
    elif kind == "strings":
        truth = np.array([f"group-{value}" for value in truth])
    _close(get_metric("adjusted_rand").score(truth, predicted), sk.adjusted_rand_score(truth, predicted))


@pytest.mark.parametrize(
    ("truth", "predicted"), [([0, 0, 1, 1], [5, 5, 2, 2]), ([0, 0, 1, 1], [0, 1, 0, 1]), ([0], [3]), ([1, 1], [0, 1])]
)
def test_adjusted_rand_special_cases_like_sklearn(truth: list[int], predicted: list[int]) -> None:
    _close(
        get_metric("adjusted_rand").score(np.array(truth), np.array(predicted)),
        sk.adjusted_rand_score(truth, predicted),
    )


# -- the registry ----------------------------------------------------------------------------------------------------


def test_every_metric_is_registered_under_its_own_name() -> None:
    expected = {*LABEL_METRICS, *BINARY_METRICS, *RANKING_METRICS, *REGRESSION_METRICS, "adjusted_rand"}
    assert set(METRICS) == expected
    for name, metric in METRICS.items():
        assert isinstance(metric, Metric)
        assert metric.name == name
        assert metric.label
        assert metric.accepts <= set(Prediction)
        assert metric.accepts


@pytest.mark.parametrize(
    ("name", "greater_is_better"),
    [
        ("accuracy", True),
        ("roc_auc", True),
        ("average_precision", True),
        ("r2", True),
        ("adjusted_rand", True),
        ("log_loss", False),
        ("rmse", False),
        ("mae", False),
        ("mape", False),
    ],
)
def test_direction(name: str, greater_is_better: bool) -> None:
    metric = get_metric(name)
    assert metric.greater_is_better is greater_is_better
    assert metric.better(0.9, 0.1) is greater_is_better
    assert metric.better(0.1, 0.9) is not greater_is_better
    assert not metric.better(0.5, 0.5)
    assert not metric.better(math.nan, 0.5)
    assert metric.better(0.5, math.nan)


def test_prediction_kinds() -> None:
    assert Prediction.PROBABILITY in get_metric("log_loss").accepts
    assert Prediction.VALUE not in get_metric("log_loss").accepts
    assert Prediction.LABEL in get_metric("f1_macro").accepts
    assert get_metric("rmse").accepts == {Prediction.VALUE}
    assert get_metric("adjusted_rand").accepts == {Prediction.CLUSTER}


def test_unknown_metric_suggests_the_closest_and_lists_all() -> None:
    with pytest.raises(KeyError) as raised:
        get_metric("roc_uac")
    message = str(raised.value)
    assert "'roc_auc'" in message
    for name in METRICS:
        assert name in message


def test_unknown_metric_without_a_close_one_still_lists_all() -> None:
    with pytest.raises(KeyError) as raised:
        get_metric("zzzz")
    assert "Did you mean" not in str(raised.value)
    assert "average_precision" in str(raised.value)
