# Bug: tries a cut between every pair of sorted positions, so equal x values can land on both sides of a "split".
import numpy as np


def _impurity(labels, criterion):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))


def best_split(x, y, criterion="gini"):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    if len(np.unique(x)) < 2:
        return None
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    parent = _impurity(ys, criterion)
    best = None
    for i in range(1, n):
        w = (i * _impurity(ys[:i], criterion) + (n - i) * _impurity(ys[i:], criterion)) / n
        if best is None or w < best[1] - 1e-12:
            best = ((xs[i - 1] + xs[i]) / 2, w)
    return float(best[0]), float(parent - best[1])
