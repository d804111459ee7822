# Bug: splits the rows themselves (last ceil(fraction * n) rows to test), so a group can sit on both sides.
import math


def group_split(groups, test_fraction):
    n = len(groups)
    n_test = min(math.ceil(test_fraction * n), max(n - 1, 0))
    return list(range(n - n_test)), list(range(n - n_test, n))
