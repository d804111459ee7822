def tree_predict(X_train, y_train, X_test, max_depth, min_samples_split=2):
    """Grow a Gini classification tree on (X_train, y_train) and predict a label for each row of X_test.

    X_train: (n, d) numbers; y_train: n integer labels; X_test: (m, d) numbers.
    Return a numpy array of m integer labels. See the statement for the stopping and tie rules.
    """
    raise NotImplementedError("write a recursive function that returns either a leaf or a split node")
