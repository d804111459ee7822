# Bug: the L2 penalty is applied to the intercept as well as to the weights.
import numpy as np


def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(b + X @ w)))
        gb = (p - y).mean() + lam * b
        gw = X.T @ (p - y) / n + lam * w
        b, w = b - learning_rate * gb, w - learning_rate * gw
    return b, w
