"""The one typed Settings object. Every field is read from an ``MLI_``-prefixed environment variable.

``docs/settings.md`` is generated from this class (``mlinterview docs settings``) and a test keeps it current.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from mlinterview.errors import ConfigError

ENV_PREFIX = "MLI_"
BUNDLED_CONTENT = Path(__file__).resolve().parents[2] / "content"  # the repository's content/ folder
DEVELOPMENT_SECRET = "development-only-secret-key-change-me"


class Settings(BaseSettings):
    """Configuration of one mlinterview deployment."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    env: Literal["development", "production"] = Field(
        "development",
        description="`development` allows the built-in secret key and plain-HTTP cookies; "
        "`production` refuses to start without a real secret key.",
    )
    data_dir: Path = Field(
        Path("data"),
        description="Folder for the embedded SQLite database and other local files. Created when missing.",
    )
    content_dir: Path = Field(
        BUNDLED_CONTENT,
        description="Folder of the bundled question bank, competencies and role profiles (YAML), synced into the "
        "database by `mlinterview serve` and `mlinterview content sync`.",
    )
    database_url: str = Field(
        "",
        description="SQLAlchemy database URL, e.g. `postgresql+psycopg://user@host/db`. "
        "Empty means a SQLite file `mlinterview.db` in the data folder.",
    )
    secret_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET),
        description="Signs session cookies and CSRF tokens. At least 32 characters; required outside "
        "development (generate one with `python -c 'import secrets; print(secrets.token_urlsafe(48))'`).",
    )
    broker_url: str = Field(
        "",
        description="Celery broker, e.g. `redis://127.0.0.1:6379/0`. Empty runs background jobs in a "
        "thread pool inside the web process (the embedded default); set it and run `mlinterview worker` "
        "on as many machines as needed.",
    )
    job_visibility_timeout: int = Field(
        3600,
        ge=5,
        description="Seconds after which a job taken by a worker that died is delivered again (Redis broker; "
        "running workers check every 10 s, a starting worker at once). Keep it above the longest job.",
    )
    inline_job_threads: int = Field(
        2, ge=1, le=64, description="Threads that run background jobs when no broker is set."
    )
    session_max_age: int = Field(
        8 * 3600,
        ge=60,
        description="Seconds a sign-in lasts; after that the session expires and the user signs in again.",
    )
    cookie_secure: bool = Field(
        False,
        description="Send the session cookie over HTTPS only. Turn on whenever the app is served over HTTPS.",
    )
    login_rate_limit: str = Field(
        "5/minute",
        description="Failed sign-ins allowed per email address and client address, in the `limits` "
        "notation (`5/minute`, `20/hour`). Further attempts get HTTP 429 until the window passes. One client "
        "address may also fail, or sign up at `/signup`, four times this often.",
    )
    rate_limit_storage_url: str = Field(
        "memory://",
        description="Where login attempts are counted: `memory://` for one process, "
        "`redis://host:6379/1` when several web processes share the load.",
    )
    demo_data: bool = Field(
        True,
        description="In development mode, on first start with an empty database, create a demo organisation "
        "with one user of each role and print their one-time passwords to the console.",
    )
    signup: bool = Field(
        True,
        description="Let anyone create a candidate account at `/signup` to practise (in a shared organisation of "
        "independent candidates); turn it off on a server that only runs an employer's interviews.",
    )
    clock_file: Path | None = Field(
        None,
        description="Development only: a file holding an ISO date and time (e.g. `2026-11-23T09:00:00+00:00`) "
        "that the app uses as the current time while the file exists, to try out deadlines and review queues. "
        "Refused outside development.",
    )
    llm_url: str = Field(
        "",
        description="Base URL of an OpenAI-compatible server (llama.cpp, vLLM...) for the optional LLM grader, "
        "e.g. `http://127.0.0.1:8080`. Empty turns that grader off.",
    )
    llm_model: str = Field("", description="Model name to ask the LLM grader's server for.")
    llm_api_key: SecretStr = Field(SecretStr(""), description="Bearer key for the LLM server, if it wants one.")
    sandbox_runner: Literal["bubblewrap", "local", "fake"] = Field(
        "bubblewrap",
        description="How submitted code runs: `bubblewrap` isolates it (required in production); `local` only "
        "limits its resources, for one person practising their own code on a machine without bubblewrap; "
        "`fake` runs nothing, for tests.",
    )
    sandbox_runtime: Path = Field(
        Path("data/sandbox-runtime"),
        description="The sandbox's own Python environment (Debian's Python 3.11 with numpy), readable by every "
        "user; `make sandbox-runtime` builds it.",
    )
    sandbox_warm: int = Field(
        2,
        ge=0,
        le=8,
        description="Sandboxes each process keeps started and ready, so a submission does not wait for one to "
        "start (each holds one of the 16 sandbox uids and about 30 MB); 0 starts one per submission.",
    )
    host: str = Field("127.0.0.1", description="Address `mlinterview serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `mlinterview serve` listens on.")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "info", description="Logging level of the web app and worker."
    )

    @field_validator("login_rate_limit")
    @classmethod
    def _rate_limit_parses(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a rate such as '5/minute' or '20/hour'") from exc
        return value

    @model_validator(mode="after")
    def _secret_is_safe(self) -> Settings:
        secret = self.secret_key.get_secret_value()
        if self.env != "development" and secret == DEVELOPMENT_SECRET:
            raise ValueError(
                "secret_key: the built-in development key is refused outside development; set MLI_SECRET_KEY"
            )
        if len(secret) < 32:
            raise ValueError("secret_key: use at least 32 characters")
        if self.clock_file is not None and self.env != "development":
            raise ValueError("clock_file: a fixed clock is for development only; unset MLI_CLOCK_FILE")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'mlinterview.db').resolve()}"

    @property
    def is_embedded_database(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, turning validation errors into one message per bad setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or _field_in_message(error["msg"])
            problems.append(f"{ENV_PREFIX}{field.upper()}: {_clean(error['msg'])}")
        raise ConfigError("Invalid settings:\n  " + "\n  ".join(problems)) from None


def _field_in_message(message: str) -> str:
    # model-level validators name their field as the message's first word ("secret_key: ...")
    return message.removeprefix("Value error, ").split(":", 1)[0]


def _clean(message: str) -> str:
    message = message.removeprefix("Value error, ")
    return message.split(": ", 1)[1] if message.split(":", 1)[0].isidentifier() else message


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()


_TYPE_NAMES = {
    "str": "text",
    "SecretStr": "text (secret)",
    "Path": "folder path",
    "int": "integer",
    "bool": "`true` or `false`",
}


def settings_reference() -> str:
    """``docs/settings.md``: every setting, its variable, type, default and meaning, from the class itself."""
    lines = [
        "# Settings reference",
        "",
        "<!-- Generated by `mlinterview docs settings > docs/settings.md`; a test keeps it current. -->",
        "",
        "mlinterview reads its settings from environment variables (or a `.env` file in the working folder).",
        "A bad value stops start-up with a message naming the variable.",
        "",
        "| Variable | Type | Default | Meaning |",
        "| --- | --- | --- | --- |",
    ]
    for name, field in Settings.model_fields.items():
        default = field.default.get_secret_value() if isinstance(field.default, SecretStr) else field.default
        shown = "(development key)" if default == DEVELOPMENT_SECRET else f"`{default}`" if default != "" else "(empty)"
        if default == BUNDLED_CONTENT:
            shown = "the `content/` folder of the source tree"
        kind = _TYPE_NAMES.get(getattr(field.annotation, "__name__", ""), "")
        if str(field.annotation).startswith("typing.Literal"):
            kind = " or ".join(f"`{v}`" for v in field.annotation.__args__)  # type: ignore[union-attr]
        lines.append(f"| `{ENV_PREFIX}{name.upper()}` | {kind} | {shown} | {field.description} |")
    return "\n".join(lines) + "\n"
