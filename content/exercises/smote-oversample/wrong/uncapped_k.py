# Bug: takes the rank modulo k instead of min(k, n - 1), so with few minority samples it wraps wrongly.
import numpy as np


def smote_oversample(X, k, n_new, choices):
    points = np.asarray(X, dtype=float)
    d = points.shape[1]
    out = np.empty((n_new, d))
    for row, (index, rank, gap) in enumerate(choices[:n_new]):
        distances = ((points - points[index]) ** 2).sum(axis=1)
        order = [j for j in np.argsort(distances, kind="stable") if j != index]
        neighbour = order[min(rank % k, len(order) - 1)]
        out[row] = points[index] + gap * (points[neighbour] - points[index])
    return out
