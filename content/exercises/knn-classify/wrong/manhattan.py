# Bug: ranks neighbours by Manhattan (L1) distance instead of Euclidean distance.
def knn_predict(X_train, y_train, X_test, k):
    predictions = []
    for point in X_test:
        ranked = sorted(
            range(len(X_train)), key=lambda i: (sum(abs(a - b) for a, b in zip(X_train[i], point, strict=True)), i)
        )
        votes = {}
        for i in ranked[:k]:
            votes[y_train[i]] = votes.get(y_train[i], 0) + 1
        top = max(votes.values())
        predictions.append(min(label for label, count in votes.items() if count == top))
    return predictions
