def best_split(x, y, criterion="gini"):
    """Best threshold on one numeric feature for a classification split.

    x: numeric values; y: class labels of the same length; criterion: "gini" or "entropy".
    Return (threshold, impurity_decrease) as two floats, or None when x has fewer than
    two distinct values.
    """
    raise NotImplementedError("sort by x, then try the midpoint between each pair of neighbouring distinct values")
