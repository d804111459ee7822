# Bug: leakage. The mean and std are computed on train and test stacked together.
import numpy as np


def standardise(train, test):
    train = np.asarray(train, dtype=float)
    test = np.asarray(test, dtype=float)
    both = np.vstack([train, test])
    mean = both.mean(axis=0)
    std = both.std(axis=0)
    scale = np.where(both.max(axis=0) == both.min(axis=0), 1.0, std)
    return (train - mean) / scale, (test - mean) / scale
