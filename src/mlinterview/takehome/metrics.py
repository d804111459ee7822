"""The take-home metrics: one registry, plain numpy, each equal to scikit-learn's to 1e-9.

Submissions are scored twice (the public subset and the private rest) and can hold millions of rows, so these
skip scikit-learn's per-call validation and its argsort: ranking metrics sort the positives' and the negatives'
scores apart (sorting values is quicker than argsort) and count with ``searchsorted``, which handles ties exactly as
sklearn does. Sorting is nearly all of their cost, so large inputs are cut at a median score and the two ranges are
sorted on two threads.

Label metrics take class labels (integers or strings); ``roc_auc``, ``average_precision`` and ``log_loss`` take
``y_true`` in {0, 1} and the predicted probability (or score) of class 1.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

import numpy as np

from mlinterview.takehome.spec import Prediction

Score = Callable[[np.ndarray, np.ndarray], float]

# From this many scores, ranking metrics sort on two threads: below it the thread costs more than it saves.
_PARALLEL_FROM = 200_000
# Non-negative integer labels below these bounds are their own codes (no np.unique, which sorts): the confusion
# matrix has this many cells per side, the clustering counts this many entries.
_CONFUSION_CODES = 1024
_CLUSTER_CODES = 1 << 20


@dataclass(frozen=True)
class Metric:
    name: str
    label: str  # the human name, e.g. "ROC AUC"
    greater_is_better: bool
    accepts: frozenset[Prediction]  # the prediction kinds it can score
    score: Score

    def better(self, a: float, b: float) -> bool:
        """Whether score ``a`` beats score ``b`` (strictly); NaN never beats anything."""
        if math.isnan(a):
            return False
        if math.isnan(b):
            return True
        return a > b if self.greater_is_better else a < b


# -- shared checks ---------------------------------------------------------------------------------------------------


def _pair(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1:
        raise ValueError(f"expected two 1-d arrays, got shapes {y_true.shape} and {y_pred.shape}")
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} rows but y_pred has {len(y_pred)}: align them by id first")
    if len(y_true) == 0:
        raise ValueError("nothing to score: y_true and y_pred are empty")
    return y_true, y_pred


def _floats(values: np.ndarray, what: str) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    if not np.isfinite(values).all():
        raise ValueError(f"{what} holds NaN or infinite values: every row needs a finite number")
    return values


def _binary(y_true: np.ndarray) -> np.ndarray:
    """y_true as booleans (class 1 is positive); it must hold only 0 and 1."""
    positive: np.ndarray = y_true == 1
    if y_true.dtype != np.bool_ and not (positive | (y_true == 0)).all():
        raise ValueError("y_true must hold only 0 and 1 (1 is the positive class) for this metric")
    return positive


# -- label metrics ---------------------------------------------------------------------------------------------------


def _codes(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Both label arrays as codes 0..k-1 over their union (k = how many codes), for counting with bincount."""
    if _small_ints(y_true, _CONFUSION_CODES) and _small_ints(y_pred, _CONFUSION_CODES):
        # Small non-negative integers are codes already; codes no row uses are dropped by the callers.
        k = int(max(y_true.max(), y_pred.max())) + 1
        return y_true.astype(np.intp, copy=False), y_pred.astype(np.intp, copy=False), k
    textual = {values.dtype.kind in "US" for values in (y_true, y_pred) if values.dtype.kind != "O"}
    if len(textual) > 1:  # numpy would quietly turn the numbers into strings
        raise ValueError("y_true and y_pred mix strings and numbers: labels must be of one kind")
    classes, inverse = np.unique(np.concatenate([y_true, y_pred]), return_inverse=True)
    return inverse[: len(y_true)], inverse[len(y_true) :], len(classes)


def _small_ints(values: np.ndarray, bound: int) -> bool:
    return values.dtype.kind in "iub" and int(values.min()) >= 0 and int(values.max()) < bound


def _confusion(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """The confusion matrix (rows: true class, columns: predicted) over the classes either array uses."""
    y_true, y_pred = _pair(y_true, y_pred)
    true_codes, pred_codes, k = _codes(y_true, y_pred)
    matrix = np.bincount(true_codes * k + pred_codes, minlength=k * k).reshape(k, k)
    used = (matrix.sum(axis=0) + matrix.sum(axis=1)) > 0
    return matrix[np.ix_(used, used)]


def _per_class_f1(matrix: np.ndarray) -> np.ndarray:
    true_positives = np.diag(matrix).astype(np.float64)
    # 2tp + fp + fn = row sum + column sum, never 0 for a class that occurs in either array
    scores: np.ndarray = 2 * true_positives / (matrix.sum(axis=0) + matrix.sum(axis=1))
    return scores


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def balanced_accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    matrix = _confusion(y_true, y_pred)
    support = matrix.sum(axis=1)
    present = support > 0  # like sklearn, classes only ever predicted do not count
    return float(np.mean(np.diag(matrix)[present] / support[present]))


def _binary_counts(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[int, int, int]:
    """True positives, false positives and false negatives for the positive class 1."""
    y_true, y_pred = _pair(y_true, y_pred)
    if y_true.dtype.kind not in "iufb" or y_pred.dtype.kind not in "iufb":
        raise ValueError("precision, recall and f1 score class 1 against 0: for named classes use f1_macro")
    actual, predicted = y_true == 1, y_pred == 1
    true_positives = int(np.count_nonzero(actual & predicted))
    return (
        true_positives,
        int(np.count_nonzero(predicted)) - true_positives,
        int(np.count_nonzero(actual)) - true_positives,
    )


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0  # sklearn's zero_division="warn" gives 0.0


def precision(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    tp, fp, _ = _binary_counts(y_true, y_pred)
    return _ratio(tp, tp + fp)


def recall(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    tp, _, fn = _binary_counts(y_true, y_pred)
    return _ratio(tp, tp + fn)


def f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    tp, fp, fn = _binary_counts(y_true, y_pred)
    return _ratio(2 * tp, 2 * tp + fp + fn)


def f1_macro(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    return float(np.mean(_per_class_f1(_confusion(y_true, y_pred))))


def f1_weighted(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    matrix = _confusion(y_true, y_pred)
    return float(np.average(_per_class_f1(matrix), weights=matrix.sum(axis=1)))


# -- ranking metrics -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """The rows whose scores fall in one range: each class's scores sorted, and how many rows other ranges hold.

    Ties never straddle two ranges (a range holds every row with a score in it), so the ranges can be counted apart.
    """

    positives: np.ndarray
    negatives: np.ndarray
    negatives_below: int  # in lower ranges
    positives_above: int  # in higher ranges
    negatives_above: int


def _ranked(y_true: np.ndarray, y_score: np.ndarray, part_sum: Callable[[_Part], float]) -> tuple[float, int, int]:
    """``part_sum`` added over the score ranges, with the number of positives and negatives.

    Large inputs are cut at the median of a sample of scores into two ranges, counted on two threads (numpy sorts
    and searches without holding the GIL).
    """
    y_true, y_score = _pair(y_true, y_score)
    positive = _binary(y_true)
    scores = _floats(y_score, "y_score")
    positives = int(np.count_nonzero(positive))
    negatives = len(scores) - positives
    if len(scores) < _PARALLEL_FROM:
        whole = _Part(_sorted(scores, positive), _sorted(scores, ~positive), 0, 0, 0)
        return part_sum(whole), positives, negatives
    pivot = float(np.median(scores[:: len(scores) // 1001]))
    upper = scores >= pivot
    positives_above = int(np.count_nonzero(positive & upper))
    negatives_above = int(np.count_nonzero(upper)) - positives_above

    def lower_part() -> float:
        lower = ~upper
        return part_sum(
            _Part(
                _sorted(scores, positive & lower),
                _sorted(scores, ~positive & lower),
                0,
                positives_above,
                negatives_above,
            )
        )

    def upper_part() -> float:
        return part_sum(
            _Part(
                _sorted(scores, positive & upper),
                _sorted(scores, ~positive & upper),
                negatives - negatives_above,
                0,
                0,
            )
        )

    later = _pool().submit(upper_part)
    return lower_part() + later.result(), positives, negatives


def _sorted(scores: np.ndarray, where: np.ndarray) -> np.ndarray:
    # np.compress (nonzero, then take) is several times quicker than scores[where] on a mask without pattern
    return np.sort(np.compress(where, scores))


@cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="takehome-metrics")


def _auc_sum(part: _Part) -> float:
    """Twice the (positive, negative) pairs the positive outscores, a tie counting one: a positive outscores the
    negatives below it in its range and all those of lower ranges."""
    below = np.searchsorted(part.negatives, part.positives, side="left")
    # Most scores tie with no negative: search again (side="right") only for those that do.
    last = len(part.negatives) - 1
    tied = part.negatives[np.minimum(below, last)] == part.positives if last >= 0 else np.zeros(0, dtype=bool)
    ties = 0
    if tied.any():
        tied_scores = part.positives[tied]
        ties = int((np.searchsorted(part.negatives, tied_scores, side="right") - below[tied]).sum())
    return float(2 * int(below.sum(dtype=np.int64)) + ties + 2 * part.negatives_below * len(part.positives))


def roc_auc(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """Area under the ROC curve: the chance a positive outscores a negative, ties counting one half.

    This is the trapezoidal area sklearn computes, and NaN (as sklearn gives) when y_true holds one class.
    """
    twice_won, positives, negatives = _ranked(y_true, y_score, _auc_sum)
    if positives == 0 or negatives == 0:
        return math.nan
    return twice_won / (2 * positives * negatives)


def _precision_sum(part: _Part) -> float:
    """The precision at each positive's score (the threshold where it is first counted), summed."""
    positives = part.positives
    # where each positive's run of equal scores starts, in the sorted positives
    starts = np.flatnonzero(np.concatenate(([True], positives[1:] != positives[:-1])))
    run_start = np.repeat(starts, np.diff(np.append(starts, len(positives))))
    positives_at_or_above = len(positives) - run_start + part.positives_above
    negatives_at_or_above = (
        len(part.negatives) - np.searchsorted(part.negatives, positives, side="left") + part.negatives_above
    )
    return float(np.sum(positives_at_or_above / (positives_at_or_above + negatives_at_or_above)))


def average_precision(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """sklearn's average precision: the sum over thresholds of (recall gained) x (precision there).

    Each positive adds 1/P recall at its own score, so this is the mean over positives of the precision at their
    score: (positives scoring at least as high) / (all scoring at least as high).
    """
    precision_sum, positives, _ = _ranked(y_true, y_score, _precision_sum)
    if positives == 0:
        return 0.0  # sklearn: recall is taken as 1 at every threshold, precision as 0
    return precision_sum / positives


def log_loss(y_true: np.ndarray, y_prob: np.ndarray) -> float:
    """Mean negative log-likelihood; like sklearn 1.9, p and 1 - p are each clipped to [eps, 1 - eps]."""
    y_true, y_prob = _pair(y_true, y_prob)
    positive = _binary(y_true)
    probabilities = _floats(y_prob, "y_prob")
    if probabilities.max() > 1 or probabilities.min() < 0:
        raise ValueError("y_prob must hold probabilities in [0, 1]")
    eps = np.finfo(np.float64).eps
    chosen = np.clip(np.where(positive, probabilities, 1.0 - probabilities), eps, 1 - eps)
    return float(-np.mean(np.log(chosen)))


# -- regression ------------------------------------------------------------------------------------------------------


def _values(y_true: np.ndarray, y_pred: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = _pair(y_true, y_pred)
    return _floats(y_true, "y_true"), _floats(y_pred, "y_pred")


def rmse(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    truth, predicted = _values(y_true, y_pred)
    return float(np.sqrt(np.mean((truth - predicted) ** 2)))


def mae(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    truth, predicted = _values(y_true, y_pred)
    return float(np.mean(np.abs(truth - predicted)))


def mape(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """sklearn's mean_absolute_percentage_error: a fraction, not a percentage; eps keeps y_true = 0 finite."""
    truth, predicted = _values(y_true, y_pred)
    eps = np.finfo(np.float64).eps
    return float(np.mean(np.abs(predicted - truth) / np.maximum(np.abs(truth), eps)))


def r2(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    truth, predicted = _values(y_true, y_pred)
    residual = float(np.sum((truth - predicted) ** 2))
    total = float(np.sum((truth - np.mean(truth)) ** 2))
    if total == 0:
        return 1.0 if residual == 0 else 0.0  # sklearn's force_finite
    return 1 - residual / total


# -- clustering ------------------------------------------------------------------------------------------------------


def _labels_as_codes(labels: np.ndarray) -> tuple[np.ndarray, int]:
    if _small_ints(labels, _CLUSTER_CODES):
        return labels.astype(np.intp, copy=False), int(labels.max()) + 1
    classes, inverse = np.unique(labels, return_inverse=True)
    return inverse, len(classes)


def adjusted_rand(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """The adjusted Rand index from the pair confusion matrix, in Python integers as sklearn does (no overflow)."""
    y_true, y_pred = _pair(y_true, y_pred)
    true_codes, true_count = _labels_as_codes(y_true)
    pred_codes, _ = _labels_as_codes(y_pred)
    cells = np.unique(pred_codes.astype(np.int64) * true_count + true_codes, return_counts=True)[1].astype(np.int64)
    rows = len(y_true)
    sum_squares = int(np.sum(cells**2))
    class_sizes = np.bincount(true_codes).astype(np.int64)
    cluster_sizes = np.bincount(pred_codes).astype(np.int64)
    true_positive = sum_squares - rows
    false_positive = int(np.sum(cluster_sizes**2)) - sum_squares
    false_negative = int(np.sum(class_sizes**2)) - sum_squares
    true_negative = rows * rows - false_positive - false_negative - sum_squares
    if false_negative == 0 and false_positive == 0:
        return 1.0
    agreement = true_positive * true_negative - false_negative * false_positive
    spread = (true_positive + false_negative) * (false_negative + true_negative) + (true_positive + false_positive) * (
        false_positive + true_negative
    )
    return 2.0 * agreement / spread


# -- the registry ----------------------------------------------------------------------------------------------------

_PROBABILITY = frozenset({Prediction.PROBABILITY})
_SCORES = frozenset({Prediction.PROBABILITY, Prediction.VALUE})
_LABEL = frozenset({Prediction.LABEL})
_VALUE = frozenset({Prediction.VALUE})
_CLUSTER = frozenset({Prediction.CLUSTER})

METRICS: dict[str, Metric] = {
    metric.name: metric
    for metric in (
        Metric("accuracy", "Accuracy", True, _LABEL, accuracy),
        Metric("balanced_accuracy", "Balanced accuracy", True, _LABEL, balanced_accuracy),
        Metric("precision", "Precision", True, _LABEL, precision),
        Metric("recall", "Recall", True, _LABEL, recall),
        Metric("f1", "F1", True, _LABEL, f1),
        Metric("f1_macro", "Macro F1", True, _LABEL, f1_macro),
        Metric("f1_weighted", "Weighted F1", True, _LABEL, f1_weighted),
        Metric("roc_auc", "ROC AUC", True, _SCORES, roc_auc),
        Metric("average_precision", "Average precision", True, _SCORES, average_precision),
        Metric("log_loss", "Log loss", False, _PROBABILITY, log_loss),
        Metric("rmse", "RMSE", False, _VALUE, rmse),
        Metric("mae", "MAE", False, _VALUE, mae),
        Metric("mape", "MAPE", False, _VALUE, mape),
        Metric("r2", "R²", True, _VALUE, r2),
        Metric("adjusted_rand", "Adjusted Rand index", True, _CLUSTER, adjusted_rand),
    )
}


def get_metric(name: str) -> Metric:
    """The registered metric called ``name``; a KeyError naming the known ones (and the closest) otherwise."""
    try:
        return METRICS[name]
    except KeyError:
        pass
    close = difflib.get_close_matches(name, METRICS, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise KeyError(f"unknown metric {name!r}.{hint} Known metrics: {', '.join(sorted(METRICS))}.")
