# Bug: never returns None; a constant feature yields the "split" (x[0], 0.0) and an empty one crashes.
import numpy as np


def _impurity(labels, criterion):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))


def best_split(x, y, criterion="gini"):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    values = np.unique(x)
    if len(values) < 2:
        return float(x[0]), 0.0
    n = len(x)
    parent = _impurity(y, criterion)
    best = None
    for t in (values[:-1] + values[1:]) / 2:
        left, right = y[x <= t], y[x > t]
        w = (len(left) * _impurity(left, criterion) + len(right) * _impurity(right, criterion)) / n
        if best is None or w < best[1] - 1e-12:
            best = (t, w)
    return float(best[0]), float(parent - best[1])
