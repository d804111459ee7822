# Bug: majority ties go to the label seen first in the node (Counter.most_common), not the smallest label.
from collections import Counter

import numpy as np

TIE = 1e-12


def _gini(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    shares = counts / len(labels)
    return 1.0 - float(np.sum(shares**2))


def _majority(labels):
    return Counter(labels.tolist()).most_common(1)[0][0]


def _best_split(X, y):
    """(feature, threshold, score) with the lowest weighted Gini; ties go to the lower feature, then threshold."""
    n, d = X.shape
    onehot = (y[:, None] == np.unique(y)[None, :]).astype(float)
    candidates = []  # (feature, threshold, score) in feature order, thresholds increasing
    for feature in range(d):
        order = np.argsort(X[:, feature], kind="stable")
        xs = X[order, feature]
        left_counts = np.cumsum(onehot[order], axis=0)[:-1]  # row i: counts of samples 0..i
        cuts = np.nonzero(xs[1:] > xs[:-1])[0]  # cut after position i, between two distinct values
        if len(cuts) == 0:
            continue
        left = left_counts[cuts]
        right = left_counts[-1] + onehot[order[-1]] - left
        n_left = left.sum(axis=1)
        n_right = n - n_left
        gini_left = 1.0 - np.sum((left / n_left[:, None]) ** 2, axis=1)
        gini_right = 1.0 - np.sum((right / n_right[:, None]) ** 2, axis=1)
        scores = (n_left * gini_left + n_right * gini_right) / n
        thresholds = (xs[cuts] + xs[cuts + 1]) / 2
        candidates += [(feature, float(t), float(sc)) for t, sc in zip(thresholds, scores, strict=True)]
    if not candidates:
        return None
    lowest = min(score for _, _, score in candidates)
    return next(c for c in candidates if c[2] <= lowest + TIE)


def _grow(X, y, depth, max_depth, min_samples_split):
    leaf = {"label": _majority(y)}
    if depth >= max_depth or len(y) < min_samples_split or len(np.unique(y)) == 1:
        return leaf
    best = _best_split(X, y)
    if best is None or _gini(y) - best[2] <= TIE:
        return leaf
    feature, threshold, _ = best
    mask = X[:, feature] <= threshold
    return {
        "feature": feature,
        "threshold": threshold,
        "left": _grow(X[mask], y[mask], depth + 1, max_depth, min_samples_split),
        "right": _grow(X[~mask], y[~mask], depth + 1, max_depth, min_samples_split),
    }


def _predict_one(node, x):
    while "label" not in node:
        node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
    return node["label"]


def tree_predict(X_train, y_train, X_test, max_depth, min_samples_split=2):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train, dtype=int)
    X_test = np.asarray(X_test, dtype=float).reshape(-1, X_train.shape[1])
    root = _grow(X_train, y_train, 0, max_depth, min_samples_split)
    return np.array([_predict_one(root, x) for x in X_test], dtype=int)
