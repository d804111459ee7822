# Bug: variance as mean(x**2) - mean(x)**2, which cancels catastrophically for large, tightly packed values.
import numpy as np


def standardise(train, test):
    train = np.asarray(train, dtype=float)
    test = np.asarray(test, dtype=float)
    mean = train.mean(axis=0)
    variance = np.maximum((train**2).mean(axis=0) - mean**2, 0.0)
    scale = np.where(train.max(axis=0) == train.min(axis=0), 1.0, np.sqrt(variance))
    return (train - mean) / scale, (test - mean) / scale
