"""Cases for smote_oversample: hand-made geometry for the neighbour rules, seeded random choices for the rest."""

EXAMPLE = [[1, 1], [2, 1], [1, 3], [4, 4], [2, 2]]


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [EXAMPLE, 2, 3, [[0, 0, 0.5], [0, 1, 0.25], [3, 3, 0.5]]],
        },
        {
            "name": "points on a line",
            "args": [[[0.0], [1.0], [3.0], [7.0]], 2, 4, [[0, 0, 0.5], [1, 1, 0.5], [3, 0, 0.25], [2, 1, 1.0]]],
        },
    ]


def _random_choices(rng, n, count):
    return [[int(rng.integers(0, n)), int(rng.integers(0, 12)), float(rng.uniform(0, 1))] for _ in range(count)]


def hidden(rng):
    cases = [
        {
            "name": "duplicate with a smaller index",
            "category": "edge case: duplicates",
            "args": [[[2, 2], [0, 0], [2, 2], [3, 3]], 2, 2, [[2, 0, 0.5], [2, 1, 0.5]]],
        },
        {
            "name": "duplicate with a larger index",
            "category": "edge case: duplicates",
            "args": [[[5, 1], [5, 1], [6, 1], [9, 9]], 1, 2, [[0, 0, 0.7], [2, 0, 0.5]]],
        },
        {
            "name": "all samples identical",
            "category": "edge case: duplicates",
            "args": [[[1.5, -2.0]] * 4, 3, 3, [[0, 0, 0.3], [2, 2, 0.9], [3, 5, 0.1]]],
        },
        {
            "name": "k larger than n - 1",
            "category": "edge case: k > n - 1",
            "args": [[[0, 0], [1, 0], [0, 3]], 5, 3, [[0, 0, 0.5], [0, 1, 0.5], [0, 4, 0.5]]],
        },
        {
            "name": "two samples",
            "category": "edge case: n = 2",
            "args": [[[0, 0, 0], [2, 4, 6]], 3, 3, [[0, 0, 0.5], [1, 7, 0.25], [0, 2, 1.0]]],
        },
        {
            "name": "rank wraps around k",
            "category": "neighbour rank",
            "args": [EXAMPLE, 3, 4, [[4, 3, 0.5], [4, 4, 0.5], [4, 5, 0.5], [4, 6, 0.5]]],
        },
        {
            "name": "gap 0 and gap 1",
            "category": "edge case: gap at the ends",
            "args": [EXAMPLE, 2, 2, [[1, 0, 0.0], [1, 1, 1.0]]],
        },
        {
            "name": "no synthetic samples",
            "category": "edge case: n_new = 0",
            "args": [EXAMPLE, 2, 0, [[0, 0, 0.5]]],
        },
        {
            "name": "more choices than n_new",
            "category": "n_new",
            "args": [EXAMPLE, 2, 2, [[0, 0, 0.5], [1, 1, 0.5], [2, 0, 0.5], [3, 1, 0.5]]],
        },
        {
            "name": "equidistant neighbours",
            "category": "tie rule: distances",
            "args": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]], 2, 3, [[0, 0, 0.5], [0, 1, 0.5], [0, 2, 0.5]]],
        },
        {
            "name": "one feature, k = 1",
            "category": "basic",
            "args": [[[4.0], [1.0], [2.5], [10.0]], 1, 4, [[0, 0, 0.5], [1, 3, 0.5], [2, 0, 0.2], [3, 2, 0.9]]],
        },
    ]
    for index in range(5):
        n, d = int(rng.integers(3, 120)), int(rng.integers(1, 8))
        points = (rng.normal(0, 1, size=(n, d)) * rng.uniform(0.5, 30, size=d)).tolist()
        n_new = int(rng.integers(1, 200))
        cases.append(
            {
                "name": f"random minority set {index + 1}",
                "category": "random",
                "args": [points, int(rng.integers(1, 10)), n_new, _random_choices(rng, n, n_new)],
            }
        )
    for index in range(3):
        n, d = int(rng.integers(3, 12)), int(rng.integers(1, 4))
        points = rng.integers(0, 3, size=(n, d)).tolist()
        n_new = int(rng.integers(10, 60))
        cases.append(
            {
                "name": f"small integer grid with ties and duplicates {index + 1}",
                "category": "random: ties",
                "args": [points, int(rng.integers(1, 15)), n_new, _random_choices(rng, n, n_new)],
            }
        )
    return cases
