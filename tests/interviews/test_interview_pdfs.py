"""Interview documents: the interviewer kit and feedback PDFs, and the job-description draft."""

from __future__ import annotations

import importlib.util
import io
from datetime import date

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import Bank, load_bank
from mlinterview.content.schema import QuestionType
from mlinterview.interviews.job_description import draft
from mlinterview.interviews.pdf import feedback_pdf, kit_pdf, markdown_flowables

HAS_PYPDF = importlib.util.find_spec("pypdf") is not None

FEEDBACK = """# Your interview at a glance

Thank you for your time. Here is **what went well** and what to work on.

## Strengths

- Clear reasoning about *bias and variance*
- A careful **evaluation plan** for the model

## To work on

1. Explain trade-offs before coding
2. Read more about [calibration](https://example.org/calibration?a=1&b=2)

### Note

Text with <script>alert(1)</script> & friends stays text.
"""


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(BUNDLED_CONTENT)


def _assert_pdf(data: bytes, *expected: str) -> None:
    assert data.startswith(b"%PDF")
    assert len(data) > 1000
    if HAS_PYPDF:
        import pypdf

        text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
        for fragment in expected:
            assert fragment in text


def _kit(bundled: Bank, **overrides: object) -> bytes:
    questions = [next(q for q in bundled.questions if q.type is kind) for kind in QuestionType]
    focus = [(c.name, [(a.level, a.label, a.description) for a in c.levels]) for c in bundled.competencies[:3]]
    arguments: dict[str, object] = {
        "opening": "Machine Learning Engineer",
        "stage": "Technical interview",
        "duration_minutes": 60,
        "instructions": "Welcome the candidate, then ask the questions **in order**.\n\nLeave ten minutes.",
        "focus": focus,
        "questions": [(q, bundled.competencies[0].name) for q in questions],
        "version": 2,
    }
    return kit_pdf(**{**arguments, **overrides})  # type: ignore[arg-type]


def test_kit_pdf_renders_cover_focus_and_questions(bundled) -> None:
    _assert_pdf(_kit(bundled), "Machine Learning Engineer", "kit version 2", "Focus competencies", "Why we ask it")


def test_kit_pdf_escapes_markup_in_names_and_instructions(bundled) -> None:
    data = _kit(bundled, opening="R&D <script>&", instructions="Do <b>not</b> share & <script>", focus=[])
    _assert_pdf(data, "R&D <script>&")


def test_kit_pdf_without_questions_still_renders(bundled) -> None:
    _assert_pdf(_kit(bundled, questions=[], instructions=""), "no standard questions")


def test_feedback_pdf_renders_headings_lists_bold_and_links() -> None:
    data = feedback_pdf(candidate="Ada <script>&", opening="Data Scientist", body_markdown=FEEDBACK,
                        released=date(2025, 3, 4))  # fmt: skip
    _assert_pdf(data, "Interview feedback", "Strengths", "calibration", "example.org", "<script>")


def test_markdown_becomes_one_flowable_per_block() -> None:
    flowables = markdown_flowables("# Title\n\nA paragraph.\n\n- one\n- two\n\n```\ncode <here>\n```\n")
    kinds = [type(f).__name__ for f in flowables]
    assert kinds.count("Paragraph") == 4
    assert "Preformatted" in kinds


def test_feedback_pdf_with_empty_body_renders() -> None:
    _assert_pdf(feedback_pdf(candidate="Ada", opening="Data Scientist", body_markdown="", released=date.today()))


# ------------------------------------------------------------------------------------------ job description


def _profile(bundled: Bank, role: str, level: str):
    return next(p for p in bundled.profiles if p.role.value == role and p.level.value == level)


def _draft(bundled: Bank, role: str = "ml_engineer", level: str = "mid") -> tuple[str, list[tuple]]:
    profile = _profile(bundled, role, level)
    names = {c.key: (c.name, c.description) for c in bundled.competencies}
    items = [(*names[w.competency], w.weight, w.essential) for w in profile.competencies]
    text = draft(
        title=profile.title,
        summary=profile.summary,
        responsibilities=profile.responsibilities,
        competencies=items,
        level=level,
    )
    return text, items


def test_draft_has_title_sections_and_responsibilities(bundled) -> None:
    text, _ = _draft(bundled)
    assert text.startswith(f"# {_profile(bundled, 'ml_engineer', 'mid').title}\n")
    for heading in ("## About the role", "## What you will do", "## What we look for", "## How we interview"):
        assert heading in text
    assert text.count("\n- ") >= 5
    assert text.rstrip().endswith("_")
    assert "[" not in text


@pytest.mark.parametrize(("role", "level"), [("ml_engineer", "mid"), ("data_scientist", "junior")])
def test_draft_lists_essentials_under_must_have_by_weight(bundled, role, level) -> None:
    text, items = _draft(bundled, role, level)
    must, _, nice = text.partition("### Nice to have")
    must = must.split("### Must have", 1)[1]
    essentials = sorted((i for i in items if i[3]), key=lambda i: -i[2])
    positions = [must.index(f"**{name}**") for name, *_ in essentials]
    assert positions == sorted(positions)
    for name, _, _, essential in items:
        assert (f"**{name}**" in must) == essential
        assert (f"**{name}**" in nice) == (not essential)


def test_draft_orders_by_weight_and_omits_an_empty_group() -> None:
    text = draft(
        title="Applied Scientist",
        summary="Builds models.",
        responsibilities=["Ship models."],
        competencies=[("Light", "Small thing.", 0.1, True), ("Heavy", "Big thing. More detail.", 0.9, True)],
        level="senior",
    )
    assert text.index("**Heavy**") < text.index("**Light**")
    assert "More detail" not in text
    assert "Nice to have" not in text
