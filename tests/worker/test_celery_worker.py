"""A real ``celery worker`` process on the real Redis: jobs are sent after commit, and a killed worker loses none.

Each module run claims an empty Redis database (15..2) for its broker, so parallel runs and leftovers do not
mix, and a fresh SQLite file (or ``MLI_TEST_DATABASE_URL``, PostgreSQL) shared by the test and its workers.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mlinterview.accounts import exports, service
from mlinterview.accounts.models import DataExport, ExportStatus, Role, User
from mlinterview.accounts.schemas import UserCreate
from mlinterview.config import load_settings
from mlinterview.db import enqueue_job, session_scope
from mlinterview.db.engine import get_engine
from mlinterview.db.migrate import upgrade
from mlinterview.db.session import set_session_factory
from mlinterview.kit import jobs
from tests.conftest import reset_database

from .slow_job import key  # also registers testing.slow_export, so enqueue_job accepts it

pytestmark = pytest.mark.worker

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379"
LOCK = "mlinterview-worker-test-lock"
QUEUE = "celery"  # Celery's default queue: a Redis list of that name in the claimed database
WORKER = [sys.executable, "-m", "celery", "-A", "mlinterview.worker.app", "worker", "-l", "INFO"]
WORKER += ["-I", "tests.worker.slow_job", "--pool=prefork", "--concurrency=1"]  # the slow job, one at a time
WORKER += ["--without-gossip", "--without-mingle", "--without-heartbeat"]  # start fast
VISIBILITY_TIMEOUT = 5  # seconds, for the test where the whole worker dies


@pytest.fixture(scope="module")
def broker_url() -> Iterator[str]:
    try:
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not reachable at {REDIS} ({exc}); in CI (CI set) this fails instead")
    for db in range(15, 1, -1):
        client = redis.Redis.from_url(f"{REDIS}/{db}")
        if client.set(LOCK, uuid.uuid4().hex, nx=True, ex=900):  # ours for the module, if nothing else is there
            if client.dbsize() == 1:
                try:
                    yield f"{REDIS}/{db}"
                finally:
                    client.flushdb()
                return
            client.delete(LOCK)
        client.close()
    pytest.fail("no empty Redis database among 15..2 to claim for the broker")


@pytest.fixture
def broker(broker_url: str) -> Iterator[redis.Redis]:
    """The claimed database, emptied (but for the lock) before and after each test."""
    client = redis.Redis.from_url(broker_url, decode_responses=True)
    empty_but_lock(client)
    yield client
    empty_but_lock(client)
    client.close()


def empty_but_lock(client: redis.Redis) -> None:
    for name in client.scan_iter():
        if name != LOCK:
            client.delete(name)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    url = os.environ.get("MLI_TEST_DATABASE_URL", "")
    on_postgres = url.startswith("postgresql")
    url = url if on_postgres else f"sqlite:///{tmp_path / 'worker-test.db'}"
    if on_postgres:
        reset_database(url)
    else:
        upgrade(url)
    set_session_factory(sessionmaker(get_engine(url), expire_on_commit=False))
    try:
        yield url
    finally:
        set_session_factory(None)
        if on_postgres:  # leave the shared database as the other test modules expect it
            reset_database(url)
        get_engine(url).dispose()


@pytest.fixture
def sending(broker: redis.Redis, broker_url: str, database_url: str) -> Iterator[None]:
    """This process sends jobs through Celery to the claimed Redis database, as `serve` would."""
    conf = jobs.celery_app.conf
    previous = jobs.get_sender(), conf.broker_url, conf.broker_transport_options
    jobs.configure(load_settings(broker_url=broker_url, database_url=database_url))
    yield
    jobs.set_sender(previous[0])
    conf.update(broker_url=previous[1], broker_transport_options=previous[2])


@pytest.fixture
def start_worker(sending: None, broker_url: str, database_url: str, tmp_path: Path) -> Iterator[Callable]:
    workers: list[tuple[subprocess.Popen[bytes], Path]] = []

    def start(visibility_timeout: int = 3600) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "MLI_DATABASE_URL": database_url,
            "MLI_BROKER_URL": broker_url,
            "MLI_JOB_VISIBILITY_TIMEOUT": str(visibility_timeout),
        }
        log = tmp_path / f"worker-{len(workers)}.log"
        command = [*WORKER, "-n", f"{uuid.uuid4().hex}@%h"]
        with log.open("wb") as out:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        workers.append((proc, log))
        return proc

    yield start
    for proc, log in workers:
        kill_worker(proc)
        print(f"--- {log.name} (exit {proc.returncode}) ---\n{log.read_text(errors='replace')[-4000:]}")


def kill_worker(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the worker and its pool processes, as when its machine dies."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {timeout} s waiting for {what}")
        time.sleep(0.05)


def new_user(session: Session) -> User:
    org = service.create_organisation(session, name="Worker test")
    data = UserCreate(email=f"{uuid.uuid4().hex}@example.com", name="Ada", role=Role.ADMIN, password="x" * 12)
    return service.create_user(session, organisation=org, data=data)


def queue_slow_export(seconds: float) -> int:
    """Commit a pending export whose job is the slow test job (instead of accounts.build_export)."""
    with session_scope() as session:
        export = DataExport(user_id=new_user(session).id)
        session.add(export)
        session.flush()
        enqueue_job(session, "testing.slow_export", export_id=export.id, seconds=seconds)
        return export.id


def exports_of_owner(export_id: int) -> list[DataExport]:
    with session_scope() as session:
        owner = session.get_one(DataExport, export_id).user_id
        return list(session.scalars(select(DataExport).where(DataExport.user_id == owner)))


def is_ready(export_id: int) -> bool:
    return exports_of_owner(export_id)[0].status is ExportStatus.READY


def assert_built_once(broker: redis.Redis, export_id: int) -> None:
    [export] = exports_of_owner(export_id)
    assert export.status is ExportStatus.READY
    assert export.finished_at is not None
    assert json.loads(export.content or "")["user"]["name"] == "Ada"
    wait_for(lambda: broker.hlen("unacked") == 0, "the broker to forget the acknowledged job", 10)
    assert broker.llen(QUEUE) == 0, "a job is still queued"


def test_job_is_sent_after_commit_and_run_by_the_worker(broker: redis.Redis, start_worker: Callable) -> None:
    with session_scope() as session:
        export = exports.request(session, user=new_user(session))
        assert broker.llen(QUEUE) == 0, "the job left before its transaction committed"
    assert broker.llen(QUEUE) == 1, "the committed job is not in the claimed Redis database"
    start_worker()
    wait_for(lambda: is_ready(export.id), "the worker to build the export")
    assert_built_once(broker, export.id)


def test_job_of_a_killed_pool_process_is_run_again(broker: redis.Redis, start_worker: Callable) -> None:
    worker = start_worker()  # visibility timeout one hour: only reject_on_worker_lost can requeue the job
    export_id = queue_slow_export(seconds=3)
    wait_for(lambda: broker.get(key(export_id, "starts")) == "1", "the job to start")
    child = int(broker.get(key(export_id, "pid")) or 0)
    assert child not in (0, worker.pid)
    os.kill(child, signal.SIGKILL)
    wait_for(lambda: is_ready(export_id), "the job to be delivered again and finish")
    assert broker.get(key(export_id, "starts")) == "2"
    assert broker.get(key(export_id, "finished")) == "1"
    assert worker.poll() is None, "the worker itself should have survived its pool process"
    assert_built_once(broker, export_id)


def test_job_of_a_killed_worker_is_redelivered_to_a_fresh_one(broker: redis.Redis, start_worker: Callable) -> None:
    first = start_worker(VISIBILITY_TIMEOUT)
    export_id = queue_slow_export(seconds=2)
    wait_for(lambda: broker.get(key(export_id, "starts")) == "1", "the job to start")
    started = time.monotonic()
    kill_worker(first)
    assert broker.hlen("unacked") == 1, "the killed worker's job is not held by the broker"
    assert not is_ready(export_id)
    # A worker restores unacknowledged jobs older than the visibility timeout when it starts (and then on a
    # slow sweep), so the replacement starts once the timeout has passed, like one started by a supervisor.
    time.sleep(max(0.0, started + VISIBILITY_TIMEOUT + 1 - time.monotonic()))
    start_worker(VISIBILITY_TIMEOUT)
    wait_for(lambda: is_ready(export_id), "a fresh worker to run the job again")
    assert broker.get(key(export_id, "starts")) == "2"
    assert broker.get(key(export_id, "finished")) == "1"
    assert_built_once(broker, export_id)


def test_a_submission_is_graded_by_the_worker_in_the_sandbox(broker: redis.Redis, start_worker: Callable) -> None:
    from mlinterview.exercises import catalogue
    from mlinterview.exercises import service as exercises
    from mlinterview.exercises.models import Submission, SubmissionKind, SubmissionStatus

    exercise = catalogue.get("roc-auc")
    with session_scope() as session:
        user = new_user(session)
        submitted = exercises.submit(
            session, user=user, slug=exercise.slug, source=exercise.solution, kind=SubmissionKind.SUBMIT
        )
    assert broker.llen(QUEUE) == 1
    start_worker()

    def graded() -> Submission | None:
        with session_scope() as session:
            row = session.get_one(Submission, submitted.id)
            return row if row.status is not SubmissionStatus.PENDING else None

    wait_for(graded, "the worker to grade the submission", 60)
    with session_scope() as session:
        row = session.get_one(Submission, submitted.id)
        assert row.status is SubmissionStatus.GRADED, row.problem
        assert row.runner == "bubblewrap"
        assert row.passed == row.total == len(row.cases) > 15
    wait_for(lambda: broker.hlen("unacked") == 0, "the broker to forget the acknowledged job", 10)
