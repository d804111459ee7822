import itertools
import math
from collections import Counter

TIE = 1e-12


def _impurity(counts, total, criterion):
    if total == 0:
        return 0.0
    if criterion == "gini":
        return 1.0 - sum((c / total) ** 2 for c in counts.values())
    return -sum((c / total) * math.log2(c / total) for c in counts.values() if c > 0)


def best_split(x, y, criterion="gini"):
    pairs = sorted(zip((float(v) for v in x), y, strict=True), key=lambda pair: pair[0])
    n = len(pairs)
    values = sorted({v for v, _ in pairs})
    if len(values) < 2:
        return None
    parent = _impurity(Counter(label for _, label in pairs), n, criterion)

    left, right = Counter(), Counter(label for _, label in pairs)
    candidates = []  # (threshold, weighted child impurity), thresholds increasing
    i = 0
    for low, high in itertools.pairwise(values):
        while i < n and pairs[i][0] <= low:
            left[pairs[i][1]] += 1
            right[pairs[i][1]] -= 1
            i += 1
        n_left, n_right = i, n - i
        weighted = (n_left * _impurity(left, n_left, criterion) + n_right * _impurity(right, n_right, criterion)) / n
        candidates.append(((low + high) / 2, weighted))

    lowest = min(w for _, w in candidates)
    threshold, weighted = next((t, w) for t, w in candidates if w <= lowest + TIE)
    return float(threshold), float(parent - weighted)
