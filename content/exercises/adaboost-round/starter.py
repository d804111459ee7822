def adaboost_round(X, y, weights):
    """One round of discrete AdaBoost with a decision stump.

    X: list of n rows of d numbers; y: list of n labels in {-1, +1}; weights: n positive sample weights.
    Returns (feature, threshold, polarity, alpha, new_weights).
    """
    raise NotImplementedError("try every stump, keep the one with the lowest weighted error, then reweight")
