"""`content validate` names the file and line of every problem."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlinterview.cli.main import app
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import load_bank

EXAMPLE = (Path(__file__).resolve().parents[2] / "docs" / "content" / "authoring.md").read_text()
QUESTION = EXAMPLE.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "questions").mkdir(parents=True)
    for name in ("topics.yaml", "competencies.yaml", "roles.yaml"):
        shutil.copy(BUNDLED_CONTENT / name, root / name)
    (root / "questions" / "bias-variance.yaml").write_text(QUESTION)
    return root


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_bank(root).problems]


def test_the_documented_example_is_valid(content: Path) -> None:
    assert problems(content) == []


def test_unknown_competency_is_reported_with_its_line_and_a_suggestion(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    path.write_text(path.read_text().replace("[ml_fundamentals, evaluation]", "[ml_fundamentals, evalution]"))
    [problem] = problems(content)
    assert problem.startswith("content/questions/bias-variance.yaml:4:")
    assert "unknown competency 'evalution'; did you mean 'evaluation'?" in problem


def test_duplicate_slug_names_both_places(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    body = path.read_text()
    path.write_text(body + body.split("questions:\n", 1)[1])
    found = problems(content)
    assert any("duplicate slug bias-variance/diagnose-from-learning-curves (first at" in p for p in found)


def test_missing_field_and_bad_weight_point_at_their_lines(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    text = path.read_text().replace("        weight: 2\n", "        weight: 7\n", 1)
    text = text.replace("    why_asked: >-", "    why_not: >-")
    path.write_text(text)
    found = problems(content)
    weight_line = text.splitlines().index("        weight: 7") + 1
    assert any(p.startswith(f"content/questions/bias-variance.yaml:{weight_line}:") and "weight" in p for p in found)
    assert any("why_asked: Field required" in p for p in found)


def test_rubric_without_an_essential_point_is_refused(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    path.write_text(path.read_text().replace("weight: 3", "weight: 2"))
    assert any("at least one essential point" in p for p in problems(content))


def test_too_new_schema_version_says_to_upgrade(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    path.write_text(path.read_text().replace("schema_version: 1", "schema_version: 9"))
    [problem] = problems(content)
    assert problem == (
        "content/questions/bias-variance.yaml:1: schema_version 9 is newer than this mlinterview understands (1); "
        "upgrade mlinterview"
    )


def test_broken_yaml_is_reported_not_raised(content: Path) -> None:
    (content / "questions" / "bias-variance.yaml").write_text("schema_version: 1\ntopic: [unclosed\n")
    [problem] = problems(content)
    assert "not valid YAML" in problem


def test_cli_exits_non_zero_and_prints_each_problem(content: Path) -> None:
    path = content / "questions" / "bias-variance.yaml"
    path.write_text(path.read_text().replace("difficulty: 3", "difficulty: 9"))
    result = CliRunner().invoke(app, ["content", "validate", "--path", str(content)])
    assert result.exit_code == 1
    assert "bias-variance.yaml:" in result.output
    assert "difficulty" in result.output


def test_cli_stats_json_has_the_documented_keys() -> None:
    import json

    result = CliRunner().invoke(app, ["content", "stats", "--json"])
    figures = json.loads(result.output)
    keys = {"questions", "by_topic", "by_difficulty", "by_role", "by_type", "competencies", "role_profiles"}
    assert keys <= set(figures)
