# Bug: forgets to exclude the sample from its own neighbour list, so rank 0 is the sample itself.
import numpy as np


def smote_oversample(X, k, n_new, choices):
    points = np.asarray(X, dtype=float)
    n, d = points.shape
    m = min(k, n - 1)
    out = np.empty((n_new, d))
    for row, (index, rank, gap) in enumerate(choices[:n_new]):
        order = np.argsort(((points - points[index]) ** 2).sum(axis=1), kind="stable")[:m]
        neighbour = order[rank % m]
        out[row] = points[index] + gap * (points[neighbour] - points[index])
    return out
