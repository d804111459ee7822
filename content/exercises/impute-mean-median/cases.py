"""Cases for impute: the statement's example visible; NaN handling, even medians and odd shapes hidden."""

import math

NAN = math.nan


def visible():
    example = [[1.0, None, 3.0, None], [None, 4.0, NAN, None], [7.0, 5.0, None, None], [2.0, None, None, None]]
    return [
        {"name": "the statement's example", "args": [example, "mean"]},
        {"name": "median, odd counts", "args": [[[5.0, 1.0], [None, 2.0], [1.0, None], [3.0, 9.0]], "median"]},
    ]


def _table(rng, rows, cols, rate, ints):
    values = rng.integers(-50, 50, (rows, cols)) if ints else rng.normal(10.0, 5.0, (rows, cols))
    table = []
    for row in values:
        cells = []
        for value in row:
            if rng.random() < rate:
                cells.append(None if rng.random() < 0.5 else NAN)
            else:
                cells.append(int(value) if ints else float(value))
        table.append(cells)
    return table


def hidden(rng):
    cases = [
        {"name": "empty table", "category": "edge case: empty input", "args": [[], "mean"]},
        {"name": "nothing missing", "category": "edge case: no holes", "args": [[[1.0, 2.0], [3.0, 4.0]], "mean"]},
        {
            "name": "single row with a hole",
            "category": "edge case: single sample",
            "args": [[[None, 2.5, NAN]], "median"],
        },
        {
            "name": "all-missing column, median",
            "category": "edge case: all missing",
            "args": [[[1.0, None], [2.0, NAN], [4.0, None]], "median"],
        },
        {
            "name": "everything missing",
            "category": "edge case: all missing",
            "args": [[[None, NAN], [NAN, None]], "mean"],
        },
        {
            "name": "median of an even count",
            "category": "median",
            "args": [[[1.0], [None], [10.0], [4.0], [2.0]], "median"],
        },
        {
            "name": "even median, unsorted input",
            "category": "median",
            "args": [[[8.0, 0.0], [2.0, None], [None, 3.0], [6.0, 1.0], [4.0, 7.0]], "median"],
        },
        {"name": "only NaN holes", "category": "NaN", "args": [[[NAN, 1.0], [2.0, NAN], [4.0, 3.0]], "mean"]},
        {"name": "integer entries", "category": "types", "args": [[[1, None, 4], [2, 6, None], [6, 7, 5]], "mean"]},
        {
            "name": "mean pulled by the holes if counted",
            "category": "mean",
            "args": [[[100.0], [None], [None], [None], [50.0]], "mean"],
        },
        {
            "name": "wide single row of holes and values",
            "category": "shape",
            "args": [[[1.0, 2.0, 3.0], [None, None, None], [5.0, 8.0, 13.0]], "median"],
        },
    ]
    for index in range(10):
        rows, cols = int(rng.integers(2, 300)), int(rng.integers(1, 12))
        rate = float(rng.choice([0.05, 0.2, 0.5, 0.8]))
        table = _table(rng, rows, cols, rate, ints=index % 4 == 3)
        strategy = "mean" if index % 2 == 0 else "median"
        cases.append(
            {"name": f"random table {index + 1} ({strategy})", "category": "random", "args": [table, strategy]}
        )
    return cases
