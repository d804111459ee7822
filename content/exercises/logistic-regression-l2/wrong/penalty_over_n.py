# Bug: the penalty gradient is scaled by 1/n as if the loss were (sum log loss + lam/2 ||w||^2) / n.
import numpy as np


def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(b + X @ w)))
        gb = (p - y).mean()
        gw = (X.T @ (p - y) + lam * w) / n
        b, w = b - learning_rate * gb, w - learning_rate * gw
    return b, w
