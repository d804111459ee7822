"""The ``local`` runner: resource limits only, NO isolation. For one person practising their own code on a
machine without bubblewrap; it can read and write whatever the user can. Never for other people's code."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from mlinterview.sandbox.limits import Limits, RunResult
from mlinterview.sandbox.process import Started, finish, rlimits, start


class LocalRunner:
    name = "local"
    isolating = False

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable

    def available(self) -> str | None:
        return None

    def run(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, stdin: bytes = b"") -> RunResult:
        started = self.start(files, argv, limits)
        return finish(started, limits, self.name, stdin=stdin, clock_from=started.started)

    def start(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits) -> Started:
        task = tempfile.mkdtemp(prefix="mli-local-")
        for name, content in files.items():
            (Path(task) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(task) / name).write_bytes(content)
        command = [self.python if part == "python" else part.replace("/task", task) for part in argv]
        env = {"PATH": os.environ.get("PATH", "/usr/bin"), "PYTHONDONTWRITEBYTECODE": "1", "HOME": task}
        env |= {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
        # the process limit counts every process of this user, so it cannot be tight here
        relaxed = Limits(**{**limits.__dict__, "processes": 4096})
        started = start(command, env=env, cwd=task, before_exec=rlimits(relaxed))
        started.cleanup.append(lambda: shutil.rmtree(task, ignore_errors=True))
        return started
