# Bug: puts the whole of 1 - confidence in each tail (5th and 95th percentiles for a 95% interval).
import numpy as np


def bootstrap_ci(data, indices, confidence=0.95):
    values = np.asarray(data, dtype=float)
    means = [values[row].mean() for row in indices]
    lower, upper = np.percentile(means, [100 * (1 - confidence), 100 * confidence])
    return float(min(lower, upper)), float(max(lower, upper))
