import numpy as np


def standardise(train, test):
    train = np.asarray(train, dtype=float)
    test = np.asarray(test, dtype=float)
    mean = train.mean(axis=0)
    centred = train - mean
    std = np.sqrt((centred**2).mean(axis=0))
    constant = train.max(axis=0) == train.min(axis=0)
    scale = np.where(constant, 1.0, std)
    return centred / scale, (test - mean) / scale
