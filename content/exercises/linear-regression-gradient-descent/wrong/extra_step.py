# Bug: off by one, it takes n_steps + 1 steps (the loop runs over range(n_steps + 1)).
import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps + 1):
        r = b + X @ w - y
        gb, gw = 2 * r.mean(), 2 * X.T @ r / n
        b, w = b - learning_rate * gb, w - learning_rate * gw
    return b, w
