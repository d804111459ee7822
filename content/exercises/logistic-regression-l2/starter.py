def fit_logistic_l2(X, y, lam, learning_rate, n_steps):
    """Fit an L2-regularised logistic regression by full-batch gradient descent.

    Loss: mean log loss + lam / 2 * ||weights||^2 (the intercept is not penalised).
    Start from zeros, take exactly n_steps steps, return (intercept, weights)
    as (float, numpy array of shape (d,)).
    """
    raise NotImplementedError("the gradient of the mean log loss is X^T (p - y) / n")
