def gd_linear_regression(X, y, learning_rate, n_steps):
    """Fit y ~ intercept + X @ weights by full-batch gradient descent on the mean squared error.

    X: array of shape (n, d); y: array of shape (n,).
    Start from intercept 0 and weights 0, take exactly n_steps steps, and return
    (intercept, weights) as (float, numpy array of shape (d,)).
    """
    raise NotImplementedError("compute the residuals, then the gradient of the mean squared error")
