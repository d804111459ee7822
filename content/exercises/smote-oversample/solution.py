import numpy as np


def smote_oversample(X, k, n_new, choices):
    points = np.asarray(X, dtype=float)
    n, d = points.shape
    m = min(k, n - 1)
    synthetic = np.empty((n_new, d))
    for row, (index, rank, gap) in enumerate(choices[:n_new]):
        index = int(index)
        squared = ((points - points[index]) ** 2).sum(axis=1)
        order = [j for j in np.argsort(squared, kind="stable") if j != index]
        neighbour = order[int(rank) % m]
        synthetic[row] = points[index] + gap * (points[neighbour] - points[index])
    return synthetic
