"""The isolating runner: bubblewrap namespaces, a seccomp filter and resource limits, as an unprivileged uid."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import select
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from mlinterview.sandbox.limits import Limits, RunResult
from mlinterview.sandbox.policy import filter_fd
from mlinterview.sandbox.process import (
    EXIT_GRACE_S,
    Started,
    adopt,
    become_subreaper,
    clear_uid,
    collect,
    finish,
    reap_orphans,
    rlimits,
    start,
)

FIRST_UID = 61000  # slot n runs as uid FIRST_UID + n: nothing else on the machine uses these
SLOTS = 16
TASK = "/task"  # where the submission's files appear, read-only
RUNTIME = "/runtime"  # the runtime virtual environment, read-only
INFO_TIMEOUT_S = 10.0

log = logging.getLogger(__name__)


class BubblewrapRunner:
    name = "bubblewrap"
    isolating = True

    def __init__(self, runtime: Path, bwrap: str | None = None) -> None:
        self.runtime = runtime
        self.bwrap = bwrap or shutil.which("bwrap") or "/usr/bin/bwrap"
        become_subreaper()

    def available(self) -> str | None:
        """None when this runner can run here, otherwise why not."""
        if not Path(self.bwrap).exists():
            return "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
        if not (self.runtime / "bin" / "python").exists():
            return f"no sandbox runtime at {self.runtime} (make sandbox-runtime builds it)"
        return None

    def run(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits, stdin: bytes = b"") -> RunResult:
        """Run ``argv`` (resolved inside the sandbox) with ``files`` under /task, read-only."""
        started = self.start(files, argv, limits)
        return finish(started, limits, self.name, stdin=stdin, clock_from=started.started)

    def start(self, files: Mapping[str, bytes], argv: Sequence[str], limits: Limits) -> Started:
        """Start a sandbox that waits for its standard input; ``finish`` gives it and collects the result."""
        slot = _Slot(self)
        number = slot.__enter__()
        task = tempfile.mkdtemp(prefix="mli-task-")
        try:
            for name, content in files.items():
                path = Path(task) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                path.chmod(0o644)
            Path(task).chmod(0o755)
            seccomp = filter_fd()
            info_read, info_write = os.pipe()  # bubblewrap says there which pid its init got
            try:
                started = start(
                    [*self._command(task, limits, seccomp), "--info-fd", str(info_write), *argv],
                    env={},
                    user=FIRST_UID + number if os.geteuid() == 0 else None,  # not root: runs as the user
                    pass_fds=(seccomp, info_write),
                    before_exec=rlimits(limits),
                )
            finally:
                os.close(seccomp)  # the sandbox has its own copies
                os.close(info_write)
            init = _init_pid(info_read)
            if init is not None:
                adopt(init)  # orphaned to us when bubblewrap exits: its usage is the program's
                started.inner = lambda: collect(init, EXIT_GRACE_S)
        except BaseException:
            shutil.rmtree(task, ignore_errors=True)
            slot.__exit__()
            raise
        uid = FIRST_UID + number if os.geteuid() == 0 else None
        started.cleanup += [
            lambda: shutil.rmtree(task, ignore_errors=True),
            lambda: _clear(uid),
            slot.__exit__,  # the uid is free again only once everything that ran as it is gone
        ]
        return started

    def _command(self, task: str, limits: Limits, seccomp: int) -> list[str]:
        tmp = str(limits.tmp_mb * 1024 * 1024)
        command = [
            self.bwrap,
            "--unshare-all",  # own user, pid, net, ipc, uts and cgroup namespaces: no network at all
            "--unshare-user",
            "--disable-userns",  # and no nested user namespaces from inside
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
            "--ro-bind", str(self.runtime), RUNTIME,
            "--ro-bind", task, TASK,
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", tmp, "--tmpfs", "/tmp",  # noqa: S108 - the sandbox's own, empty tmpfs
            "--size", tmp, "--tmpfs", "/dev/shm",  # noqa: S108
            "--size", tmp, "--tmpfs", "/work",
            "--chdir", "/work",
            "--setenv", "HOME", "/work",
            "--setenv", "PATH", f"{RUNTIME}/bin:/usr/bin",
            "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
            "--setenv", "PYTHONHASHSEED", "0",
            "--setenv", "OPENBLAS_NUM_THREADS", "1",
            "--setenv", "OMP_NUM_THREADS", "1",
            "--setenv", "MKL_NUM_THREADS", "1",
            "--seccomp", str(seccomp),
        ]  # fmt: skip
        for link in ("lib", "lib64", "bin", "sbin"):
            if Path(f"/{link}").is_symlink():
                command += ["--symlink", os.readlink(f"/{link}"), f"/{link}"]
            elif Path(f"/{link}").is_dir():
                command += ["--ro-bind", f"/{link}", f"/{link}"]
        return command


def _init_pid(info: int) -> int | None:
    """The sandbox init's pid from bubblewrap's ``--info-fd`` JSON (None if it failed before writing it)."""
    data = b""
    try:
        while select.select([info], [], [], INFO_TIMEOUT_S)[0]:
            chunk = os.read(info, 4096)
            if not chunk:
                break
            data += chunk
    finally:
        os.close(info)
    try:
        pid = json.loads(data).get("child-pid")
    except ValueError:
        return None
    return pid if isinstance(pid, int) else None


def _clear(uid: int | None) -> None:
    if uid is None:  # not root: runs share the user's uid, and its other children are not ours to reap
        reap_orphans(range(FIRST_UID, FIRST_UID + SLOTS))
    elif not clear_uid(uid):
        log.warning("processes of sandbox uid %s outlived their run", uid)


class _Slot:
    """One of SLOTS sandbox uids, held for one run. A lock file per slot makes the hold good across every
    process on the machine (web workers, job workers), so two runs never share a uid's process limit."""

    def __init__(self, runner: BubblewrapRunner) -> None:
        self.runner = runner
        self.handle: int | None = None
        self.number = -1

    def __enter__(self) -> int:
        folder = Path(tempfile.gettempdir()) / "mlinterview-sandbox-slots"
        folder.mkdir(mode=0o700, exist_ok=True)
        while True:
            for number in range(SLOTS):
                handle = os.open(folder / f"{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(handle)
                    continue
                self.handle, self.number = handle, number
                return number
            time.sleep(0.01)  # every slot is busy: wait for one

    def __exit__(self, *_: object) -> None:
        if self.handle is not None:
            os.close(self.handle)  # closing releases the lock
            self.handle = None
