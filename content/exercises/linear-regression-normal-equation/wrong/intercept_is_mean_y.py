# Bug: fits the slopes on centred data but reports mean(y) as the intercept, forgetting the mean(X) · w term.
import numpy as np


def fit_linear(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, *_ = np.linalg.lstsq(X - X.mean(axis=0), y - y.mean(), rcond=None)
    return float(y.mean()), w.tolist()
