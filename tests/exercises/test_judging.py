"""What a candidate sees: visible cases in full, hidden ones as pass/fail with a category, never their data."""

import json
import os
import signal
import time

from typer.testing import CliRunner

from mlinterview.cli.main import app as cli
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.exercises.bundle import load_exercise
from mlinterview.exercises.judging import forbidden_imports, judge, warm

EXERCISE = load_exercise(BUNDLED_CONTENT / "exercises" / "precision-recall-f1")
WRONG = EXERCISE.wrong["positive_is_one.py"]


def test_hidden_failures_say_what_kind_of_case_failed_but_show_no_data(runner) -> None:
    judgement = judge(EXERCISE, WRONG, runner)
    hidden = [c for c in judgement.cases if c.hidden and not c.passed]
    assert hidden
    assert {c.message for c in hidden} <= {"wrong answer", "raised an error", "took too long", "crashed"}
    assert all(c.category for c in hidden)
    visible = [c for c in judgement.cases if not c.hidden and not c.passed]
    assert any("should be" in c.message for c in visible)  # visible cases explain the difference


def test_what_the_code_prints_is_shown_only_for_visible_runs(runner) -> None:
    chatty = EXERCISE.solution.replace("    tp = fp = fn = 0", "    print('inputs', y_true)\n    tp = fp = fn = 0")
    assert "inputs" in judge(EXERCISE, chatty, runner, hidden=False).stdout
    assert judge(EXERCISE, chatty, runner).stdout == ""  # hidden inputs never come back through prints


def test_forbidden_imports_are_refused_before_anything_runs(runner) -> None:
    judgement = judge(EXERCISE, "import subprocess\n" + EXERCISE.solution, runner)
    assert judgement.problem is not None
    assert "subprocess" in judgement.problem
    assert judgement.passed == 0
    assert forbidden_imports("from numpy import linalg\nimport math", ["math", "numpy"]) == []
    assert forbidden_imports("__import__('os')", ["math"]) == ["__import__"]


def test_code_that_fails_to_load_is_explained(runner) -> None:
    judgement = judge(EXERCISE, "def precision_recall_f1(:\n", runner)
    assert judgement.problem is not None
    assert "SyntaxError" in judgement.problem


def test_a_hanging_case_times_out_alone(runner) -> None:
    slow = EXERCISE.solution.replace(
        "    tp = fp = fn = 0", "    if not y_true:\n        while True: pass\n    tp = fp = fn = 0"
    )
    judgement = judge(EXERCISE, slow, runner)
    timed_out = [c for c in judgement.cases if c.message == "took too long"]
    assert [c.category for c in timed_out] == ["edge case: empty input"]
    assert judgement.passed == judgement.total - 1


def test_cli_submit_show_and_sandbox_run(tmp_path) -> None:
    solution = tmp_path / "mine.py"
    solution.write_text(EXERCISE.solution)
    result = CliRunner().invoke(cli, ["exercises", "submit", "precision-recall-f1", str(solution), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["passed"] == figures["total"] > 15

    shown = CliRunner().invoke(cli, ["exercises", "show", "precision-recall-f1"])
    assert "precision_recall_f1" in shown.output
    assert "tp = fp = fn = 0" not in shown.output  # never the reference solution

    program = tmp_path / "main.py"
    program.write_text("import sys\nprint('out')\nsys.exit(3)\n")
    run = CliRunner().invoke(cli, ["sandbox", "run", str(program), "--wall-s", "5", "--json"])
    record = json.loads(run.output)
    assert record["status"] == "error"
    assert record["exit_code"] == 3
    assert record["stdout"] == "out\n"
    assert set(record) == {
        "status",
        "exit_code",
        "stdout",
        "stderr",
        "wall_ms",
        "cpu_ms",
        "memory_kb",
        "truncated",
        "runner",
    }


def test_the_local_runner_grades_too_for_practice_on_ones_own_machine() -> None:
    from mlinterview.config import get_settings
    from mlinterview.sandbox import get_runner

    local = get_runner("local", get_settings().sandbox_runtime.resolve())
    assert not local.isolating
    judgement = judge(EXERCISE, EXERCISE.solution, local)
    assert judgement.passed == judgement.total
    assert judgement.runner == "local"


def test_each_exercise_gets_its_own_memory_limit_inside_the_shared_ceiling(runner) -> None:
    """The sandbox starts under the judging ceiling (1 GiB); the harness lowers it to the exercise's 256 MB."""
    hungry = EXERCISE.solution.replace(
        "    tp = fp = fn = 0", "    if not y_true:\n        block = bytearray(400 * 1024 * 1024)\n    tp = fp = fn = 0"
    )
    judgement = judge(EXERCISE, hungry, runner)
    assert [c.message for c in judgement.cases if not c.passed] == ["ran out of memory"]
    assert judgement.memory_kb < 300 * 1024


def test_a_warm_pool_grades_the_same_and_refills(runner) -> None:
    pool = warm(runner, 2)
    try:
        deadline = time.monotonic() + 10
        while pool.ready() < 2 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.02)
        assert pool.ready() == 2  # type: ignore[attr-defined]
        cold, hot = judge(EXERCISE, WRONG, runner), judge(EXERCISE, WRONG, pool)
        assert [(c.passed, c.message) for c in hot.cases] == [(c.passed, c.message) for c in cold.cases]
        other = load_exercise(BUNDLED_CONTENT / "exercises" / "kmeans")  # a different exercise, same pool
        assert judge(other, other.solution, pool).score == 1.0
        while pool.ready() < 2 and time.monotonic() < deadline + 10:  # type: ignore[attr-defined]
            time.sleep(0.02)
        assert pool.ready() == 2  # type: ignore[attr-defined]
    finally:
        pool.close()  # type: ignore[attr-defined]
    assert pool.ready() == 0  # type: ignore[attr-defined]


def test_a_warm_sandbox_killed_while_waiting_is_replaced_not_used(runner) -> None:
    pool = warm(runner, 1)
    try:
        deadline = time.monotonic() + 10
        while pool.ready() < 1 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.02)
        waiting = pool._ready[0]  # type: ignore[attr-defined]
        os.killpg(waiting.process.pid, signal.SIGKILL)
        while waiting.alive():
            time.sleep(0.01)
        assert judge(EXERCISE, EXERCISE.solution, pool).score == 1.0
    finally:
        pool.close()  # type: ignore[attr-defined]
