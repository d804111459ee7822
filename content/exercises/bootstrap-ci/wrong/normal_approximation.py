# Bug: a normal-approximation interval (mean +- z * standard deviation of the bootstrap means), not percentiles.
import statistics

import numpy as np


def bootstrap_ci(data, indices, confidence=0.95):
    values = np.asarray(data, dtype=float)
    means = [values[row].mean() for row in indices]
    if len(means) < 2:
        return float(means[0]), float(means[0])
    centre, spread = float(np.mean(means)), float(np.std(means, ddof=1))
    z = statistics.NormalDist().inv_cdf(0.5 + min(confidence, 0.999999) / 2)
    return centre - z * spread, centre + z * spread
