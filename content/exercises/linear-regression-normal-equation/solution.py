import numpy as np


def fit_linear(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    # Centring removes the intercept from the problem; lstsq (via the SVD) returns the minimum-norm
    # coefficients when the centred design is rank-deficient.
    coefficients, *_ = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)
    intercept = y_mean - x_mean @ coefficients
    return float(intercept), [float(c) for c in coefficients]
