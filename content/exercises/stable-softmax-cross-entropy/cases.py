"""Cases for softmax_cross_entropy: moderate logits in the visible cases, extreme ones hidden."""

import numpy as np


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]]), np.array([0, 2])],
        },
        {
            "name": "four samples, two classes",
            "args": [np.array([[1.5, -0.5], [0.2, 0.3], [-2.0, 3.0], [4.0, 4.0]]), np.array([0, 1, 1, 0])],
        },
        {
            "name": "one sample, five classes",
            "args": [np.array([[0.1, 0.2, 0.3, 0.4, 0.5]]), np.array([3])],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "plus and minus 1000",
            "category": "numerics: large values",
            "args": [np.array([[1000.0, -1000.0], [-1000.0, 1000.0]]), np.array([1, 1])],
        },
        {
            "name": "true class far below the rest",
            "category": "numerics: underflowing probability",
            "args": [np.array([[-1000.0, 1000.0, 0.0]]), np.array([0])],
        },
        {
            "name": "all logits 1000",
            "category": "numerics: large values",
            "args": [np.full((3, 4), 1000.0), np.array([0, 1, 3])],
        },
        {
            "name": "all logits very negative",
            "category": "numerics: large negative values",
            "args": [np.array([[-1000.0, -1001.0, -1002.0], [-800.0, -800.0, -799.0]]), np.array([2, 0])],
        },
        {
            "name": "rows on very different scales",
            "category": "numerics: per-row shift",
            "args": [np.array([[1000.0, 999.0], [0.0, 1.0], [-1000.0, -998.0]]), np.array([0, 1, 0])],
        },
        {
            "name": "one class",
            "category": "edge case: single class",
            "args": [np.array([[3.0], [-7.0], [1000.0]]), np.array([0, 0, 0])],
        },
        {
            "name": "labels as a list",
            "category": "input types",
            "args": [[[0.5, 1.5, -1.0], [2.0, 2.0, 2.0]], [1, 2]],
        },
        {
            "name": "perfectly confident and right",
            "category": "edge case: zero loss",
            "args": [np.array([[1000.0, 0.0], [0.0, 1000.0]]), np.array([0, 1])],
        },
        {
            "name": "integer logits",
            "category": "dtype: integer input",
            "args": [np.array([[3, 1, 2], [0, 5, 5]]), np.array([2, 1])],
        },
    ]
    for index in range(8):
        n = int(rng.integers(1, 300))
        k = int(rng.integers(2, 12))
        scale = float(rng.choice([0.5, 3.0, 20.0]))
        cases.append(
            {
                "name": f"random logits {index + 1}",
                "category": "random",
                "args": [rng.normal(0, scale, size=(n, k)), rng.integers(0, k, size=n)],
            }
        )
    for index in range(4):
        n = int(rng.integers(2, 100))
        k = int(rng.integers(2, 8))
        logits = rng.normal(0, 400, size=(n, k)) + rng.normal(0, 500, size=(n, 1))
        cases.append(
            {
                "name": f"random extreme logits {index + 1}",
                "category": "numerics: large values",
                "args": [logits, rng.integers(0, k, size=n)],
            }
        )
    return cases
