# Bug: Counter.most_common breaks vote ties by the nearest neighbour's label, not by the smallest label.
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    train = np.asarray(X_train, dtype=float)
    labels = np.asarray(y_train)
    predictions = []
    for point in X_test:
        distances = np.sqrt(((train - np.asarray(point, dtype=float)) ** 2).sum(axis=1))
        nearest = np.argsort(distances, kind="stable")[:k]
        predictions.append(int(Counter(labels[nearest].tolist()).most_common(1)[0][0]))
    return predictions
