"""Cases for tree_predict: small, clean data sets in the visible cases; ties, stopping rules and seeded random
data sets hidden."""

import numpy as np


def _blobs(rng, n, d, k, spread=1.0, integer=False):
    centres = rng.normal(0, 2.5, size=(k, d))
    y = rng.integers(0, k, size=n)
    X = centres[y] + rng.normal(0, spread, size=(n, d))
    if integer:
        X = np.round(X)
    return X, y


def visible():
    return [
        {
            "name": "one split",
            "args": [np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([0, 0, 1, 1]), np.array([[1.2], [3.1]]), 1],
        },
        {
            "name": "the statement's example",
            "args": [
                np.array([[1.0, 5.0], [2.0, 4.0], [3.0, 1.0], [4.0, 2.0], [5.0, 5.0], [6.0, 1.0]]),
                np.array([0, 0, 1, 1, 2, 2]),
                np.array([[1.5, 4.5], [3.5, 1.5], [5.5, 3.0], [3.0, 6.0]]),
                2,
            ],
        },
        {
            "name": "three classes, deep enough to fit",
            "args": [
                np.array([[0.0, 0.0], [0.2, 1.0], [1.0, 0.1], [2.0, 2.0], [2.5, 1.5], [3.0, 3.0], [4.0, 0.5]]),
                np.array([0, 0, 1, 2, 2, 1, 1]),
                np.array([[0.1, 0.5], [2.2, 1.9], [3.5, 2.0], [4.0, 4.0]]),
                4,
            ],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "depth 0 with a tied majority",
            "category": "ties: majority label",
            "args": [
                np.array([[1.0], [2.0], [3.0], [4.0], [5.0]]),
                np.array([2, 2, 1, 1, 0]),
                np.array([[0.0], [9.0]]),
                0,
            ],
        },
        {
            "name": "tied leaf after a split",
            "category": "ties: majority label",
            "args": [
                np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [12.0], [13.0]]),
                np.array([0, 0, 0, 3, 1, 3, 1]),
                np.array([[1.0], [12.5]]),
                1,
            ],
        },
        {
            "name": "XOR, no split helps",
            "category": "stopping: no impurity decrease",
            "args": [
                np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]),
                np.array([1, 0, 0, 1]),
                np.array([[0.0, 0.0], [1.0, 0.0]]),
                3,
            ],
        },
        {
            "name": "pure training labels",
            "category": "stopping: pure node",
            "args": [np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 0.0]]), np.array([4, 4, 4]), np.array([[0.0, 0.0]]), 5],
        },
        {
            "name": "constant features",
            "category": "stopping: no candidate threshold",
            "args": [np.array([[1.0, 1.0]] * 5), np.array([1, 0, 1, 0, 0]), np.array([[1.0, 1.0], [2.0, 0.0]]), 3],
        },
        {
            "name": "single training sample",
            "category": "edge case: single sample",
            "args": [np.array([[3.0, 1.0]]), np.array([7]), np.array([[0.0, 0.0], [5.0, 5.0]]), 2],
        },
        {
            "name": "duplicated feature columns",
            "category": "ties: lowest feature",
            "args": [
                np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]]),
                np.array([0, 0, 1, 1]),
                np.array([[1.0, 4.0], [4.0, 1.0], [2.4, 2.6]]),
                1,
            ],
        },
        {
            "name": "two equally good thresholds",
            "category": "ties: smallest threshold",
            "args": [
                np.array([[1.0], [2.0], [3.0], [4.0]]),
                np.array([0, 1, 1, 0]),
                np.array([[1.4], [2.0], [3.0], [3.6]]),
                1,
            ],
        },
        {
            "name": "test points on and between thresholds",
            "category": "thresholds: midpoints",
            "args": [
                np.array([[0.0], [2.0], [4.0], [6.0]]),
                np.array([0, 0, 1, 1]),
                np.array([[2.0], [2.5], [3.0], [3.5], [4.0]]),
                2,
            ],
        },
        {
            "name": "min_samples_split stops small nodes",
            "category": "stopping: min samples",
            "args": [
                np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]),
                np.array([0, 1, 0, 1, 1, 1, 1]),
                np.array([[0.0], [1.0], [2.0], [5.0]]),
                5,
            ],
            "kwargs": {"min_samples_split": 4},
        },
        {
            "name": "min_samples_split equal to the node size",
            "category": "stopping: min samples",
            "args": [np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 1, 1]), np.array([[0.2], [2.0]]), 3],
            "kwargs": {"min_samples_split": 4},
        },
        {
            "name": "no test points",
            "category": "edge case: empty test set",
            "args": [np.array([[0.0], [1.0]]), np.array([0, 1]), np.zeros((0, 1)), 2],
        },
        {
            "name": "depth limit matters",
            "category": "stopping: depth",
            "args": [
                np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0]]),
                np.array([0, 0, 1, 1, 0, 0, 1, 1]),
                np.arange(8, dtype=float).reshape(-1, 1),
                2,
            ],
        },
    ]
    X, y = _blobs(rng, 150, 2, 3, spread=2.5)
    X_test, _ = _blobs(rng, 60, 2, 3, spread=2.5)
    cases.append(
        {
            "name": "noisy blobs, large min_samples_split",
            "category": "stopping: min samples",
            "args": [X, y, X_test, 8],
            "kwargs": {"min_samples_split": 25},
        }
    )
    for index in range(8):
        n = int(rng.integers(10, 200))
        d = int(rng.integers(1, 5))
        k = int(rng.integers(2, 4))
        X, y = _blobs(rng, n, d, k, spread=float(rng.uniform(0.8, 2.5)), integer=index % 2 == 1)
        X_test, _ = _blobs(rng, 40, d, k, spread=2.0)
        depth = int(rng.integers(1, 6))
        kwargs = {"min_samples_split": int(rng.integers(2, 12))} if index % 3 == 2 else {}
        cases.append(
            {"name": f"random blobs {index + 1}", "category": "random", "args": [X, y, X_test, depth], "kwargs": kwargs}
        )
    return cases
