"""Runs inside the sandbox: import the submission once, then call its function once per case, each call in a
forked child (so a crash, a hang or a leak in one case cannot touch the next, and numpy is imported once).

    python /task/harness.py        imports numpy, then reads its task from standard input (JSON: the source,
                                   the function's name, the cases' inputs, the limits); writes one JSON line
                                   per case to file descriptor 3. The expected outputs are never here.

Importing before the task arrives is what lets a warm pool start sandboxes ahead of time.

Standard library and numpy only: this file is copied into the sandbox as it is.
"""

import contextlib
import importlib.util
import json
import os
import resource
import select
import signal
import sys
import time
import traceback
from typing import Any

TASK = os.path.dirname(os.path.abspath(__file__))  # /task in the sandbox; a temp dir for the local runner
sys.path.insert(0, TASK)
from exchange import dumps, from_plain  # noqa: E402 - beside this file

with contextlib.suppress(ImportError):
    import numpy  # noqa: F401 - paid for before the task arrives

CHANNEL = 3
MAX_RESULT = 32 * 1024 * 1024


def report(record: dict[str, Any]) -> None:
    data = (json.dumps(record) + "\n").encode()
    while data:
        data = data[os.write(CHANNEL, data) :]


def short_error(error: BaseException) -> str:
    lines = traceback.format_exception_only(type(error), error)
    return lines[-1].strip()[:500]


def run_case(function: Any, case: dict[str, Any], limit: float) -> dict[str, Any]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: call, encode, send, leave without cleanup handlers
        os.close(read_end)
        try:
            value = function(*from_plain(case["args"]), **from_plain(case["kwargs"]))
            payload = json.dumps({"status": "ok", "value": json.loads(dumps(value))})
        except MemoryError:
            payload = json.dumps({"status": "memory", "error": "MemoryError: the case ran out of memory"})
        except RecursionError as error:
            payload = json.dumps({"status": "error", "error": short_error(error)})
        except BaseException as error:
            payload = json.dumps({"status": "error", "error": short_error(error)})
        data = payload.encode()[:MAX_RESULT]
        for stream in (sys.stdout, sys.stderr):  # os._exit skips the flush at exit
            with contextlib.suppress(BaseException):  # a broken stream must not lose the result
                stream.flush()
        try:
            while data:
                data = data[os.write(write_end, data) :]
        finally:
            os._exit(0)
    os.close(write_end)
    started, size = time.monotonic(), 0
    status: str | None = None
    chunks: list[bytes] = []
    while True:
        remaining = limit - (time.monotonic() - started)
        if remaining <= 0:
            status = "timeout"
            break
        ready, _, _ = select.select([read_end], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(read_end, 1 << 20)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_RESULT:
            status = "error"
            break
        chunks.append(chunk)
    os.close(read_end)
    if status is not None:
        os.kill(pid, signal.SIGKILL)
    _, wait_status, usage = os.wait4(pid, 0)
    elapsed = int((time.monotonic() - started) * 1000)
    kb = int(usage.ru_maxrss)  # the case's peak resident memory (Linux reports kilobytes)
    if status == "timeout":
        return {"status": "timeout", "error": f"took longer than {limit:g} s", "ms": elapsed, "kb": kb}
    if status == "error":
        return {"status": "error", "error": "the result is too large", "ms": elapsed, "kb": kb}
    try:
        record: dict[str, Any] = json.loads(b"".join(chunks))
    except ValueError:
        code = os.waitstatus_to_exitcode(wait_status)
        why = f"killed by signal {-code}" if code < 0 else f"exited with code {code}"
        return {"status": "crash", "error": f"the process {why} before returning", "ms": elapsed, "kb": kb}
    record["ms"], record["kb"] = elapsed, kb
    return record


def tighten(task: dict[str, Any]) -> None:
    """Lower the limits to this task's own before its code runs (lowering needs no privilege)."""
    if task.get("memory_mb"):
        memory = int(task["memory_mb"]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if task.get("cpu_s"):
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime) + int(task["cpu_s"])
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard != resource.RLIM_INFINITY:
            cpu = min(cpu, hard - 1)  # never above the supervisor's own ceiling
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def load(task: dict[str, Any]) -> Any:
    path = os.path.join(os.getcwd(), "submission.py")  # the sandbox's own writable work dir
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(task["source"])
    spec = importlib.util.spec_from_file_location("submission", path)
    if spec is None or spec.loader is None:
        raise ImportError("submission.py cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, task["function"])


def main() -> None:
    raw = sys.stdin.buffer.read()
    if not raw:
        return  # an unused warm sandbox being let go
    task = json.loads(raw)
    tighten(task)
    try:
        function = load(task)
    except BaseException as error:
        report({"import_error": short_error(error)})
        return
    for index, case in enumerate(task["cases"]):
        record = run_case(function, case, task["time_limit_s"])
        record["index"] = index
        report(record)


if __name__ == "__main__":
    main()
