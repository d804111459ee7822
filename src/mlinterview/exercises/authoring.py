"""Checks for exercise authors, run in-process on bundled (trusted) code: does every test case catch what
it should? The same proof runs through the sandbox in the test suite."""

from __future__ import annotations

import copy
import importlib.util
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlinterview.exercises.bundle import MIN_HIDDEN, Exercise


@dataclass(frozen=True)
class Verdict:
    passed: int
    failed: list[str]  # "case name (category): reason"


def run_in_process(exercise: Exercise, source: str, hidden: bool = True) -> Verdict:
    function = _function(source, exercise.spec.function)
    check = exercise.checker()
    cases = [*exercise.visible_cases(), *(exercise.hidden_cases() if hidden else [])]
    passed, failed = 0, []
    for case in cases:
        expected = exercise.expected(case)
        try:
            got = function(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            problem = check(copy.deepcopy(case.args), expected, got)
        except Exception as error:
            problem = f"raised {type(error).__name__}: {error}"
        if problem:
            failed.append(f"{case.name} ({case.category}): {problem}")
        else:
            passed += 1
    return Verdict(passed, failed)


def problems(exercise: Exercise) -> list[str]:
    """What is wrong with an exercise's tests: the reference fails, a wrong solution passes, too few cases."""
    found = []
    if len(exercise.hidden_cases()) < MIN_HIDDEN:
        found.append(f"{exercise.slug}: only {len(exercise.hidden_cases())} hidden cases (at least {MIN_HIDDEN})")
    if len(exercise.wrong) < 3:
        found.append(f"{exercise.slug}: only {len(exercise.wrong)} wrong solutions (at least 3)")
    reference = run_in_process(exercise, exercise.solution)
    found += [f"{exercise.slug}: the reference solution fails {f}" for f in reference.failed]
    starter = run_in_process(exercise, exercise.starter, hidden=False)
    if not starter.failed:
        found.append(f"{exercise.slug}: the starter code already passes the visible tests")
    for name, source in exercise.wrong.items():
        if not run_in_process(exercise, source).failed:
            found.append(f"{exercise.slug}: wrong/{name} passes every test")
    return found


def _function(source: str, name: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "submission.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"mli_submission_{abs(hash(source))}", path)
        if spec is None or spec.loader is None:
            raise ValueError("the submission cannot be imported")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return getattr(module, name)
