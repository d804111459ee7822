# Bug: takes the principal directions from the columns of Vt instead of its rows.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    components = vt[:, :n_components].T
    return components, (s**2 / np.sum(s**2))[:n_components], Xc @ components.T
