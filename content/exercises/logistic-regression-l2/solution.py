import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    intercept = 0.0
    weights = np.zeros(d)
    for _ in range(n_steps):
        error = _sigmoid(intercept + X @ weights) - y
        grad_intercept = error.mean()
        grad_weights = X.T @ error / n + lam * weights
        intercept -= learning_rate * grad_intercept
        weights = weights - learning_rate * grad_weights
    return float(intercept), weights
