import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    centred = X - X.mean(axis=0)
    _, singular_values, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:n_components].copy()
    # Signs are arbitrary; make the largest-magnitude entry of each component positive.
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    variances = singular_values**2
    ratio = variances[:n_components] / variances.sum()
    projected = centred @ components.T
    return components, ratio, projected
