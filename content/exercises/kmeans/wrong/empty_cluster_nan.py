# Bug: no empty-cluster rule; the mean of no points is nan and the centroid is lost.
import numpy as np


def kmeans(X, initial_centroids, n_iter):
    X = np.asarray(X, dtype=float)
    C = np.array(initial_centroids, dtype=float)
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
    for _ in range(n_iter):
        C = np.array([X[labels == j].mean(axis=0) for j in range(len(C))])
        new = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
