import math

import numpy as np

EPSILON = 1e-10
TIE = 1e-12


def adaboost_round(X, y, weights):
    features = np.asarray(X, dtype=float)
    labels = np.asarray(y, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()

    best = None
    for feature in range(features.shape[1]):
        column = features[:, feature]
        for threshold in np.unique(column):  # ascending
            above = column > threshold
            for polarity in (1, -1):
                predictions = np.where(above, polarity, -polarity)
                error = float(w[predictions != labels].sum())
                if best is None or error < best[0] - TIE:
                    best = (error, feature, float(threshold), polarity, predictions)

    error, feature, threshold, polarity, predictions = best
    clipped = min(max(error, EPSILON), 1 - EPSILON)
    alpha = 0.5 * math.log((1 - clipped) / clipped)
    updated = w * np.exp(-alpha * labels * predictions)
    updated = updated / updated.sum()
    return feature, threshold, polarity, alpha, updated.tolist()
