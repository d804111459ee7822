"""Cases for bootstrap_ci: hand-made resamples for the percentile rule, seeded resampling for the rest."""

EXAMPLE_DATA = [2.0, 4.0, 9.0, 1.0]
EXAMPLE_INDICES = [[0, 1, 2, 3], [0, 0, 1, 1], [2, 2, 3, 0], [1, 3, 3, 2], [3, 3, 3, 0]]


def _resamples(rng, n, count, size=None):
    return rng.integers(0, n, size=(count, size or n)).tolist()


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE_DATA, EXAMPLE_INDICES], "kwargs": {"confidence": 0.5}},
        {
            "name": "ten values, 21 resamples",
            "args": [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [[(7 * r + 3 * c) % 10 for c in range(10)] for r in range(21)]],
            "kwargs": {"confidence": 0.9},
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "a single resample",
            "category": "edge case: B = 1",
            "args": [[1.0, 2.0, 6.0], [[0, 2, 2]]],
        },
        {
            "name": "two resamples",
            "category": "edge case: B = 2",
            "args": [[1.0, 2.0, 6.0], [[0, 0, 1], [2, 2, 1]]],
            "kwargs": {"confidence": 0.5},
        },
        {
            "name": "confidence 0 gives the median twice",
            "category": "edge case: confidence 0",
            "args": [EXAMPLE_DATA, EXAMPLE_INDICES[:4]],
            "kwargs": {"confidence": 0.0},
        },
        {
            "name": "interpolated ends",
            "category": "interpolation",
            "args": [EXAMPLE_DATA, EXAMPLE_INDICES],
            "kwargs": {"confidence": 0.8},
        },
        {"name": "default confidence", "category": "interpolation", "args": [EXAMPLE_DATA, EXAMPLE_INDICES]},
        {
            "name": "confidence 1 gives the extremes",
            "category": "edge case: confidence 1",
            "args": [EXAMPLE_DATA, EXAMPLE_INDICES],
            "kwargs": {"confidence": 1.0},
        },
        {
            "name": "constant data",
            "category": "edge case: no spread",
            "args": [[4.5] * 6, [[0, 1, 2, 3, 4, 5], [5, 5, 5, 0, 0, 0], [1, 2, 1, 2, 1, 2]]],
        },
        {
            "name": "one data value",
            "category": "edge case: n = 1",
            "args": [[-3.0], [[0], [0], [0]]],
            "kwargs": {"confidence": 0.9},
        },
        {
            "name": "resamples shorter than the data",
            "category": "resample size",
            "args": [[10, 20, 30, 40, 50, 60], [[0, 5], [1, 1], [2, 3], [4, 4], [0, 0], [5, 5], [1, 3]]],
            "kwargs": {"confidence": 0.7},
        },
        {
            "name": "integer data",
            "category": "types",
            "args": [[1, 2, 2, 3, 10], [[0, 1, 2, 3, 4], [4, 4, 0, 1, 2], [0, 0, 0, 1, 1], [3, 4, 3, 4, 3]]],
            "kwargs": {"confidence": 0.6},
        },
    ]
    for index in range(6):
        n = int(rng.integers(5, 300))
        data = rng.lognormal(0, 1, size=n).tolist() if index % 2 else rng.normal(50, 10, size=n).tolist()
        count = int(rng.integers(20, 1000))
        cases.append(
            {
                "name": f"random data and resamples {index + 1}",
                "category": "random",
                "args": [data, _resamples(rng, n, count)],
                "kwargs": {"confidence": float(rng.choice([0.8, 0.9, 0.95, 0.99]))},
            }
        )
    for index in range(3):
        n = int(rng.integers(2, 12))
        data = rng.integers(-5, 6, size=n).tolist()
        cases.append(
            {
                "name": f"small data, few resamples {index + 1}",
                "category": "random: interpolation",
                "args": [data, _resamples(rng, n, int(rng.integers(3, 15)))],
                "kwargs": {"confidence": float(rng.uniform(0.3, 0.97))},
            }
        )
    cases.append(
        {
            "name": "large offset",
            "category": "numerics: large values",
            "args": [(1e9 + rng.normal(0, 1, size=50)).tolist(), _resamples(rng, 50, 400)],
        }
    )
    return cases
