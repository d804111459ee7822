def precision_recall_f1(y_true, y_pred, positive=1):
    tp = fp = fn = 0
    for truth, guess in zip(y_true, y_pred):
        if guess == positive and truth == positive:
            tp += 1
        elif guess == positive:
            fp += 1
        elif truth == positive:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
