"""Feedback a person can act on: what was good, what is missing, what to read next."""

from __future__ import annotations

from mlinterview.grading.results import FlagHit, PointResult, PointStatus


def write_feedback(points: list[PointResult], flags: list[FlagHit], notes: list[str], reading: tuple[str, ...]) -> str:
    by_weight = sorted(points, key=lambda p: -p.weight)
    good = [p for p in by_weight if p.status is PointStatus.COVERED]
    partial = [p for p in by_weight if p.status is PointStatus.PARTIAL]
    missing = [p for p in by_weight if p.status is PointStatus.MISSED]
    wrong = [p for p in by_weight if p.status is PointStatus.CONTRADICTED]
    lines = []
    if good:
        lines.append("Good: " + "; ".join(_short(p.statement) for p in good[:3]) + ".")
    if wrong:
        lines.append(
            "Check this, your answer says the opposite: " + "; ".join(_short(p.statement) for p in wrong[:2]) + "."
        )
    if partial:
        lines.append("Say more about: " + "; ".join(_short(p.statement) for p in partial[:2]) + ".")
    if missing:
        lines.append("Missing: " + "; ".join(_short(p.statement) for p in missing[:3]) + ".")
    for flag in flags[:2]:
        lines.append(f"Careful: {_short(flag.flag)} (“{_short(flag.sentence, 90)}”).")
    lines.extend(notes)
    if (missing or wrong or partial) and reading:
        lines.append("Think next about: " + _sentence("; ".join(reading[:2])))
    if not lines:
        lines.append("Nothing in the answer matched the key points; start from the model answer.")
    return " ".join(lines)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _short(text: str, limit: int = 140) -> str:
    text = text.strip().rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
