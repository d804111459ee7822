import numpy as np


def two_layer_gradients(X, y, W1, b1, W2, b2, activation="relu"):
    X = np.asarray(X, dtype=float)
    W1, b1 = np.asarray(W1, dtype=float), np.asarray(b1, dtype=float)
    W2, b2 = np.asarray(W2, dtype=float), np.asarray(b2, dtype=float)
    labels = np.asarray(y, dtype=int)
    n = X.shape[0]

    # Forward pass.
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0) if activation == "relu" else np.tanh(Z1)
    Z2 = A1 @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), labels].mean()

    # Backward pass: the mean over the batch puts 1/n on every per-sample gradient.
    dZ2 = np.exp(log_probs)
    dZ2[np.arange(n), labels] -= 1.0
    dZ2 /= n
    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * (Z1 > 0) if activation == "relu" else dA1 * (1.0 - A1**2)
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2, "loss": float(loss)}
