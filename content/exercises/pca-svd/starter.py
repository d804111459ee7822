def pca(X, n_components):
    """Principal component analysis of X (n, d) through the SVD of the centred data.

    Return (components, explained_variance_ratio, projected): arrays of shapes
    (n_components, d), (n_components,) and (n, n_components).
    """
    raise NotImplementedError("centre the columns, then take the SVD")
