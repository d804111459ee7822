# Bug: finds the stop epoch correctly but reports the arg-min of the whole list as the best epoch, using
# losses that training never reached.
def early_stopping(val_losses, patience, min_delta=0.0):
    if not val_losses:
        return None, None
    best, waited, stop = val_losses[0], 0, None
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < best - min_delta:
            best, waited = val_losses[epoch], 0
        else:
            waited += 1
            if waited >= patience:
                stop = epoch
                break
    return min(range(len(val_losses)), key=val_losses.__getitem__), stop
