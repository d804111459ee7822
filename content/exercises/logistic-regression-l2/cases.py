"""Cases for fit_logistic_l2. The visible data sets are symmetric (or unpenalised), so the intercept never moves
there; hidden cases are imbalanced, so a penalty on the intercept shows."""

import numpy as np


def _rate(X, lam, fraction):
    """`fraction` of the largest learning rate that is stable for every point of the loss surface."""
    X = np.asarray(X, dtype=float)
    design = np.column_stack([np.ones(len(X)), X])
    curvature = 0.25 * np.linalg.eigvalsh(design.T @ design / len(X)).max() + lam
    return float(fraction * 2.0 / curvature)


def _problem(rng, n, d, shift=0.0, scale=1.0):
    X = rng.normal(0, scale, size=(n, d))
    true_w = rng.normal(0, 1.5, size=d) / scale
    logits = shift + X @ true_w
    y = (rng.random(n) < 1 / (1 + np.exp(-logits))).astype(int)
    return X, y


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [np.array([[1.0], [2.0], [-1.0], [-2.0]]), np.array([1, 1, 0, 0]), 0.1, 0.5, 3],
        },
        {
            "name": "no penalty",
            "args": [
                np.array([[0.5, 1.0], [1.5, -0.5], [-1.0, 0.0], [2.0, 2.0], [0.0, -1.0]]),
                np.array([1, 1, 0, 1, 0]),
                0.0,
                0.3,
                40,
            ],
        },
        {
            "name": "symmetric data, strong penalty",
            "args": [
                np.array([[1.0, 0.5], [0.5, 2.0], [-1.0, -0.5], [-0.5, -2.0]]),
                np.array([1, 0, 0, 1]),
                1.0,
                0.2,
                25,
            ],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "zero steps",
            "category": "edge case: no steps",
            "args": [np.array([[1.0], [2.0]]), np.array([0, 1]), 0.5, 0.1, 0],
        },
        {
            "name": "all labels one",
            "category": "edge case: one class",
            "args": [np.array([[0.5], [1.0], [-0.3], [2.0]]), np.array([1, 1, 1, 1]), 0.2, 0.5, 30],
        },
        {
            "name": "all labels zero",
            "category": "edge case: one class",
            "args": [np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([0, 0, 0]), 0.1, 0.5, 20],
        },
        {
            "name": "single sample",
            "category": "edge case: single sample",
            "args": [np.array([[1.0, -2.0, 0.5]]), np.array([1]), 0.3, 0.4, 10],
        },
        {
            "name": "imbalanced, one step",
            "category": "edge case: one step",
            "args": [np.array([[0.2], [1.0], [-0.5], [0.7], [1.5]]), np.array([1, 1, 0, 1, 1]), 0.5, 0.5, 1],
        },
        {
            "name": "imbalanced, two steps",
            "category": "edge case: two steps",
            "args": [np.array([[0.2], [1.0], [-0.5], [0.7], [1.5]]), np.array([1, 1, 0, 1, 1]), 0.5, 0.5, 2],
        },
        {
            "name": "separable data with a penalty",
            "category": "separable data",
            "args": [
                np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [4.0]]),
                np.array([0, 0, 0, 1, 1, 1]),
                0.05,
                0.5,
                500,
            ],
        },
        {
            "name": "very strong penalty",
            "category": "regularisation: strong",
            "args": [
                np.array([[1.0, 2.0], [2.0, 0.0], [-1.0, 1.0], [0.0, -2.0], [3.0, 1.0]]),
                np.array([1, 1, 0, 0, 1]),
                20.0,
                0.09,
                50,
            ],
        },
        {
            "name": "integer features",
            "category": "dtype: integer input",
            "args": [
                np.array([[1, 0], [2, 1], [0, 3], [3, 3], [1, 1], [4, 0]]),
                np.array([0, 1, 0, 1, 0, 1]),
                0.1,
                0.2,
                60,
            ],
        },
    ]
    X, y = _problem(rng, 200, 3, shift=1.5)
    cases.append(
        {
            "name": "many steps, skewed classes",
            "category": "convergence",
            "args": [X, y, 0.05, _rate(X, 0.05, 0.9), 1000],
        }
    )
    X, y = _problem(rng, 80, 2, scale=30.0)
    cases.append(
        {
            "name": "large feature values",
            "category": "numerics: large values",
            "args": [X, y, 0.01, _rate(X, 0.01, 0.9), 40],
        }
    )
    for index in range(11):
        n = int(rng.integers(3, 250))
        d = int(rng.integers(1, 6))
        X, y = _problem(rng, n, d, shift=float(rng.normal(0, 1.5)))
        lam = float(rng.choice([0.0, 0.01, 0.1, 0.5, 1.0]))
        rate = _rate(X, lam, float(rng.uniform(0.2, 0.9)))
        steps = int(rng.integers(1, 150))
        cases.append({"name": f"random problem {index + 1}", "category": "random", "args": [X, y, lam, rate, steps]})
    return cases
