# Bug: divides each lag's sum by the number of pairs (n - k) instead of by n.
import numpy as np


def acf(series, max_lag):
    x = np.asarray(series, dtype=float)
    n = len(x)
    if x.max() == x.min():
        return [1.0] + [0.0] * max_lag
    d = x - x.mean()
    c0 = d @ d / n
    return [float(d[: n - k] @ d[k:] / (n - k) / c0) if k < n else 0.0 for k in range(max_lag + 1)]
