# Bug: picks the stump by its count of mistakes, ignoring the sample weights (they only enter alpha).
import math

import numpy as np


def adaboost_round(X, y, weights):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.asarray(weights, dtype=float) / np.sum(weights)
    best = None
    for j in range(X.shape[1]):
        for t in np.unique(X[:, j]):
            for p in (1, -1):
                pred = np.where(X[:, j] > t, p, -p)
                mistakes = int((pred != y).sum())
                if best is None or mistakes < best[0]:
                    best = (mistakes, j, float(t), p, pred)
    _, j, t, p, pred = best
    e = min(max(float(w[pred != y].sum()), 1e-10), 1 - 1e-10)
    alpha = 0.5 * math.log((1 - e) / e)
    new = w * np.exp(-alpha * y * pred)
    return j, t, p, alpha, (new / new.sum()).tolist()
