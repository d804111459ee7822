# Bug: uses the sample standard deviation (ddof=1) instead of the population one.
import numpy as np


def standardise(train, test):
    train = np.asarray(train, dtype=float)
    test = np.asarray(test, dtype=float)
    mean = train.mean(axis=0)
    std = train.std(axis=0, ddof=1) if len(train) > 1 else np.zeros(train.shape[1])
    scale = np.where(train.max(axis=0) == train.min(axis=0), 1.0, std)
    return (train - mean) / scale, (test - mean) / scale
