import numpy as np


def _assign(X, centroids):
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return np.argmin(distances, axis=1)  # argmin picks the lowest index on ties


def kmeans(X, initial_centroids, n_iter):
    X = np.asarray(X, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    labels = _assign(X, centroids)
    for _ in range(n_iter):
        for j in range(len(centroids)):
            members = X[labels == j]
            if len(members):
                centroids[j] = members.mean(axis=0)
        new_labels = _assign(X, centroids)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, labels
