# Bug: off by one in the sum, so each lag k >= 1 leaves out its last pair (x[n-k-1], x[n-1]).
import numpy as np


def acf(series, max_lag):
    x = np.asarray(series, dtype=float)
    n = len(x)
    if x.max() == x.min():
        return [1.0] + [0.0] * max_lag
    d = x - x.mean()
    c0 = d @ d / n
    result = [1.0]
    for k in range(1, max_lag + 1):
        total = sum(d[t] * d[t + k] for t in range(n - k - 1)) if k < n else 0.0
        result.append(float(total / n / c0))
    return result
