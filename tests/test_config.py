from pathlib import Path

import pytest

from mlinterview.config import DEVELOPMENT_SECRET, Settings, load_settings, settings_reference
from mlinterview.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("MLI_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env file


def test_defaults_are_the_embedded_setup(tmp_path: Path) -> None:
    settings = load_settings()
    assert settings.env == "development"
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'mlinterview.db'}"
    assert settings.is_embedded_database
    assert settings.broker_url == ""


def test_settings_come_from_mli_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLI_PORT", "9001")
    monkeypatch.setenv("MLI_DATABASE_URL", "postgresql+psycopg://u@h/db")
    settings = load_settings()
    assert settings.port == 9001
    assert not settings.is_embedded_database


def test_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLI_PORT", "eighty")
    with pytest.raises(ConfigError, match="MLI_PORT"):
        load_settings()


def test_bad_rate_names_the_variable_and_the_format() -> None:
    with pytest.raises(ConfigError, match=r"MLI_LOGIN_RATE_LIMIT: 'lots' is not a rate such as '5/minute'"):
        load_settings(login_rate_limit="lots")


def test_production_refuses_the_development_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLI_ENV", "production")
    with pytest.raises(ConfigError, match="MLI_SECRET_KEY"):
        load_settings()
    monkeypatch.setenv("MLI_SECRET_KEY", "s" * 40)
    assert load_settings().env == "production"


def test_short_secret_is_refused_everywhere() -> None:
    with pytest.raises(ConfigError, match="MLI_SECRET_KEY: use at least 32 characters"):
        load_settings(secret_key="short")


def test_development_secret_is_allowed_in_development() -> None:
    assert load_settings().secret_key.get_secret_value() == DEVELOPMENT_SECRET


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert len(field.description or "") > 20, f"{name} needs a description"


def test_settings_reference_is_current() -> None:
    committed = (ROOT / "docs" / "settings.md").read_text()
    assert committed == settings_reference(), "run: mlinterview docs settings > docs/settings.md"
