"""Read the content folder into a ``Bank``, reporting every problem as ``file:line: message``.

YAML is composed into nodes first, so a pydantic error's location (``questions.3.rubric.0.weight``) can be
traced back to the line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mlinterview.content.schema import (
    SCHEMA_VERSION,
    CompetenciesFile,
    Competency,
    Question,
    QuestionFile,
    RoleProfile,
    RolesFile,
    Topic,
    TopicsFile,
)

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Bank:
    """Everything under ``content/``, parsed; ``problems`` is empty when it is all valid."""

    topics: list[Topic] = field(default_factory=list)
    competencies: list[Competency] = field(default_factory=list)
    profiles: list[RoleProfile] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    origins: list[tuple[str, int]] = field(default_factory=list)  # (file, line) of each question, in order


def load_bank(root: Path) -> Bank:
    from mlinterview.content.validate import cross_check

    bank = Bank()
    if (topics := _load(root / "topics.yaml", TopicsFile, bank, root)) is not None:
        bank.topics = topics.topics
    if (competencies := _load(root / "competencies.yaml", CompetenciesFile, bank, root)) is not None:
        bank.competencies = competencies.competencies
    if (roles := _load(root / "roles.yaml", RolesFile, bank, root)) is not None:
        bank.profiles = roles.profiles
    for path in sorted((root / "questions").glob("*.yaml")):
        questions = _load(path, QuestionFile, bank, root)
        if questions is not None:
            node = _compose(path)
            for index, question in enumerate(questions.questions):
                bank.questions.append(question)
                bank.origins.append((_relative(path, root), _line_of(node, ("questions", index))))
            if questions.topic != path.stem:
                bank.problems.append(
                    Problem(
                        _relative(path, root), 1, f"topic '{questions.topic}' must match the file name '{path.stem}'"
                    )
                )
    bank.problems.extend(cross_check(bank))
    return bank


def parse_questions(text: str, source: str) -> tuple[list[Question], list[Problem]]:
    """Questions from YAML text (an organisation's import): either a whole question file or a list."""
    try:
        data = _parse(text)
    except yaml.YAMLError as error:
        return [], [Problem(source, _yaml_line(error), f"not valid YAML: {_yaml_reason(error)}")]
    if isinstance(data, list):
        data = {"schema_version": SCHEMA_VERSION, "topic": "imported", "questions": data}
    node = _compose_text(text)
    parsed = _validate(data, QuestionFile, source, node)
    return (parsed.questions, []) if isinstance(parsed, QuestionFile) else ([], parsed)


def _load(path: Path, model: type[Model], bank: Bank, root: Path) -> Model | None:
    name = _relative(path, root)
    if not path.exists():
        bank.problems.append(Problem(name, 0, "missing file"))
        return None
    text = path.read_text(encoding="utf-8")
    try:
        data, node = _parse(text), _compose_text(text)
    except yaml.YAMLError as error:
        bank.problems.append(Problem(name, _yaml_line(error), f"not valid YAML: {_yaml_reason(error)}"))
        return None
    parsed = _validate(data, model, name, node)
    if isinstance(parsed, list):
        bank.problems.extend(parsed)
        return None
    return parsed


def _validate(data: Any, model: type[Model], name: str, node: yaml.Node | None) -> Model | list[Problem]:
    if not isinstance(data, dict):
        return [Problem(name, 1, "expected a mapping with schema_version at the top")]
    version = data.get("schema_version")
    if not isinstance(version, int):
        return [Problem(name, 1, f"state the schema version: add 'schema_version: {SCHEMA_VERSION}' at the top")]
    if version > SCHEMA_VERSION:
        return [
            Problem(
                name,
                _line_of(node, ("schema_version",)),
                f"schema_version {version} is newer than this mlinterview understands ({SCHEMA_VERSION}); "
                "upgrade mlinterview",
            )
        ]
    if version < SCHEMA_VERSION:
        return [Problem(name, _line_of(node, ("schema_version",)), f"schema_version {version} is no longer read")]
    try:
        return model.model_validate(data)
    except ValidationError as error:
        return [
            Problem(
                name, _line_of(node, tuple(e["loc"])), f"{_path(e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
            )
            for e in error.errors()
        ]


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the deepest node that ``loc`` reaches."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            match = next((value for key, value in node.value if key.value == step), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _compose(path: Path) -> yaml.Node | None:
    return _compose_text(path.read_text(encoding="utf-8"))


# libyaml's C parser when PyYAML has it: about ten times faster over the whole bank.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def _compose_text(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_Loader)


def _path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "file"


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _yaml_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark is not None else 1


def _yaml_reason(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error)
