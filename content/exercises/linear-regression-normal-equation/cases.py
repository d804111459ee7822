"""Cases for fit_linear: simple visible fits; collinear, constant, tiny and wide designs hidden."""

import numpy as np


def visible():
    return [
        {"name": "the statement's first example", "args": [[[1.0], [2.0], [3.0], [4.0]], [3.0, 5.0, 7.0, 9.0]]},
        {"name": "the statement's second example", "args": [[[1, 2], [2, 4], [3, 6]], [1, 2, 4]]},
        {
            "name": "two features, exact fit",
            "args": [[[0.0, 1.0], [1.0, 0.0], [2.0, 3.0], [3.0, 1.0]], [2.0, 4.0, 2.0, 7.0]],
        },
    ]


def _design(rng, rows, cols):
    return rng.integers(-9, 10, (rows, cols)).astype(float)


def hidden(rng):
    cases = [
        {"name": "single row", "category": "edge case: single sample", "args": [[[2.0, -1.0]], [5.0]]},
        {
            "name": "constant column",
            "category": "edge case: constant column",
            "args": [[[0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [3.0, 1.0]], [1.0, 3.0, 5.0, 7.0]],
        },
        {
            "name": "constant column of fives",
            "category": "edge case: constant column",
            "args": [[[5.0, 1.0], [5.0, 4.0], [5.0, 2.0], [5.0, 8.0], [5.0, 3.0]], [1.0, 2.0, 2.0, 5.0, 4.0]],
        },
        {
            "name": "all-zero column",
            "category": "edge case: constant column",
            "args": [[[1.0, 0.0], [2.0, 0.0], [4.0, 0.0]], [2.0, 3.0, 7.0]],
        },
        {
            "name": "every row identical",
            "category": "edge case: no variation",
            "args": [[[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]], [1.0, 2.0, 6.0]],
        },
        {
            "name": "constant target",
            "category": "edge case: constant target",
            "args": [[[1.0, 7.0], [2.0, 3.0], [5.0, 1.0]], [4.0, 4.0, 4.0]],
        },
        {"name": "two points, one feature", "category": "edge case: tiny", "args": [[[1.0], [3.0]], [2.0, -2.0]]},
        {
            "name": "duplicated column",
            "category": "collinear",
            "args": [[[1.0, 1.0], [2.0, 2.0], [4.0, 4.0], [5.0, 5.0]], [1.0, 3.0, 2.0, 6.0]],
        },
        {
            "name": "more columns than rows",
            "category": "underdetermined",
            "args": [[[1.0, 0.0, 2.0, 1.0], [0.0, 1.0, 1.0, 3.0], [2.0, 2.0, 0.0, 1.0]], [1.0, 2.0, 3.0]],
        },
        {
            "name": "features far from zero",
            "category": "numerics: offset",
            "args": [[[1000.0 + v, 2000.0 - 2 * v] for v in (0.0, 1.0, 3.0, 4.0, 7.0)], [1.0, 2.0, 2.5, 4.0, 6.0]],
        },
    ]
    for index in range(6):
        rows, cols = int(rng.integers(20, 1500)), int(rng.integers(1, 15))
        X = rng.normal(0.0, 1.0, (rows, cols)) * rng.uniform(0.5, 5.0, cols) + rng.normal(0.0, 3.0, cols)
        w = rng.normal(0.0, 2.0, cols)
        y = X @ w + float(rng.normal(0.0, 5.0)) + rng.normal(0.0, 0.5, rows)
        cases.append(
            {"name": f"random full-rank fit {index + 1}", "category": "random", "args": [X.tolist(), y.tolist()]}
        )
    for index in range(4):
        rows, cols = int(rng.integers(10, 400)), int(rng.integers(2, 6))
        X = _design(rng, rows, cols)
        extra = [X[:, 0] + X[:, 1], 3.0 * X[:, 1], np.full(rows, 2.0), X[:, 0] - 2.0 * X[:, 1] + 4.0][index]
        X = np.column_stack([X, extra])[:, rng.permutation(cols + 1)]
        y = X @ rng.normal(0.0, 2.0, cols + 1) + 1.5 + rng.normal(0.0, 0.3, rows)
        cases.append(
            {
                "name": f"random collinear design {index + 1}",
                "category": "random: rank-deficient",
                "args": [X.tolist(), y.tolist()],
            }
        )
    return cases
