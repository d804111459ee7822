# Bug: fits y ≈ X w through the origin and reports a zero intercept.
import numpy as np


def fit_linear(X, y):
    w, *_ = np.linalg.lstsq(np.asarray(X, dtype=float), np.asarray(y, dtype=float), rcond=None)
    return 0.0, w.tolist()
