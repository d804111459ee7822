# Bug: scans centroids with <=, so a point equally close to two centroids goes to the later one.
import numpy as np


def _assign(X, C):
    labels = np.zeros(len(X), dtype=int)
    for i, x in enumerate(X):
        best = np.inf
        for j, c in enumerate(C):
            dist = float(((x - c) ** 2).sum())
            if dist <= best:
                best, labels[i] = dist, j
    return labels


def kmeans(X, initial_centroids, n_iter):
    X = np.asarray(X, dtype=float)
    C = np.array(initial_centroids, dtype=float)
    labels = _assign(X, C)
    for _ in range(n_iter):
        for j in range(len(C)):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(axis=0)
        new = _assign(X, C)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
