# Bug: takes the SVD of the raw data without subtracting the column means.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    components = vt[:n_components]
    return components, (s**2 / np.sum(s**2))[:n_components], X @ components.T
