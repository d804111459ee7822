"""A slow background job for tests/worker: imported only by the test worker (``-I tests.worker.slow_job``).

It counts its starts in the broker's Redis database and records the pid of the pool process running it, so a
test can kill that process mid-job; then it builds the export with the real, idempotent ``exports.build``.
"""

from __future__ import annotations

import os
import time

import redis

from mlinterview.accounts import exports
from mlinterview.config import get_settings
from mlinterview.db import session_scope
from mlinterview.kit.jobs import job


def key(export_id: int, what: str) -> str:
    return f"slow_export:{export_id}:{what}"


@job("testing.slow_export")
def slow_export(*, export_id: int, seconds: float) -> None:
    client = redis.Redis.from_url(get_settings().broker_url)
    client.set(key(export_id, "pid"), os.getpid())
    client.incr(key(export_id, "starts"))
    time.sleep(seconds)
    with session_scope() as session:
        exports.build(session, export_id=export_id)
    client.incr(key(export_id, "finished"))
