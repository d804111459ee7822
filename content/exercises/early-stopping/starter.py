def early_stopping(val_losses, patience, min_delta=0.0):
    """Replay early stopping over a list of validation losses (epoch 0 first).

    Returns (best_epoch, stop_epoch): the epoch of the best loss seen before stopping, and the epoch at which
    patience ran out, or None if it never did.
    """
    raise NotImplementedError("track the best loss and how many epochs have passed without improving on it")
