import numpy as np


def bootstrap_ci(data, indices, confidence=0.95):
    values = np.asarray(data, dtype=float)
    means = [values[np.asarray(row, dtype=int)].mean() for row in indices]
    tail = (1 - confidence) / 2
    lower, upper = np.percentile(means, [100 * tail, 100 * (1 - tail)])  # linear interpolation
    return float(lower), float(upper)
