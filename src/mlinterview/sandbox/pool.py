"""Sandboxes started ahead of time, so a submission does not wait for bubblewrap, the interpreter and numpy.

A warm sandbox is a process started from a template (files, command, limits) that has done its imports and
blocks reading its standard input. A run that matches the template (any wall time) takes one, gives it its
input and collects the result; the sandbox is used once and a replacement starts in the background. A run
that does not match, or finds none ready, runs cold: a pool is never slower than its runner.
"""

from __future__ import annotations

import atexit
import dataclasses
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from mlinterview.sandbox.limits import Limits, RunResult
from mlinterview.sandbox.process import Started, finish
from mlinterview.sandbox.registry import StartableRunner

DISCARD = Limits(wall_s=1.0)  # an unused sandbox gets an empty input and this long to exit


class WarmPool:
    """A Runner that keeps ``size`` sandboxes of one template ready."""

    def __init__(
        self, runner: StartableRunner, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, size: int
    ) -> None:
        self.runner = runner
        self.name = runner.name
        self.isolating = runner.isolating
        self.size = size
        self.files, self.argv, self.limits = dict(files), list(argv), limits
        self._ready: deque[Started] = deque()
        self._starting = 0
        self._closed = False
        self._lock = threading.Lock()
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mli-sandbox-warm")
        atexit.register(self.close)
        self._refill()

    def available(self) -> str | None:
        return self.runner.available()

    def run(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, stdin: bytes = b"") -> RunResult:
        if not self._matches(files, argv, limits):
            return self.runner.run(files, argv, limits, stdin)
        started = self._take()
        self._refill()
        if started is None:
            return self.runner.run(files, argv, limits, stdin)
        return finish(started, limits, self.name, stdin=stdin)  # the clock starts now, not when it was started

    def ready(self) -> int:
        with self._lock:
            return len(self._ready)

    def close(self) -> None:
        """Stop the idle sandboxes (they exit on an empty input) and start no more."""
        with self._lock:
            self._closed = True
            idle, self._ready = list(self._ready), deque()
        self._starter.shutdown(wait=True)
        with self._lock:
            idle += self._ready
            self._ready.clear()
        for started in idle:
            finish(started, DISCARD, self.name)

    def _matches(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits) -> bool:
        same_limits = dataclasses.replace(limits, wall_s=self.limits.wall_s) == self.limits
        return same_limits and list(argv) == self.argv and dict(files) == self.files

    def _take(self) -> Started | None:
        while True:
            with self._lock:
                if not self._ready:
                    return None
                started = self._ready.popleft()
            if started.alive():
                return started
            finish(started, DISCARD, self.name)  # it died waiting (killed from outside): clean up after it

    def _refill(self) -> None:
        with self._lock:
            missing = 0 if self._closed else self.size - len(self._ready) - self._starting
            self._starting += max(missing, 0)
        for _ in range(missing):
            self._starter.submit(self._start_one)

    def _start_one(self) -> None:
        try:
            started = self.runner.start(self.files, self.argv, self.limits)
        except Exception:
            with self._lock:
                self._starting -= 1
            return  # a run finding none ready runs cold, and reports whatever is wrong
        with self._lock:
            self._starting -= 1
            closed = self._closed
            if not closed:
                self._ready.append(started)
        if closed:
            finish(started, DISCARD, self.name)
