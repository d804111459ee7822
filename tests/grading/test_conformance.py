"""Every registered grader keeps the same promises (in the spirit of scikit-learn's check_estimator)."""

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.content.grading_spec import grading_spec
from mlinterview.content.loader import load_bank
from mlinterview.grading import GradeResult, GraderName, GradingSpec, get_grader
from mlinterview.grading.registry import FACTORIES

GRADERS = list(FACTORIES)


@pytest.fixture(scope="module")
def question():
    bank = load_bank(BUNDLED_CONTENT)
    return next(q for q in bank.questions if q.slug == "bias-variance/diagnose-from-learning-curves")


@pytest.fixture(scope="module")
def spec(question) -> GradingSpec:
    return grading_spec(question)


@pytest.mark.parametrize("name", GRADERS)
def test_result_is_complete_and_in_range(name: GraderName, spec: GradingSpec) -> None:
    result = get_grader(name).grade(spec, "The model overfits, so I would add regularisation and more data.")
    assert isinstance(result, GradeResult)
    assert 0 <= result.score <= 1
    assert result.scaled_score == pytest.approx(result.score * spec.max_score, abs=0.01)
    assert len(result.points) == len(spec.key_points)
    assert 0 <= result.confidence <= 1
    assert result.feedback
    assert (result.grader, result.version) == (name.value, get_grader(name).version)


@pytest.mark.parametrize("name", GRADERS)
def test_same_input_same_result(name: GraderName, spec: GradingSpec) -> None:
    answer = "Plot learning curves; if validation keeps rising, more data helps. Otherwise regularise."
    assert get_grader(name).grade(spec, answer) == get_grader(name).grade(spec, answer)


@pytest.mark.parametrize("name", GRADERS)
@pytest.mark.parametrize("answer", ["", "   \n\t "])
def test_empty_answer_scores_zero_with_a_message(name: GraderName, spec: GradingSpec, answer: str) -> None:
    result = get_grader(name).grade(spec, answer)
    assert result.score == 0
    assert "empty" in result.feedback


@pytest.mark.parametrize("name", GRADERS)
def test_markup_comes_back_as_inert_text(name: GraderName, spec: GradingSpec) -> None:
    result = get_grader(name).grade(spec, "<script>alert('x')</script><b>The model overfits</b> the training data.")
    shown = result.model_dump_json()
    assert "<script" not in shown
    assert "<b>" not in shown


@pytest.mark.parametrize("name", GRADERS)
def test_works_without_a_rubric(name: GraderName, question) -> None:
    spec = GradingSpec(prompt=question.prompt, reference=question.model_answer)
    result = get_grader(name).grade(spec, question.model_answer)
    assert result.points  # key points derived from the reference answer
    assert result.score >= 0.7


def test_a_100_kb_answer_is_graded_on_its_beginning_with_a_note(spec: GradingSpec, question) -> None:
    import time

    started = time.perf_counter()
    result = get_grader().grade(spec, (question.model_answer + " ") * 80)
    assert time.perf_counter() - started < 10
    assert any("first" in note and "characters" in note for note in result.notes)


def test_registry_refuses_the_llm_grader_without_an_endpoint() -> None:
    with pytest.raises(LookupError, match="MLI_LLM_URL"):
        get_grader(GraderName.LLM)


def test_public_api_is_what_all_says() -> None:
    import inspect

    import mlinterview.grading as grading

    public = {n for n in dir(grading) if not n.startswith("_") and not inspect.ismodule(getattr(grading, n))}
    assert public == set(grading.__all__)


def test_the_learned_grader_computes_every_named_feature(spec: GradingSpec) -> None:
    from mlinterview.grading.features import NAMES, features
    from mlinterview.grading.similarity import MiniLM

    assert len(features(MiniLM(), spec, "The model overfits the training data.")) == len(NAMES)


def test_an_answer_gets_the_same_result_alone_or_in_any_batch(spec: GradingSpec, question) -> None:
    from mlinterview.grading.learned import LearnedGrader

    answer = "High variance: regularise. Learning curves show whether more data would help the validation score."
    others = [question.model_answer, "Bias.", "Collect more data, since the curves have not converged yet."]
    alone = LearnedGrader().grade(spec, answer)
    batched = LearnedGrader().grade_many([(spec, t) for t in [*others, answer]])[-1]
    assert batched == alone
