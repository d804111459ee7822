# Bug: standardises the features with statistics of the training and test rows together (scaling the task
# forbids, fitted with leakage from the test set).
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    if len(X_test) == 0:
        return []
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float)
    both = np.vstack([train, test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    std[std == 0] = 1.0
    train, test = (train - mean) / std, (test - mean) / std
    predictions = []
    for point in test:
        squared = ((train - point) ** 2).sum(axis=1)
        nearest = np.argsort(squared, kind="stable")[:k]
        votes = {}
        for index in nearest:
            votes[int(y_train[index])] = votes.get(int(y_train[index]), 0) + 1
        top = max(votes.values())
        predictions.append(min(label for label, count in votes.items() if count == top))
    return predictions
