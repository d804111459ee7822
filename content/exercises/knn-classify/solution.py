import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    train = np.asarray(X_train, dtype=float)
    predictions = []
    for point in X_test:
        squared = ((train - np.asarray(point, dtype=float)) ** 2).sum(axis=1)
        # A stable sort keeps equal distances in index order.
        nearest = np.argsort(squared, kind="stable")[:k]
        votes = {}
        for index in nearest:
            label = int(y_train[index])
            votes[label] = votes.get(label, 0) + 1
        top = max(votes.values())
        predictions.append(min(label for label, count in votes.items() if count == top))
    return predictions
