# Bug: restarts the counter at 0 for every class, so the small folds pile up at the end.
def stratified_kfold(y, k):
    by_class = {}
    for index, label in enumerate(y):
        by_class.setdefault(label, []).append(index)
    fold_of = [0] * len(y)
    for label in sorted(by_class):
        for position, index in enumerate(by_class[label]):
            fold_of[index] = position % k
    return [
        ([i for i in range(len(y)) if fold_of[i] != f], [i for i in range(len(y)) if fold_of[i] == f]) for f in range(k)
    ]
