import numpy as np


def softmax_cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probs = shifted - log_norm
    probabilities = np.exp(log_probs)
    rows = np.arange(len(labels))
    loss = -log_probs[rows, labels].mean()
    return probabilities, float(loss)
