def impute(X, strategy):
    """Return a copy of X with each None/NaN replaced by its column's observed mean or median (0.0 if none)."""
    raise NotImplementedError("collect each column's observed values, then fill the holes")
