# Bug: drops the nearest neighbour as if it were the query itself (a leave-one-out habit), using ranks 2..k+1.
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    train = np.asarray(X_train, dtype=float)
    predictions = []
    for point in X_test:
        squared = ((train - np.asarray(point, dtype=float)) ** 2).sum(axis=1)
        nearest = np.argsort(squared, kind="stable")[1 : k + 1]
        if len(nearest) == 0:
            nearest = [0]
        votes = {}
        for index in nearest:
            votes[int(y_train[index])] = votes.get(int(y_train[index]), 0) + 1
        top = max(votes.values())
        predictions.append(min(label for label, count in votes.items() if count == top))
    return predictions
