"""Cases for gd_linear_regression: small hand-made visible ones, edge cases and seeded random problems hidden."""

import numpy as np


def _safe_rate(X, fraction):
    """A learning rate that is `fraction` of the largest stable one (2 / the largest Hessian eigenvalue)."""
    X = np.asarray(X, dtype=float)
    design = np.column_stack([np.ones(len(X)), X])
    largest = np.linalg.eigvalsh(2.0 * design.T @ design / len(X)).max()
    return float(fraction * 2.0 / largest)


def _problem(rng, n, d, noise=0.1, scale=1.0, offset=0.0):
    X = rng.normal(offset, scale, size=(n, d))
    true_w = rng.normal(0, 2, size=d)
    y = 1.5 + X @ true_w + rng.normal(0, noise, size=n)
    return X, y


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [np.array([[1.0], [2.0], [3.0]]), np.array([3.0, 5.0, 7.0]), 0.1, 2],
        },
        {
            "name": "two features, 50 steps",
            "args": [
                np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0], [0.5, -1.0]]),
                np.array([1.0, 2.0, 3.5, 5.0, -0.5]),
                0.05,
                50,
            ],
        },
        {
            "name": "one step",
            "args": [np.array([[2.0, -1.0], [0.0, 3.0]]), np.array([1.0, 4.0]), 0.01, 1],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "zero steps",
            "category": "edge case: no steps",
            "args": [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, 2.0]), 0.1, 0],
        },
        {
            "name": "single sample",
            "category": "edge case: single sample",
            "args": [np.array([[2.0, 1.0, -1.0]]), np.array([3.0]), 0.05, 10],
        },
        {
            "name": "zero targets",
            "category": "edge case: zero targets",
            "args": [np.array([[1.0], [2.0], [3.0], [4.0]]), np.zeros(4), 0.05, 25],
        },
        {
            "name": "integer features",
            "category": "dtype: integer input",
            "args": [
                np.array([[1, 2], [2, 0], [3, 1], [4, 3], [0, 1], [2, 2]]),
                np.array([4.0, 3.0, 6.5, 10.0, 1.5, 6.0]),
                0.02,
                30,
            ],
        },
        {
            "name": "integer features and targets, one step",
            "category": "dtype: integer input",
            "args": [np.array([[1], [3], [5]]), np.array([2, 4, 9]), 0.01, 1],
        },
        {
            "name": "constant feature",
            "category": "edge case: feature collinear with the intercept",
            "args": [
                np.array([[1.0, 2.0], [1.0, 5.0], [1.0, -1.0], [1.0, 0.0]]),
                np.array([1.0, 4.0, -2.0, 0.5]),
                0.03,
                40,
            ],
        },
    ]
    X, y = _problem(rng, 40, 3)
    cases.append(
        {
            "name": "many steps, close to least squares",
            "category": "convergence",
            "args": [X, y, _safe_rate(X, 0.5), 2000],
        }
    )
    X, y = _problem(rng, 60, 2, scale=300.0)
    cases.append(
        {
            "name": "large feature values, small rate",
            "category": "numerics: large values",
            "args": [X, y, _safe_rate(X, 0.4), 30],
        }
    )
    X, y = _problem(rng, 30, 2, offset=5.0)
    cases.append({"name": "features far from zero", "category": "random", "args": [X, y, _safe_rate(X, 0.8), 15]})
    for index in range(12):
        n = int(rng.integers(2, 200))
        d = int(rng.integers(1, 6))
        X, y = _problem(rng, n, d, noise=float(rng.uniform(0, 1)))
        steps = int(rng.integers(1, 80))
        rate = _safe_rate(X, float(rng.uniform(0.1, 0.8)))
        cases.append({"name": f"random problem {index + 1}", "category": "random", "args": [X, y, rate, steps]})
    return cases
