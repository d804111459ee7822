# Bug: also divides every column by its standard deviation, which is PCA of the correlation matrix.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    _, s, vt = np.linalg.svd(Z, full_matrices=False)
    return vt[:n_components], (s**2 / np.sum(s**2))[:n_components], Z @ vt[:n_components].T
