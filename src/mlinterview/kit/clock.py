"""One place to read the time, so tests can fix it.

In development, the setting ``clock_file`` (``MLI_CLOCK_FILE``) may name a file holding an ISO date and time:
while it exists, that is "now" (the settings refuse it outside development). Browser tests use it to reach
tomorrow's review queue."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

_clock_file: Path | None = None


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return _fixed() or datetime.now(UTC)


def use_clock_file(path: Path | None) -> None:
    global _clock_file
    _clock_file = path


def _fixed() -> datetime | None:
    if _clock_file is None:
        return None
    try:
        text = _clock_file.read_text().strip()
    except OSError:
        return None
    return as_utc(datetime.fromisoformat(text)).astimezone(UTC) if text else None


def as_utc(moment: datetime) -> datetime:
    """Treat a naive datetime (as SQLite returns them) as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
