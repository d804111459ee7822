# Bug: averages the resample matrix over axis 0 (one mean per draw position) instead of one per resample.
import numpy as np


def bootstrap_ci(data, indices, confidence=0.95):
    values = np.asarray(data, dtype=float)
    means = values[np.asarray(indices)].mean(axis=0)
    tail = 100 * (1 - confidence) / 2
    lower, upper = np.percentile(means, [tail, 100 - tail])
    return float(lower), float(upper)
