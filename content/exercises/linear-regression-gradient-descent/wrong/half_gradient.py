# Bug: uses the gradient of (1/(2n)) * sum of squared errors, so every step is half as long as it should be.
import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps):
        r = b + X @ w - y
        b -= learning_rate * r.mean()
        w = w - learning_rate * X.T @ r / n
    return b, w
