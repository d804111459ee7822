def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update with bias correction; t is the 1-based step number.

    params, grads, m, v: numpy arrays of the same shape.
    Return (new_params, new_m, new_v) as numpy arrays of that shape; new_m and new_v
    are the raw (uncorrected) moment estimates.
    """
    raise NotImplementedError("update the two moment estimates, correct their bias, then move the parameters")
