"""Cases for early_stopping: hand-made curves for the rules (dyadic values where min_delta sits exactly on the
boundary, so the arithmetic is exact), and seeded noisy training curves."""

EXAMPLE = [0.9, 0.7, 0.72, 0.69, 0.71, 0.70, 0.68]


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE], "kwargs": {"patience": 2, "min_delta": 0.005}},
        {"name": "loss keeps falling", "args": [[1.0, 0.8, 0.6, 0.5, 0.45], 2]},
        {"name": "patience 1", "args": [[2.0, 1.5, 1.6, 1.2, 1.1], 1]},
    ]


def _curve(rng, epochs):
    """A U-shaped validation curve with noise: it falls, flattens, then rises as the model overfits."""
    bottom = float(rng.uniform(0.2, 0.8)) * epochs
    curve = []
    for epoch in range(epochs):
        trend = 1.0 / (1.0 + 0.1 * epoch) + 0.002 * max(0.0, epoch - bottom)
        curve.append(trend + float(rng.normal(0, 0.01)))
    return curve


def hidden(rng):
    cases = [
        {"name": "no epochs", "category": "edge case: empty input", "args": [[], 3]},
        {"name": "one epoch", "category": "edge case: single epoch", "args": [[0.7], 3]},
        {"name": "never improves, patience 1", "category": "edge case: stop at once", "args": [[1.0, 1.0, 0.5], 1]},
        {
            "name": "plateau of equal losses",
            "category": "rule: strict improvement",
            "args": [[0.5, 0.5, 0.5, 0.25, 0.25], 3],
        },
        {
            "name": "improvement exactly min_delta",
            "category": "rule: min_delta boundary",
            "args": [[1.0, 0.75, 0.5, 0.375, 0.25], 2],
            "kwargs": {"min_delta": 0.25},
        },
        {
            "name": "improvement just over min_delta",
            "category": "rule: min_delta boundary",
            "args": [[1.0, 0.74, 0.5, 0.24, 0.2, 0.3], 2],
            "kwargs": {"min_delta": 0.25},
        },
        {
            "name": "small steps that add up",
            "category": "rule: compare with the best",
            "args": [[1.0, 0.9375, 0.875, 0.8125, 0.75, 0.6875], 3],
            "kwargs": {"min_delta": 0.125},
        },
        {
            "name": "patience longer than the run",
            "category": "edge case: never stops",
            "args": [[0.5, 0.6, 0.7, 0.8], 10],
        },
        {
            "name": "stops on the last epoch",
            "category": "edge case: stop at the end",
            "args": [[0.5, 0.4, 0.45, 0.46], 2],
        },
        {
            "name": "better loss after stopping is ignored",
            "category": "rule: stop means stop",
            "args": [[0.6, 0.5, 0.55, 0.52, 0.51, 0.1], 3],
        },
        {
            "name": "the count resets after an improvement",
            "category": "rule: reset",
            "args": [[3, 2, 4, 4, 1, 5, 5, 5, 0], 3],
        },
        {
            "name": "min_delta larger than any change",
            "category": "rule: min_delta",
            "args": [[1.0, 0.9, 0.8, 0.7, 0.6, 0.5], 4],
            "kwargs": {"min_delta": 0.5},
        },
        {
            "name": "rising losses",
            "category": "basic",
            "args": [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 2],
        },
    ]
    for index in range(7):
        epochs = int(rng.integers(20, 400))
        cases.append(
            {
                "name": f"noisy training curve {index + 1}",
                "category": "random",
                "args": [_curve(rng, epochs), int(rng.integers(1, 15))],
                "kwargs": {"min_delta": float(rng.choice([0.0, 0.0005, 0.002, 0.01]))},
            }
        )
    return cases
