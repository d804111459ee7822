import math


def _is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def impute(X, strategy):
    if not X:
        return []
    fills = []
    for j in range(len(X[0])):
        observed = [row[j] for row in X if not _is_missing(row[j])]
        if not observed:
            fills.append(0.0)
        elif strategy == "mean":
            fills.append(math.fsum(observed) / len(observed))
        else:
            fills.append(_median(observed))
    return [[fills[j] if _is_missing(value) else float(value) for j, value in enumerate(row)] for row in X]
