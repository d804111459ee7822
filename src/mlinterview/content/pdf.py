"""Printable question sets (ReportLab): a study guide with answers, or a question sheet without them."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from mlinterview.content.schema import Question

BRAND = colors.HexColor("#4f46e5")
MUTED = colors.HexColor("#6b7280")
_styles = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("title", parent=_styles["Title"], textColor=BRAND, alignment=0, fontSize=22),
    "meta": ParagraphStyle("meta", parent=_styles["Normal"], textColor=MUTED, fontSize=8.5, leading=11),
    "prompt": ParagraphStyle("prompt", parent=_styles["Heading3"], fontSize=11.5, leading=15, spaceAfter=4),
    "label": ParagraphStyle("label", parent=_styles["Normal"], textColor=BRAND, fontName="Helvetica-Bold", fontSize=9,
                            spaceBefore=6, spaceAfter=2),
    "body": ParagraphStyle("body", parent=_styles["Normal"], fontSize=9.5, leading=13),
    "lines": ParagraphStyle("lines", parent=_styles["Normal"], textColor=colors.HexColor("#d1d5db"), fontSize=9.5,
                            leading=18),
}  # fmt: skip


def questions_pdf(questions: Sequence[Question], *, answers: bool, title: str) -> bytes:
    buffer = io.BytesIO()
    kind = "Study guide with model answers and rubrics" if answers else "Question sheet"
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="mlinterview", leftMargin=18 * mm, rightMargin=18 * mm,
        topMargin=16 * mm, bottomMargin=16 * mm,
    )  # fmt: skip
    story: list[Flowable] = [
        Paragraph(escape(title), STYLES["title"]),
        Paragraph(f"{kind} · {len(questions)} questions · {date.today():%d %B %Y}", STYLES["meta"]),
        Spacer(1, 8 * mm),
    ]
    for number, question in enumerate(questions, start=1):
        story.extend(_question(number, question, answers))
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _question(number: int, q: Question, answers: bool) -> list[Flowable]:
    meta = f"{q.slug} · {q.type.value.replace('_', ' ')} · difficulty {q.difficulty}/5 · {', '.join(q.roles)}"
    head = [Paragraph(f"{number}. {escape(q.prompt)}", STYLES["prompt"]), Paragraph(escape(meta), STYLES["meta"])]
    if not answers:
        return [KeepTogether([*head, Paragraph("_" * 95 + "<br/>" + "_" * 95, STYLES["lines"])]), Spacer(1, 5 * mm)]
    parts: list[Flowable] = [KeepTogether(head)]
    parts += _section("Why interviewers ask it", q.why_asked) + _section("How to approach it", q.approach)
    parts += _section("Model answer", q.model_answer)
    parts.append(Paragraph("Rubric", STYLES["label"]))
    parts.append(_rubric_table(q))
    parts += _section("Red flags", "<br/>".join(f"• {escape(f.flag)}" for f in q.red_flags), escaped=True)
    parts += _section("Follow-ups", "<br/>".join(f"• {escape(f)}" for f in q.follow_ups), escaped=True)
    parts += _section("Strong versus adequate", q.strong_vs_adequate)
    parts.append(Spacer(1, 7 * mm))
    return parts


def _section(label: str, text: str, *, escaped: bool = False) -> list[Flowable]:
    return [Paragraph(label, STYLES["label"]), Paragraph(text if escaped else escape(text), STYLES["body"])]


def _rubric_table(q: Question) -> Table:
    rows = [[Paragraph("<b>Weight</b>", STYLES["body"]), Paragraph("<b>Key point</b>", STYLES["body"])]]
    for point in q.rubric:
        star = f"<font color='#6b7280'>[{point.star.value}]</font> " if point.star else ""
        rows.append(
            [Paragraph("●" * point.weight, STYLES["body"]), Paragraph(star + escape(point.point), STYLES["body"])]
        )
    table = Table(rows, colWidths=[18 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2ff")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#e5e7eb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TEXTCOLOR", (0, 1), (0, -1), BRAND),
            ]
        )
    )
    return table


def _footer(canvas: object, document: object) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
    canvas.drawString(18 * mm, 9 * mm, "mlinterview question bank")  # type: ignore[attr-defined]
    canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"page {document.page}")  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]
