"""Cases for best_split: distinct, untied values in the visible cases; duplicates, ties, string labels and the
no-split cases hidden."""

import numpy as np


def visible():
    return [
        {"name": "the statement's example", "args": [np.array([2.0, 1.0, 3.0, 4.0]), np.array([0, 0, 1, 1])]},
        {
            "name": "three classes, entropy",
            "args": [np.array([0.5, 2.5, 1.0, 4.0, 3.0, 5.5]), np.array([0, 1, 0, 2, 1, 2])],
            "kwargs": {"criterion": "entropy"},
        },
        {
            "name": "mixed labels, gini",
            "args": [np.array([3.2, -1.0, 0.4, 2.2, 1.7, 5.0, 4.1]), np.array([1, 0, 0, 1, 0, 1, 0])],
            "kwargs": {"criterion": "gini"},
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "constant feature",
            "category": "edge case: no split",
            "args": [np.array([2.0, 2.0, 2.0]), np.array([0, 1, 0])],
        },
        {"name": "single sample", "category": "edge case: no split", "args": [np.array([1.5]), np.array([1])]},
        {"name": "empty input", "category": "edge case: no split", "args": [np.array([]), np.array([], dtype=int)]},
        {
            "name": "pure labels",
            "category": "ties: zero decrease everywhere",
            "args": [np.array([4.0, 1.0, 3.0, 2.0]), np.array([1, 1, 1, 1])],
        },
        {
            "name": "pure labels, entropy",
            "category": "ties: zero decrease everywhere",
            "args": [np.array([0.0, 10.0, 5.0]), np.array([2, 2, 2])],
            "kwargs": {"criterion": "entropy"},
        },
        {
            "name": "two equally good thresholds",
            "category": "ties: smallest threshold",
            "args": [np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 1, 1, 0])],
        },
        {
            "name": "two equally good thresholds, entropy",
            "category": "ties: smallest threshold",
            "args": [np.array([4.0, 3.0, 2.0, 1.0, 5.0, 6.0]), np.array([1, 1, 0, 0, 1, 0])],
            "kwargs": {"criterion": "entropy"},
        },
        {
            "name": "duplicated values",
            "category": "duplicates",
            "args": [np.array([1.0, 1.0, 2.0, 2.0]), np.array([0, 1, 1, 1])],
        },
        {
            "name": "duplicates with mixed labels",
            "category": "duplicates",
            "args": [np.array([3, 1, 1, 2, 3, 3, 2, 1]), np.array([1, 0, 1, 0, 1, 1, 1, 0])],
            "kwargs": {"criterion": "entropy"},
        },
        {
            "name": "two distinct values",
            "category": "edge case: one candidate",
            "args": [np.array([5.0, 7.0, 5.0, 7.0, 7.0]), np.array([0, 1, 1, 1, 0])],
        },
        {
            "name": "string labels",
            "category": "labels",
            "args": [np.array([0.3, 0.1, 0.9, 0.7, 0.5]), ["cat", "cat", "dog", "dog", "cat"]],
        },
        {
            "name": "negative values, list input",
            "category": "input types",
            "args": [[-5.0, -1.5, -3.0, -0.5, -2.0], [1, 0, 1, 0, 1]],
            "kwargs": {"criterion": "entropy"},
        },
    ]
    for index in range(5):
        n = int(rng.integers(20, 400))
        x = rng.integers(0, 12, size=n).astype(float)
        y = (x + rng.normal(0, 3, size=n) > 6).astype(int)
        criterion = "gini" if index % 2 == 0 else "entropy"
        cases.append(
            {
                "name": f"random integer-valued feature {index + 1}",
                "category": "random: duplicates",
                "args": [x, y],
                "kwargs": {"criterion": criterion},
            }
        )
    for index in range(5):
        n = int(rng.integers(5, 600))
        k = int(rng.integers(2, 5))
        x = rng.normal(0, 2, size=n)
        y = np.clip(np.floor(x + rng.normal(0, 1.5, size=n) + k / 2), 0, k - 1).astype(int)
        criterion = "entropy" if index % 2 == 0 else "gini"
        cases.append(
            {
                "name": f"random continuous feature {index + 1}",
                "category": "random",
                "args": [x, y],
                "kwargs": {"criterion": criterion},
            }
        )
    return cases
