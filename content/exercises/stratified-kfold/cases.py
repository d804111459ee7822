"""Cases for stratified_kfold: the statement's example visible; class order, counter and size traps hidden."""

import numpy as np


def visible():
    return [
        {"name": "the statement's example", "args": [["b", "a", "b", "a", "a", "b", "b"], 3]},
        {"name": "two balanced classes", "args": [[0, 1, 1, 0, 1, 0, 0, 1], 2]},
    ]


def hidden(rng):
    cases = [
        {"name": "empty labels", "category": "edge case: empty input", "args": [[], 3]},
        {"name": "single sample", "category": "edge case: single sample", "args": [[4], 2]},
        {"name": "more folds than samples", "category": "edge case: k > n", "args": [[1, 0, 1], 5]},
        {"name": "one fold per sample", "category": "edge case: k = n", "args": [[2, 0, 1, 0], 4]},
        {"name": "a single class", "category": "edge case: one class", "args": [[7, 7, 7, 7, 7], 2]},
        {
            "name": "class sizes not multiples of k",
            "category": "counter carries over",
            "args": [[0, 1, 0, 1, 0, 1, 1], 2],
        },
        {"name": "labels first seen out of order", "category": "class order", "args": [[3, 3, 1, 2, 1, 3, 2, 1], 3]},
        {
            "name": "string labels first seen out of order",
            "category": "class order",
            "args": [["pear", "apple", "fig", "apple", "pear", "fig", "pear"], 2],
        },
        {"name": "classes interleaved", "category": "index order", "args": [[1, 0, 1, 0, 1, 0, 1, 0, 0], 4]},
        {"name": "rare class", "category": "imbalanced", "args": [[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0], 5]},
    ]
    for index in range(10):
        size = int(rng.integers(10, 3000))
        classes = int(rng.integers(2, 7))
        weights = rng.dirichlet(np.ones(classes) * 0.7)
        labels = rng.choice(classes, size=size, p=weights)
        values = [int(v) * 3 + 10 for v in labels] if index % 2 else [f"c{int(v)}" for v in labels]
        k = int(rng.choice([2, 3, 5, 7, 10]))
        cases.append({"name": f"random labels {index + 1}", "category": "random", "args": [values, k]})
    return cases
