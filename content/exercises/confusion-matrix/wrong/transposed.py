# Bug: rows are the predictions and columns the truth (the matrix is transposed).
def confusion_matrix(y_true, y_pred, labels=None):
    order = sorted(set(y_true) | set(y_pred)) if labels is None else list(labels)
    position = {label: index for index, label in enumerate(order)}
    matrix = [[0] * len(order) for _ in order]
    for truth, guess in zip(y_true, y_pred, strict=True):
        if truth in position and guess in position:
            matrix[position[guess]][position[truth]] += 1
    return matrix
