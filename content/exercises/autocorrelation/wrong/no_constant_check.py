# Bug: no special case for a constant series; it divides by a zero (or rounding-sized) variance.
def acf(series, max_lag):
    n = len(series)
    mean = sum(series) / n
    d = [v - mean for v in series]
    c0 = sum(v * v for v in d) / n
    result = []
    for k in range(max_lag + 1):
        ck = sum(d[t] * d[t + k] for t in range(n - k)) / n if k < n else 0.0
        result.append(ck / c0 if c0 else float("nan"))
    return result
