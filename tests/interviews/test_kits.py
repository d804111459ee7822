"""Kit selection over the real bundled bank and over tiny hand-made banks."""

from __future__ import annotations

from collections import Counter

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.loader import Bank, load_bank
from mlinterview.content.schema import RoleProfile
from mlinterview.interviews.kits import (
    BankQuestion,
    Pick,
    StageNeed,
    choose_kits,
    questions_per_stage,
    shortfall,
    uncovered,
)

PROFILES = [
    ("ml_engineer", "mid"),
    ("ml_engineer", "senior"),
    ("data_scientist", "junior"),
    ("ml_researcher", "senior"),
    ("mlops_engineer", "mid"),
]


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(BUNDLED_CONTENT)


@pytest.fixture(scope="module")
def bank(bundled: Bank) -> list[BankQuestion]:
    return [_bank_question(index, q) for index, q in enumerate(bundled.questions)]


def _bank_question(index: int, q) -> BankQuestion:
    return BankQuestion(
        id=index,
        slug=q.slug,
        type=q.type.value,
        difficulty=q.difficulty,
        roles=tuple(r.value for r in q.roles),
        seniority=tuple(s.value for s in q.seniority),
        competencies=tuple(q.competencies),
    )


def _profile(bundled: Bank, role: str, level: str) -> RoleProfile:
    return next(p for p in bundled.profiles if p.role.value == role and p.level.value == level)


def _needs(profile: RoleProfile) -> list[StageNeed]:
    return [
        StageNeed(key=position, kind=s.stage, focus=tuple(s.focus), duration_minutes=s.duration_minutes)
        for position, s in enumerate(profile.stages)
    ]


def _kits(bundled: Bank, bank: list[BankQuestion], role: str, level: str, seed: int = 7):
    needs = _needs(_profile(bundled, role, level))
    return needs, choose_kits(bank, needs, role=role, level=level, seed=seed)


def _tiny(qid: int, difficulty: int, *, seniority: str = "junior", role: str = "ml_engineer") -> BankQuestion:
    return BankQuestion(qid, f"t/q{qid}", "conceptual", difficulty, (role,), (seniority,), ("programming",))


# ------------------------------------------------------------------------------------------ counts


@pytest.mark.parametrize(
    ("kind", "minutes", "expected"),
    [
        ("initial_screening", 20, 3),
        ("technical_interview", 60, 6),
        ("behavioural_interview", 45, 4),
        ("project_review", 240, 8),
        ("practical_assessment", 30, 2),
        ("practical_assessment", 90, 3),
        ("practical_assessment", 480, 4),
        ("final_review", 60, 0),
    ],
)
def test_questions_per_stage_follows_duration_within_limits(kind: str, minutes: int, expected: int) -> None:
    assert questions_per_stage(StageNeed(0, kind, ("programming",), minutes)) == expected


# ------------------------------------------------------------------------------------------ the bundled bank


@pytest.mark.parametrize(("role", "level"), PROFILES)
def test_no_question_repeats_across_or_within_stages(bundled, bank, role, level) -> None:
    _, kits = _kits(bundled, bank, role, level)
    ids = [pick.question_id for picks in kits.values() for pick in picks]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("role", "level"), PROFILES)
def test_each_pick_covers_a_focus_competency_the_question_lists(bundled, bank, role, level) -> None:
    needs, kits = _kits(bundled, bank, role, level)
    for need in needs:
        for pick in kits[need.key]:
            assert pick.competency in need.focus
            assert pick.competency in bank[pick.question_id].competencies


@pytest.mark.parametrize(("role", "level"), PROFILES)
def test_only_questions_for_the_role_are_chosen(bundled, bank, role, level) -> None:
    _, kits = _kits(bundled, bank, role, level)
    assert all(role in bank[pick.question_id].roles for picks in kits.values() for pick in picks)


@pytest.mark.parametrize(("role", "level"), PROFILES)
def test_counts_follow_questions_per_stage_and_final_review_gets_none(bundled, bank, role, level) -> None:
    needs, kits = _kits(bundled, bank, role, level)
    assert list(kits) == [need.key for need in needs]
    for need in needs:
        assert len(kits[need.key]) + shortfall(kits[need.key], need) == questions_per_stage(need)
        if need.kind == "final_review":
            assert kits[need.key] == []


@pytest.mark.parametrize(("role", "level"), PROFILES)
def test_spread_is_round_robin(bundled, bank, role, level) -> None:
    """A competency falls two behind another, or is left out, only when its questions have all been used."""
    needs, kits = _kits(bundled, bank, role, level)
    used = {pick.question_id for picks in kits.values() for pick in picks}
    for need in needs:
        counts = Counter(pick.competency for pick in kits[need.key])
        most = max(counts.values(), default=0)
        for competency in need.focus:
            behind = counts[competency] <= most - 2
            left_out = counts[competency] == 0 and questions_per_stage(need) >= len(need.focus)
            if behind or left_out:
                unused = [q for q in bank if role in q.roles and competency in q.competencies and q.id not in used]
                assert unused == [], f"{need.kind}: {competency} could have had another question"


def test_ml_engineer_mid_covers_every_focus_competency_in_full(bundled, bank) -> None:
    needs, kits = _kits(bundled, bank, "ml_engineer", "mid")
    for need in needs:
        if need.kind != "final_review":
            assert uncovered(kits[need.key], need) == []
            assert shortfall(kits[need.key], need) == 0


def test_ml_engineer_mid_stays_in_the_difficulty_band(bundled, bank) -> None:
    _, kits = _kits(bundled, bank, "ml_engineer", "mid")
    assert all(2 <= bank[pick.question_id].difficulty <= 4 for picks in kits.values() for pick in picks)


@pytest.mark.parametrize(
    ("role", "level"), [("ml_engineer", "mid"), ("ml_engineer", "senior"), ("data_scientist", "senior")]
)
def test_behavioural_stage_is_mostly_behavioural_questions(bundled, bank, role, level) -> None:
    needs, kits = _kits(bundled, bank, role, level)
    stage = next(need for need in needs if need.kind == "behavioural_interview")
    types = [bank[pick.question_id].type for pick in kits[stage.key]]
    assert types.count("behavioural") > len(types) / 2


def test_same_seed_same_kits_other_seeds_differ(bundled, bank) -> None:
    _, first = _kits(bundled, bank, "ml_engineer", "mid", seed=11)
    _, again = _kits(bundled, bank, "ml_engineer", "mid", seed=11)
    others = [_kits(bundled, bank, "ml_engineer", "mid", seed=seed)[1] for seed in range(5)]
    assert first == again
    assert any(other != first for other in others)


# ------------------------------------------------------------------------------------------ tiny banks


def test_band_comes_before_level_tag_and_out_of_band_only_fills_the_gap() -> None:
    bank = [
        _tiny(1, 5, seniority="junior"),
        _tiny(2, 2, seniority="senior"),
        _tiny(3, 1, seniority="junior"),
        _tiny(4, 4, seniority="junior"),
        _tiny(5, 1, role="data_scientist"),
    ]
    need = StageNeed(0, "technical_interview", ("programming",), 30)
    picks = choose_kits(bank, [need], role="ml_engineer", level="junior", seed=3)[0]
    ids = [pick.question_id for pick in picks]
    assert ids[:2] == [3, 2]  # in band: the junior-tagged one first, then the senior-tagged one
    assert len(ids) == 3
    assert ids[2] in {1, 4}  # out of band, only because the band ran out
    assert all(pick == Pick(pick.question_id, "programming") for pick in picks)


def test_a_small_bank_gives_fewer_picks_without_raising() -> None:
    bank = [_tiny(1, 1), _tiny(2, 2)]
    needs = [
        StageNeed(10, "technical_interview", ("programming", "maths_stats"), 60),
        StageNeed(20, "initial_screening", ("programming",), 30),
        StageNeed(30, "final_review", ("programming",), 30),
    ]
    kits = choose_kits(bank, needs, role="ml_engineer", level="junior", seed=0)
    assert sum(len(picks) for picks in kits.values()) == 2
    assert shortfall(kits[10], needs[0]) + shortfall(kits[20], needs[1]) == 6 + 3 - 2
    assert "maths_stats" in uncovered(kits[10], needs[0])
    assert choose_kits([], needs, role="ml_engineer", level="junior", seed=0) == {10: [], 20: [], 30: []}


def test_stages_share_a_scarce_competency_before_any_gets_a_second() -> None:
    bank = [_tiny(qid, 2) for qid in range(1, 5)]
    needs = [StageNeed(key, "technical_interview", ("programming",), 60) for key in (1, 2)]
    kits = choose_kits(bank, needs, role="ml_engineer", level="junior", seed=5)
    assert [len(kits[1]), len(kits[2])] == [2, 2]
