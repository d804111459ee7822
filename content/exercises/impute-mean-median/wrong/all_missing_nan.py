# Bug: a column with no observed value is filled with NaN (what nanmean gives) instead of 0.0.
import numpy as np


def impute(X, strategy):
    if not X:
        return []
    table = np.array([[np.nan if v is None else v for v in r] for r in X], dtype=float)
    fills = []
    for column in table.T:
        seen = column[~np.isnan(column)]
        if strategy == "mean":
            fills.append(seen.sum() / len(seen) if len(seen) else np.nan)
        else:
            fills.append(np.median(seen) if len(seen) else np.nan)
    rows, cols = np.where(np.isnan(table))
    table[rows, cols] = np.array(fills)[cols]
    return table.tolist()
