"""The bundled bank itself: valid, big and broad enough, and written here (not copied from the seeds)."""

import subprocess
from pathlib import Path

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import load_bank
from mlinterview.content.schema import QuestionType, RoleKey, Seniority
from mlinterview.content.stats import bank_stats

SEED_OVERLAP = Path(__file__).resolve().parents[3] / "shared" / "tools" / "seed-overlap"


@pytest.fixture(scope="module")
def bank():
    return load_bank(BUNDLED_CONTENT)


def test_bundled_content_has_no_problems(bank) -> None:
    assert [str(p) for p in bank.problems] == []


def test_at_least_250_questions_over_20_topics_with_8_each(bank) -> None:
    stats = bank_stats(bank)
    assert stats["questions"] >= 250
    assert len(stats["by_topic"]) >= 20
    thin = {topic: n for topic, n in stats["by_topic"].items() if n < 8}
    assert thin == {}, f"topics with fewer than 8 questions: {thin}"


def test_every_role_level_and_type_is_represented(bank) -> None:
    stats = bank_stats(bank)
    assert set(stats["by_role"]) == {r.value for r in RoleKey}
    assert set(stats["by_seniority"]) == {s.value for s in Seniority}
    assert set(stats["by_type"]) == {t.value for t in QuestionType}
    assert all(stats["by_difficulty"][str(level)] > 0 for level in range(1, 6))


def test_competency_framework_and_role_profiles(bank) -> None:
    assert 10 <= len(bank.competencies) <= 14
    assert all(len(c.levels) == 4 for c in bank.competencies)
    assert len(bank.profiles) == 12
    dated = [s for p in bank.profiles for s in p.salary_references]
    assert all(s.source for s in dated)
    with_salaries = {(p.role.value, p.level.value) for p in bank.profiles if p.salary_references}
    assert with_salaries == {("ml_engineer", "mid")}  # the only figures the source articles give
    assert all(s.minimum <= s.average <= s.maximum for s in dated)


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason="../shared/tools/seed-overlap is not beside this checkout")
def test_content_shares_no_passage_with_the_seed_articles() -> None:
    result = subprocess.run([str(SEED_OVERLAP), str(BUNDLED_CONTENT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
