"""The self-check: attacks run through a runner, each of which must be contained.

An organisation deployment refuses to grade when any is not (fail closed); ``mlinterview sandbox check``
prints them all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from mlinterview.sandbox.limits import Limits, RunResult, Status
from mlinterview.sandbox.registry import Runner, SandboxUnavailable


@dataclass(frozen=True)
class Attack:
    name: str
    program: str
    contained: str  # what a contained run prints on stdout (the program prints it only if the attack failed)


ATTACKS = (
    Attack("network: TCP to loopback", "import socket\ntry:\n socket.create_connection(('127.0.0.1', 5432), 1)\n"
           "except OSError:\n print('contained')\n", "contained"),
    Attack("network: abstract unix socket", "import socket\ntry:\n s = socket.socket(socket.AF_UNIX)\n"
           " s.connect('\\0mlinterview')\nexcept OSError:\n print('contained')\n", "contained"),
    Attack("files: /etc/shadow", "try:\n open('/etc/shadow').read()\nexcept OSError:\n print('contained')\n",
           "contained"),
    Attack("files: /root", "import os\ntry:\n os.listdir('/root')\nexcept OSError:\n print('contained')\n",
           "contained"),
    Attack("files: the host's home and the application", "import os\nseen = [p for p in ('/home', '/work', '/srv',"
           " '/opt', '/var') if os.path.isdir(p) and os.listdir(p)]\nprint('contained' if seen in ([], ['/work'])"
           " and not os.path.exists('/work/main') else seen)\n", "contained"),
    Attack("files: writing outside the work dir", "try:\n open('/usr/evil', 'w')\nexcept OSError:\n"
           " print('contained')\n", "contained"),
    Attack("environment: host variables", "import os\nextra = set(os.environ) - {'HOME', 'PATH', 'PWD', 'LC_CTYPE',"
           " 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS',"
           " 'MKL_NUM_THREADS'}\nprint('contained' if not extra else sorted(extra))\n", "contained"),
    Attack("processes: host /proc", "import os\npids = [p for p in os.listdir('/proc') if p.isdigit()]\n"
           "print('contained' if len(pids) < 10 else len(pids))\n", "contained"),
    Attack("processes: fork bomb", "import os\nn = 0\ntry:\n for _ in range(10000):\n  if os.fork() == 0:\n"
           "   import time; time.sleep(5); os._exit(0)\n  n += 1\nexcept OSError:\n print('contained')\n",
           "contained"),
    Attack("namespaces: nested user namespace", "import ctypes\nlibc = ctypes.CDLL(None)\n"
           "print('contained' if libc.unshare(0x10000000) != 0 else 'escaped')\n", "contained"),
    Attack("memory: one large allocation", "try:\n b = bytearray(2 * 1024 ** 3)\nexcept MemoryError:\n"
           " print('contained')\n", "contained"),
    Attack("disk: filling /tmp", "try:\n with open('/tmp/fill', 'wb') as f:\n  [f.write(b'x' * 2 ** 20) for _ in"
           " range(4096)]\nexcept OSError:\n print('contained')\n", "contained"),
)  # fmt: skip
LIMITS = Limits(wall_s=10, cpu_s=10, memory_mb=512, processes=8, tmp_mb=32, file_mb=64)


@dataclass(frozen=True)
class Outcome:
    attack: str
    contained: bool
    detail: str


def run_checks(runner: Runner) -> list[Outcome]:
    outcomes = []
    for attack in ATTACKS:
        result = runner.run({"attack.py": attack.program.encode()}, ["python", "/task/attack.py"], LIMITS)
        outcomes.append(Outcome(attack.name, _contained(result, attack), _detail(result)))
    cpu = runner.run({"spin.py": b"while True:\n    pass\n"}, ["python", "/task/spin.py"], Limits(wall_s=2, cpu_s=1))
    outcomes.append(Outcome("time: endless loop", cpu.status is Status.TIMEOUT, _detail(cpu)))
    flood = runner.run(
        {"flood.py": b"import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n"},
        ["python", "/task/flood.py"],
        Limits(wall_s=5, output_kb=256),
    )
    capped = flood.status is Status.OUTPUT_LIMIT and len(flood.stdout) <= 256 * 1024
    outcomes.append(Outcome("output: stdout flood", capped, _detail(flood)))
    return outcomes


_verified: dict[int, list[Outcome]] = {}
_lock = threading.Lock()


def ensure_isolated(runner: Runner) -> None:
    """Fail closed: refuse when the runner does not isolate, or when any attack got through (checked once)."""
    if not runner.isolating:
        raise SandboxUnavailable(
            f"the {runner.name!r} runner does not isolate code; an organisation deployment needs 'bubblewrap'"
        )
    with _lock:
        if id(runner) not in _verified:
            _verified[id(runner)] = run_checks(runner)
    failed = [o for o in _verified[id(runner)] if not o.contained]
    if failed:
        names = ", ".join(o.attack for o in failed)
        raise SandboxUnavailable(f"isolation is degraded ({names}); run `mlinterview sandbox check` for details")


def _contained(result: RunResult, attack: Attack) -> bool:
    return result.stdout.strip().endswith(attack.contained)


def _detail(result: RunResult) -> str:
    tail = (result.stdout.strip() or result.stderr.strip()).splitlines()[-1:] or [""]
    return f"{result.status.value}: {tail[0][:120]}"
