def bootstrap_ci(data, indices, confidence=0.95):
    """Percentile bootstrap confidence interval for the mean of `data`.

    indices: a list of resamples, each a list of positions into `data`.
    Returns (lower, upper) as floats.
    """
    raise NotImplementedError("take the mean of every resample, then read off two percentiles")
