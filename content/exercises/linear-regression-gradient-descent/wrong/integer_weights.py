# Bug: np.zeros_like(X[0]) inherits X's dtype, so integer features give integer weights and updates are truncated.
import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    b = 0.0
    w = np.zeros_like(X[0])
    for _ in range(n_steps):
        r = b + X @ w - y
        b -= learning_rate * 2 * r.mean()
        w -= (learning_rate * 2 * X.T @ r / n).astype(w.dtype)
    return b, w
