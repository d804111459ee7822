# Bug: forgets to keep at least one group for training, so a large fraction empties the training set.
import math


def group_split(groups, test_fraction):
    distinct = sorted(set(groups))
    n_test = math.ceil(test_fraction * len(distinct))
    test_groups = set(distinct[len(distinct) - n_test :]) if n_test else set()
    train = [i for i, g in enumerate(groups) if g not in test_groups]
    test = [i for i, g in enumerate(groups) if g in test_groups]
    return train, test
