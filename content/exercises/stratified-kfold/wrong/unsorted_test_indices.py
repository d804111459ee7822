# Bug: test indices are listed in the order the walk visits them (class by class), not sorted.
def stratified_kfold(y, k):
    by_class = {}
    for index, label in enumerate(y):
        by_class.setdefault(label, []).append(index)
    tests = [[] for _ in range(k)]
    counter = 0
    for label in sorted(by_class):
        for index in by_class[label]:
            tests[counter % k].append(index)
            counter += 1
    return [(sorted(set(range(len(y))) - set(test)), test) for test in tests]
