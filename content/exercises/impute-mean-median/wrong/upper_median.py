# Bug: the median of an even count takes the upper middle value instead of averaging the two middle ones.
import math


def impute(X, strategy):
    if not X:
        return []
    fills = []
    for j in range(len(X[0])):
        seen = sorted(r[j] for r in X if r[j] is not None and not math.isnan(r[j]))
        if not seen:
            fills.append(0.0)
        elif strategy == "mean":
            fills.append(sum(seen) / len(seen))
        else:
            fills.append(float(seen[len(seen) // 2]))
    return [[fills[j] if v is None or math.isnan(v) else float(v) for j, v in enumerate(r)] for r in X]
