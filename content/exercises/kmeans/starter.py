def kmeans(X, initial_centroids, n_iter):
    """Lloyd's k-means from the given starting centroids.

    X: (n, d) data; initial_centroids: (k, d); n_iter: the most centroid updates to make.
    Return (centroids, labels): a float array (k, d) and an int array (n,) giving each point's
    nearest returned centroid. See the statement for ties, empty clusters and early stopping.
    """
    raise NotImplementedError("alternate between assigning points and moving centroids")
