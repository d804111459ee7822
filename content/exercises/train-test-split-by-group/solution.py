import math


def group_split(groups, test_fraction):
    distinct = sorted(set(groups))
    if not distinct:
        return [], []
    n_test = min(math.ceil(test_fraction * len(distinct)), len(distinct) - 1)
    test_groups = set(distinct[len(distinct) - n_test :])
    train = [i for i, group in enumerate(groups) if group not in test_groups]
    test = [i for i, group in enumerate(groups) if group in test_groups]
    return train, test
