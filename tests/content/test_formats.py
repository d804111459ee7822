"""Export and import formats round-trip the whole bank; imports are all-or-nothing."""

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content import formats, service
from mlinterview.content.export import ExportFormat, export
from mlinterview.content.loader import load_bank, parse_questions
from mlinterview.content.models import Question
from mlinterview.errors import InvalidInput
from tests.factories import make_organisation, make_user


@pytest.fixture(scope="module")
def questions():
    return load_bank(BUNDLED_CONTENT).questions


def test_markdown_round_trips_every_bundled_question(questions) -> None:
    back, problems = formats.from_markdown(formats.to_markdown(questions), "bank.md")
    assert problems == []
    assert back == questions


def test_csv_round_trips_every_bundled_question(questions) -> None:
    back, problems = formats.from_csv(formats.to_csv(questions), "bank.csv")
    assert problems == []
    assert back == questions


def test_json_export_carries_the_schema_version(questions) -> None:
    document = json.loads(formats.to_json(questions[:3]))
    assert document["schema_version"] == 1
    assert [q["slug"] for q in document["questions"]] == [q.slug for q in questions[:3]]


def test_question_sheets_leave_the_answers_out(questions) -> None:
    sheet = formats.to_markdown(questions[:2], answers=False)
    assert questions[0].prompt in sheet
    assert questions[0].model_answer not in sheet
    assert "model_answer" not in formats.to_json(questions[:2], answers=False)
    assert "model_answer" not in formats.to_csv(questions[:2], answers=False).splitlines()[0]


@pytest.mark.parametrize("answers", [True, False])
def test_pdf_export_is_a_pdf_with_a_page_per_few_questions(questions, answers: bool) -> None:
    file = export(questions[:6], ExportFormat.PDF, answers=answers, title="Study guide")
    assert file.data.startswith(b"%PDF")
    assert file.media_type == "application/pdf"
    assert file.data.count(b"/Type /Page\n") + file.data.count(b"/Type /Page ") >= (3 if answers else 1)


def test_markdown_problems_name_the_line(questions) -> None:
    text = formats.to_markdown(questions[:2]).replace("- difficulty: ", "- difficulty: x", 1)
    _, problems = formats.from_markdown(text, "mine.md")
    assert problems[0].file == "mine.md"
    assert problems[0].line == 1
    assert "difficulty" in problems[0].message


def test_yaml_import_accepts_a_plain_list(questions) -> None:
    import yaml

    text = yaml.safe_dump([questions[0].model_dump(mode="json")])
    parsed, problems = parse_questions(text, "list.yaml")
    assert (parsed, problems) == ([questions[0]], [])


def test_an_import_with_one_bad_question_adds_none(db: Session, questions) -> None:
    admin = make_user(db, make_organisation(db), Role.ADMIN)
    topic = questions[0].slug.split("/")[0]
    good = questions[0].model_copy(update={"slug": f"{topic}/ours-1"})
    clash = questions[1].model_copy(update={"slug": f"{topic}/ours-1"})
    before = db.scalar(select(func.count()).select_from(Question))
    with pytest.raises(InvalidInput, match="repeats these slugs"):
        service.import_questions(db, actor=admin, questions=[good, clash])
    assert db.scalar(select(func.count()).select_from(Question)) == before
