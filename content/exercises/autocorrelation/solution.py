import numpy as np


def acf(series, max_lag):
    values = np.asarray(series, dtype=float)
    n = len(values)
    if values.max() == values.min():  # constant series: no variance to divide by
        return [1.0] + [0.0] * max_lag
    deviations = values - values.mean()
    variance = float(deviations @ deviations) / n
    result = []
    for lag in range(max_lag + 1):
        covariance = float(deviations[: n - lag] @ deviations[lag:]) / n if lag < n else 0.0
        result.append(covariance / variance)
    return result
