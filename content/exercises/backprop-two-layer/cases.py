"""Cases for two_layer_gradients: the worked example, edge cases for ReLU and softmax, seeded networks."""

import numpy as np


def _example():
    return [
        np.array([[1.0, 2.0]]),
        [0],
        np.array([[1.0, 0.0, -1.0], [0.0, 1.0, 0.0]]),
        np.zeros(3),
        np.array([[2.0, 0.0], [0.0, 1.0], [1.0, 3.0]]),
        np.zeros(2),
    ]


def _network(rng, n, d, h, c, scale=1.0):
    return [
        rng.normal(0, 1, size=(n, d)),
        rng.integers(0, c, size=n).tolist(),
        rng.normal(0, scale / np.sqrt(d), size=(d, h)),
        rng.normal(0, 0.1, size=h),
        rng.normal(0, scale / np.sqrt(h), size=(h, c)),
        rng.normal(0, 0.1, size=c),
    ]


def visible():
    fixed = np.random.default_rng(7)
    return [
        {"name": "the statement's example", "args": _example()},
        {"name": "the example with tanh", "args": _example(), "kwargs": {"activation": "tanh"}},
        {"name": "a batch of four", "args": _network(fixed, 4, 3, 5, 3)},
    ]


def hidden(rng):
    cases = []
    X, y, W1, b1, W2, b2 = _network(rng, 8, 4, 6, 3)
    cases.append(
        {
            "name": "large logits",
            "category": "numerics: softmax overflow",
            "args": [X, y, W1 * 30, b1, W2 * 40, b2 + np.array([800.0, 0.0, -800.0])],
        }
    )
    cases.append(
        {
            "name": "large logits, tanh",
            "category": "numerics: softmax overflow",
            "args": [X, y, W1, b1, W2 * 3000, b2],
            "kwargs": {"activation": "tanh"},
        }
    )
    X, y, W1, b1, W2, b2 = _network(rng, 6, 3, 5, 4)
    cases.append(
        {
            "name": "every hidden unit dead",
            "category": "edge case: dead ReLUs",
            "args": [X, y, W1, b1 - 100.0, W2, b2],
        }
    )
    cases.append(
        {
            "name": "pre-activations exactly zero",
            "category": "edge case: ReLU at 0",
            "args": [
                np.array([[0.0, 0.0], [1.0, -1.0], [2.0, 1.0]]),
                [1, 0, 1],
                np.array([[1.0, -1.0, 2.0], [1.0, 1.0, 0.0]]),
                np.zeros(3),
                np.array([[1.0, -2.0], [0.5, 1.0], [-1.0, 0.25]]),
                np.array([0.1, -0.1]),
            ],
        }
    )
    X, y, W1, b1, W2, b2 = _network(rng, 1, 5, 4, 3)
    cases.append({"name": "a single sample", "category": "edge case: n = 1", "args": [X, y, W1, b1, W2, b2]})
    X, y, W1, b1, W2, b2 = _network(rng, 10, 3, 1, 2)
    cases.append({"name": "one hidden unit", "category": "edge case: h = 1", "args": [X, y, W1, b1, W2, b2]})
    X, y, W1, b1, W2, b2 = _network(rng, 12, 4, 12, 5)
    cases.append(
        {
            "name": "batch size equals hidden size",
            "category": "shapes",
            "args": [X, [0] * 12, W1, b1, W2, b2],
            "kwargs": {"activation": "tanh"},
        }
    )
    cases.append(
        {
            "name": "integer inputs",
            "category": "types",
            "args": [
                np.array([[1, 0, 2], [0, 3, 1]]),
                [2, 0],
                np.array([[0.5, -0.25], [0.1, 0.2], [-0.3, 0.4]]),
                np.array([0.0, 0.1]),
                np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]),
                np.zeros(3),
            ],
        }
    )
    for index in range(12):
        n = int(rng.integers(2, 200))
        d, h, c = (int(v) for v in rng.integers(2, 20, size=3))
        activation = "relu" if index % 3 else "tanh"
        cases.append(
            {
                "name": f"random network {index + 1} ({activation})",
                "category": "random",
                "args": _network(rng, n, d, h, c, scale=float(rng.uniform(0.5, 3.0))),
                "kwargs": {"activation": activation},
            }
        )
    return cases
