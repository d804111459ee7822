"""A first draft of a job description, in Markdown, from a role profile. Pure: text in, text out.

The draft is meant to be read as is and then edited, so it has no placeholders to fill in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SHORT_LINE = 110  # characters: a description's opening clause fits, and the bullet stays one line

_LEVEL_NOTES = {
    "junior": "This is an early-career position: sound fundamentals and eagerness to learn matter more to us "
    "than years of experience.",
    "mid": "This position suits someone who already delivers on their own and wants to own a problem area "
    "from the first question to the result in production.",
    "senior": "This is a senior position: besides your own delivery, you will shape technical direction and "
    "help the people around you grow.",
}

_HOW_WE_INTERVIEW = (
    "Our process is structured. Every candidate for this role goes through the same stages, is asked the "
    "same core questions and is assessed against the same written rubric, so that decisions rest on "
    "evidence rather than impressions. One stage is a practical exercise close to the day-to-day work, "
    "which we then discuss together. Everyone who reaches the final stage receives written feedback, "
    "whatever the outcome."
)

_CLOSING = "_This is a draft generated from the role profile: review and adapt it before you publish it._"


def draft(
    *,
    title: str,
    summary: str,
    responsibilities: Sequence[str],
    competencies: Sequence[tuple[str, str, float, bool]],
    level: str,
) -> str:
    """``competencies`` are ``(name, description, weight, essential)``; each group is listed by weight."""
    ranked = sorted(competencies, key=lambda item: -item[2])  # stable: equal weights keep their order
    parts = [
        f"# {title.strip()}",
        "## About the role",
        _about(summary, level),
        "## What you will do",
        _bullets(responsibilities),
        "## What we look for",
        *_group("Must have", [item for item in ranked if item[3]]),
        *_group("Nice to have", [item for item in ranked if not item[3]]),
        "## How we interview",
        _HOW_WE_INTERVIEW,
        _CLOSING,
    ]
    return "\n\n".join(parts) + "\n"


def _about(summary: str, level: str) -> str:
    note = _LEVEL_NOTES.get(level)
    text = _one_line(summary)
    return f"{text} {note}" if note else text


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {_one_line(line)}" for line in lines)


def _group(heading: str, items: Sequence[tuple[str, str, float, bool]]) -> list[str]:
    if not items:
        return []
    lines = [f"- **{_one_line(name)}**: {_short(description)}" for name, description, _, _ in items]
    return [f"### {heading}", "\n".join(lines)]


def _short(description: str) -> str:
    """The description's opening clause: its first sentence, up to a colon, cut at a comma when still long."""
    first = re.split(r"(?<=[.!?])\s", _one_line(description), maxsplit=1)[0].rstrip(".")
    first = first.split(": ", 1)[0]
    if len(first) > _SHORT_LINE:
        head = first[:_SHORT_LINE]
        cut = max(head.rfind(", "), head.rfind("; "))
        first = head[:cut] if cut > _SHORT_LINE // 4 else head.rsplit(" ", 1)[0] + "…"
    return first[:1].lower() + first[1:] if first[1:2].islower() else first


def _one_line(text: str) -> str:
    return " ".join(text.split())
