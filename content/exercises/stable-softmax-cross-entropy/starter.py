def softmax_cross_entropy(logits, labels):
    """Row-wise softmax of a 2-D array of logits and the mean cross-entropy against integer labels.

    Return (probabilities, loss): a float array of the same shape as logits, and a float.
    Must not overflow or return inf/nan for logits as large as +-1000.
    """
    raise NotImplementedError("work with log-probabilities: shift each row by its maximum first")
