# Bug: returns the reweighted sample weights without normalising them to sum to 1.
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
                err = w[pred != y].sum()
                if best is None or err < best[0] - 1e-12:
                    best = (err, j, float(t), p, pred)
    err, j, t, p, pred = best
    e = min(max(err, 1e-10), 1 - 1e-10)
    alpha = 0.5 * math.log((1 - e) / e)
    return j, t, p, alpha, (w * np.exp(-alpha * y * pred)).tolist()
