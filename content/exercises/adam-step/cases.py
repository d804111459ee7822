"""Cases for adam_step: ordinary gradients in the visible cases; tiny gradients, late steps, custom
hyper-parameters and carried-over state hidden."""

import numpy as np


def _state(rng, shape, grad_scale=1.0):
    params = rng.normal(0, 1, size=shape)
    grads = rng.normal(0, grad_scale, size=shape)
    m = rng.normal(0, 0.3 * grad_scale, size=shape)
    v = rng.uniform(0, 1, size=shape) * grad_scale**2
    return params, grads, m, v


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [np.array([1.0, -2.0]), np.array([0.5, -1.0]), np.zeros(2), np.zeros(2), 1],
        },
        {
            "name": "second step with carried state",
            "args": [
                np.array([0.999, -1.999]),
                np.array([4.0, -8.0]),
                np.array([0.4, -0.8]),
                np.array([0.016, 0.064]),
                2,
            ],
        },
        {
            "name": "custom hyper-parameters",
            "args": [np.array([0.0, 1.0, 2.0]), np.array([1.0, 2.0, -3.0]), np.zeros(3), np.zeros(3), 1],
            "kwargs": {"lr": 0.1, "beta1": 0.8, "beta2": 0.99},
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "zero gradient and zero state",
            "category": "edge case: zero gradient",
            "args": [np.array([1.0, 2.0, 3.0]), np.zeros(3), np.zeros(3), np.zeros(3), 1],
        },
        {
            "name": "zero gradient with momentum left",
            "category": "edge case: zero gradient",
            "args": [np.array([1.0, -1.0]), np.zeros(2), np.array([0.2, -0.1]), np.array([0.04, 0.01]), 5],
        },
        {
            "name": "tiny gradients",
            "category": "numerics: tiny values",
            "args": [np.array([0.5, -0.5, 1.0]), np.array([1e-7, -3e-7, 2e-8]), np.zeros(3), np.zeros(3), 1],
        },
        {
            "name": "tiny gradients, later step",
            "category": "numerics: tiny values",
            "args": [
                np.array([0.5, -0.5]),
                np.array([1e-6, -2e-6]),
                np.array([5e-7, -1e-6]),
                np.array([1e-13, 3e-13]),
                3,
            ],
        },
        {
            "name": "late step, corrections near one",
            "category": "edge case: large t",
            "args": [np.array([0.3, -0.7]), np.array([0.2, 0.1]), np.array([0.1, 0.05]), np.array([0.02, 0.01]), 10000],
        },
        {
            "name": "middle step, second moment still biased",
            "category": "bias correction",
            "args": [np.array([1.0, 2.0]), np.array([-0.3, 0.6]), np.array([-0.2, 0.4]), np.array([0.03, 0.1]), 200],
        },
        {
            "name": "huge gradients",
            "category": "numerics: large values",
            "args": [np.array([1.0, -1.0]), np.array([1e6, -5e5]), np.zeros(2), np.zeros(2), 1],
        },
        {
            "name": "matrix-shaped parameters",
            "category": "shape: 2-D",
            "args": [*_state(rng, (3, 4)), 7],
        },
        {
            "name": "single parameter",
            "category": "edge case: single value",
            "args": [np.array([2.5]), np.array([-0.7]), np.array([0.1]), np.array([0.5]), 2],
        },
        {
            "name": "large eps",
            "category": "hyper-parameters",
            "args": [np.array([1.0, 2.0]), np.array([0.01, -0.02]), np.zeros(2), np.zeros(2), 1],
            "kwargs": {"eps": 0.1},
        },
        {
            "name": "no momentum (beta1 = 0)",
            "category": "hyper-parameters",
            "args": [np.array([1.0, 2.0]), np.array([0.3, -0.4]), np.array([0.5, 0.5]), np.array([0.2, 0.2]), 4],
            "kwargs": {"beta1": 0.0, "lr": 0.01},
        },
    ]
    for index in range(10):
        shape = (int(rng.integers(1, 50)),)
        t = int(rng.choice([1, 2, 3, 10, 50, 500, 5000]))
        grad_scale = float(rng.choice([1e-4, 0.01, 1.0, 100.0]))
        kwargs = {}
        if index % 3 == 0:
            kwargs = {
                "lr": float(rng.choice([0.01, 0.1, 0.0003])),
                "beta1": float(rng.uniform(0.5, 0.95)),
                "beta2": float(rng.uniform(0.9, 0.9999)),
            }
        cases.append(
            {
                "name": f"random state {index + 1}",
                "category": "random",
                "args": [*_state(rng, shape, grad_scale), t],
                "kwargs": kwargs,
            }
        )
    return cases
