# Bug: the explained-variance ratio uses the singular values instead of their squares.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    return vt[:n_components], s[:n_components] / s.sum(), Xc @ vt[:n_components].T
