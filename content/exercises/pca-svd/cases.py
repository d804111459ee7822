"""Cases for pca. Each component's sign is arbitrary, so check() accepts either sign as long as the projected
column uses the same one. Every data set has well-separated leading singular values, so the components are
unique up to sign."""

import numpy as np


def _correlated(rng, n, d, offset=0.0, scales=None):
    latent = rng.normal(size=(n, d)) * np.linspace(3.0, 0.3, d)
    mixing = np.linalg.qr(rng.normal(size=(d, d)))[0]
    X = latent @ mixing.T + offset
    if scales is not None:
        X = X * scales
    return X


def _close(want, have, scale):
    return np.allclose(have, want, rtol=1e-6, atol=1e-7 * scale)


def check(args, expected, got):
    if not isinstance(got, tuple | list) or len(got) != 3:
        return "return a tuple (components, explained_variance_ratio, projected)"
    want_c, want_r, want_p = (np.asarray(a, dtype=float) for a in expected)
    try:
        have_c, have_r, have_p = (np.asarray(a, dtype=float) for a in got)
    except (TypeError, ValueError):
        return "every part of the result must be a numeric array"
    for label, want, have in (
        ("components", want_c, have_c),
        ("explained_variance_ratio", want_r, have_r),
        ("projected", want_p, have_p),
    ):
        if have.shape != want.shape:
            return f"{label} should have shape {want.shape}, got {have.shape}"
    if not _close(want_r, have_r, 1.0):
        return f"explained_variance_ratio should be {np.round(want_r, 6).tolist()}, got {np.round(have_r, 6).tolist()}"
    scale = max(1.0, float(np.abs(want_p).max(initial=0.0)))
    for i in range(len(want_c)):
        sign = 1.0 if float(want_c[i] @ have_c[i]) >= 0 else -1.0
        if not _close(sign * want_c[i], have_c[i], 1.0):
            return f"component {i} should be {np.round(want_c[i], 6).tolist()} (or its negative)"
        if not _close(sign * want_p[:, i], have_p[:, i], scale):
            return f"projected column {i} does not match the data projected on component {i}"
    return None


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 5.0], [4.0, 4.0], [5.0, 6.0]]), 1],
        },
        {
            "name": "three correlated features, two components",
            "args": [
                np.array(
                    [
                        [2.0, 1.0, 0.5],
                        [1.0, 0.0, 1.5],
                        [4.0, 3.5, 0.0],
                        [0.0, -1.0, 2.0],
                        [3.0, 2.0, 1.0],
                        [5.0, 4.0, -1.0],
                    ]
                ),
                2,
            ],
        },
        {
            "name": "every component kept",
            "args": [np.array([[1.0, 0.0], [-1.0, 0.5], [2.0, 1.0], [-2.0, -1.5]]), 2],
        },
    ]


def hidden(rng):
    cases = [
        {
            "name": "data far from the origin",
            "category": "centring",
            "args": [_correlated(rng, 50, 3, offset=1000.0), 2],
        },
        {
            "name": "features on very different scales",
            "category": "scaling",
            "args": [_correlated(rng, 60, 3, scales=np.array([1.0, 100.0, 0.01])), 2],
        },
        {
            "name": "one component of strongly correlated data",
            "category": "correlated data",
            "args": [np.column_stack([np.arange(10.0), 2 * np.arange(10.0) + rng.normal(0, 0.3, 10)]), 1],
        },
        {
            "name": "wide data, fewer samples than features",
            "category": "shape: wide",
            "args": [_correlated(rng, 6, 9), 3],
        },
        {
            "name": "exactly rank two in five dimensions",
            "category": "low rank",
            "args": [rng.normal(size=(30, 2)) * np.array([4.0, 1.0]) @ rng.normal(size=(2, 5)) + 3.0, 2],
        },
        {
            "name": "two samples",
            "category": "edge case: two samples",
            "args": [np.array([[1.0, 2.0, 3.0], [3.0, 1.0, 7.0]]), 1],
        },
        {
            "name": "integer data",
            "category": "dtype: integer input",
            "args": [np.array([[1, 5, 2], [2, 4, 2], [3, 4, 5], [4, 1, 3], [6, 0, 6], [7, 1, 8]]), 2],
        },
        {
            "name": "nested lists of integers",
            "category": "dtype: integer input",
            "args": [[[3, 1], [0, 2], [5, 6], [2, 2], [9, 7], [1, 0]], 1],
        },
        {
            "name": "nested lists",
            "category": "input types",
            "args": [[[0.0, 1.0], [1.0, 3.0], [2.0, 4.5], [3.0, 7.0], [4.0, 8.0]], 2],
        },
        {
            "name": "single feature",
            "category": "edge case: one feature",
            "args": [np.array([[1.0], [4.0], [2.0], [8.0]]), 1],
        },
        {
            "name": "all components of correlated data",
            "category": "correlated data",
            "args": [_correlated(rng, 40, 4, offset=-5.0), 4],
        },
    ]
    for index in range(10):
        n = int(rng.integers(5, 500))
        d = int(rng.integers(2, 8))
        k = int(rng.integers(1, min(n - 1, d) + 1))
        offset = rng.normal(0, 10, size=d)
        X = _correlated(rng, n, d, offset=offset, scales=rng.uniform(0.5, 3.0, size=d))
        cases.append({"name": f"random correlated data {index + 1}", "category": "random", "args": [X, k]})
    return cases
