"""Fixed expectations for answers that only look right (the default grader, on bundled questions)."""

import re

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.loader import load_bank
from mlinterview.grading import PointStatus, get_grader

SLUGS = ["bias-variance/diagnose-from-learning-curves", "evaluation-metrics/harmonic-mean-and-f-beta",
         "mlops/data-versus-concept-drift"]  # fmt: skip


@pytest.fixture(scope="module")
def bank():
    questions = {q.slug: q for q in load_bank(BUNDLED_CONTENT).questions}
    return [questions[slug] for slug in SLUGS if slug in questions] or list(questions.values())[:3]


def negate(text: str) -> str:
    """Deny each claim: 'is' -> 'is not', 'helps' -> 'does not help', and so on."""
    text = re.sub(r"\b(is|are|was|were|would|will|can|should|does|do)\b", r"\1 not", text)
    return re.sub(r"\b(helps|reduces|means|shows|points)\b", lambda m: "does not " + m.group(1).rstrip("s"), text)


def test_model_answers_score_high(bank) -> None:
    for question in bank:
        assert get_grader().grade(grading_spec(question), question.model_answer).score >= 0.85, question.slug


def test_a_copy_of_the_question_scores_at_most_0_2(bank) -> None:
    for question in bank:
        result = get_grader().grade(grading_spec(question), question.prompt)
        assert result.score <= 0.2, question.slug
        assert result.notes


def test_a_salad_of_rubric_keywords_scores_at_most_0_3(bank) -> None:
    for question in bank:
        salad = " ".join(w for p in question.rubric for w in re.findall(r"[A-Za-z-]{5,}", p.point))
        assert get_grader().grade(grading_spec(question), salad).score <= 0.3, question.slug


def test_a_negated_model_answer_scores_well_below_and_is_flagged(bank) -> None:
    for question in bank:
        spec = grading_spec(question)
        original = get_grader().grade(spec, question.model_answer).score
        result = get_grader().grade(spec, negate(question.model_answer))
        assert result.score <= original - 0.4, question.slug
        assert any(p.status is PointStatus.CONTRADICTED for p in result.points) or result.red_flags


def test_another_questions_model_answer_scores_at_most_0_2(bank) -> None:
    for question, other in zip(bank, bank[1:] + bank[:1], strict=True):
        assert get_grader().grade(grading_spec(question), other.model_answer).score <= 0.2, question.slug


def test_non_english_answers_are_flagged_for_review(bank) -> None:
    french = ("Le modèle apprend par coeur les données d'entraînement et ne généralise pas aux nouvelles données; "
              "il faut régulariser ou collecter plus de données.")  # fmt: skip
    result = get_grader().grade(grading_spec(bank[0]), french)
    assert result.needs_review
    assert any("English" in note for note in result.notes)


def test_a_partial_answer_lands_between(bank) -> None:
    question = bank[0]
    spec = grading_spec(question)
    first_point = question.rubric[0].phrasings[0]
    partial = get_grader().grade(spec, f"{first_point}. I am not sure what else to check.")
    assert 0.1 < partial.score < get_grader().grade(spec, question.model_answer).score
    assert partial.points[0].status is PointStatus.COVERED
    assert partial.points[0].sentence
    assert "Missing" in partial.feedback


def test_red_flags_are_detected_with_the_sentence(bank) -> None:
    question = bank[0]
    flag = question.red_flags[0]
    result = get_grader().grade(grading_spec(question), f"{flag.phrasing}. That is my view.")
    assert any(hit.flag == flag.flag and hit.sentence for hit in result.red_flags)
