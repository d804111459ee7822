"""The bundled preparation guides: they load, are long enough, link real questions, and are written here."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.guides import GuideError, get_guide, linked_questions, load_guides
from mlinterview.content.loader import Bank, load_bank
from mlinterview.errors import NotFound

SEED_OVERLAP = Path(__file__).resolve().parents[3] / "shared" / "tools" / "seed-overlap"
GOOD_FRONT = """---
title: A small guide
summary: Something short enough to pass the checks.
order: 1
questions:
  - {slug}
---

Body text.
"""


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BUNDLED_CONTENT)


def write(folder: Path, name: str, text: str) -> Path:
    (folder / "guides").mkdir(exist_ok=True)
    path = folder / "guides" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_at_least_five_guides_load_in_order() -> None:
    guides = load_guides()
    assert len(guides) >= 5
    assert [g.order for g in guides] == sorted(g.order for g in guides)
    assert len({g.slug for g in guides}) == len(guides)


@pytest.mark.parametrize("guide", load_guides(), ids=lambda g: g.slug)
def test_each_guide_is_substantial_and_links_real_questions(guide, bank: Bank) -> None:
    assert 600 <= guide.words <= 1200, f"{guide.slug} has {guide.words} words"
    slugs = {q.slug for q in bank.questions}
    assert len(guide.questions) >= 4
    assert set(guide.questions) <= slugs
    assert [q.slug for q in linked_questions(guide)] == list(guide.questions)
    assert guide.reading_minutes >= 3


def test_loading_is_cached_per_folder() -> None:
    assert load_guides()[0] is load_guides(BUNDLED_CONTENT)[0]


def test_an_unknown_guide_lists_the_ones_there_are() -> None:
    with pytest.raises(NotFound) as caught:
        get_guide("ml-sytem-design")
    assert "Did you mean `ml-system-design`?" in caught.value.message
    assert "`how-ml-interviews-run`" in caught.value.message


def test_a_guide_in_another_folder_loads_against_a_given_bank(tmp_path: Path, bank: Bank) -> None:
    write(tmp_path, "tiny.md", GOOD_FRONT.format(slug=bank.questions[0].slug))
    [guide] = load_guides(tmp_path, bank=bank)
    assert (guide.slug, guide.title, guide.body) == ("tiny", "A small guide", "Body text.\n")


def test_an_unknown_question_slug_names_the_file_and_suggests_one(tmp_path: Path, bank: Bank) -> None:
    path = write(tmp_path, "typo.md", GOOD_FRONT.format(slug="bias-variance/overfiting-underfitting"))
    with pytest.raises(GuideError) as caught:
        load_guides(tmp_path, bank=bank)
    assert str(path) in caught.value.message
    assert "bias-variance/overfiting-underfitting" in caught.value.message
    assert "Did you mean `bias-variance/overfitting-underfitting`?" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# No front matter\n", "front matter block"),
        ("---\ntitle: [unclosed\n---\nBody\n", "not valid YAML"),
        ("---\n- just\n- a list\n---\nBody\n", "front matter: Input should be a valid dictionary"),
        ("---\ntitle: Missing the rest\n---\nBody\n", "summary: Field required"),
        (GOOD_FRONT.replace("order: 1", "order: first"), "order: Input should be a valid integer"),
        (GOOD_FRONT.replace("order: 1", "order: 1\ncolour: blue"), "colour: Extra inputs are not permitted"),
    ],
    ids=["none", "yaml", "not-a-mapping", "missing-fields", "bad-order", "extra-field"],
)
def test_bad_front_matter_names_the_file(tmp_path: Path, bank: Bank, text: str, expected: str) -> None:
    path = write(tmp_path, "broken.md", text.replace("{slug}", bank.questions[0].slug))
    with pytest.raises(GuideError) as caught:
        load_guides(tmp_path, bank=bank)
    assert str(path) in caught.value.message
    assert expected in caught.value.message


def test_an_unknown_competency_is_refused(tmp_path: Path, bank: Bank) -> None:
    text = GOOD_FRONT.format(slug=bank.questions[0].slug).replace("order: 1", "order: 1\ncompetencies: [charisma]")
    write(tmp_path, "skills.md", text)
    with pytest.raises(GuideError, match="competency `charisma`"):
        load_guides(tmp_path, bank=bank)


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason="../shared/tools/seed-overlap is not beside this checkout")
def test_guides_share_no_passage_with_the_seed_articles() -> None:
    guides = BUNDLED_CONTENT / "guides"
    result = subprocess.run([str(SEED_OVERLAP), str(guides)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.startswith("0 passage")
