# Bug: updates the intercept first and then computes the weight gradient from the new intercept.
import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps):
        b -= learning_rate * 2 * np.mean(b + X @ w - y)
        w = w - learning_rate * 2 * X.T @ (b + X @ w - y) / n
    return b, w
