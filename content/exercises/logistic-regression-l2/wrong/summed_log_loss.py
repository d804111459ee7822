# Bug: the data term's gradient is not divided by n (summed log loss), so the penalty is relatively too weak.
import numpy as np


def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    b, w = 0.0, np.zeros(X.shape[1])
    for _ in range(n_steps):
        p = 1 / (1 + np.exp(-(b + X @ w)))
        gb = (p - y).sum()
        gw = X.T @ (p - y) + lam * w
        b, w = b - learning_rate * gb, w - learning_rate * gw
    return b, w
