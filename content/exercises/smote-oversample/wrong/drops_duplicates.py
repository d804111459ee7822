# Bug: excludes the sample by dropping every point at distance 0, which also throws away exact duplicates
# that the task counts as valid neighbours.
import numpy as np


def smote_oversample(X, k, n_new, choices):
    points = np.asarray(X, dtype=float)
    d = points.shape[1]
    out = np.empty((n_new, d))
    for row, (index, rank, gap) in enumerate(choices[:n_new]):
        distances = np.sqrt(((points - points[index]) ** 2).sum(axis=1))
        order = [j for j in np.argsort(distances, kind="stable") if distances[j] > 0]
        if not order:
            out[row] = points[index]
            continue
        m = min(k, len(order))
        neighbour = order[rank % m]
        out[row] = points[index] + gap * (points[neighbour] - points[index])
    return out
