def roc_auc(y_true, scores):
    """Return the ROC AUC of `scores` against binary labels `y_true`, ties counting half; nan if one class."""
    raise NotImplementedError("compare positives with negatives, or rank the scores")
