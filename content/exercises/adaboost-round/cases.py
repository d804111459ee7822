"""Cases for adaboost_round: hand-made data for the stump rules and edge cases, seeded data for the rest."""

EXAMPLE_X = [[1, 5], [2, 3], [3, 6], [4, 1], [5, 2]]
EXAMPLE_Y = [1, 1, -1, 1, -1]


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE_X, EXAMPLE_Y, [1, 1, 1, 1, 1]]},
        {
            "name": "one feature, uniform weights",
            "args": [[[0.5], [1.5], [2.5], [3.5], [4.5], [5.5]], [-1, -1, 1, -1, 1, 1], [1 / 6] * 6],
        },
    ]


def _dataset(rng, n, d, noise):
    X = rng.normal(0, 1, size=(n, d)) * rng.uniform(0.5, 5, size=d)
    direction = rng.normal(0, 1, size=d)
    y = ((X @ direction + rng.normal(0, noise, size=n)) > 0).astype(int) * 2 - 1
    return X, y


def hidden(rng):
    cases = [
        {
            "name": "weights that do not sum to 1",
            "category": "weights",
            "args": [EXAMPLE_X, EXAMPLE_Y, [2.0, 2.0, 2.0, 2.0, 2.0]],
        },
        {
            "name": "weights change the best stump",
            "category": "weights",
            "args": [EXAMPLE_X, EXAMPLE_Y, [1, 1, 1, 6, 1]],
        },
        {
            "name": "perfectly separable",
            "category": "edge case: zero error",
            "args": [[[1.0], [2.0], [3.0], [4.0]], [-1, -1, 1, 1], [0.25, 0.25, 0.25, 0.25]],
        },
        {
            "name": "all labels the same",
            "category": "edge case: one class",
            "args": [[[3, 1], [1, 2], [2, 2]], [1, 1, 1], [0.2, 0.5, 0.3]],
        },
        {
            "name": "all labels negative",
            "category": "edge case: one class",
            "args": [[[3, 1], [1, 2], [2, 2]], [-1, -1, -1], [1, 1, 1]],
        },
        {
            "name": "error exactly one half",
            "category": "edge case: error 1/2",
            "args": [[[0, 0], [0, 1], [1, 0], [1, 1]], [1, -1, -1, 1], [1, 1, 1, 1]],
        },
        {
            "name": "single sample",
            "category": "edge case: single sample",
            "args": [[[7.0, -1.0]], [-1], [3.0]],
        },
        {
            "name": "repeated feature values",
            "category": "thresholds",
            "args": [[[1], [1], [2], [2], [2], [3]], [-1, 1, 1, 1, -1, 1], [0.1, 0.1, 0.3, 0.2, 0.1, 0.2]],
        },
        {
            "name": "identical columns, the first wins",
            "category": "tie rule",
            "args": [[[4, 4], [1, 1], [3, 3], [2, 2]], [1, -1, 1, -1], [0.125, 0.5, 0.25, 0.125]],
        },
        {
            "name": "equal errors at different thresholds",
            "category": "tie rule",
            "args": [[[0], [1], [1], [2]], [1, -1, 1, -1], [0.25, 0.25, 0.25, 0.25]],
        },
        {
            "name": "negative and integer thresholds",
            "category": "thresholds",
            "args": [[[-3, 10], [-1, 20], [0, 10], [2, 30], [5, 20]], [1, 1, -1, -1, -1], [1, 2, 1, 2, 1]],
        },
    ]
    for index in range(6):
        n, d = int(rng.integers(15, 250)), int(rng.integers(1, 6))
        X, y = _dataset(rng, n, d, float(rng.uniform(0.2, 2.0)))
        weights = rng.dirichlet([float(rng.uniform(0.3, 3.0))] * n) * float(rng.uniform(0.5, 10))
        cases.append(
            {
                "name": f"random weighted data {index + 1}",
                "category": "random",
                "args": [X.round(3).tolist(), y.tolist(), weights.tolist()],
            }
        )
    for index in range(3):
        n, d = int(rng.integers(10, 60)), int(rng.integers(1, 4))
        X = rng.integers(0, 5, size=(n, d))
        y = rng.choice([-1, 1], size=n)
        weights = rng.integers(1, 9, size=n) / 64.0
        cases.append(
            {
                "name": f"integer features and weights {index + 1}",
                "category": "random: ties",
                "args": [X.tolist(), y.tolist(), weights.tolist()],
            }
        )
    return cases
