# Bug: passes fractions (0.025, 0.975) to numpy.percentile, which expects percentages from 0 to 100.
import numpy as np


def bootstrap_ci(data, indices, confidence=0.95):
    values = np.asarray(data, dtype=float)
    means = [values[row].mean() for row in indices]
    alpha = 1 - confidence
    lower, upper = np.percentile(means, [alpha / 2, 1 - alpha / 2])
    return float(lower), float(upper)
