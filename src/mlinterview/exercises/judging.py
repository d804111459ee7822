"""Grading a submission: its function runs in the sandbox on each case's inputs; the outputs come back and
are compared here with the reference solution's, which never enter the sandbox."""

from __future__ import annotations

import ast
import dataclasses
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, Field

from mlinterview.exercises.bundle import Exercise
from mlinterview.exercises.spec import Case
from mlinterview.sandbox import Limits
from mlinterview.sandbox.exchange import from_plain, to_plain
from mlinterview.sandbox.pool import WarmPool
from mlinterview.sandbox.registry import Runner, StartableRunner

STARTUP_S = 5.0  # interpreter and numpy, on top of the cases' own time
MEMORY_CEILING_MB = 1024  # outer limits; the harness lowers them to the exercise's before the code runs
CPU_CEILING_S = 3600  # above any task's own (the wall clock ends a run long before)
HIDDEN_WORDS = {
    "error": "raised an error",
    "timeout": "took too long",
    "memory": "ran out of memory",
    "crash": "crashed",
    "missing": "did not run",
}


class CaseResult(BaseModel):
    name: str
    category: str
    hidden: bool
    passed: bool
    message: str  # for a hidden case only a word about what happened, never its data
    detail: str = Field("", exclude=True)  # the whole message, hidden case or not: for staff, never serialised
    ms: int = 0
    kb: int = 0  # peak resident memory of the process that ran the case


class Judgement(BaseModel):
    passed: int
    total: int
    cases: list[CaseResult]
    problem: str | None = None  # why nothing could be graded (an import error, a forbidden import)
    stdout: str = ""  # only from runs of visible cases
    wall_ms: int = 0
    memory_kb: int = 0  # the whole run's peak
    runner: str = ""

    @property
    def score(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass(frozen=True)
class _Prepared:
    case: Case
    hidden: bool
    expected: Any


def forbidden_imports(source: str, allowed: list[str]) -> list[str]:
    """Top-level module names the source imports that the exercise does not allow."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # the sandbox reports the syntax error with its line
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found += [n.split(".")[0] for n in names if n.split(".")[0] not in allowed]
    if any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "__import__" for n in ast.walk(tree)):
        found.append("__import__")
    return sorted(set(found))


def judge(exercise: Exercise, source: str, runner: Runner, *, hidden: bool = True) -> Judgement:
    prepared = _cases(exercise, hidden)
    bad = forbidden_imports(source, exercise.spec.allowed_imports)
    if bad:
        allowed = ", ".join(exercise.spec.allowed_imports)
        return _nothing(prepared, f"Importing {', '.join(bad)} is not allowed in this exercise; allowed: {allowed}.")
    limit = exercise.spec.time_limit_s
    wall = STARTUP_S + limit * len(prepared)
    task = {
        "source": source,
        "function": exercise.spec.function,
        "time_limit_s": limit,
        "memory_mb": exercise.spec.memory_mb,
        "cpu_s": math.ceil(wall),
        "cases": [{"args": to_plain(p.case.args), "kwargs": to_plain(p.case.kwargs)} for p in prepared],
    }
    files, argv, limits = harness_template(runner)
    memory = max(limits.memory_mb, exercise.spec.memory_mb)
    run = runner.run(files, argv, dataclasses.replace(limits, wall_s=wall, memory_mb=memory), json.dumps(task).encode())
    records: dict[int, dict[str, Any]] = {}
    for line in run.channel.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if "import_error" in record:
            judgement = _nothing(prepared, f"The code could not be loaded: {record['import_error']}")
            return judgement.model_copy(update={"stdout": run.stdout if not hidden else "", "runner": run.runner})
        if isinstance(record.get("index"), int):
            records[record["index"]] = record
    check = exercise.checker()
    results = []
    for index, item in enumerate(prepared):
        record = records.get(index, {"status": "missing", "error": f"the run ended early ({run.status.value})"})
        results.append(_result(item, record, check))
    return Judgement(
        passed=sum(r.passed for r in results),
        total=len(results),
        cases=results,
        stdout="" if hidden else run.stdout,
        wall_ms=run.wall_ms,
        memory_kb=run.memory_kb or max((r.kb for r in results), default=0),
        runner=run.runner,
    )


def _result(item: _Prepared, record: dict[str, Any], check: Any) -> CaseResult:
    status = record.get("status")
    passed = False
    if status == "ok":
        try:
            problem = check(from_plain(to_plain(item.case.args)), item.expected, from_plain(record.get("value")))
        except Exception as error:
            problem = f"the result could not be checked ({type(error).__name__})"
        passed = problem is None
        detail = "passed" if passed else str(problem)
        message = "wrong answer" if item.hidden and not passed else detail
    else:
        detail = str(record.get("error", status))
        message = HIDDEN_WORDS.get(str(status), "failed") if item.hidden else detail
    return CaseResult(
        name=item.case.name,
        category=item.case.category,
        hidden=item.hidden,
        passed=passed,
        message=message,
        detail=detail,
        ms=int(record.get("ms", 0)),
        kb=int(record.get("kb", 0)),
    )


def _nothing(prepared: list[_Prepared], problem: str) -> Judgement:
    cases = [
        CaseResult(name=p.case.name, category=p.case.category, hidden=p.hidden, passed=False, message="did not run")
        for p in prepared
    ]
    return Judgement(passed=0, total=len(cases), cases=cases, problem=problem)


def _cases(exercise: Exercise, hidden: bool) -> list[_Prepared]:
    visible = [_Prepared(c, False, e) for c, e in expected_outputs(exercise, hidden=False)]
    return visible + ([_Prepared(c, True, e) for c, e in expected_outputs(exercise, hidden=True)] if hidden else [])


_EXPECTED: dict[tuple[str, str, bool], tuple[tuple[Case, Any], ...]] = {}


def expected_outputs(exercise: Exercise, hidden: bool) -> tuple[tuple[Case, Any], ...]:
    """Each case with the reference solution's output, computed once per exercise and solution."""
    key = (str(exercise.folder), exercise.solution, hidden)
    if key not in _EXPECTED:
        cases = exercise.hidden_cases() if hidden else exercise.visible_cases()
        _EXPECTED[key] = tuple((case, exercise.expected(case)) for case in cases)
    return _EXPECTED[key]


def harness_template(runner: Runner) -> tuple[dict[str, bytes], list[str], Limits]:
    """The files, command and outer limits of every judging run: the same for all exercises (each task
    lowers the limits to its own inside the sandbox), so one warm pool serves them all."""
    argv = ["python", "-I", "/task/harness.py"] if runner.isolating else ["python", "/task/harness.py"]
    return dict(_support()), argv, Limits(wall_s=STARTUP_S, cpu_s=CPU_CEILING_S, memory_mb=MEMORY_CEILING_MB)


@cache
def _support() -> dict[str, bytes]:
    """The harness and its encoder, read once per process (every judging run sends them)."""
    return {name: (files("mlinterview.sandbox") / name).read_bytes() for name in ("harness.py", "exchange.py")}


def warm(runner: Runner, size: int) -> Runner:
    """``runner`` with ``size`` judging sandboxes kept ready, where it can start them ahead of time."""
    if size <= 0 or not isinstance(runner, StartableRunner):
        return runner
    support, argv, limits = harness_template(runner)
    return WarmPool(runner, support, argv, limits, size)
