# Bug: multiplies raw probabilities instead of adding logs; long documents underflow to 0 for every class.
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
        joint = []
        for label in classes:
            denominator = sum(counts[label].values()) + alpha * len(vocabulary)
            p = per_class[label] / len(train_labels)
            for token in doc:
                if token in vocabulary:
                    p *= (counts[label][token] + alpha) / denominator
            joint.append(p)
        evidence = sum(joint)
        posterior = [p / evidence for p in joint]
        log_posteriors.append([math.log(p) if p > 0 else float("-inf") for p in posterior])
        predictions.append(classes[posterior.index(max(posterior))])
    return predictions, log_posteriors
