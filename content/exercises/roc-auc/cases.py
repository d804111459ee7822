"""Cases for roc_auc: the statement's example visible; ties, one-class inputs and scale traps hidden."""


def visible():
    return [
        {"name": "the statement's example", "args": [[0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.8, 0.9]]},
        {"name": "no ties", "args": [[1, 0, 1, 0, 0], [0.9, 0.3, 0.2, 0.6, 0.1]]},
        {"name": "perfectly wrong ranking", "args": [[1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]]},
    ]


def hidden(rng):
    cases = [
        {"name": "empty input", "category": "edge case: empty input", "args": [[], []]},
        {"name": "only positives", "category": "edge case: one class", "args": [[1, 1, 1], [0.2, 0.5, 0.9]]},
        {"name": "only negatives", "category": "edge case: one class", "args": [[0, 0], [0.7, 0.1]]},
        {"name": "single sample", "category": "edge case: one class", "args": [[1], [0.5]]},
        {"name": "every score equal", "category": "ties", "args": [[0, 1, 0, 1, 1], [2.0, 2.0, 2.0, 2.0, 2.0]]},
        {"name": "one pair, tied", "category": "ties", "args": [[1, 0], [0.3, 0.3]]},
        {
            "name": "ties listed positives first",
            "category": "ties",
            "args": [[1, 1, 0, 0, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.9, 0.1]],
        },
        {
            "name": "ties listed negatives first",
            "category": "ties",
            "args": [[0, 0, 1, 1, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.9, 0.1]],
        },
        {"name": "integer scores", "category": "ties", "args": [[0, 1, 1, 0, 1, 0, 0], [1, 3, 2, 2, 3, 1, 3]]},
        {
            "name": "huge scores, tiny gaps",
            "category": "numerics: large values",
            "args": [[0, 1, 0, 1], [1e15, 1e15 + 2, 1e15 + 4, 1e15 + 6]],
        },
        {"name": "negative scores", "category": "numerics: sign", "args": [[1, 0, 1, 0], [-0.5, -3.0, -0.1, -0.2]]},
        {
            "name": "one positive among many",
            "category": "imbalanced",
            "args": [[0] * 9 + [1], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.65]],
        },
    ]
    for index in range(9):
        size = int(rng.integers(30, 4000))
        rate = float(rng.choice([0.02, 0.1, 0.3, 0.5]))
        labels = (rng.random(size) < rate).astype(int)
        labels[0], labels[1] = 0, 1  # both classes present
        signal = labels * float(rng.uniform(0.2, 2.0)) + rng.normal(0.0, 1.0, size)
        if index % 3 != 0:
            signal = signal.round(int(rng.integers(0, 2)))  # coarse scores: many ties across the classes
        category = "random with ties" if index % 3 != 0 else "random"
        cases.append(
            {"name": f"random scores {index + 1}", "category": category, "args": [labels.tolist(), signal.tolist()]}
        )
    return cases
