"""Submissions end to end on the real database and the real sandbox: queued after commit, graded once, stored
per test; who sees which test's data; decisions, the reveal policy and similarity flags."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, RevealPolicy, Role, User
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from mlinterview.exercises import catalogue, service
from mlinterview.exercises.judging import HIDDEN_WORDS
from mlinterview.exercises.models import (
    Decision,
    SimilarityFlag,
    Submission,
    SubmissionCase,
    SubmissionKind,
    SubmissionStatus,
)
from mlinterview.kit.jobs import RecordingSender
from tests.factories import make_organisation, make_user

SLUG = "precision-recall-f1"
HIDDEN_MESSAGES = {"passed", "wrong answer", *HIDDEN_WORDS.values()}


def graded(db: Session, user: User, source: str, kind: SubmissionKind = SubmissionKind.SUBMIT) -> Submission:
    submission = service.submit(db, user=user, slug=SLUG, source=source, kind=kind)
    service.grade(db, submission_id=submission.id)
    db.flush()
    db.refresh(submission)
    return submission


@pytest.fixture
def org(db: Session) -> Organisation:
    return make_organisation(db, "Submissions Ltd")


@pytest.fixture
def candidate(db: Session, org: Organisation) -> User:
    return make_user(db, org, Role.CANDIDATE)


@pytest.fixture
def interviewer(db: Session, org: Organisation) -> User:
    return make_user(db, org, Role.INTERVIEWER)


def solution() -> str:
    return catalogue.get(SLUG).solution


def test_submitting_queues_the_grading_job_and_grading_stores_every_test(
    db: Session, candidate: User, sent_jobs: RecordingSender
) -> None:
    submission = service.submit(db, user=candidate, slug=SLUG, source=solution(), kind=SubmissionKind.SUBMIT)
    assert submission.status is SubmissionStatus.PENDING
    assert submission.exercise_version == catalogue.version(catalogue.get(SLUG))
    service.grade(db, submission_id=submission.id)
    db.flush()
    exercise = catalogue.get(SLUG)
    expected_total = len(exercise.visible_cases()) + len(exercise.hidden_cases())
    assert submission.status is SubmissionStatus.GRADED
    assert submission.passed == submission.total == expected_total == len(submission.cases)
    assert submission.runner == "bubblewrap"
    assert submission.wall_ms > 0
    assert submission.memory_kb > 0
    assert all(case.kb > 0 for case in submission.cases)


def test_grading_twice_changes_nothing(db: Session, candidate: User) -> None:
    submission = graded(db, candidate, solution())
    graded_at, count = submission.graded_at, len(submission.cases)
    service.grade(db, submission_id=submission.id)
    db.flush()
    rows = db.scalar(select(func.count()).where(SubmissionCase.submission_id == submission.id))
    assert rows == count
    assert submission.graded_at == graded_at


def test_a_run_grades_only_the_visible_tests_and_keeps_printed_output(db: Session, candidate: User) -> None:
    source = solution() + "\nprint('hello from the candidate')\n"
    submission = graded(db, candidate, source, SubmissionKind.RUN)
    assert submission.total == len(catalogue.get(SLUG).visible_cases())
    assert not any(case.hidden for case in submission.cases)
    assert "hello from the candidate" in submission.stdout


def test_a_candidate_never_sees_hidden_data_and_staff_do(db: Session, candidate: User, interviewer: User) -> None:
    wrong = next(iter(catalogue.get(SLUG).wrong.values()))
    submission = graded(db, candidate, wrong)
    assert submission.passed < submission.total
    mine = service.case_views(db, actor=candidate, submission=submission)
    hidden = [view for view in mine if view.hidden]
    assert hidden
    assert all(view.data is None and view.message in HIDDEN_MESSAGES for view in hidden)
    assert all(re.fullmatch(r"Hidden test \d+", view.label) for view in hidden)
    assert all(view.data is not None for view in mine if not view.hidden)
    staff = service.case_views(db, actor=interviewer, submission=submission)
    assert all(view.data is not None and "expected" in view.data for view in staff)
    failed = [view for view in staff if view.hidden and not view.passed]
    assert failed
    assert any(view.message not in HIDDEN_MESSAGES for view in failed)


def test_hidden_data_is_revealed_only_after_a_decision_where_the_policy_says_so(
    db: Session, org: Organisation, candidate: User, interviewer: User
) -> None:
    submission = graded(db, candidate, next(iter(catalogue.get(SLUG).wrong.values())))
    org.reveal_hidden_tests = RevealPolicy.AFTER_DECISION
    assert not any(v.data for v in service.case_views(db, actor=candidate, submission=submission) if v.hidden)
    service.decide(db, actor=interviewer, submission_id=submission.id, decision=Decision.REJECTED, note="axis")
    assert all(v.data for v in service.case_views(db, actor=candidate, submission=submission))
    org.reveal_hidden_tests = RevealPolicy.NEVER
    assert not any(v.data for v in service.case_views(db, actor=candidate, submission=submission) if v.hidden)


def test_only_staff_decide_and_only_admins_set_the_policy(db: Session, candidate: User, interviewer: User) -> None:
    submission = graded(db, candidate, solution())
    with pytest.raises(Forbidden):
        service.decide(db, actor=candidate, submission_id=submission.id, decision=Decision.ACCEPTED)
    with pytest.raises(Forbidden):
        service.set_reveal_policy(db, actor=interviewer, policy=RevealPolicy.AFTER_DECISION)
    run = graded(db, candidate, solution(), SubmissionKind.RUN)
    with pytest.raises(Conflict, match="trial run"):
        service.decide(db, actor=interviewer, submission_id=run.id, decision=Decision.ACCEPTED)


def test_people_see_only_their_own_submissions_and_staff_only_their_organisation(
    db: Session, org: Organisation, candidate: User, interviewer: User
) -> None:
    submission = service.submit(db, user=candidate, slug=SLUG, source=solution(), kind=SubmissionKind.SUBMIT)
    other_candidate = make_user(db, org, Role.CANDIDATE)
    outsider = make_user(db, make_organisation(db, "Elsewhere"), Role.ADMIN)
    assert service.get(db, actor=interviewer, submission_id=submission.id) is submission
    for stranger in (other_candidate, outsider):
        with pytest.raises(NotFound):
            service.get(db, actor=stranger, submission_id=submission.id)
    assert submission not in service.list_for_review(db, actor=outsider)


@pytest.mark.parametrize(
    ("slug", "source", "error", "words"),
    [
        (SLUG, "   \n", InvalidInput, "empty"),
        (SLUG, "x = 1\n" * 20_000, InvalidInput, "64 KB"),
        ("precision-recal-f1", "x = 1", NotFound, "Did you mean `precision-recall-f1`"),
    ],
)
def test_bad_submissions_are_refused_with_a_clear_message(
    db: Session, candidate: User, slug: str, source: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=re.escape(words)):
        service.submit(db, user=candidate, slug=slug, source=source, kind=SubmissionKind.RUN)
    assert db.scalar(select(func.count()).where(Submission.user_id == candidate.id)) == 0


def test_one_person_cannot_queue_more_than_a_few_runs(db: Session, candidate: User) -> None:
    for _ in range(service.MAX_PENDING):
        service.submit(db, user=candidate, slug=SLUG, source=solution(), kind=SubmissionKind.RUN)
    with pytest.raises(Conflict, match="wait for their results"):
        service.submit(db, user=candidate, slug=SLUG, source=solution(), kind=SubmissionKind.RUN)


def renamed_copy(source: str) -> str:
    """A copy with new names and comments: what a copier does to hide it."""
    swaps = {"tp": "hits", "fp": "false_alarms", "fn": "misses", "precision": "prec", "recall": "rec"}
    for old, new in swaps.items():
        source = re.sub(rf"\b{old}\b", new, source)
    return "# my own work\n" + source


INDEPENDENT = """
import numpy as np


def precision_recall_f1(y_true, y_pred, positive=1):
    truth = np.asarray(y_true, dtype=object) == positive
    guess = np.asarray(y_pred, dtype=object) == positive
    both = float(np.logical_and(truth, guess).sum())
    p = both / guess.sum() if guess.sum() else 0.0
    r = both / truth.sum() if truth.sum() else 0.0
    return float(p), float(r), float(2 * p * r / (p + r)) if p + r else 0.0
"""


def test_a_disguised_copy_is_flagged_and_independent_work_is_not(db: Session, org: Organisation) -> None:
    first, copier, independent = (make_user(db, org, Role.CANDIDATE) for _ in range(3))
    original = graded(db, first, solution())
    copy = graded(db, copier, renamed_copy(solution()))
    assert copy.passed == copy.total
    graded(db, independent, INDEPENDENT)
    flags = db.scalars(select(SimilarityFlag).where(SimilarityFlag.organisation_id == org.id)).all()
    assert [(f.first_id, f.second_id) for f in flags] == [(original.id, copy.id)]
    assert flags[0].score >= 0.8
    assert flags[0].matches
    outsider = make_user(db, make_organisation(db, "Other place"), Role.CANDIDATE)
    graded(db, outsider, solution())  # another organisation's submissions are never compared
    assert db.scalar(select(func.count()).select_from(SimilarityFlag)) == 1


def test_when_the_sandbox_refuses_the_submission_fails_with_the_reason(
    db: Session, candidate: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise catalogue.SandboxDown("Code cannot be graded here: isolation is degraded (network).")

    monkeypatch.setattr(catalogue, "runner", refuse)  # what a production self-check failure looks like
    submission = graded(db, candidate, solution())
    assert submission.status is SubmissionStatus.FAILED
    assert submission.problem is not None
    assert "isolation is degraded" in submission.problem
    assert submission.source == solution()  # the code is kept


def test_test_data_is_not_shown_once_the_exercise_has_changed(db: Session, candidate: User, interviewer: User) -> None:
    submission = graded(db, candidate, solution())
    submission.exercise_version = "0" * 16  # graded against an earlier version of the exercise
    views = service.case_views(db, actor=interviewer, submission=submission)
    assert len(views) == submission.total
    assert all(view.data is None for view in views)  # never another version's data beside these results
