# Bug: ignores min_delta; any decrease at all counts as an improvement.
def early_stopping(val_losses, patience, min_delta=0.0):
    if not val_losses:
        return None, None
    best, best_epoch, waited = val_losses[0], 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < best:
            best, best_epoch, waited = val_losses[epoch], epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return best_epoch, epoch
    return best_epoch, None
