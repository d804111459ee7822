# Bug: smooths with the size of each class's own vocabulary instead of the shared vocabulary.
import math
from collections import Counter


def naive_bayes_predict(train_docs, train_labels, test_docs, alpha=1.0):
    classes = sorted(set(train_labels))
    vocabulary = {token for doc in train_docs for token in doc}
    per_class = Counter(train_labels)
    counts = {label: Counter() for label in classes}
    for doc, label in zip(train_docs, train_labels, strict=True):
        counts[label].update(doc)
    predictions, log_posteriors = [], []
    for doc in test_docs:
        scores = []
        for label in classes:
            denominator = sum(counts[label].values()) + alpha * len(counts[label])
            score = math.log(per_class[label] / len(train_labels))
            for token in doc:
                if token in vocabulary:
                    score += math.log((counts[label][token] + alpha) / denominator)
            scores.append(score)
        top = max(scores)
        norm = top + math.log(sum(math.exp(s - top) for s in scores))
        log_posteriors.append([s - norm for s in scores])
        predictions.append(classes[scores.index(top)])
    return predictions, log_posteriors
