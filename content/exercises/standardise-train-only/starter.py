def standardise(train, test):
    """Return (train_scaled, test_scaled), both scaled with the training columns' mean and population std."""
    raise NotImplementedError("compute the column statistics on train, then apply them to both sets")
