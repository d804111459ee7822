def fit_linear(X, y):
    """Return (intercept, coefficients) of the least-squares fit; minimum-norm coefficients if X is deficient."""
    raise NotImplementedError("centre the data, then solve the least-squares problem stably")
