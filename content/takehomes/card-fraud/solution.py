"""Reference baseline for card-fraud: histogram gradient boosting on the authorisation-time features.

Categorical columns are cleaned (case, spaces) and ordinal-encoded as native categories; numeric columns keep
their NaN, which the booster routes on its own. ``chargeback_filed`` and ``card_status`` are dropped: both are
recorded after the transaction (usually because of the fraud) and do not exist when a payment must be scored.
``txn_date`` is reduced to the day of the week and ``transaction_id`` is not used.
"""

from __future__ import annotations

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

ID = "transaction_id"
TARGET = "is_fraud"
DROP = {ID, TARGET, "chargeback_filed", "card_status", "txn_date"}
CATEGORICAL = ["merchant_category", "channel", "foreign_merchant", "device_changed", "three_ds_authenticated"]


def _matrix(table: dict, numeric: list[str]) -> np.ndarray:
    rows = len(table[ID])
    out = np.empty((rows, len(numeric) + 1 + len(CATEGORICAL)), dtype=object)
    for j, name in enumerate(numeric):
        out[:, j] = table[name].astype(float)
    out[:, len(numeric)] = np.array(table["txn_date"], dtype="datetime64[D]").view("int64") % 7
    for j, name in enumerate(CATEGORICAL, start=len(numeric) + 1):
        cleaned = [str(v).strip().lower().replace(" ", "_") for v in table[name]]
        out[:, j] = [v if v else "n/a" for v in cleaned]
    return out


def predict(train: dict, test: dict) -> dict:
    numeric = [c for c in train if c not in DROP and c not in CATEGORICAL]
    x_train, x_test = _matrix(train, numeric), _matrix(test, numeric)
    n_num = len(numeric) + 1
    cat_cols = list(range(n_num, n_num + len(CATEGORICAL)))
    encode = ColumnTransformer(
        [
            ("num", "passthrough", list(range(n_num))),
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat_cols),
        ]
    )
    booster = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=300,
        max_leaf_nodes=15,
        l2_regularization=1.0,
        categorical_features=list(range(n_num, n_num + len(CATEGORICAL))),
        random_state=0,
    )
    model = make_pipeline(encode, booster)
    model.fit(x_train, np.asarray(train[TARGET], dtype=int))
    return {ID: test[ID], "fraud_probability": model.predict_proba(x_test)[:, 1]}
