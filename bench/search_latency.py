"""Search latency over the whole bundled bank: median and 95th percentile of 100 queries.

    .venv/bin/python bench/search_latency.py                       # a fresh SQLite file (FTS5)
    .venv/bin/python bench/search_latency.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

The PostgreSQL database is emptied and migrated first: give it one of its own.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import load_bank
from mlinterview.content.repository import QuestionFilters, search
from mlinterview.content.sync import sync_bank
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import rebuild

WORDS = [
    "overfitting", "precision recall", "roc auc", "gradient descent", "learning rate", "drift", "feature store",
    "missing values", "cross validation", "regularisation", "transformer attention", "embedding", "fairness",
    "explain to stakeholder", "a/b test", "p-value", "random forest", "boosting", "k-means", "pca", "seasonality",
    "leakage", "imbalanced", "calibration", "latency", "batch", "gpu", "privacy", "diffusion", "reward",
]  # fmt: skip
FILTERS = [
    QuestionFilters(),
    QuestionFilters(topic="evaluation-metrics"),
    QuestionFilters(difficulty=3, role="ml_engineer"),
    QuestionFilters(competency="mlops"),
    QuestionFilters(type="applied", seniority="senior"),
]


def queries(n: int = 100) -> list[QuestionFilters]:
    """100 queries: mostly text searches, some combined with filters, some filters alone."""
    out = []
    for i in range(n):
        base = FILTERS[i % len(FILTERS)]
        words = WORDS[i % len(WORDS)] if i % 4 else ""
        out.append(base.model_copy(update={"text": words}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=3, help="Rounds of the 100 queries; the first warms up.")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    rebuild(url)
    engine = get_engine(url)
    bank = load_bank(BUNDLED_CONTENT)
    with Session(engine) as session:
        sync_bank(session, bank)
        session.commit()
    timings: list[float] = []
    hits: list[int] = []
    with Session(engine) as session:
        for round_ in range(args.repeat):
            for filters in queries():
                started = time.perf_counter()
                _, total = search(session, None, filters, limit=25)
                elapsed = (time.perf_counter() - started) * 1000
                if round_ > 0:
                    timings.append(elapsed)
                    hits.append(total)
    timings.sort()
    print(f"database: {engine.dialect.name}; questions: {len(bank.questions)}; queries timed: {len(timings)}")
    print(f"median: {statistics.median(timings):.2f} ms; p95: {timings[int(len(timings) * 0.95) - 1]:.2f} ms; "
          f"max: {timings[-1]:.2f} ms; median hits: {statistics.median(hits):.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
