"""A runner for tests of code that only needs *a* runner: it returns results it was given, instantly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mlinterview.sandbox.limits import Limits, RunResult, Status


class FakeRunner:
    name = "fake"
    isolating = False

    def __init__(self, results: list[RunResult] | None = None) -> None:
        self.results = list(results or [])
        self.calls: list[tuple[dict[str, bytes], list[str], Limits]] = []
        self.inputs: list[bytes] = []

    def available(self) -> str | None:
        return None

    def run(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, stdin: bytes = b"") -> RunResult:
        self.calls.append((dict(files), list(argv), limits))
        self.inputs.append(stdin)
        if self.results:
            return self.results.pop(0)
        return RunResult(
            status=Status.OK, exit_code=0, stdout="", stderr="", wall_ms=0, cpu_ms=0, truncated=False, runner=self.name
        )
