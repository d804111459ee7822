"""Every bundled exercise, through the real sandbox: the reference passes, every wrong solution is caught."""

import pytest

from mlinterview.config import BUNDLED_CONTENT
from mlinterview.exercises.authoring import problems
from mlinterview.exercises.bundle import load_exercises
from mlinterview.exercises.judging import judge

EXERCISES = load_exercises(BUNDLED_CONTENT / "exercises")


def test_there_are_at_least_25_exercises_over_many_topics() -> None:
    assert len(EXERCISES) >= 25
    assert len({t for e in EXERCISES for t in e.spec.topics}) >= 8


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_the_tests_accept_the_reference_and_reject_every_wrong_solution(exercise, runner) -> None:
    assert problems(exercise) == []  # in-process: enough cases, starter fails, wrong ones caught
    reference = judge(exercise, exercise.solution, runner)
    assert reference.passed == reference.total, [c for c in reference.cases if not c.passed]
    assert len(exercise.wrong) >= 3
    for name, source in exercise.wrong.items():
        assert judge(exercise, source, runner).passed < reference.total, name
