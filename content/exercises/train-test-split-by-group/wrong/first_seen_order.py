# Bug: orders the groups by first appearance instead of sorting them before taking the last ones.
import math


def group_split(groups, test_fraction):
    distinct = list(dict.fromkeys(groups))
    if not distinct:
        return [], []
    n_test = min(math.ceil(test_fraction * len(distinct)), len(distinct) - 1)
    test_groups = set(distinct[len(distinct) - n_test :])
    train = [i for i, g in enumerate(groups) if g not in test_groups]
    test = [i for i, g in enumerate(groups) if g in test_groups]
    return train, test
