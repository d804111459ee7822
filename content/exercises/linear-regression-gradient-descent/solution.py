import numpy as np


def gd_linear_regression(X, y, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    intercept = 0.0
    weights = np.zeros(d)
    for _ in range(n_steps):
        residual = intercept + X @ weights - y
        grad_intercept = 2.0 * residual.mean()
        grad_weights = 2.0 * (X.T @ residual) / n
        intercept -= learning_rate * grad_intercept
        weights = weights - learning_rate * grad_weights
    return float(intercept), weights
