"""``mlinterview takehome list | export-data | score``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlinterview.cli.main import app as cli
from mlinterview.takehome import catalogue

SLUG = "card-fraud"


def test_export_then_score_a_file_as_json(tmp_path: Path) -> None:
    listed = CliRunner().invoke(cli, ["takehome", "list"])
    assert listed.exit_code == 0
    assert SLUG in listed.output
    exported = CliRunner().invoke(cli, ["takehome", "export-data", SLUG, str(tmp_path / "mine")])
    assert exported.exit_code == 0, exported.output
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["BRIEF.md", "test.csv", "train.csv"]
    header, *rows = (tmp_path / "mine" / "test.csv").read_text().splitlines()
    spec = catalogue.get(SLUG).spec
    assert spec.target_column not in header.split(",")
    ids = [row.split(",")[header.split(",").index(spec.id_column)] for row in rows]
    submission = tmp_path / "constant.csv"
    submission.write_text(f"{spec.id_column},{spec.prediction_column}\n" + "".join(f"{i},0.5\n" for i in ids))
    result = CliRunner().invoke(
        cli, ["takehome", "score", "--project", SLUG, "--predictions", str(submission), "--json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert set(record) == {"valid", "errors", "metric", "public_score", "private_score", "rows", "seconds"}
    assert record["valid"] is True
    assert record["rows"] == len(ids)
    assert 0 < record["public_score"] < 0.1  # a constant score ranks nothing: average precision is the base rate


def test_an_invalid_file_exits_1_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,fraud\n1,0.2\n")
    result = CliRunner().invoke(cli, ["takehome", "score", "--project", SLUG, "--predictions", str(bad), "--json"])
    assert result.exit_code == 1
    record = json.loads(result.output)
    assert record["valid"] is False
    assert "header" in record["errors"][0]
