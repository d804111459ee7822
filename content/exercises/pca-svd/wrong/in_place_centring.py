# Bug: centres in place with X -= mean, which raises for integer input because the float mean cannot be cast back.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X)
    X -= X.mean(axis=0)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    components = vt[:n_components]
    return components, (s**2 / np.sum(s**2))[:n_components], X @ components.T
