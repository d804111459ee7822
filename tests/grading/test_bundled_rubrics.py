"""`mlinterview content check-rubrics` passes on the bundled bank (this grades all 264 model answers)."""

from typer.testing import CliRunner

from mlinterview.cli.main import app


def test_the_bundled_bank_passes_check_rubrics() -> None:
    result = CliRunner().invoke(app, ["content", "check-rubrics"])
    assert result.exit_code == 0, result.output[-3000:]
    assert "model answers and their rubrics agree" in result.output
