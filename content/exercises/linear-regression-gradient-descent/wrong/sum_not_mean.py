# Bug: the gradient uses the sum of squared errors instead of the mean, so steps are n times too long.
import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    b, w = 0.0, np.zeros(X.shape[1])
    for _ in range(n_steps):
        r = b + X @ w - y
        b, w = b - learning_rate * 2 * r.sum(), w - learning_rate * 2 * X.T @ r
    return b, w
