# Bug: rounds the number of test groups down (int truncation) instead of up.
def group_split(groups, test_fraction):
    distinct = sorted(set(groups))
    n_test = min(int(test_fraction * len(distinct)), max(len(distinct) - 1, 0))
    test_groups = set(distinct[len(distinct) - n_test :]) if n_test else set()
    train = [i for i, g in enumerate(groups) if g not in test_groups]
    test = [i for i, g in enumerate(groups) if g in test_groups]
    return train, test
