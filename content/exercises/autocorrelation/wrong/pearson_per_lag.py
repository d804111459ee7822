# Bug: correlates x[:-k] with x[k:] as two separate samples, each with its own mean and standard deviation.
import numpy as np


def acf(series, max_lag):
    x = np.asarray(series, dtype=float)
    n = len(x)
    if x.max() == x.min():
        return [1.0] + [0.0] * max_lag
    result = [1.0]
    for k in range(1, max_lag + 1):
        if n - k < 2:
            result.append(0.0)
            continue
        a, b = x[: n - k], x[k:]
        if a.std() == 0 or b.std() == 0:
            result.append(0.0)
        else:
            result.append(float(np.corrcoef(a, b)[0, 1]))
    return result
