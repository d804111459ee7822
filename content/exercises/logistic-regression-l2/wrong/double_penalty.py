# Bug: differentiates lam/2 * ||w||^2 as 2 * lam * w, so the penalty is four times too strong.
import numpy as np


def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(b + X @ w)))
        b -= learning_rate * (p - y).mean()
        w = w - learning_rate * (X.T @ (p - y) / n + 2 * lam * w)
    return b, w
