"""Cases for precision_recall_f1: hand-made visible ones, seeded random and edge cases hidden."""


def visible():
    return [
        {"name": "the statement's example", "args": [[1, 0, 1, 1], [1, 1, 0, 1]]},
        {"name": "perfect predictions", "args": [[1, 0, 1], [1, 0, 1]]},
        {"name": "string labels", "category": "labels", "args": [["spam", "ham", "spam"], ["spam", "spam", "ham"]],
         "kwargs": {"positive": "spam"}},
    ]


def hidden(rng):
    cases = [
        {"name": "no predicted positives", "category": "edge case: zero denominator", "args": [[1, 1, 0], [0, 0, 0]]},
        {"name": "no actual positives", "category": "edge case: zero denominator", "args": [[0, 0, 0], [1, 0, 1]]},
        {"name": "empty lists", "category": "edge case: empty input", "args": [[], []]},
        {"name": "all wrong", "category": "edge case: nothing right", "args": [[1, 0, 1, 0], [0, 1, 0, 1]]},
        {"name": "positive class 0", "category": "labels", "args": [[0, 1, 0, 0], [0, 0, 1, 0]],
         "kwargs": {"positive": 0}},
        {"name": "three classes", "category": "labels", "args": [[2, 1, 2, 0, 2], [2, 2, 1, 0, 2]],
         "kwargs": {"positive": 2}},
    ]
    for index in range(12):
        size = int(rng.integers(5, 400))
        rate = float(rng.uniform(0.05, 0.6))
        truth = (rng.random(size) < rate).astype(int).tolist()
        guess = [t if rng.random() < 0.7 else 1 - t for t in truth]
        cases.append({"name": f"random labels {index + 1}", "category": "random", "args": [truth, guess]})
    return cases
