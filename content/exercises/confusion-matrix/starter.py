def confusion_matrix(y_true, y_pred, labels=None):
    """Return the confusion matrix as a list of lists: rows are true labels, columns are predicted labels."""
    raise NotImplementedError("decide the label order, then count each (truth, prediction) pair")
