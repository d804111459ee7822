"""The exercises this deployment offers (the content folder's), loaded once per process, and the sandbox
that grades them."""

from __future__ import annotations

import difflib
import hashlib
import threading
from functools import cache
from pathlib import Path

from mlinterview.config import get_settings
from mlinterview.errors import AppError, NotFound
from mlinterview.exercises.bundle import Exercise, load_exercises
from mlinterview.exercises.judging import warm
from mlinterview.sandbox import SandboxUnavailable, get_runner
from mlinterview.sandbox.registry import Runner

_lock = threading.Lock()


@cache
def exercises() -> dict[str, Exercise]:
    return {e.slug: e for e in load_exercises(get_settings().content_dir / "exercises")}


def get(slug: str) -> Exercise:
    found = exercises().get(slug)
    if found is None:
        close = difflib.get_close_matches(slug, list(exercises()), n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        raise NotFound(
            f"There is no exercise `{slug}`.{hint} The exercises page (or `mlinterview exercises list`) shows them all."
        )
    return found


def version(exercise: Exercise) -> str:
    """A short digest of what grading depends on: the cases, the reference solution and the limits."""
    return _digest(exercise.folder)


@cache
def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in ("exercise.yaml", "cases.py", "solution.py"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


class SandboxDown(AppError):
    status_code = 503
    code = "unavailable"


def runner() -> Runner:
    """The configured runner with its warm pool; in production only an isolating runner whose attack
    self-check passed (fail closed)."""
    with _lock:
        return _runner()


def checked_runner() -> Runner:
    """The configured runner, without a pool; in production its attack self-check must pass."""
    settings = get_settings()
    production = settings.env == "production"
    try:
        return get_runner(settings.sandbox_runner, settings.sandbox_runtime.resolve(), verified=production)
    except SandboxUnavailable as error:
        raise SandboxDown(f"Code cannot be graded here: {error}.") from None


@cache
def _runner() -> Runner:
    return warm(checked_runner(), get_settings().sandbox_warm)
