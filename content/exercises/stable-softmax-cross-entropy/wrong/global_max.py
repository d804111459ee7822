# Bug: subtracts the maximum of the whole array instead of each row's maximum, so a row far below it becomes 0/0.
import numpy as np


def softmax_cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    shifted = logits - logits.max()
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(len(labels)), labels].mean()
    return np.exp(log_probs), float(loss)
