"""Reference baseline: k-means on the numeric behaviour features of all customers (survey and test together).

Median imputation and standard scaling, no transformation of the skewed features; the number of clusters is the
number of segments seen in the pilot survey. ``marketing_list`` is left out (it was assigned from the survey
answers, so it does not exist in the same form for the other customers) and ``region`` is ignored.
"""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

EXCLUDED = {"id", "region", "marketing_list", "segment"}


def predict(train: dict, test: dict) -> dict:
    features = [name for name in test if name not in EXCLUDED]
    both = np.column_stack(
        [
            np.concatenate([np.asarray(train[n], dtype=np.float64), np.asarray(test[n], dtype=np.float64)])
            for n in features
        ]
    )
    k = len(np.unique(np.asarray(train["segment"])))
    scaled = make_pipeline(SimpleImputer(strategy="median"), StandardScaler()).fit_transform(both)
    clusters = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(scaled)
    return {"id": np.asarray(test["id"]), "segment": clusters[len(train["id"]) :].astype(np.int64)}
