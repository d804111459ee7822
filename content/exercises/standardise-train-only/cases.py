"""Cases for standardise: the statement's example visible; leakage, ddof, constant columns and offsets hidden."""

import numpy as np


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [[[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]], [[3.0, 12.0], [7.0, 10.0]]],
        },
        {"name": "one column", "args": [[[2.0], [4.0], [4.0], [4.0], [5.0], [5.0], [7.0], [9.0]], [[0.0], [10.0]]]},
    ]


def hidden(rng):
    cases = [
        {
            "name": "single training row",
            "category": "edge case: single sample",
            "args": [[[1.5, -2.0, 3.0]], [[2.5, -2.0, 0.0], [1.5, 1.0, 3.0]]],
        },
        {
            "name": "empty test set",
            "category": "edge case: empty input",
            "args": [np.array([[1.0, 2.0], [3.0, 5.0], [4.0, 4.0]]), np.zeros((0, 2))],
        },
        {
            "name": "integer column constant",
            "category": "edge case: constant column",
            "args": [[[3, 1], [3, 2], [3, 6]], [[4, 0], [3, 3]]],
        },
        {
            "name": "constant 0.1 column",
            "category": "edge case: constant column",
            "args": [[[0.1, float(v)] for v in range(7)], [[0.1, 2.0], [0.4, -1.0]]],
        },
        {
            "name": "constant 0.7 column, two rows of test",
            "category": "edge case: constant column",
            "args": [[[0.7, 1.0 + v, 0.7] for v in range(3)], [[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]],
        },
        {
            "name": "test far outside the training range",
            "category": "extrapolation",
            "args": [[[0.0, 1.0], [1.0, 3.0], [2.0, 5.0], [3.0, 7.0]], [[100.0, -100.0]]],
        },
        {
            "name": "test set very different from train",
            "category": "leakage",
            "args": [[[1.0], [2.0], [3.0]], [[50.0], [60.0], [70.0], [80.0], [90.0]]],
        },
        {"name": "two training rows", "category": "ddof", "args": [[[1.0, 0.0], [3.0, 4.0]], [[2.0, 2.0]]]},
    ]
    for index in range(6):
        rows, cols = int(rng.integers(5, 400)), int(rng.integers(1, 12))
        centre = rng.normal(0.0, 20.0, cols)
        spread = rng.uniform(0.1, 30.0, cols)
        train = centre + spread * rng.normal(size=(rows, cols))
        test = centre + 1.5 * spread * rng.normal(size=(int(rng.integers(1, 200)), cols))
        if index % 2:
            train[:, int(rng.integers(0, cols))] = float(rng.normal())  # one constant column
        args = [train.tolist(), test.tolist()] if index < 3 else [train, test]
        cases.append({"name": f"random features {index + 1}", "category": "random", "args": args})
    for index in range(4):
        rows, cols = int(rng.integers(20, 200)), int(rng.integers(1, 5))
        offset = rng.choice([-1.0, 1.0], cols) * rng.uniform(5e6, 2e7, cols)
        train = offset + rng.uniform(0.5, 5.0, cols) * rng.normal(size=(rows, cols))
        test = offset + 3.0 * rng.normal(size=(20, cols))
        cases.append(
            {
                "name": f"large offset, small spread {index + 1}",
                "category": "numerics: large values",
                "args": [train, test],
            }
        )
    return cases
