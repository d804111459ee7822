"""The Celery application a worker runs: settings applied, every domain's jobs registered."""

from __future__ import annotations

from mlinterview import accounts, answers, exercises, interviews, practice, takehome  # noqa: F401 - importing a domain registers its @job functions
from mlinterview.config import get_settings
from mlinterview.kit import jobs

settings = get_settings()
if not settings.broker_url:
    raise SystemExit(
        "MLI_BROKER_URL is not set. A worker needs a broker, e.g. MLI_BROKER_URL=redis://127.0.0.1:6379/0; "
        "without one, jobs run inside `mlinterview serve` and no worker is needed."
    )
jobs.configure(settings)
app = celery_app = jobs.celery_app
