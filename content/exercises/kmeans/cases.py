"""Cases for kmeans: converged runs in the visible cases; capped iterations, empty clusters, ties and seeded
random blobs hidden."""

import numpy as np


def _blobs(rng, n, d, k, spread=1.0):
    centres = rng.normal(0, 4, size=(k, d))
    members = rng.integers(0, k, size=n)
    return centres[members] + rng.normal(0, spread, size=(n, d))


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [
                np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [5.0, 5.0], [5.0, 6.0], [6.0, 5.0]]),
                np.array([[0.0, 0.0], [1.0, 1.0]]),
                10,
            ],
        },
        {
            "name": "three groups on a line",
            "args": [
                np.array([[0.0], [0.5], [1.0], [4.0], [4.4], [9.0], [9.5], [10.0]]),
                np.array([[0.0], [1.0], [2.0]]),
                20,
            ],
        },
        {
            "name": "zero iterations",
            "args": [np.array([[0.0, 0.0], [2.0, 2.0], [3.0, 1.0]]), np.array([[0.0, 1.0], [3.0, 3.0]]), 0],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "one update, not converged",
            "category": "iteration cap",
            "args": [np.array([[0.0], [1.0], [2.0], [3.0], [10.0], [11.0]]), np.array([[0.0], [1.0]]), 1],
        },
        {
            "name": "two updates, not converged",
            "category": "iteration cap",
            "args": [np.array([[0.0], [1.0], [2.0], [3.0], [10.0], [11.0]]), np.array([[0.0], [1.0]]), 2],
        },
        {
            "name": "duplicate initial centroids",
            "category": "empty cluster",
            "args": [
                np.array([[1.0, 1.0], [2.0, 1.0], [8.0, 9.0], [9.0, 9.0]]),
                np.array([[5.0, 5.0], [5.0, 5.0], [1.0, 1.0]]),
                10,
            ],
        },
        {
            "name": "centroid far from every point",
            "category": "empty cluster",
            "args": [
                np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [4.0, 4.0]]),
                np.array([[0.0, 0.0], [100.0, -50.0], [4.0, 4.0]]),
                5,
            ],
        },
        {
            "name": "cluster empties part-way",
            "category": "empty cluster",
            "args": [np.array([[0.0], [2.0], [4.0], [20.0], [22.0]]), np.array([[1.0], [3.0], [21.0]]), 10],
        },
        {
            "name": "a single cluster",
            "category": "edge case: k = 1",
            "args": [np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]), np.array([[0.0, 0.0]]), 3],
        },
        {
            "name": "single point",
            "category": "edge case: single sample",
            "args": [np.array([[2.0, -1.0, 3.0]]), np.array([[0.0, 0.0, 0.0], [2.0, -1.0, 2.0]]), 4],
        },
        {
            "name": "as many clusters as points",
            "category": "edge case: k = n",
            "args": [np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 4.0]]), np.array([[0.1, 0.0], [2.9, 0.2], [0.0, 3.5]]), 5],
        },
        {
            "name": "points equidistant from two centroids",
            "category": "ties: lowest index",
            "args": [
                np.array([[1.0, 0.0], [1.0, 2.0], [1.0, -2.0], [-1.0, 0.0], [3.0, 0.0]]),
                np.array([[0.0, 0.0], [2.0, 0.0]]),
                1,
            ],
        },
        {
            "name": "integer data on a grid",
            "category": "dtype: integer input",
            "args": [np.array([[x, y] for x in range(4) for y in range(4)]), np.array([[0, 0], [3, 3], [0, 3]]), 6],
        },
        {
            "name": "identical points",
            "category": "edge case: duplicates",
            "args": [np.ones((5, 2)), np.array([[0.0, 0.0], [2.0, 2.0]]), 3],
        },
    ]
    for index in range(10):
        n = int(rng.integers(10, 1500))
        d = int(rng.integers(1, 5))
        k = int(rng.integers(2, 7))
        X = _blobs(rng, n, d, k, spread=float(rng.uniform(0.5, 3.0)))
        start = X[rng.choice(n, size=k, replace=False)] + rng.normal(0, 0.5, size=(k, d))
        n_iter = int(rng.choice([1, 2, 3, 5, 50]))
        cases.append({"name": f"random blobs {index + 1}", "category": "random", "args": [X, start, n_iter]})
    return cases
