"""Attacks through the real bubblewrap runner: each must be contained, and the sandbox must stay usable."""

import textwrap

import pytest

from mlinterview.sandbox import Limits, Status
from mlinterview.sandbox.checks import ATTACKS, run_checks


def run(runner, program: str, **limits):
    return runner.run({"main.py": textwrap.dedent(program).encode()}, ["python", "/task/main.py"], Limits(**limits))


def test_the_self_check_contains_every_attack(runner) -> None:
    outcomes = run_checks(runner)
    assert len(outcomes) == len(ATTACKS) + 2
    assert [o.attack for o in outcomes if not o.contained] == []


def test_a_normal_program_runs_with_numpy(runner) -> None:
    result = run(runner, "import numpy as np\nprint(np.arange(4).sum())\n")
    assert result.status is Status.OK
    assert result.stdout == "6\n"
    assert result.runner == "bubblewrap"


def test_memory_spread_over_processes_is_contained(runner) -> None:
    result = run(
        runner,
        """
        import os
        children = []
        for _ in range(4):
            pid = os.fork()
            if pid == 0:
                try:
                    block = bytearray(400 * 1024 ** 2)
                    os._exit(0)
                except MemoryError:
                    os._exit(3)
            children.append(pid)
        codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in children]
        print(sum(c == 3 for c in codes))
        """,
        memory_mb=256,
    )
    assert result.stdout.strip() == "4", result.stderr  # every child hit its own address-space limit


@pytest.mark.parametrize(
    "program",
    [
        "import threading\ndef spin():\n    while True: pass\n"
        "[threading.Thread(target=spin).start() for _ in range(4)]\n",
        "import time\ntime.sleep(60)\n",
    ],
    ids=["cpu in threads", "sleeping"],
)
def test_time_runs_out(runner, program: str) -> None:
    result = run(runner, program, wall_s=2, cpu_s=1)
    assert result.status is Status.TIMEOUT
    assert result.wall_ms < 5000


def test_dev_shm_and_many_files_are_bounded(runner) -> None:
    result = run(
        runner,
        """
        import os
        try:
            with open('/dev/shm/fill', 'wb') as f:
                for _ in range(1024):
                    f.write(b'x' * 2 ** 20)
        except OSError:
            print('shm full')
        handles = []
        try:
            for i in range(10000):
                handles.append(open(f'/tmp/f{i}', 'w'))
        except OSError:
            print('files limited')
        """,
    )
    assert result.stdout.split("\n")[:2] == ["shm full", "files limited"]


def test_a_process_left_running_dies_with_the_run_and_runs_keep_working(runner) -> None:
    program = """
        import os, subprocess, sys
        if os.fork() == 0:
            os.setsid()
            import time
            time.sleep(300)
        print('parent done')
    """
    for _ in range(30):  # leftovers must not exhaust the sandbox uid's process limit
        result = run(runner, program, wall_s=5)
        assert result.stdout.strip() == "parent done"


def test_killing_its_parent_does_not_reach_outside(runner) -> None:
    result = run(runner, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nos.kill(1, signal.SIGKILL)\n")
    assert result.status in (Status.OK, Status.KILLED, Status.ERROR)
    assert run(runner, "print('still fine')\n").stdout == "still fine\n"


def test_a_200_mb_stdout_flood_is_cut(runner) -> None:
    result = run(runner, "import sys\nsys.stdout.write('y' * 200 * 1024 ** 2)\n", wall_s=10, output_kb=64)
    assert result.status is Status.OUTPUT_LIMIT
    assert result.truncated
    assert len(result.stdout) <= 64 * 1024


def test_symlinks_planted_in_the_sandbox_are_never_followed_by_the_supervisor(runner) -> None:
    result = run(
        runner,
        """
        import os
        for name in ('/work/result.json', '/tmp/result.json', '/work/out'):
            try:
                os.symlink('/etc/shadow', name)
            except OSError:
                pass
        os.write(3, b'{"planted": true}\\n')
        """,
    )
    assert result.status is Status.OK
    assert result.channel == b'{"planted": true}\n'  # results come over a pipe, never from a path


def test_only_the_task_files_are_visible_and_read_only(runner) -> None:
    result = runner.run(
        {"main.py": b"import os\nprint(sorted(os.listdir('/task')))\nopen('/task/main.py', 'a')\n", "data.txt": b"x"},
        ["python", "/task/main.py"],
        Limits(),
    )
    assert result.stdout.strip() == "['data.txt', 'main.py']"
    assert "PermissionError" in result.stderr or "Read-only file system" in result.stderr


def test_concurrent_runs_never_share_a_process_limit(runner) -> None:
    from concurrent.futures import ThreadPoolExecutor

    program = "import os, time\nkids = []\nfor _ in range(3):\n    pid = os.fork()\n"
    program += "    if pid == 0:\n        time.sleep(0.2)\n        os._exit(0)\n    kids.append(pid)\n"
    program += "[os.waitpid(k, 0) for k in kids]\nprint('ok')\n"
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(lambda _: run(runner, program), range(24)))
    assert [r.stdout for r in results] == ["ok\n"] * 24
