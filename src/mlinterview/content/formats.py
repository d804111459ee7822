"""Questions as Markdown, JSON and CSV, both ways: what export writes, import reads back.

Markdown is the format people write by hand::

    # topic/slug
    The prompt, one or more paragraphs.

    - type: applied
    - difficulty: 3
    - roles: data_scientist, ml_engineer
    - seniority: junior, mid
    - competencies: evaluation

    ## Why interviewers ask it
    ## How to approach it
    ## Model answer
    ## Rubric
    - (3) The point. | a phrasing | another phrasing
    ## Red flags
    - The misconception. | how a candidate says it
    ## Follow-ups
    - A follow-up question?
    ## Strong versus adequate
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from mlinterview.content.loader import Problem
from mlinterview.content.schema import SCHEMA_VERSION, Question

SECTIONS = {
    "why interviewers ask it": "why_asked",
    "how to approach it": "approach",
    "model answer": "model_answer",
    "rubric": "rubric",
    "red flags": "red_flags",
    "follow-ups": "follow_ups",
    "strong versus adequate": "strong_vs_adequate",
}
LIST_FIELDS = ("roles", "seniority", "competencies", "tags")
CSV_COLUMNS = (
    "slug", "prompt", "type", "difficulty", "roles", "seniority", "competencies", "why_asked", "approach",
    "model_answer", "rubric", "red_flags", "follow_ups", "strong_vs_adequate", "tags",
)  # fmt: skip


# ----- writing ---------------------------------------------------------------------------------------------


def to_markdown(questions: Sequence[Question], *, answers: bool = True) -> str:
    return "\n\n".join(_question_markdown(q, answers) for q in questions) + "\n"


def _question_markdown(q: Question, answers: bool) -> str:
    lines = [f"# {q.slug}", "", q.prompt, ""]
    lines += [f"- type: {q.type.value}", f"- difficulty: {q.difficulty}"]
    lines += [f"- {name}: {', '.join(str(v) for v in getattr(q, name))}" for name in LIST_FIELDS if getattr(q, name)]
    if not answers:
        return "\n".join(lines)
    lines += ["", "## Why interviewers ask it", q.why_asked, "", "## How to approach it", q.approach, ""]
    lines += ["## Model answer", q.model_answer, "", "## Rubric"]
    for point in q.rubric:
        star = f" [{point.star.value}]" if point.star else ""
        lines.append(f"- ({point.weight}){star} {point.point} | " + " | ".join(point.phrasings))
    lines += ["", "## Red flags"] + [f"- {flag.flag} | {flag.phrasing}" for flag in q.red_flags]
    lines += ["", "## Follow-ups"] + [f"- {follow_up}" for follow_up in q.follow_ups]
    lines += ["", "## Strong versus adequate", q.strong_vs_adequate]
    return "\n".join(lines)


def to_json(questions: Sequence[Question], *, answers: bool = True) -> str:
    items = [q.model_dump(mode="json") for q in questions]
    if not answers:
        keep = {"slug", "prompt", "type", "difficulty", *LIST_FIELDS}
        items = [{k: v for k, v in item.items() if k in keep} for item in items]
    return json.dumps({"schema_version": SCHEMA_VERSION, "questions": items}, indent=2, ensure_ascii=False) + "\n"


def to_csv(questions: Sequence[Question], *, answers: bool = True) -> str:
    columns = CSV_COLUMNS if answers else CSV_COLUMNS[:7]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for q in questions:
        row: dict[str, Any] = q.model_dump(mode="json")
        for name in LIST_FIELDS:
            row[name] = "; ".join(row[name])
        row["rubric"] = "\n".join(
            f"({p.weight}){f' [{p.star.value}]' if p.star else ''} {p.point} | " + " | ".join(p.phrasings)
            for p in q.rubric
        )
        row["red_flags"] = "\n".join(f"{f.flag} | {f.phrasing}" for f in q.red_flags)
        row["follow_ups"] = "\n".join(q.follow_ups)
        writer.writerow(row)
    return out.getvalue()


# ----- reading ---------------------------------------------------------------------------------------------


def from_markdown(text: str, source: str) -> tuple[list[Question], list[Problem]]:
    blocks = [(m.start(), m.group(1)) for m in re.finditer(r"^# (\S+)\s*$", text, flags=re.M)]
    if not blocks:
        return [], [Problem(source, 1, "no question found: each starts with a line '# topic/slug'")]
    questions, problems = [], []
    for index, (start, slug) in enumerate(blocks):
        end = blocks[index + 1][0] if index + 1 < len(blocks) else len(text)
        line = text.count("\n", 0, start) + 1
        try:
            data = _markdown_fields(slug, text[start:end].split("\n", 1)[1] if "\n" in text[start:end] else "")
            questions.append(Question.model_validate(data))
        except (ValidationError, ValueError) as error:
            problems.extend(_problems(error, source, line, slug))
    return questions, problems


def _markdown_fields(slug: str, body: str) -> dict[str, Any]:
    parts = re.split(r"^## +(.+?)\s*$", body, flags=re.M)
    head, sections = parts[0], dict(zip(parts[1::2], parts[2::2], strict=True))
    data: dict[str, Any] = {"slug": slug}
    prompt_lines = []
    for raw in head.strip().splitlines():
        meta = re.match(r"^- (type|difficulty|roles|seniority|competencies|tags):\s*(.*)$", raw.strip())
        if meta:
            name, value = meta.groups()
            data[name] = _split(value) if name in LIST_FIELDS else value.strip()
        else:
            prompt_lines.append(raw)
    data["prompt"] = "\n".join(prompt_lines).strip()
    for title, content in sections.items():
        field = SECTIONS.get(title.strip().lower())
        if field is None:
            raise ValueError(
                f"unknown section '## {title}'; sections are: {', '.join(s.capitalize() for s in SECTIONS)}"
            )
        data[field] = _section(field, content)
    return data


def _section(field: str, content: str) -> Any:
    items = [line.strip()[2:].strip() for line in content.strip().splitlines() if line.strip().startswith("- ")]
    if field == "rubric":
        return [_rubric_point(item) for item in items]
    if field == "red_flags":
        return [dict(zip(("flag", "phrasing"), _pipe(item, 2), strict=True)) for item in items]
    if field == "follow_ups":
        return items
    return " ".join(content.split())


def _rubric_point(item: str) -> dict[str, Any]:
    match = re.match(r"^\((\d)\)\s*(?:\[(\w+)\]\s*)?(.*)$", item)
    if not match:
        raise ValueError(
            f"a rubric line starts with its weight in brackets, e.g. '- (3) The point. | phrasing': {item!r}"
        )
    weight, star, rest = match.groups()
    point, *phrasings = [part.strip() for part in rest.split("|")]
    return {"weight": int(weight), "star": star, "point": point, "phrasings": phrasings}


def _pipe(item: str, parts: int) -> list[str]:
    pieces = [piece.strip() for piece in item.split("|")]
    if len(pieces) != parts:
        raise ValueError(f"expected {parts} parts separated by '|': {item!r}")
    return pieces


def from_csv(text: str, source: str) -> tuple[list[Question], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS[:-1] if c not in (reader.fieldnames or [])]  # tags are optional
    if missing:
        return [], [
            Problem(
                source, 1, f"missing columns: {', '.join(missing)} (the header needs all of {', '.join(CSV_COLUMNS)})"
            )
        ]
    questions, problems = [], []
    for row in reader:
        line = reader.line_num
        try:
            data: dict[str, Any] = {k: v for k, v in row.items() if k in CSV_COLUMNS}
            for name in LIST_FIELDS:
                data[name] = _split(data.get(name) or "")
            data["rubric"] = [_rubric_point(x) for x in data["rubric"].splitlines() if x.strip()]
            data["red_flags"] = [
                dict(zip(("flag", "phrasing"), _pipe(x, 2), strict=True))
                for x in data["red_flags"].splitlines()
                if x.strip()
            ]
            data["follow_ups"] = [x.strip() for x in data["follow_ups"].splitlines() if x.strip()]
            questions.append(Question.model_validate(data))
        except (ValidationError, ValueError) as error:
            problems.extend(_problems(error, source, line, row.get("slug") or "?"))
    return questions, problems


def _split(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[;,]", value) if item.strip()]


def _problems(error: Exception, source: str, line: int, slug: str) -> list[Problem]:
    if isinstance(error, ValidationError):
        return [
            Problem(
                source, line, f"{slug}: {'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
            )
            for e in error.errors()
        ]
    return [Problem(source, line, f"{slug}: {error}")]
