"""Starting a process under resource limits, watching its time and output, and killing all of it."""

from __future__ import annotations

import contextlib
import os
import resource
import selectors
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence

from mlinterview.sandbox.limits import Limits, RunResult, Status

CHANNEL_FD = 3  # the harness writes its results here, apart from the program's own output
CHANNEL_LIMIT = 64 * 1024 * 1024
EXIT_GRACE_S = 2.0  # after its output closes, a process this long to exit on its own
PR_SET_CHILD_SUBREAPER = 36
_supervised: set[int] = set()  # processes supervise() is running: never reaped by reap_orphans
_lock = threading.Lock()


def rlimits(limits: Limits) -> Callable[[], None]:
    """Limits set in the child before it executes anything (inherited by everything it starts)."""

    def apply() -> None:
        memory = limits.memory_mb * 1024 * 1024
        # CPU: SIGXCPU at the soft limit, SIGKILL a second later if it is caught
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s + 1))
        for name, value in (
            (resource.RLIMIT_AS, memory),
            (resource.RLIMIT_NPROC, limits.processes),
            (resource.RLIMIT_FSIZE, limits.file_mb * 1024 * 1024),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_CORE, 0),
        ):
            resource.setrlimit(name, (value, value))

    return apply


def supervise(
    argv: Sequence[str],
    limits: Limits,
    runner: str,
    *,
    env: dict[str, str],
    cwd: str | None = None,
    user: int | None = None,
    pass_fds: Sequence[int] = (),
    before_exec: Callable[[], None] | None = None,
) -> RunResult:
    """Run ``argv`` in a new session; kill the whole process group on timeout or too much output."""
    channel_read, channel_write = os.pipe()
    os.set_inheritable(channel_write, True)
    cap = limits.output_kb * 1024

    def child_setup() -> None:
        os.dup2(channel_write, CHANNEL_FD)
        if before_exec:
            before_exec()

    started = time.monotonic()
    with _lock:  # registered before reap_orphans can see it exit
        process = subprocess.Popen(  # noqa: S603 - argv is built by the runners, never from user input
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
            user=user,
            group=user,
            extra_groups=[] if user is not None else None,
            start_new_session=True,
            pass_fds=(CHANNEL_FD, channel_write, *pass_fds),  # CHANNEL_FD is dup2-ed in child_setup
            preexec_fn=child_setup,
        )
        _supervised.add(process.pid)
    os.close(channel_write)
    if process.stdout is None or process.stderr is None:
        raise RuntimeError("the sandboxed process has no output pipes")
    out_fd, err_fd = process.stdout.fileno(), process.stderr.fileno()
    streams = {out_fd: bytearray(), err_fd: bytearray(), channel_read: bytearray()}
    limits_of = {out_fd: cap, err_fd: cap, channel_read: CHANNEL_LIMIT}
    selector = selectors.DefaultSelector()
    for fd in streams:
        os.set_blocking(fd, False)
        selector.register(fd, selectors.EVENT_READ)
    status: Status | None = None
    truncated = False
    deadline = started + limits.wall_s
    try:
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                status = Status.TIMEOUT
                break
            for key, _ in selector.select(timeout=min(remaining, 0.5)):
                try:
                    chunk = os.read(key.fd, 65536)
                except BlockingIOError:
                    continue
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                buffer = streams[key.fd]
                room = limits_of[key.fd] - len(buffer)
                buffer += chunk[: max(room, 0)]
                if len(chunk) > room:
                    truncated = True
                    status = Status.OUTPUT_LIMIT
            if status is Status.OUTPUT_LIMIT:
                break
    finally:
        selector.close()
        finished = _wait(process.pid, EXIT_GRACE_S if status is None else 0.0)
        if finished is None:
            _kill_group(process.pid)
            finished = os.wait4(process.pid, 0)
        _, wait_status, usage = finished
        with _lock:
            _supervised.discard(process.pid)
        process.returncode = os.waitstatus_to_exitcode(wait_status)
        process.stdout.close()
        process.stderr.close()
        os.close(channel_read)
    wall_ms = int((time.monotonic() - started) * 1000)
    cpu_ms = int((usage.ru_utime + usage.ru_stime) * 1000)
    code = process.returncode
    stderr = streams[err_fd].decode("utf-8", "replace")
    if status is None:
        status = _status(code, stderr, cpu_ms, limits)
    return RunResult(
        status=status,
        exit_code=code if code >= 0 else None,
        stdout=streams[out_fd].decode("utf-8", "replace"),
        stderr=stderr,
        wall_ms=wall_ms,
        cpu_ms=cpu_ms,
        truncated=truncated,
        runner=runner,
        channel=bytes(streams[channel_read]),
    )


def _status(code: int, stderr: str, cpu_ms: int, limits: Limits) -> Status:
    if code in (-signal.SIGXCPU, 128 + signal.SIGXCPU) or (code in (-9, 137) and cpu_ms >= limits.cpu_s * 1000):
        return Status.TIMEOUT
    if "MemoryError" in stderr or "Cannot allocate memory" in stderr or "std::bad_alloc" in stderr:
        return Status.MEMORY
    if code == 0:
        return Status.OK
    if code < 0 or code > 128:
        return Status.KILLED
    return Status.ERROR


def _wait(pid: int, grace: float) -> tuple[int, int, resource.struct_rusage] | None:
    """The process's exit, if it comes within ``grace`` seconds (killing it first would orphan its children)."""
    deadline = time.monotonic() + grace
    while True:
        done = os.wait4(pid, os.WNOHANG)
        if done[0]:
            return done
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.002)


def become_subreaper() -> None:
    """Orphans of our children come to us instead of to pid 1 (which, in a container, may never reap them)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans(uids: range) -> int:
    """Reap exited orphans that ran as one of ``uids``; leave every other child to whoever started it."""
    reaped = 0
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return reaped
        with _lock:
            ours = info is not None and info.si_pid in _supervised
        if info is None or ours or info.si_uid not in uids:
            return reaped  # a process a supervise() call is about to wait for is left to it
        with contextlib.suppress(ChildProcessError):
            os.waitpid(info.si_pid, 0)
            reaped += 1


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
