# Bug: compares each loss with the previous epoch's loss instead of the best loss so far.
def early_stopping(val_losses, patience, min_delta=0.0):
    if not val_losses:
        return None, None
    best_epoch, waited = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[epoch - 1] - min_delta:
            best_epoch, waited = epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return best_epoch, epoch
    return best_epoch, None
