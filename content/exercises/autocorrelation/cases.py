"""Cases for acf: short hand-made series for the rules, seeded random, trending and periodic series."""

import math


def visible():
    return [
        {"name": "the statement's example", "args": [[1, 2, 3, 4, 5], 2]},
        {"name": "alternating series", "args": [[1.0, -1.0, 1.0, -1.0, 1.0, -1.0], 3]},
        {"name": "short noisy series", "args": [[2.5, 3.1, 2.2, 4.0, 3.3, 2.9, 3.8], 4]},
    ]


def hidden(rng):
    cases = [
        {"name": "lag 0 only", "category": "edge case: max_lag = 0", "args": [[4.0, 1.0, 7.0], 0]},
        {"name": "constant integers", "category": "edge case: constant series", "args": [[5, 5, 5, 5], 3]},
        {"name": "constant 0.1", "category": "edge case: constant series", "args": [[0.1] * 7, 4]},
        {"name": "one value", "category": "edge case: n = 1", "args": [[3.7], 2]},
        {"name": "two values, lags past the end", "category": "edge case: lag >= n", "args": [[1.0, 2.0], 4]},
        {
            "name": "max_lag far beyond n",
            "category": "edge case: lag >= n",
            "args": [[0.3, -1.2, 2.2, 0.8, -0.5], 12],
        },
        {
            "name": "max_lag equal to n - 1",
            "category": "edge case: lag = n - 1",
            "args": [[2.0, 7.0, 1.0, 8.0, 2.0, 8.0], 5],
        },
        {
            "name": "a single spike",
            "category": "basic",
            "args": [[0.0] * 5 + [10.0] + [0.0] * 6, 6],
        },
        {
            "name": "large offset",
            "category": "numerics: large values",
            "args": [[1e9 + v for v in (0.5, -1.0, 2.0, 0.0, 1.5, -0.5, 1.0, -2.0)], 4],
        },
    ]
    for index in range(4):
        n = int(rng.integers(20, 3000))
        phi = float(rng.uniform(-0.9, 0.95))
        noise = rng.normal(0, 1, size=n)
        values = [float(noise[0])]
        for t in range(1, n):
            values.append(phi * values[-1] + float(noise[t]))
        cases.append(
            {
                "name": f"AR(1) series {index + 1}",
                "category": "random",
                "args": [values, int(rng.integers(5, min(200, n)))],
            }
        )
    for index in range(2):
        n = int(rng.integers(50, 400))
        period = int(rng.integers(4, 25))
        values = [math.sin(2 * math.pi * t / period) + float(rng.normal(0, 0.3)) for t in range(n)]
        cases.append(
            {
                "name": f"seasonal series {index + 1}",
                "category": "random: seasonal",
                "args": [values, 2 * period],
            }
        )
    n = int(rng.integers(100, 500))
    cases.append(
        {
            "name": "trend with noise",
            "category": "random: trend",
            "args": [[0.05 * t + float(rng.normal(0, 1)) for t in range(n)], 40],
        }
    )
    steps = rng.normal(0, 1, size=int(rng.integers(200, 1500)))
    cases.append(
        {
            "name": "random walk",
            "category": "random: non-stationary",
            "args": [[float(v) for v in steps.cumsum()], 60],
        }
    )
    cases.append(
        {
            "name": "white noise",
            "category": "random",
            "args": [rng.normal(3, 2, size=5000).tolist(), 500],
        }
    )
    cases.append(
        {
            "name": "short random integers",
            "category": "random",
            "args": [rng.integers(-5, 6, size=9).tolist(), 10],
        }
    )
    return cases
