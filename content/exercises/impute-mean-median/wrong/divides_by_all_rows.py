# Bug: the mean divides by the number of rows, so every hole counts as a zero.
import math
import statistics


def impute(X, strategy):
    if not X:
        return []
    fills = []
    for j in range(len(X[0])):
        seen = [r[j] for r in X if r[j] is not None and not math.isnan(r[j])]
        if not seen:
            fills.append(0.0)
        elif strategy == "mean":
            fills.append(sum(seen) / len(X))
        else:
            fills.append(float(statistics.median(seen)))
    return [[fills[j] if v is None or math.isnan(v) else float(v) for j, v in enumerate(r)] for r in X]
