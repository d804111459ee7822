"""Reference baseline: word unigram and bigram TF-IDF on the message text with a logistic regression, default
0.5 threshold. The metadata columns are not used, and ``reported_by_users`` in particular is left out: reports
arrive after delivery, so the filter cannot know them when it has to decide."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def predict(train: dict, test: dict) -> dict:
    model = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=2000),
    )
    model.fit([str(t) for t in train["text"]], np.asarray(train["label"], dtype=np.int64))
    labels = model.predict([str(t) for t in test["text"]]).astype(np.int64)
    return {"id": np.asarray(test["id"]), "label": labels}
