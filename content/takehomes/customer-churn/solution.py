"""Reference baseline for customer-churn: regularised logistic regression in a scikit-learn pipeline.

Numeric columns are median-imputed (with missing-value indicators) and standardised, categorical columns are
cleaned (case and whitespace) and one-hot encoded. ``retention_offer_date`` is dropped: it is logged by the
retention desk after the snapshot, mostly for customers who are already cancelling, so it would not exist when
the model scores the base at the start of a quarter.
"""

from __future__ import annotations

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ID = "customer_id"
TARGET = "churned"
LEAKY = {"retention_offer_date"}
CATEGORICAL = [
    "region",
    "contract_type",
    "plan_tier",
    "internet_service",
    "payment_method",
    "paperless_billing",
    "device_financing",
    "competitor_fibre_available",
]


def _matrix(table: dict, numeric: list[str]) -> np.ndarray:
    rows = len(table[ID])
    out = np.empty((rows, len(numeric) + len(CATEGORICAL)), dtype=object)
    for j, name in enumerate(numeric):
        values = table[name].astype(float)
        if name == "data_usage_gb":
            values = np.where(values < 0, np.nan, values)  # negative usage is a recording glitch
        out[:, j] = values
    for j, name in enumerate(CATEGORICAL, start=len(numeric)):
        cleaned = [str(v).strip().lower() for v in table[name]]
        out[:, j] = [v if v else "missing" for v in cleaned]
    return out


def predict(train: dict, test: dict) -> dict:
    numeric = [c for c in train if c not in {ID, TARGET, *LEAKY, *CATEGORICAL}]
    x_train, x_test = _matrix(train, numeric), _matrix(test, numeric)
    n_num = len(numeric)
    features = ColumnTransformer(
        [
            (
                "num",
                make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()),
                list(range(n_num)),
            ),
            ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(n_num, n_num + len(CATEGORICAL)))),
        ]
    )
    model = make_pipeline(features, LogisticRegression(C=1.0, max_iter=2000))
    model.fit(x_train, np.asarray(train[TARGET], dtype=int))
    return {ID: test[ID], "churn_probability": model.predict_proba(x_test)[:, 1]}
