def knn_predict(X_train, y_train, X_test, k):
    """Predict a label for each row of X_test by a majority vote of its k nearest training rows.

    Distance ties go to the smaller training index; vote ties go to the smaller label.
    Returns a list of integer labels, one per test row.
    """
    raise NotImplementedError("rank the training rows by distance to each test row, then count votes")
