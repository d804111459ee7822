"""Printable interview documents (ReportLab): an interviewer's kit for one stage, and a candidate's feedback
report. Both share the look of the question bank's PDFs (``mlinterview.content.pdf``).

Every piece of text that reaches a ``Paragraph`` is escaped first: ReportLab reads paragraph text as
markup, so a stray ``<`` or ``&`` from a user would otherwise break the whole document.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, Preformatted, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from mlinterview.content.pdf import BRAND, MUTED, STYLES
from mlinterview.content.schema import Question

Levels = Sequence[tuple[int, str, str]]  # (level, label, what the interviewer sees)

_MARGIN = 18 * mm
_WIDTH = A4[0] - 2 * _MARGIN
_MUTED_HEX = "#" + MUTED.hexval()[2:]
_BRAND_HEX = "#" + BRAND.hexval()[2:]
_RULE = colors.HexColor("#d1d5db")
_HEADER_FILL = colors.HexColor("#eef2ff")
_WEIGHT_LABELS = {3: "essential", 2: "expected", 1: "nice to have"}
_STYLES = {
    "small": ParagraphStyle("small", parent=STYLES["body"], fontSize=7, leading=8.5),
    "h1": ParagraphStyle("md-h1", parent=STYLES["body"], fontName="Helvetica-Bold", fontSize=15, leading=19,
                         textColor=BRAND, spaceBefore=8, spaceAfter=4),
    "h2": ParagraphStyle("md-h2", parent=STYLES["body"], fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                         textColor=BRAND, spaceBefore=7, spaceAfter=3),
    "h3": ParagraphStyle("md-h3", parent=STYLES["body"], fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                         spaceBefore=5, spaceAfter=2),
    "body": ParagraphStyle("md-body", parent=STYLES["body"], spaceAfter=5),
    "quote": ParagraphStyle("md-quote", parent=STYLES["body"], leftIndent=10, textColor=MUTED,
                            fontName="Helvetica-Oblique", spaceAfter=5),
    "code": ParagraphStyle("md-code", parent=STYLES["body"], fontName="Courier", fontSize=8, leading=10,
                           leftIndent=6, spaceAfter=5),
}  # fmt: skip


def kit_pdf(
    *,
    opening: str,
    stage: str,
    duration_minutes: int,
    instructions: str,
    focus: Sequence[tuple[str, Levels]],
    questions: Sequence[tuple[Question, str]],
    version: int,
) -> bytes:
    """The interviewer's printable kit; ``questions`` pair each question with the competency it covers."""
    meta = f"{stage} · {duration_minutes} minutes · kit version {version} · {date.today():%d %B %Y}"
    story: list[Flowable] = [Paragraph(escape(opening), STYLES["title"]), Paragraph(escape(meta), STYLES["meta"])]
    if instructions.strip():
        story += [Paragraph("Stage instructions", STYLES["label"]), *markdown_flowables(instructions)]
    if focus:
        story += [Paragraph("Focus competencies", STYLES["label"]), _focus_table(focus)]
    story.append(Spacer(1, 7 * mm))
    for number, (question, competency) in enumerate(questions, start=1):
        story += _kit_question(number, question, competency)
    if not questions:
        story.append(Paragraph("This stage has no standard questions.", STYLES["body"]))
    footer = "mlinterview interviewer kit · not for candidates"
    return _build(story, title=f"{opening} · {stage}", footer=footer)


def feedback_pdf(*, candidate: str, opening: str, body_markdown: str, released: date) -> bytes:
    """The feedback report a candidate receives; the body is the report's Markdown."""
    meta = f"For {candidate} · {opening} · released {released:%d %B %Y}"
    story: list[Flowable] = [
        Paragraph("Interview feedback", STYLES["title"]),
        Paragraph(escape(meta), STYLES["meta"]),
        Spacer(1, 6 * mm),
        *markdown_flowables(body_markdown),
    ]
    return _build(story, title=f"Interview feedback · {opening}", footer="mlinterview · interview feedback")


def markdown_flowables(text: str) -> list[Flowable]:
    """Simple Markdown (headings, paragraphs, lists, quotes, code, bold, italics, links) as flowables.

    Raw HTML is not interpreted: it comes out as the text it is.
    """
    story = _MarkdownStory()
    for token in MarkdownIt("commonmark", {"html": False}).parse(text):
        story.feed(token)
    return story.flowables


# ------------------------------------------------------------------------------------------ the kit


def _focus_table(focus: Sequence[tuple[str, Levels]]) -> Table:
    columns = max(1, *(len(levels) for _, levels in focus))
    small = _STYLES["small"]
    rows: list[list[Any]] = [[Paragraph("<b>Competency</b>", small), Paragraph("<b>Anchored levels</b>", small)]]
    rows[0] += [""] * (columns - 1)
    for name, levels in focus:
        cells = [Paragraph(f"<b>{n} · {escape(label)}</b><br/>{escape(text)}", small) for n, label, text in levels]
        rows.append([Paragraph(f"<b>{escape(name)}</b>", small), *cells, *[""] * (columns - len(cells))])
    name_width = 30 * mm
    table = Table(rows, colWidths=[name_width] + [(_WIDTH - name_width) / columns] * columns, repeatRows=1)
    table.setStyle(_grid_style(("SPAN", (1, 0), (-1, 0))))
    return table


def _kit_question(number: int, q: Question, competency: str) -> list[Flowable]:
    meta = f"covers {competency} · {q.type.value.replace('_', ' ')} · difficulty {q.difficulty}/5 · {q.slug}"
    flags = (f"{escape(f.flag)} <font color='{_MUTED_HEX}'>(“{escape(f.phrasing)}”)</font>" for f in q.red_flags)
    parts: list[Flowable] = [
        Paragraph(f"{number}. {escape(q.prompt)}", STYLES["prompt"]),
        Paragraph(escape(meta), STYLES["meta"]),
        Paragraph("Why we ask it", STYLES["label"]),
        Paragraph(escape(q.why_asked), STYLES["body"]),
        Paragraph("What to look for", STYLES["label"]),
        _look_for_table(q),
        Paragraph("Red flags", STYLES["label"]),
        Paragraph(_bullet_lines(flags), STYLES["body"]),
        Paragraph("Follow-ups", STYLES["label"]),
        Paragraph(_bullet_lines(escape(f) for f in q.follow_ups), STYLES["body"]),
        Paragraph("Notes", STYLES["label"]),
        _ruled_lines(5),
        Spacer(1, 3 * mm),
        _rating_boxes(competency),
    ]
    return [KeepTogether(parts), Spacer(1, 8 * mm)]


def _look_for_table(q: Question) -> Table:
    rows = []
    for point in q.rubric:
        star = f"<font color='{_MUTED_HEX}'>[{point.star.value}]</font> " if point.star else ""
        weight = Paragraph(f"<font color='{_BRAND_HEX}'>{_WEIGHT_LABELS[point.weight]}</font>", STYLES["body"])
        rows.append([weight, Paragraph(star + escape(point.point), STYLES["body"])])
    table = Table(rows, colWidths=[24 * mm, _WIDTH - 24 * mm])
    table.setStyle(_grid_style(header=False))
    return table


def _ruled_lines(count: int) -> Table:
    table = Table([[""]] * count, colWidths=[_WIDTH], rowHeights=[7 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE)]))
    return table


def _rating_boxes(competency: str) -> Table:
    label = Paragraph(f"Rating for {escape(competency)} (circle one)", STYLES["body"])
    table = Table([[label, "1", "2", "3", "4"]], colWidths=[70 * mm] + [10 * mm] * 4, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (1, 0), (-1, 0), 0.6, MUTED),
                ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (1, 0), (-1, 0), "Helvetica-Bold"),
            ]
        )
    )
    return table


def _bullet_lines(lines: Iterable[str]) -> str:
    """Already escaped lines as one paragraph of bullets."""
    return "<br/>".join(f"• {line}" for line in lines)


def _grid_style(*extra: tuple[Any, ...], header: bool = True) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#e5e7eb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *extra,
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL))
    return TableStyle(commands)


# ------------------------------------------------------------------------------------------ Markdown


@dataclass
class _OpenList:
    ordered: bool
    number: int = 0
    bullet_due: bool = False  # the item's first paragraph carries the bullet, later ones do not


class _MarkdownStory:
    """Block tokens in, flowables out: an ``_on_<token type>`` method handles each type it knows."""

    def __init__(self) -> None:
        self.flowables: list[Flowable] = []
        self._heading = 0
        self._quotes = 0
        self._lists: list[_OpenList] = []

    def feed(self, token: Token) -> None:
        handler: Callable[[Token], None] | None = getattr(self, f"_on_{token.type}", None)
        if handler is not None:
            handler(token)

    def _on_heading_open(self, token: Token) -> None:
        self._heading = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self._heading = 0

    def _on_bullet_list_open(self, token: Token) -> None:
        self._lists.append(_OpenList(ordered=False))

    def _on_ordered_list_open(self, token: Token) -> None:
        start = int(token.attrGet("start") or 1)
        self._lists.append(_OpenList(ordered=True, number=start - 1))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._lists.pop()
        if not self._lists:
            self.flowables.append(Spacer(1, 2 * mm))

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        self._lists[-1].number += 1
        self._lists[-1].bullet_due = True

    def _on_blockquote_open(self, token: Token) -> None:
        self._quotes += 1

    def _on_blockquote_close(self, token: Token) -> None:
        self._quotes -= 1

    def _on_inline(self, token: Token) -> None:
        self.flowables.append(self._paragraph(_inline_markup(token.children or [])))

    def _on_fence(self, token: Token) -> None:
        self.flowables.append(Preformatted(token.content.rstrip("\n"), _STYLES["code"], maxLineLength=95))

    _on_code_block = _on_fence

    def _on_hr(self, token: Token) -> None:
        self.flowables.append(HRFlowable(width="100%", thickness=0.5, color=_RULE, spaceBefore=4, spaceAfter=6))

    def _paragraph(self, markup: str) -> Paragraph:
        if self._heading:
            return Paragraph(markup, _STYLES[f"h{min(self._heading, 3)}"])
        if self._lists:
            return self._list_paragraph(markup)
        return Paragraph(markup, _STYLES["quote" if self._quotes else "body"])

    def _list_paragraph(self, markup: str) -> Paragraph:
        current = self._lists[-1]
        bullet = (f"{current.number}." if current.ordered else "•") if current.bullet_due else None
        current.bullet_due = False
        return Paragraph(markup, _item_style(len(self._lists)), bulletText=bullet)


_INLINE_MARKUP = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "softbreak": " ",
    "hardbreak": "<br/>",
}


def _inline_markup(children: Sequence[Token]) -> str:
    """ReportLab paragraph markup for one inline token's children; a link's address follows its text."""
    parts: list[str] = []
    href = ""
    for child in children:
        if child.type in _INLINE_MARKUP:
            parts.append(_INLINE_MARKUP[child.type])
        elif child.type == "link_open":
            href = "" if child.markup == "autolink" else str(child.attrGet("href") or "")
        elif child.type == "link_close":
            parts.append(f" <font size='7.5' color='{_MUTED_HEX}'>({escape(href)})</font>" if href else "")
        elif child.type == "code_inline":
            parts.append(f"<font face='Courier'>{escape(child.content)}</font>")
        else:
            parts.append(escape(child.content))
    return "".join(parts)


@lru_cache
def _item_style(depth: int) -> ParagraphStyle:
    indent = 14 * depth
    return ParagraphStyle(f"md-item-{depth}", parent=_STYLES["body"], leftIndent=indent, bulletIndent=indent - 12,
                          spaceAfter=2)  # fmt: skip


# ------------------------------------------------------------------------------------------ the document


def _build(story: list[Flowable], *, title: str, footer: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="mlinterview", leftMargin=_MARGIN, rightMargin=_MARGIN,
        topMargin=16 * mm, bottomMargin=16 * mm,
    )  # fmt: skip
    stamp = _footer(footer)
    document.build(story, onFirstPage=stamp, onLaterPages=stamp)
    return buffer.getvalue()


def _footer(label: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """A page footer naming the document, like the question bank's PDFs have."""

    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(_MARGIN, 9 * mm, label)
        canvas.drawRightString(A4[0] - _MARGIN, 9 * mm, f"page {document.page}")
        canvas.restoreState()

    return draw
