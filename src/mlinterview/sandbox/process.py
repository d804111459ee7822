"""Starting a process under resource limits (``start``), then giving it its input, watching its time and
output, and killing all of it (``finish``)."""

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
from dataclasses import dataclass, field
from typing import IO

from mlinterview.sandbox.limits import Limits, RunResult, Status

CHANNEL_FD = 3  # the harness writes its results here, apart from the program's own output
CHANNEL_LIMIT = 64 * 1024 * 1024
EXIT_GRACE_S = 2.0  # after its output closes, a process this long to exit on its own
PR_SET_CHILD_SUBREAPER = 36
_supervised: set[int] = set()  # processes a finish() or collect() will wait for: never reaped elsewhere
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


@dataclass
class Started:
    """A sandboxed process that has been started and waits for its input (see ``finish``)."""

    process: subprocess.Popen[bytes]
    channel: int  # read end of the harness's result pipe
    started: float
    cleanup: list[Callable[[], None]] = field(default_factory=list)  # run once it has been waited for
    # The sandbox's own init, orphaned to us when the launcher exits: its usage is the program's (bubblewrap).
    inner: Callable[[], resource.struct_rusage | None] | None = None

    def alive(self) -> bool:
        """Still running? Looks without reaping it: ``finish`` must be the one to wait for it."""
        try:
            return os.waitid(os.P_PID, self.process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None
        except ChildProcessError:
            return False


def start(
    argv: Sequence[str],
    *,
    env: dict[str, str],
    cwd: str | None = None,
    user: int | None = None,
    pass_fds: Sequence[int] = (),
    before_exec: Callable[[], None] | None = None,
) -> Started:
    """Start ``argv`` in a new session with a pipe on its standard input, not yet written to."""
    channel_read, channel_write = os.pipe()
    os.set_inheritable(channel_write, True)

    def child_setup() -> None:
        os.dup2(channel_write, CHANNEL_FD)
        if before_exec:
            before_exec()

    with _lock:  # registered before reap_orphans can see it exit
        process = subprocess.Popen(  # noqa: S603 - argv is built by the runners, never from user input
            list(argv),
            stdin=subprocess.PIPE,
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
    return Started(process, channel_read, time.monotonic())


def finish(
    started: Started, limits: Limits, runner: str, *, stdin: bytes = b"", clock_from: float | None = None
) -> RunResult:
    """Give a started process its input, collect its output and exit, and clean up after it.

    The wall clock runs from ``clock_from`` (default: now, so a warm process is not charged for its wait).
    """
    process = started.process
    if process.stdout is None or process.stderr is None or process.stdin is None:
        raise RuntimeError("the sandboxed process has no pipes")
    begun = time.monotonic() if clock_from is None else clock_from
    writer = threading.Thread(target=_feed, args=(process.stdin, stdin), daemon=True)
    writer.start()
    cap = limits.output_kb * 1024
    out_fd, err_fd, channel_read = process.stdout.fileno(), process.stderr.fileno(), started.channel
    streams = {out_fd: bytearray(), err_fd: bytearray(), channel_read: bytearray()}
    limits_of = {out_fd: cap, err_fd: cap, channel_read: CHANNEL_LIMIT}
    selector = selectors.DefaultSelector()
    for fd in streams:
        os.set_blocking(fd, False)
        selector.register(fd, selectors.EVENT_READ)
    status: Status | None = None
    truncated = False
    deadline = begun + limits.wall_s
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
        try:
            finished = _wait(process.pid, EXIT_GRACE_S if status is None else 0.0)
        except ChildProcessError:  # reaped elsewhere (never by this module): nothing left to measure
            finished = (process.pid, 0, resource.struct_rusage((0.0,) * 16))
        if finished is None:
            _kill_group(process.pid)
            finished = os.wait4(process.pid, 0)
        _, wait_status, usage = finished
        with _lock:
            _supervised.discard(process.pid)
        process.returncode = os.waitstatus_to_exitcode(wait_status)
        inner = started.inner() if started.inner else None
        writer.join()
        process.stdout.close()
        process.stderr.close()
        os.close(channel_read)
        for step in started.cleanup:
            step()
    wall_ms = int((time.monotonic() - begun) * 1000)
    cpu_ms = int((usage.ru_utime + usage.ru_stime) * 1000)
    if inner is not None:
        cpu_ms += int((inner.ru_utime + inner.ru_stime) * 1000)
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
        # the largest process the sandbox's init waited for; unknown without one (a child forked from this
        # big process counts the pages it shared with it before exec)
        memory_kb=int(inner.ru_maxrss) if inner is not None else None,
        truncated=truncated,
        runner=runner,
        channel=bytes(streams[channel_read]),
    )


def _feed(pipe: IO[bytes], data: bytes) -> None:
    """Write the input and close it; a process that stops reading (or has died) just does not get the rest."""
    with contextlib.suppress(OSError):
        if data:
            pipe.write(data)
    with contextlib.suppress(OSError):
        pipe.close()


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


def adopt(pid: int) -> None:
    """Claim a process that will be orphaned to us, so ``reap_orphans`` leaves it to ``collect``."""
    with _lock:
        _supervised.add(pid)


def collect(pid: int, grace: float) -> resource.struct_rusage | None:
    """Wait for an adopted process (killing it after ``grace`` seconds); its usage includes its children's."""
    try:
        finished = _wait(pid, grace)
        if finished is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            finished = os.wait4(pid, 0)
        return finished[2]
    except ChildProcessError:
        return None  # never became our child: nothing to measure
    finally:
        with _lock:
            _supervised.discard(pid)


def clear_uid(uid: int, timeout: float = EXIT_GRACE_S) -> bool:
    """Kill and reap every process running as ``uid`` (a slot's own uid: all of them belong to its run).
    True once none is left; zombies count against the uid's process limit, so the next run needs this."""
    deadline = time.monotonic() + timeout
    while True:
        left = _pids_of(uid)
        if not left:
            return True
        for pid in left:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
            with _lock:
                if pid in _supervised:
                    continue  # a finish() or collect() call is about to wait for it
            with contextlib.suppress(ChildProcessError):  # orphans come to us, the subreaper
                os.waitpid(pid, os.WNOHANG)
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)


def _pids_of(uid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("Uid:"):
                        if int(line.split()[1]) == uid:  # the real uid: /proc/PID's owner can be faked
                            found.append(int(entry.name))
                        break
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # gone while we looked
    return found


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
            return reaped  # a process a finish() call is about to wait for is left to it
        with contextlib.suppress(ChildProcessError):
            os.waitpid(info.si_pid, 0)
            reaped += 1


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
