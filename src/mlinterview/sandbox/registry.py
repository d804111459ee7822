"""Runners behind one Protocol, chosen by name."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from mlinterview.sandbox.limits import Limits, RunResult
from mlinterview.sandbox.process import Started


class Runner(Protocol):
    name: str
    isolating: bool  # True only for a runner that contains untrusted code

    def available(self) -> str | None:
        """None when the runner can work on this machine, otherwise the reason it cannot."""
        ...

    def run(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, stdin: bytes = b"") -> RunResult:
        """Run ``argv`` with ``files`` under /task; ``stdin`` is its standard input."""
        ...


@runtime_checkable
class StartableRunner(Runner, Protocol):
    """A runner that can start a process ahead of time (for a warm pool), to be given its input later."""

    def start(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits) -> Started: ...


class RunnerName(enum.StrEnum):
    BUBBLEWRAP = "bubblewrap"
    LOCAL = "local"
    FAKE = "fake"


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot run code safely here; the message says why and what to do."""


def get_runner(name: RunnerName | str, runtime: Path, *, verified: bool = False) -> Runner:
    """The runner called ``name``; with ``verified`` (production), only one that isolates and contains every
    attack of the self-check (fail closed)."""
    from mlinterview.sandbox.bubblewrap import BubblewrapRunner
    from mlinterview.sandbox.checks import ensure_isolated
    from mlinterview.sandbox.fake import FakeRunner
    from mlinterview.sandbox.local import LocalRunner

    chosen = RunnerName(name)
    runner: Runner
    if chosen is RunnerName.BUBBLEWRAP:
        runner = BubblewrapRunner(runtime)
    elif chosen is RunnerName.LOCAL:
        runner = LocalRunner(str(runtime / "bin" / "python") if (runtime / "bin" / "python").exists() else None)
    else:
        runner = FakeRunner()
    problem = runner.available()
    if problem:
        raise SandboxUnavailable(problem)
    if verified:
        ensure_isolated(runner)
    return runner
