# Bug: only None counts as missing, so NaN stays in the table and poisons the column statistics.
import statistics


def impute(X, strategy):
    if not X:
        return []
    fills = []
    for j in range(len(X[0])):
        seen = [r[j] for r in X if r[j] is not None]
        if not seen:
            fills.append(0.0)
        elif strategy == "mean":
            fills.append(sum(seen) / len(seen))
        else:
            fills.append(float(statistics.median(seen)))
    return [[fills[j] if v is None else float(v) for j, v in enumerate(r)] for r in X]
