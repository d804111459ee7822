"""Cases for group_split: the statement's example visible; rounding, clamping and ordering traps hidden."""

import math


def visible():
    return [
        {"name": "the statement's example", "args": [["u3", "u1", "u2", "u1", "u3", "u4", "u2"], 0.3]},
        {"name": "integer groups", "args": [[5, 2, 5, 8, 2, 2, 8, 1, 1, 5], 0.5]},
    ]


def _safe(fraction, count):
    """False when fraction * count lands within rounding error of a whole number without being one."""
    product = fraction * count
    return product == round(product) or abs(product - round(product)) > 1e-6


def hidden(rng):
    cases = [
        {"name": "empty input", "category": "edge case: empty input", "args": [[], 0.25]},
        {"name": "single group", "category": "edge case: one group", "args": [["a", "a", "a"], 0.5]},
        {"name": "single row", "category": "edge case: single sample", "args": [[42], 0.2]},
        {"name": "two groups, large fraction", "category": "edge case: clamp", "args": [[1, 0, 1, 0], 0.9]},
        {"name": "fraction close to one", "category": "edge case: clamp", "args": [["x", "y", "z", "y", "x"], 0.95]},
        {"name": "small fraction still rounds up", "category": "rounding", "args": [[3, 1, 4, 1, 5, 9, 2, 6], 0.01]},
        {"name": "exact product", "category": "rounding", "args": [[0, 1, 2, 3, 4, 0, 1, 2, 3, 4], 0.4]},
        {
            "name": "group sizes very uneven",
            "category": "groups not rows",
            "args": [["big"] * 12 + ["a", "b", "c"], 0.5],
        },
        {
            "name": "groups first seen out of order",
            "category": "group order",
            "args": [["m", "c", "x", "c", "a", "x", "m", "a"], 0.5],
        },
        {"name": "negative group ids", "category": "group order", "args": [[-3, 7, -10, 0, 7, -3, 2], 0.3]},
    ]
    made = 0
    while made < 10:
        n_groups = int(rng.integers(3, 400))
        fraction = float(rng.choice([0.1, 0.15, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.7, 0.8]))
        if not _safe(fraction, n_groups) or math.isclose(fraction * n_groups, n_groups - 1):
            continue
        size = int(rng.integers(n_groups, 4 * n_groups + 200))
        ids = rng.permutation(100_000)[:n_groups]
        rows = ids[rng.integers(0, n_groups, size)]
        values = [int(v) for v in rows] if made % 2 else [f"patient-{int(v):05d}" for v in rows]
        made += 1
        cases.append({"name": f"random groups {made}", "category": "random", "args": [values, fraction]})
    return cases
