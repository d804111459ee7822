"""Reference baseline for insurance-cost: histogram gradient boosting with squared-error loss.

Squared error targets the conditional mean, which is what RMSE rewards and what a premium must cover. Obvious
recording errors are set to missing (BMI above 70 is a weight, age 0 is a blank), region codes are mapped to one
spelling, and categorical columns are ordinal-encoded as native categories. ``claims_paid_to_date`` and
``claims_filed_2023`` are dropped: both describe the year being predicted and are unknown at renewal. ``sex`` is
dropped too, since insurers in the EU may not price on it.
"""

from __future__ import annotations

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

ID = "policy_id"
TARGET = "annual_claim_cost"
LEAKY = {"claims_paid_to_date", "claims_filed_2023"}
EXCLUDED = {"sex"}  # not an allowed pricing factor
CATEGORICAL = ["smoker_status", "region", "exercise_level", "occupation_class", "coverage_level"]
REGION_CODES = {"ne": "northeast", "se": "southeast", "mw": "midwest", "w": "west"}


def _matrix(table: dict, numeric: list[str]) -> np.ndarray:
    rows = len(table[ID])
    out = np.empty((rows, len(numeric) + len(CATEGORICAL)), dtype=object)
    for j, name in enumerate(numeric):
        values = table[name].astype(float)
        if name == "bmi":
            values = np.where(values > 70, np.nan, values)
        if name == "age":
            values = np.where(values < 18, np.nan, values)
        out[:, j] = values
    for j, name in enumerate(CATEGORICAL, start=len(numeric)):
        cleaned = [str(v).strip().lower() for v in table[name]]
        out[:, j] = [REGION_CODES.get(v, v) if v else "unknown" for v in cleaned]
    return out


def predict(train: dict, test: dict) -> dict:
    numeric = [c for c in train if c not in {ID, TARGET, *LEAKY, *EXCLUDED, *CATEGORICAL}]
    x_train, x_test = _matrix(train, numeric), _matrix(test, numeric)
    cat_cols = list(range(len(numeric), len(numeric) + len(CATEGORICAL)))
    encode = ColumnTransformer(
        [
            ("num", "passthrough", list(range(len(numeric)))),
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat_cols),
        ]
    )
    booster = HistGradientBoostingRegressor(
        loss="squared_error",
        learning_rate=0.05,
        max_iter=300,
        max_leaf_nodes=15,
        min_samples_leaf=40,
        categorical_features=cat_cols,
        random_state=0,
    )
    model = make_pipeline(encode, booster)
    model.fit(x_train, np.asarray(train[TARGET], dtype=float))
    return {ID: test[ID], "predicted_cost": np.clip(model.predict(x_test), 0, None)}
