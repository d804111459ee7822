"""Cases for confusion_matrix: the statement's example visible, label-set and ordering traps hidden."""


def visible():
    return [
        {"name": "the statement's example", "args": [[0, 1, 2, 2, 1, 0], [0, 2, 2, 0, 1, 1]]},
        {"name": "two classes, all right", "args": [[1, 0, 1, 1], [1, 0, 1, 1]]},
        {
            "name": "string labels",
            "category": "labels",
            "args": [["cat", "dog", "cat", "bird"], ["cat", "cat", "dog", "bird"]],
        },
    ]


def hidden(rng):
    cases = [
        {"name": "empty input", "category": "edge case: empty input", "args": [[], []]},
        {
            "name": "empty input with labels",
            "category": "edge case: empty input",
            "args": [[], []],
            "kwargs": {"labels": [0, 1]},
        },
        {"name": "single sample", "category": "edge case: single sample", "args": [[3], [5]]},
        {
            "name": "class predicted but never true",
            "category": "labels: only in predictions",
            "args": [[0, 0, 1, 1, 0], [0, 2, 1, 2, 0]],
        },
        {
            "name": "class true but never predicted",
            "category": "labels: only in truth",
            "args": [[0, 1, 2, 2], [0, 1, 1, 1]],
        },
        {
            "name": "labels in a custom order",
            "category": "labels argument",
            "args": [[0, 1, 2, 2, 1, 0], [0, 2, 2, 0, 1, 1]],
            "kwargs": {"labels": [2, 0, 1]},
        },
        {
            "name": "labels with an unseen class",
            "category": "labels argument",
            "args": [[1, 0, 1], [1, 1, 0]],
            "kwargs": {"labels": [0, 1, 7]},
        },
        {
            "name": "labels leave some pairs out",
            "category": "labels argument",
            "args": [[0, 1, 2, 3, 1, 2], [0, 1, 3, 2, 2, 1]],
            "kwargs": {"labels": [1, 2]},
        },
        {
            "name": "string labels, custom order",
            "category": "labels argument",
            "args": [["lo", "hi", "mid", "hi"], ["hi", "hi", "lo", "mid"]],
            "kwargs": {"labels": ["lo", "mid", "hi"]},
        },
        {
            "name": "labels not in order of appearance",
            "category": "labels: order",
            "args": [[9, 4, 9, 1, 4], [4, 4, 1, 1, 9]],
        },
        {
            "name": "negative integer labels",
            "category": "labels: order",
            "args": [[-1, 0, 1, -1, 1], [0, 0, -1, -1, 1]],
        },
    ]
    for index in range(9):
        size = int(rng.integers(20, 2000))
        classes = int(rng.integers(2, 8))
        truth = rng.integers(0, classes, size)
        noise = rng.integers(0, classes + 1, size)  # may predict a class that never occurs in the truth
        guess = [int(t) if rng.random() < 0.6 else int(n) for t, n in zip(truth, noise, strict=True)]
        truth = [int(t) for t in truth]
        case = {"name": f"random labels {index + 1}", "category": "random", "args": [truth, guess]}
        if index % 3 == 2:
            order = [int(c) for c in rng.permutation(classes + 1)]
            case["kwargs"] = {"labels": order[:-1] if index == 8 else order}
            case["category"] = "random with labels"
        cases.append(case)
    return cases
