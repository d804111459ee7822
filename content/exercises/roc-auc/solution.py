def roc_auc(y_true, scores):
    positives = sum(1 for label in y_true if label == 1)
    negatives = len(y_true) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0  # sum of the 1-based ranks of the positives, tied scores sharing their average rank
    start = 0
    while start < len(order):
        stop = start
        while stop + 1 < len(order) and scores[order[stop + 1]] == scores[order[start]]:
            stop += 1
        average_rank = (start + stop) / 2 + 1
        rank_sum += average_rank * sum(1 for i in order[start : stop + 1] if y_true[i] == 1)
        start = stop + 1
    wins = rank_sum - positives * (positives + 1) / 2
    return float(wins / (positives * negatives))
