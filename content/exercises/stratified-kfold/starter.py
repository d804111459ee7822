def stratified_kfold(y, k):
    """Return k (train_indices, test_indices) tuples, assigning indices to folds by the running-counter rule."""
    raise NotImplementedError("group the indices by class, then deal them out to the folds")
