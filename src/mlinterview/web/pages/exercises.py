"""Coding exercises in the browser: the catalogue, an editor with "run visible tests" and "submit", results
per test, and the reviewers' side: submissions, decisions, similarity flags side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from mlinterview.accounts.models import Organisation, RevealPolicy, User
from mlinterview.errors import AppError
from mlinterview.exercises import catalogue, service
from mlinterview.exercises.models import Decision, Submission, SubmissionKind, SubmissionStatus
from mlinterview.exercises.spec import Difficulty
from mlinterview.interviews import candidates
from mlinterview.web.deps import AdminUser, CurrentUser, SessionDep, StaffUser
from mlinterview.web.templating import flash, render

router = APIRouter()


@router.get("/exercises")
def index(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    topic: str = "",
    difficulty: str = "",
    competency: str = "",
) -> Response:
    everything = list(catalogue.exercises().values())
    shown = [
        e
        for e in everything
        if (not topic or topic in e.spec.topics)
        and (not difficulty or e.spec.difficulty.value == difficulty)
        and (not competency or competency in e.spec.competencies)
    ]
    best: dict[str, Submission] = {}
    for submission in service.list_own(session, user=user, limit=500):
        if submission.kind is SubmissionKind.SUBMIT and submission.status is SubmissionStatus.GRADED:
            held = best.get(submission.exercise)
            if held is None or submission.passed / max(submission.total, 1) > held.passed / max(held.total, 1):
                best[submission.exercise] = submission
    topics = sorted({t for e in everything for t in e.spec.topics})
    competencies = sorted({c for e in everything for c in e.spec.competencies})
    return render(
        request,
        "exercises/list.html",
        user=user,
        exercises=shown,
        total=len(everything),
        best=best,
        topics=topics,
        difficulties=list(Difficulty),
        topic=topic,
        difficulty=difficulty,
        competencies=competencies,
        competency=competency,
    )


@router.get("/exercises/{slug}")
def show(request: Request, session: SessionDep, user: CurrentUser, slug: str) -> Response:
    exercise = catalogue.get(slug)
    history = service.list_own(session, user=user, slug=slug, limit=10)
    source = history[0].source if history else exercise.starter
    visible = exercise.visible_cases()
    hidden = len(exercise.hidden_cases())
    return render(
        request,
        "exercises/show.html",
        user=user,
        exercise=exercise,
        source=source,
        history=history,
        visible=visible,
        hidden=hidden,
    )


@router.post("/exercises/{slug}/submissions")
def submit(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    slug: str,
    source: Annotated[str, Form()] = "",
    kind: Annotated[SubmissionKind, Form()] = SubmissionKind.RUN,
) -> Response:
    partial = bool(request.headers.get("hx-request"))
    try:
        submission = service.submit(session, user=user, slug=slug, source=source, kind=kind)
    except AppError as error:
        session.rollback()
        if partial:
            return render(request, "exercises/_problem.html", status_code=200, message=error.message)
        return render(
            request, "errors/error.html", status_code=error.status_code, user=user, error=error, title="Not submitted"
        )
    if partial:
        return _result(request, session, user, submission)
    return RedirectResponse(f"/submissions/{submission.id}", status_code=303)


@router.get("/submissions")
def submissions(request: Request, session: SessionDep, user: CurrentUser, exercise: str = "") -> Response:
    """Staff: the organisation's submissions and similarity flags. Candidates: their own."""
    if user.role.is_staff:
        rows = service.list_for_review(session, actor=user, slug=exercise or None)
        flags = service.flags(session, actor=user)
    else:
        rows, flags = service.list_own(session, user=user, slug=exercise or None, limit=100), []
    organisation = session.get_one(Organisation, user.organisation_id)
    ids = {row.user_id for row in rows}
    names = {u.id: u.name for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    return render(
        request,
        "exercises/submissions.html",
        user=user,
        rows=rows,
        names=names,
        flags=flags,
        exercise=exercise,
        titles={slug: e.spec.title for slug, e in catalogue.exercises().items()},
        policy=organisation.reveal_hidden_tests,
        policies=list(RevealPolicy),
    )


@router.post("/submissions/policy")
def set_policy(
    request: Request, session: SessionDep, user: AdminUser, policy: Annotated[RevealPolicy, Form()]
) -> Response:
    service.set_reveal_policy(session, actor=user, policy=policy)
    flash(request, f"Hidden tests are now revealed to candidates: {policy.label.lower()}.")
    return RedirectResponse("/submissions", status_code=303)


@router.get("/submissions/{submission_id}")
def detail(request: Request, session: SessionDep, user: CurrentUser, submission_id: int) -> Response:
    submission = service.get(session, actor=user, submission_id=submission_id)
    if request.headers.get("hx-request"):
        return _result(request, session, user, submission)
    exercise = catalogue.get(submission.exercise)
    author = candidates.work_sample_author(session, viewer=user, author=session.get_one(User, submission.user_id))
    return render(
        request,
        "exercises/submission.html",
        user=user,
        submission=submission,
        exercise=exercise,
        author=author,
        views=_views(session, user, submission),
        revealed=service.reveals(session, submission),
        on_detail=True,
    )


@router.post("/submissions/{submission_id}/decision")
def decide(
    request: Request,
    session: SessionDep,
    user: StaffUser,
    submission_id: int,
    decision: Annotated[Decision, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    service.decide(session, actor=user, submission_id=submission_id, decision=decision, note=note)
    flash(request, f"Submission {submission_id} {decision.value}.")
    return RedirectResponse(f"/submissions/{submission_id}", status_code=303)


@router.get("/similarity/{flag_id}")
def similarity(request: Request, session: SessionDep, user: StaffUser, flag_id: int) -> Response:
    flag = service.get_flag(session, actor=user, flag_id=flag_id)
    sides = []
    for submission, key in ((flag.first, "first"), (flag.second, "second")):
        marked: set[int] = set()
        for match in flag.matches:
            start, end = match[key]
            marked.update(range(start, end + 1))
        lines = [(number, text, number in marked) for number, text in enumerate(submission.source.splitlines(), 1)]
        author = session.get_one(User, submission.user_id)
        sides.append((submission, candidates.work_sample_author(session, viewer=user, author=author), lines))
    exercise = catalogue.get(flag.exercise)
    return render(request, "exercises/similarity.html", user=user, flag=flag, sides=sides, exercise=exercise)


@router.post("/similarity/{flag_id}/dismiss")
def dismiss(
    request: Request, session: SessionDep, user: StaffUser, flag_id: int, note: Annotated[str, Form()] = ""
) -> Response:
    service.dismiss_flag(session, actor=user, flag_id=flag_id, note=note)
    flash(request, "Marked as looked at. The flag stays in the record with your note.")
    return RedirectResponse("/submissions", status_code=303)


def _result(request: Request, session: SessionDep, user: User, submission: Submission) -> Response:
    views = _views(session, user, submission)
    return render(request, "exercises/_result.html", user=user, submission=submission, views=views)


def _views(session: SessionDep, user: User, submission: Submission) -> list[service.CaseView]:
    if submission.status is not SubmissionStatus.GRADED:
        return []
    return service.case_views(session, actor=user, submission=submission)
