# Bug: the test set is standardised with its own mean and std instead of the training ones.
import numpy as np


def _scale(x):
    mean = x.mean(axis=0)
    scale = np.where(x.max(axis=0) == x.min(axis=0), 1.0, x.std(axis=0))
    return (x - mean) / scale


def standardise(train, test):
    train = np.asarray(train, dtype=float)
    test = np.asarray(test, dtype=float)
    return _scale(train), (_scale(test) if len(test) else test)
