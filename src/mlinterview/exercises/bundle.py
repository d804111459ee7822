"""Reading exercise folders (bundled content, trusted code) into ``Exercise`` objects."""

from __future__ import annotations

import copy
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import yaml
from pydantic import ValidationError

from mlinterview.exercises.checking import compare
from mlinterview.exercises.spec import Case, ExerciseSpec

MIN_HIDDEN = 15


class ExerciseError(ValueError):
    """A problem in an exercise folder, with the file it is in."""


@dataclass(frozen=True)
class Exercise:
    slug: str
    folder: Path
    spec: ExerciseSpec
    starter: str
    solution: str
    wrong: dict[str, str] = field(default_factory=dict)  # file name -> source

    @cached_property
    def _cases(self) -> ModuleType:
        return _module(self.folder / "cases.py", f"mli_cases_{self.slug.replace('-', '_')}")

    def visible_cases(self) -> list[Case]:
        return _validated(self._cases.visible(), self.folder / "cases.py")

    def hidden_cases(self) -> list[Case]:
        """The same cases for every candidate: the generator is seeded by the exercise."""
        return _validated(self._cases.hidden(np.random.default_rng(self.spec.seed)), self.folder / "cases.py")

    def checker(self) -> Callable[[list[Any], Any, Any], str | None]:
        """``check(args, expected, got)`` from cases.py, or plain comparison within the tolerance."""
        custom = getattr(self._cases, "check", None)
        if custom is not None:
            return custom  # type: ignore[no-any-return]
        return lambda _args, expected, got: compare(expected, got, self.spec.tolerance)

    def expected(self, case: Case) -> Any:
        """The reference solution's output for a case, computed here (it is our own code)."""
        function = getattr(_module(self.folder / "solution.py", f"mli_solution_{id(self)}"), self.spec.function)
        return function(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


def load_exercise(folder: Path) -> Exercise:
    path = folder / "exercise.yaml"
    try:
        spec = ExerciseSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ExerciseError(f"{path}: missing; every exercise folder needs one") from None
    except (ValidationError, yaml.YAMLError) as error:
        raise ExerciseError(f"{path}: {error}") from None
    for name in ("starter.py", "solution.py", "cases.py"):
        if not (folder / name).is_file():
            raise ExerciseError(f"{folder / name}: missing")
    wrong = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "wrong").glob("*.py"))}
    return Exercise(
        slug=folder.name,
        folder=folder,
        spec=spec,
        starter=(folder / "starter.py").read_text(encoding="utf-8"),
        solution=(folder / "solution.py").read_text(encoding="utf-8"),
        wrong=wrong,
    )


def load_exercises(root: Path) -> list[Exercise]:
    return [load_exercise(folder) for folder in sorted(root.iterdir()) if (folder / "exercise.yaml").exists()]


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ExerciseError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _validated(cases: Any, path: Path) -> list[Case]:
    try:
        return [c if isinstance(c, Case) else Case.model_validate(c) for c in cases]
    except ValidationError as error:
        raise ExerciseError(f"{path}: {error}") from None
