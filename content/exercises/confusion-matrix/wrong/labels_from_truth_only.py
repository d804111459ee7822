# Bug: the label set comes from y_true only, so a class that is only ever predicted is dropped.
def confusion_matrix(y_true, y_pred, labels=None):
    order = sorted(set(y_true)) if labels is None else list(labels)
    position = {label: index for index, label in enumerate(order)}
    matrix = [[0] * len(order) for _ in order]
    for truth, guess in zip(y_true, y_pred, strict=True):
        if truth in position and guess in position:
            matrix[position[truth]][position[guess]] += 1
    return matrix
