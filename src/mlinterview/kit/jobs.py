"""Background jobs: declared with ``@job("domain.verb")``, queued inside a transaction, sent after it commits.

A service calls ``enqueue(session, "accounts.export_data", export_id=7)``. Nothing leaves the process until
``session_scope()`` has committed: a job can never see rows that were rolled back, nor run before they exist.
Then the configured sender delivers it:

* ``InlineSender`` (the embedded default, no broker): a small thread pool inside the web process;
* ``CelerySender`` (``MLI_BROKER_URL`` set): Celery over Redis, consumed by ``mlinterview worker``.

Jobs take ids, reload their rows, and are idempotent, because a job whose worker died is delivered again
(acks late + reject on worker loss).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from celery import Celery

from mlinterview.config import Settings

log = logging.getLogger(__name__)

PENDING_KEY = "mlinterview.pending_jobs"

celery_app = Celery("mlinterview")
celery_app.conf.update(
    task_serializer="json",
    accept_content=["json"],
    result_backend=None,
    task_ignore_result=True,
    task_acks_late=True,  # a job is acknowledged when it has finished, not when it was taken
    task_reject_on_worker_lost=True,  # ...so a killed worker's job goes back to the queue
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
)


def configure(settings: Settings) -> None:
    """Point the Celery app at the broker and choose how this process sends jobs.

    Call it once per process, before the first job is sent: Celery keeps the connection it opened first.
    """
    celery_app.conf.update(
        broker_url=settings.broker_url or "memory://",
        broker_transport_options={
            "visibility_timeout": settings.job_visibility_timeout,
            # Running workers look for jobs of dead workers every 10 s, not kombu's default of every 100 s.
            "unacked_restore_throttle": 1,
        },
    )
    set_sender(CelerySender() if settings.broker_url else InlineSender(settings.inline_job_threads))


def job(name: str) -> Callable[[Callable[..., None]], Any]:
    """Declare a background job named ``domain.verb``; it takes ids as keyword arguments."""
    if name.count(".") != 1:
        raise ValueError(f"job names are 'domain.verb', got {name!r}")

    def register(func: Callable[..., None]) -> Any:
        return celery_app.task(name=name, acks_late=True, reject_on_worker_lost=True)(func)

    return register


class JobSender(Protocol):
    def send(self, name: str, kwargs: dict[str, Any]) -> None: ...


class CelerySender:
    """Sends jobs to the broker for ``mlinterview worker`` processes."""

    def send(self, name: str, kwargs: dict[str, Any]) -> None:
        celery_app.send_task(name, kwargs=kwargs)


class InlineSender:
    """Runs jobs on a thread pool of this process: the embedded default, no broker to install."""

    def __init__(self, threads: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="mli-job")

    def send(self, name: str, kwargs: dict[str, Any]) -> None:
        self._pool.submit(_run_inline, name, kwargs)

    def wait(self) -> None:
        """Finish every job sent so far (tests and orderly shut-down)."""
        self._pool.shutdown(wait=True)


def _run_inline(name: str, kwargs: dict[str, Any]) -> None:
    try:
        celery_app.tasks[name].run(**kwargs)
    except Exception:
        log.exception("background job %s(%s) failed", name, kwargs)


class RecordingSender:
    """Records what would be sent: the fake for tests and dry runs."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def send(self, name: str, kwargs: dict[str, Any]) -> None:
        self.sent.append((name, kwargs))


_sender: JobSender = RecordingSender()


def set_sender(sender: JobSender) -> JobSender:
    """Replace the process's sender and return the previous one."""
    global _sender
    previous, _sender = _sender, sender
    return previous


def get_sender() -> JobSender:
    return _sender


def enqueue(info: dict[str, Any], name: str, **kwargs: Any) -> None:
    """Queue a job on a transaction (its ``Session.info``); it is sent only if that transaction commits."""
    if name not in celery_app.tasks:
        raise LookupError(f"no background job named {name!r}; declare it with @job({name!r})")
    info.setdefault(PENDING_KEY, []).append((name, kwargs))


def send_pending(info: dict[str, Any]) -> None:
    """Send the jobs queued on a transaction that has just committed."""
    for name, kwargs in info.pop(PENDING_KEY, []):
        try:
            _sender.send(name, kwargs)
        except Exception:  # the transaction stands; its rows stay pending and can be re-sent
            log.exception("could not send background job %s(%s)", name, kwargs)


def discard_pending(info: dict[str, Any]) -> None:
    """Forget the jobs queued on a transaction that rolled back."""
    info.pop(PENDING_KEY, None)
