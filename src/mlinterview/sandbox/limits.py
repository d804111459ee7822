"""What a run may use, and what came of it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pydantic import BaseModel, Field


class Status(enum.StrEnum):
    OK = "ok"
    ERROR = "error"  # the program exited with a non-zero code
    TIMEOUT = "timeout"  # wall-clock or CPU time ran out
    MEMORY = "memory"  # it ran out of its address space
    OUTPUT_LIMIT = "output_limit"  # it wrote more than its share of output
    KILLED = "killed"  # a signal ended it for another reason


@dataclass(frozen=True)
class Limits:
    wall_s: float = 10.0
    cpu_s: int = 10
    memory_mb: int = 512  # address space per process; with no cgroup, processes x this is the real ceiling
    processes: int = 8
    file_mb: int = 16  # the largest file it may write
    open_files: int = 64
    output_kb: int = 256  # stdout and stderr, each
    tmp_mb: int = 32  # the writable work dir, /tmp and /dev/shm, each


class RunResult(BaseModel):
    status: Status
    exit_code: int | None = Field(description="The program's exit code; None when a signal ended it.")
    stdout: str
    stderr: str
    wall_ms: int
    cpu_ms: int
    memory_kb: int | None = Field(
        default=None, description="Peak resident memory of the largest process, in KiB; None where not measured."
    )
    truncated: bool = Field(description="True when stdout or stderr was cut at the output limit.")
    runner: str
    channel: bytes = Field(default=b"", exclude=True, description="What the program wrote to fd 3 (the harness).")
