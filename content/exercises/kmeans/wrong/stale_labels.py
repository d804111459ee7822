# Bug: returns the assignment made before the last centroid update, not the one that matches the centroids.
import numpy as np


def kmeans(X, initial_centroids, n_iter):
    X = np.asarray(X, dtype=float)
    C = np.array(initial_centroids, dtype=float)
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
    for _ in range(n_iter):
        labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
        new_C = C.copy()
        for j in range(len(C)):
            if np.any(labels == j):
                new_C[j] = X[labels == j].mean(axis=0)
        if np.allclose(new_C, C):
            break
        C = new_C
    return C, labels
