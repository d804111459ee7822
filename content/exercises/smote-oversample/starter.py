def smote_oversample(X, k, n_new, choices):
    """Create n_new synthetic minority samples, SMOTE style, from fixed random choices.

    X: list of n minority rows (lists of d numbers). choices: list of [sample index, neighbour rank, gap].
    Returns a NumPy array of shape (n_new, d).
    """
    raise NotImplementedError("find each chosen sample's k nearest minority neighbours, then interpolate")
