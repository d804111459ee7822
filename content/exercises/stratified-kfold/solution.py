def stratified_kfold(y, k):
    by_class = {}
    for index, label in enumerate(y):
        by_class.setdefault(label, []).append(index)
    fold_of = [0] * len(y)
    counter = 0
    for label in sorted(by_class):
        for index in by_class[label]:
            fold_of[index] = counter % k
            counter += 1
    splits = []
    for fold in range(k):
        test = [i for i in range(len(y)) if fold_of[i] == fold]
        train = [i for i in range(len(y)) if fold_of[i] != fold]
        splits.append((train, test))
    return splits
