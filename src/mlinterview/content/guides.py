"""Preparation guides: Markdown files in ``<content>/guides/`` with a YAML front matter block.

A guide's slug is its file name without ``.md``. The front matter names the bank questions that practise the
guide's theme; every slug (and competency key) is checked against the bank, and any problem is reported with
the file it is in. ``docs/content/guides.md`` describes the format.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import Bank, load_bank
from mlinterview.content.schema import Question
from mlinterview.errors import AppError, NotFound

GUIDES_FOLDER = "guides"
WORDS_PER_MINUTE = 220
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)


class GuideError(AppError):
    """A guide file that cannot be read: bad front matter or a link to something not in the bank."""

    status_code = 500
    code = "invalid_content"


class GuideMeta(BaseModel):
    """The front matter of one guide."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=3, max_length=120)
    summary: str = Field(min_length=10, max_length=300)
    order: int = Field(ge=0)
    questions: list[str] = Field(min_length=1)
    competencies: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    order: int
    questions: tuple[str, ...]
    competencies: tuple[str, ...]
    body: str  # Markdown, without the front matter

    @property
    def words(self) -> int:
        return len(re.findall(r"\S+", self.body))

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))


@dataclass(frozen=True)
class _Catalogue:
    guides: tuple[Guide, ...]
    questions: dict[str, Question]


def parse_guide(
    path: Path, *, question_slugs: Collection[str], competency_keys: Collection[str] | None = None
) -> Guide:
    """One guide file, checked against the bank's question slugs (and competency keys, when given)."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if match is None:
        raise GuideError(f"{path}: start the file with a front matter block between two '---' lines")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise GuideError(f"{path}: the front matter is not valid YAML: {error}") from None
    try:
        meta = GuideMeta.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'front matter'}: {e['msg']}" for e in error.errors())
        raise GuideError(f"{path}: {problems}") from None
    _check_known(path, "question", meta.questions, question_slugs, "the Questions page lists them")
    if competency_keys is not None:
        _check_known(path, "competency", meta.competencies, competency_keys, "content/competencies.yaml lists them")
    return Guide(
        slug=path.stem,
        title=meta.title,
        summary=meta.summary,
        order=meta.order,
        questions=tuple(meta.questions),
        competencies=tuple(meta.competencies),
        body=match.group(2).strip() + "\n",
    )


def load_guides(content_dir: Path | None = None, *, bank: Bank | None = None) -> list[Guide]:
    """Every guide of a content folder (default: the bundled one), in reading order.

    Without ``bank`` the folder's own bank is loaded to check the links and the result is cached per folder.
    """
    root = (content_dir or BUNDLED_CONTENT).resolve()
    if bank is None:
        return list(_catalogue(root).guides)
    return _read_all(root / GUIDES_FOLDER, bank)


def get_guide(slug: str, content_dir: Path | None = None) -> Guide:
    """The guide called ``slug``; ``NotFound`` lists the guides there are."""
    guides = {g.slug: g for g in load_guides(content_dir)}
    if slug in guides:
        return guides[slug]
    close = difflib.get_close_matches(slug, list(guides), n=1)
    hint = f" Did you mean `{close[0]}`?" if close else ""
    available = ", ".join(f"`{name}`" for name in guides) or "none yet"
    raise NotFound(f"There is no guide `{slug}`.{hint} The guides are: {available}.")


def linked_questions(guide: Guide, content_dir: Path | None = None) -> list[Question]:
    """The bank questions a guide links to, in the order the guide lists them."""
    questions = _catalogue((content_dir or BUNDLED_CONTENT).resolve()).questions
    return [questions[slug] for slug in guide.questions if slug in questions]


@cache
def _catalogue(root: Path) -> _Catalogue:
    bank = load_bank(root)
    return _Catalogue(tuple(_read_all(root / GUIDES_FOLDER, bank)), {q.slug: q for q in bank.questions})


def _read_all(folder: Path, bank: Bank) -> list[Guide]:
    slugs = {q.slug for q in bank.questions}
    keys = {c.key for c in bank.competencies} or None  # a bank without competencies cannot check them
    guides = [parse_guide(p, question_slugs=slugs, competency_keys=keys) for p in sorted(folder.glob("*.md"))]
    return sorted(guides, key=lambda g: (g.order, g.slug))


def _check_known(path: Path, kind: str, names: list[str], known: Collection[str], where: str) -> None:
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f" Did you mean `{close[0]}`?" if close else ""
            raise GuideError(f"{path}: {kind} `{name}` is not in the bank.{hint} ({where})")
