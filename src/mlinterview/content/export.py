"""One entry point for every export format, shared by the web, the API and the CLI."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from mlinterview.content import formats
from mlinterview.content.pdf import questions_pdf
from mlinterview.content.schema import Question


class ExportFormat(enum.StrEnum):
    MARKDOWN = "md"
    JSON = "json"
    CSV = "csv"
    PDF = "pdf"


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    media_type: str
    filename: str


MEDIA_TYPES = {
    ExportFormat.MARKDOWN: "text/markdown; charset=utf-8",
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.PDF: "application/pdf",
}


def export(questions: Sequence[Question], fmt: ExportFormat, *, answers: bool, title: str) -> ExportFile:
    if fmt is ExportFormat.PDF:
        data = questions_pdf(questions, answers=answers, title=title)
    else:
        writer = {ExportFormat.MARKDOWN: formats.to_markdown, ExportFormat.JSON: formats.to_json,
                  ExportFormat.CSV: formats.to_csv}[fmt]  # fmt: skip
        data = writer(questions, answers=answers).encode()
    stem = "mlinterview-study-guide" if answers else "mlinterview-questions"
    return ExportFile(data, MEDIA_TYPES[fmt], f"{stem}.{fmt.value}")
