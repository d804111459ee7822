def acf(series, max_lag):
    """Sample autocorrelations of `series` for the lags 0, 1, ..., max_lag (a list of max_lag + 1 floats).

    Each lag's autocovariance sums over the overlapping pairs and divides by n, the full length.
    """
    raise NotImplementedError("centre the series on its mean, then compare it with shifted copies of itself")
