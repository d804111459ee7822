# Bug: divides by the variance of the kept components only, so the ratios always sum to 1.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    kept = s[:n_components] ** 2
    return vt[:n_components], kept / kept.sum(), Xc @ vt[:n_components].T
