"""Cases for one_hot: the statement's example visible; ordering, duplicates and unseen labels hidden."""


def visible():
    return [
        {"name": "the statement's example", "args": [["blue", "green", "red"], ["green", "purple", "red"]]},
        {"name": "all values seen", "args": [["a", "b", "c"], ["c", "a", "b", "a"]]},
    ]


def hidden(rng):
    cases = [
        {"name": "empty values", "category": "edge case: empty input", "args": [["x", "y"], []]},
        {"name": "empty training list", "category": "edge case: empty input", "args": [[], ["x", "y"]]},
        {"name": "both empty", "category": "edge case: empty input", "args": [[], []]},
        {"name": "every value unseen", "category": "unseen", "args": [["cat", "dog"], ["cow", "hen", "pig"]]},
        {"name": "one category", "category": "edge case: one category", "args": [["only"] * 4, ["only", "other"]]},
        {
            "name": "integer categories sort numerically",
            "category": "order",
            "args": [[10, 2, 33, 2, 10], [2, 33, 10, 5]],
        },
        {"name": "negative integers", "category": "order", "args": [[0, -4, 7, -1], [-1, 7, 3, -4]]},
        {
            "name": "case and spaces matter",
            "category": "exact matching",
            "args": [["Red", "red", " red"], ["red", "RED", "Red", "red "]],
        },
        {
            "name": "training list full of repeats",
            "category": "duplicates",
            "args": [["b", "b", "b", "a", "a", "b"], ["a", "b", "c"]],
        },
        {
            "name": "first seen order is not sorted",
            "category": "order",
            "args": [["zebra", "ant", "moose", "ant"], ["ant", "moose", "zebra"]],
        },
        {"name": "unseen label that sorts first", "category": "unseen", "args": [["m", "n"], ["a", "m", "z"]]},
    ]
    for index in range(9):
        n_categories = int(rng.integers(2, 60))
        names = [f"city_{int(v):03d}" for v in rng.permutation(900)[:n_categories]]
        if index % 3 == 2:
            names = [int(v) for v in rng.permutation(5000)[:n_categories] - 2500]
        train = [names[int(i)] for i in rng.integers(0, n_categories - 1, int(rng.integers(20, 2000)))]
        unseen = [f"new_{int(v)}" for v in range(5)] if index % 3 != 2 else [99_999, -99_999]
        pool = names + unseen
        values = [pool[int(i)] for i in rng.integers(0, len(pool), int(rng.integers(5, 1500)))]
        cases.append({"name": f"random categories {index + 1}", "category": "random", "args": [train, values]})
    return cases
