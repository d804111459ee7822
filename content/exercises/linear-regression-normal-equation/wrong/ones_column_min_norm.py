# Bug: lstsq on [1, X] minimises the norm of (intercept, w) together, so a constant column takes weight.
import numpy as np


def fit_linear(X, y):
    X = np.asarray(X, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    theta, *_ = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)
    return float(theta[0]), theta[1:].tolist()
