# Bug: walks the classes in order of first appearance instead of sorted label order.
def stratified_kfold(y, k):
    by_class = {}
    for index, label in enumerate(y):
        by_class.setdefault(label, []).append(index)
    fold_of = [0] * len(y)
    counter = 0
    for label in by_class:
        for index in by_class[label]:
            fold_of[index] = counter % k
            counter += 1
    return [
        ([i for i in range(len(y)) if fold_of[i] != f], [i for i in range(len(y)) if fold_of[i] == f]) for f in range(k)
    ]
