import numpy as np


def two_layer_gradients(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients of the mean softmax cross-entropy of a two-layer network.

    Network: X @ W1 + b1 -> activation ("relu" or "tanh") -> @ W2 + b2 -> softmax.
    Returns {"W1", "b1", "W2", "b2"} (NumPy arrays shaped like the parameters) and "loss" (a float).
    """
    X = np.asarray(X, dtype=float)
    raise NotImplementedError("run the forward pass, keep Z1 and A1, then apply the chain rule backwards")
