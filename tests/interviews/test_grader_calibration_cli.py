"""``mlinterview grading calibrate``: refits the grader's score map on an organisation's overrides and stores it;
too few overrides, or an unknown organisation, is one red line and exit status 1.

Like tests/test_cli.py, the CLI runs on its own embedded database in a temporary data folder."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from mlinterview.cli.main import app, main
from mlinterview.config import get_settings
from mlinterview.db import session_scope
from mlinterview.db.session import set_session_factory
from mlinterview.interviews.models import GraderCalibration
from tests.interviews.factories import fill, make_panel

runner = CliRunner()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The CLI on its own embedded database, migrated and holding the question bank the openings' kits use."""
    monkeypatch.setenv("MLI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLI_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("MLI_BROKER_URL", raising=False)
    get_settings.cache_clear()
    set_session_factory(None)
    result = runner.invoke(app, ["content", "sync"])
    assert result.exit_code == 0, result.output
    yield tmp_path
    get_settings.cache_clear()
    set_session_factory(None)


def organisation_with_overrides(scores: list[tuple[float, float]]) -> str:
    """A panel whose submitted scorecards carry these (automatic, override) scores; returns the organisation's slug."""
    with session_scope() as db:
        panel = make_panel(db, "Calibrated Co")
        cards = [
            fill(db, who, person, panel.technical, rating)
            for who, rating in ((panel.first, 3), (panel.second, 2))
            for person in (panel.alice, panel.bob)
        ]
        notes = [note for card in cards for note in card.notes]
        assert len(notes) >= len(scores), "the kits have too few questions for this test"
        for note, (automatic, override) in zip(notes, scores, strict=False):
            note.automatic_score, note.override_score = automatic, override
        return panel.organisation.slug


def too_generous(n: int) -> list[tuple[float, float]]:
    """A grader that scores about 0.2 above the interviewers, with some noise."""
    return [(0.3 + 0.06 * k, 0.1 + 0.06 * k + (0.03 if k % 2 else -0.02)) for k in range(n)]


def run_main(*args: str) -> int:
    """Through the real entry point, which turns an AppError into one red line and exit status 1."""
    argv, sys.argv = sys.argv, ["mlinterview", *args]
    try:
        with pytest.raises(SystemExit) as exit_info:
            main()
    finally:
        sys.argv = argv
    return int(exit_info.value.code or 0)


def test_calibrate_stores_the_map_and_reports_the_error(cli_env: Path) -> None:
    slug = organisation_with_overrides(too_generous(7))
    result = runner.invoke(app, ["grading", "calibrate", "--organisation", slug])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "on 7 overridden scores" in output
    assert "Mean absolute error" in output
    assert "percentage points" in output
    assert "on the answers it was fitted on" in output  # fewer than 10: not cross-validated
    assert "Score map" in output
    with session_scope() as db:
        stored = db.scalars(select(GraderCalibration)).one()
        assert stored.examples == 7
        assert stored.mae_after < stored.mae_before
        assert stored.points


def test_json_output_with_enough_overrides_to_cross_validate(cli_env: Path) -> None:
    slug = organisation_with_overrides(too_generous(12))
    result = runner.invoke(app, ["grading", "calibrate", "--organisation", slug, "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert (record["organisation"], record["examples"], record["cross_validated"]) == (slug, 12, True)
    assert record["mae_before"] == pytest.approx(0.2, abs=0.03)
    assert all(0 <= a <= 1 and 0 <= b <= 1 for a, b in record["points"])


def test_too_few_overrides_says_to_override_more(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slug = organisation_with_overrides(too_generous(3))
    assert run_main("grading", "calibrate", "--organisation", slug) == 1
    error = " ".join(capsys.readouterr().err.split())
    assert "Error: Calibration needs at least 5 overridden automatic scores; this organisation has 3." in error
    assert "Override the automatic score on scorecards where you disagree" in error
    with session_scope() as db:
        assert db.scalars(select(GraderCalibration)).first() is None


def test_an_unknown_organisation_lists_the_known_ones(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    organisation_with_overrides([])
    assert run_main("grading", "calibrate", "--organisation", "nobody") == 1
    error = " ".join(capsys.readouterr().err.split())
    assert "No organisation has the slug 'nobody'. Organisations: calibrated-co." in error
