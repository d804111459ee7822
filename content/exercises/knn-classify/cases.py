"""Cases for knn_predict: small hand-made grids for the tie rules, seeded clusters for the rest."""

EXAMPLE_X = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]]
EXAMPLE_Y = [0, 0, 1, 1, 1]


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE_X, EXAMPLE_Y, [[0.2, 0.1], [5, 4]], 3]},
        {"name": "one neighbour", "args": [EXAMPLE_X, EXAMPLE_Y, [[0.9, 0.1], [0.1, 0.9], [5.4, 5.0]], 1]},
        {
            "name": "one feature",
            "args": [[[1.0], [2.0], [3.0], [10.0], [11.0]], [2, 2, 2, 7, 7], [[0.0], [9.0], [6.4]], 3],
        },
    ]


def _clusters(rng, n, d, classes, spread):
    centres = rng.normal(0, 4, size=(classes, d))
    labels = rng.integers(0, classes, size=n)
    points = centres[labels] + rng.normal(0, spread, size=(n, d))
    return points, labels


def hidden(rng):
    cases = [
        {
            "name": "vote tie, nearest sample has the larger label",
            "category": "tie rule: votes",
            "args": [[[0, 0], [3, 0], [10, 10]], [5, 2, 2], [[1, 0]], 2],
        },
        {
            "name": "three-way vote tie",
            "category": "tie rule: votes",
            "args": [[[0, 1], [1, 0], [0, -2], [9, 9]], [9, 4, 6, 4], [[0, 0]], 3],
        },
        {
            "name": "distance tie decided by index",
            "category": "tie rule: distances",
            "args": [[[1, 0], [-1, 0], [0, 1], [0, -1]], [3, 1, 1, 3], [[0, 0]], 1],
        },
        {
            "name": "distance tie at the k-th place",
            "category": "tie rule: distances",
            "args": [[[0, 0], [2, 0], [0, 2], [-2, 0], [0, -2]], [1, 8, 8, 1, 1], [[0, 0]], 3],
        },
        {
            "name": "duplicate training points",
            "category": "tie rule: distances",
            "args": [[[1, 1], [1, 1], [1, 1], [4, 4]], [2, 0, 2, 0], [[1, 1], [3, 3]], 2],
        },
        {
            "name": "k larger than the training set",
            "category": "edge case: k > n",
            "args": [[[0], [1], [2]], [4, 4, 1], [[100], [-100]], 10],
        },
        {
            "name": "single training sample",
            "category": "edge case: single sample",
            "args": [[[3.5, -2.0]], [7], [[0, 0], [100, 100]], 1],
        },
        {"name": "no test rows", "category": "edge case: empty input", "args": [EXAMPLE_X, EXAMPLE_Y, [], 2]},
        {
            "name": "negative labels",
            "category": "labels",
            "args": [[[0, 0], [0, 1], [5, 5], [5, 6]], [-3, -3, 2, 2], [[0.4, 0.4], [4, 4]], 2],
        },
        {
            "name": "test point on a training point, k = 3",
            "category": "edge case: zero distance",
            "args": [[[0, 0], [0.5, 0], [-0.5, 0], [0, 0.6]], [1, 0, 0, 1], [[0, 0]], 3],
        },
        {
            "name": "features on very different scales",
            "category": "scaling",
            "args": [
                [[0, 1000], [1, 1000], [0, 0], [1, 0], [0.5, 400]],
                [0, 1, 0, 1, 1],
                [[0.05, 200], [0.95, 900], [0.1, 20]],
                1,
            ],
        },
    ]
    for index in range(5):
        n, d = int(rng.integers(20, 300)), int(rng.integers(1, 6))
        classes = int(rng.integers(2, 5))
        points, labels = _clusters(rng, n, d, classes, float(rng.uniform(1.0, 3.0)))
        scale = rng.uniform(0.1, 20.0, size=d)
        test = (rng.normal(0, 5, size=(int(rng.integers(5, 60)), d)) * scale).tolist()
        cases.append(
            {
                "name": f"random clusters {index + 1}",
                "category": "random",
                "args": [(points * scale).tolist(), labels.tolist(), test, int(rng.integers(1, 12))],
            }
        )
    for index in range(4):
        n, d = int(rng.integers(15, 80)), int(rng.integers(1, 4))
        points = rng.integers(-3, 4, size=(n, d)).tolist()
        labels = rng.integers(0, 4, size=n).tolist()
        test = rng.integers(-3, 4, size=(int(rng.integers(10, 40)), d)).tolist()
        cases.append(
            {
                "name": f"integer grid with many ties {index + 1}",
                "category": "random: ties",
                "args": [points, labels, test, int(rng.choice([2, 4, 6]))],
            }
        )
    return cases
