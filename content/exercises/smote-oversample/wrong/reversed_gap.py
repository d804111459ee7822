# Bug: measures the gap from the neighbour instead of from the chosen sample.
import numpy as np


def smote_oversample(X, k, n_new, choices):
    points = np.asarray(X, dtype=float)
    n, d = points.shape
    m = min(k, n - 1)
    out = np.empty((n_new, d))
    for row, (index, rank, gap) in enumerate(choices[:n_new]):
        distances = np.sqrt(((points - points[index]) ** 2).sum(axis=1))
        order = [j for j in np.argsort(distances, kind="stable") if j != index]
        neighbour = order[rank % m]
        out[row] = points[neighbour] + gap * (points[index] - points[neighbour])
    return out
