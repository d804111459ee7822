def one_hot(train_values, values):
    """Return one row per element of `values`, columns = sorted categories of `train_values`; unseen -> zeros."""
    raise NotImplementedError("learn the sorted categories from train_values first")
