# Bug: a tie between a positive and a negative earns nothing instead of half a pair.
def roc_auc(y_true, scores):
    pos = [s for s, y in zip(scores, y_true, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, y_true, strict=True) if y == 0]
    if not pos or not neg:
        return float("nan")
    wins = sum(1 for p in pos for n in neg if p > n)
    return wins / (len(pos) * len(neg))
