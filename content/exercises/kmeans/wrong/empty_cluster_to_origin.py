# Bug: an empty cluster's centroid is reset to the origin instead of keeping its previous position.
import numpy as np


def kmeans(X, initial_centroids, n_iter):
    X = np.asarray(X, dtype=float)
    C = np.array(initial_centroids, dtype=float)
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
    for _ in range(n_iter):
        sums = np.zeros_like(C)
        counts = np.zeros(len(C))
        np.add.at(sums, labels, X)
        np.add.at(counts, labels, 1)
        C = sums / np.maximum(counts, 1)[:, None]
        new = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
