import math
from collections import Counter


def naive_bayes_predict(train_docs, train_labels, test_docs, alpha=1.0):
    classes = sorted(set(train_labels))
    vocabulary = {token for doc in train_docs for token in doc}
    documents_per_class = Counter(train_labels)
    token_counts = {label: Counter() for label in classes}
    for doc, label in zip(train_docs, train_labels, strict=True):
        token_counts[label].update(doc)

    log_prior = {label: math.log(documents_per_class[label] / len(train_labels)) for label in classes}
    log_likelihood = {}
    for label in classes:
        denominator = sum(token_counts[label].values()) + alpha * len(vocabulary)
        log_likelihood[label] = {
            token: math.log((token_counts[label][token] + alpha) / denominator) for token in vocabulary
        }

    predictions, log_posteriors = [], []
    for doc in test_docs:
        known = [token for token in doc if token in vocabulary]
        scores = [log_prior[label] + sum(log_likelihood[label][token] for token in known) for label in classes]
        top = max(scores)
        log_evidence = top + math.log(sum(math.exp(score - top) for score in scores))
        log_posteriors.append([score - log_evidence for score in scores])
        predictions.append(classes[scores.index(top)])  # the first maximum is the smallest label
    return predictions, log_posteriors
