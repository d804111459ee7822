"""Openings in the browser: create one from a role profile, adjust its competencies and weights, edit the
job description, plan the stages and their interviewers, and build each stage's interview kit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from mlinterview.accounts.models import Role, User
from mlinterview.content.models import QuestionVersion, RoleProfile
from mlinterview.errors import InvalidInput
from mlinterview.exercises import catalogue as exercise_catalogue
from mlinterview.interviews import access, candidates, openings, pdf, plans
from mlinterview.interviews.models import Candidate, OpeningStatus, StageKind
from mlinterview.takehome import catalogue as takehome_catalogue
from mlinterview.web.deps import ManagerUser, SessionDep, StaffUser
from mlinterview.web.templating import flash, render

router = APIRouter()


@router.get("/openings")
def index(request: Request, session: SessionDep, user: StaffUser) -> Response:
    profiles = session.scalars(select(RoleProfile).order_by(RoleProfile.role, RoleProfile.id)).all()
    rows = openings.visible(session, actor=user)
    counts = {o.id: len(session.scalars(select(Candidate.id).where(Candidate.opening_id == o.id)).all()) for o in rows}
    return render(
        request, "interviews/openings.html", user=user, openings=rows, profiles=profiles, counts=counts,
        can_create=user.role in (Role.ADMIN, Role.HIRING_MANAGER),
    )  # fmt: skip


@router.post("/openings")
def create(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    profile: Annotated[str, Form()],
    title: Annotated[str, Form()] = "",
) -> Response:
    role, _, level = profile.partition("/")
    opening = openings.create(session, actor=user, role=role, level=level, title=title)
    flash(
        request,
        f"Opening created with {len(opening.stages)} stages and their interview kits. Assign interviewers next.",
    )
    return RedirectResponse(f"/openings/{opening.id}", status_code=303)


@router.get("/openings/{opening_id}")
def show(request: Request, session: SessionDep, user: StaffUser, opening_id: int) -> Response:
    opening = access.opening(session, user, opening_id)
    manages = access.manages(user, opening)
    staff = session.scalars(
        select(User).where(User.organisation_id == user.organisation_id, User.role != Role.CANDIDATE, User.is_active)
        .order_by(User.name)
    ).all()  # fmt: skip
    people = candidates.listing(session, actor=user, opening_id=opening.id)
    return render(
        request, "interviews/opening.html", user=user, opening=opening, manages=manages, staff=staff,
        people=people, shown_name=lambda c: candidates.shown_name(c, user), names=openings.competency_names(session),
        assigned=access.assigned_stages(session, user, opening), kinds=list(StageKind),
        exercises=sorted(exercise_catalogue.exercises()), takehomes=sorted(takehome_catalogue.projects()),
        current_kit=plans.current_kit, statuses=list(OpeningStatus),
    )  # fmt: skip


@router.post("/openings/{opening_id}")
async def update(request: Request, session: SessionDep, user: ManagerUser, opening_id: int) -> Response:
    form = await request.form()
    weights = {key[len("weight_") :]: _number(str(value)) for key, value in form.items() if key.startswith("weight_")}
    openings.update(
        session, actor=user, opening_id=opening_id, title=str(form.get("title", "")) or None,
        weights=weights or None, essential=[str(v) for v in form.getlist("essential")],
        anonymise_work="anonymise_work" in form if "settings" in form else None,
        status=OpeningStatus(str(form["status"])) if form.get("status") else None,
    )  # fmt: skip
    flash(request, "Opening saved.")
    return RedirectResponse(f"/openings/{opening_id}", status_code=303)


def _number(text: str) -> float:
    try:
        return float(text or 0)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a number; give each weight as a number such as 0.2 or 20.") from None


@router.post("/openings/{opening_id}/description")
def update_description(
    request: Request, session: SessionDep, user: ManagerUser, opening_id: int, body: Annotated[str, Form()]
) -> Response:
    openings.update(session, actor=user, opening_id=opening_id, job_description_text=body)
    flash(request, "Job description saved.")
    return RedirectResponse(f"/openings/{opening_id}#description", status_code=303)


@router.post("/openings/{opening_id}/stages")
def add_stage(
    request: Request, session: SessionDep, user: ManagerUser, opening_id: int, kind: Annotated[StageKind, Form()]
) -> Response:
    stage = plans.add_stage(session, actor=user, opening_id=opening_id, kind=kind)
    flash(request, f"Added the stage “{stage.name}”. Set its focus, interviewers and kit.")
    return RedirectResponse(f"/openings/{opening_id}#stage-{stage.id}", status_code=303)


@router.post("/stages/{stage_id}")
async def update_stage(request: Request, session: SessionDep, user: ManagerUser, stage_id: int) -> Response:
    form = await request.form()
    try:
        duration = int(str(form.get("duration_minutes", "")))
    except ValueError:
        raise InvalidInput("Give the stage's duration in whole minutes, e.g. 45.") from None
    stage = plans.update_stage(
        session, actor=user, stage_id=stage_id, name=str(form.get("name", "")),
        focus=[str(v) for v in form.getlist("focus")], duration_minutes=duration,
        instructions=str(form.get("instructions", "")), exercise=str(form.get("exercise", "")),
        takehome=str(form.get("takehome", "")), interviewer_ids=[int(str(v)) for v in form.getlist("interviewers")],
    )  # fmt: skip
    flash(request, f"Saved “{stage.name}”.")
    return RedirectResponse(f"/openings/{stage.opening_id}#stage-{stage.id}", status_code=303)


@router.post("/stages/{stage_id}/remove")
def remove_stage(request: Request, session: SessionDep, user: ManagerUser, stage_id: int) -> Response:
    opening_id = access.stage(session, user, stage_id, manage=True).opening_id
    plans.remove_stage(session, actor=user, stage_id=stage_id)
    flash(request, "Stage removed.")
    return RedirectResponse(f"/openings/{opening_id}", status_code=303)


# -- kits -------------------------------------------------------------------------------------------------------------


@router.get("/stages/{stage_id}/kit")
def kit(request: Request, session: SessionDep, user: StaffUser, stage_id: int) -> Response:
    stage = access.stage(session, user, stage_id)
    current = plans.current_kit(stage)
    items = [(item, _content(session, item.question_version_id)) for item in (current.items if current else [])]
    return render(
        request, "interviews/kit.html", user=user, stage=stage, opening=stage.opening, kit=current, items=items,
        names=openings.competency_names(session), manages=access.manages(user, stage.opening),
        used=plans.in_use(session, current) if current else False,
    )  # fmt: skip


def _content(session: SessionDep, version_id: int) -> dict[str, object]:
    return session.get_one(QuestionVersion, version_id).content


@router.get("/stages/{stage_id}/kit.pdf")
def kit_pdf(session: SessionDep, user: StaffUser, stage_id: int) -> Response:
    from mlinterview.content.schema import Question as QuestionContent

    stage = access.stage(session, user, stage_id)
    current = plans.current_kit(stage)
    names = openings.competency_names(session)
    focus = [
        (names[key].name, [(a["level"], a["label"], a["description"]) for a in names[key].levels])
        for key in stage.focus
        if key in names
    ]
    label = {key: comp.name for key, comp in names.items()}
    questions = [
        (
            QuestionContent.model_validate(_content(session, i.question_version_id)),
            label.get(i.competency, i.competency),
        )
        for i in (current.items if current else [])
    ]
    document = pdf.kit_pdf(
        opening=stage.opening.title, stage=stage.name, duration_minutes=stage.duration_minutes,
        instructions=stage.instructions, focus=focus, questions=questions, version=current.number if current else 0,
    )  # fmt: skip
    filename = f"kit-{stage.opening_id}-{stage.kind.value}-v{current.number if current else 0}.pdf"
    return Response(
        document, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@router.post("/stages/{stage_id}/kit/regenerate")
def regenerate(request: Request, session: SessionDep, user: ManagerUser, stage_id: int) -> Response:
    plans.regenerate_kit(session, actor=user, stage_id=stage_id)
    flash(request, "Questions chosen again from the bank.")
    return RedirectResponse(f"/stages/{stage_id}/kit", status_code=303)


@router.post("/stages/{stage_id}/kit/questions")
def add_question(
    request: Request, session: SessionDep, user: ManagerUser, stage_id: int, slug: Annotated[str, Form()]
) -> Response:
    plans.add_question(session, actor=user, stage_id=stage_id, slug=slug)
    flash(request, "Question added to the kit.")
    return RedirectResponse(f"/stages/{stage_id}/kit", status_code=303)


@router.post("/stages/{stage_id}/kit/questions/{item_id}/remove")
def remove_question(request: Request, session: SessionDep, user: ManagerUser, stage_id: int, item_id: int) -> Response:
    plans.remove_question(session, actor=user, stage_id=stage_id, item_id=item_id)
    flash(request, "Question removed from the kit.")
    return RedirectResponse(f"/stages/{stage_id}/kit", status_code=303)


@router.post("/stages/{stage_id}/kit/questions/{item_id}/move")
def move_question(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    stage_id: int,
    item_id: int,
    offset: Annotated[int, Form()],
) -> Response:
    plans.move_question(session, actor=user, stage_id=stage_id, item_id=item_id, offset=offset)
    return RedirectResponse(f"/stages/{stage_id}/kit", status_code=303)


@router.post("/stages/{stage_id}/kit/versions")
def new_version(
    request: Request, session: SessionDep, user: ManagerUser, stage_id: int, note: Annotated[str, Form()] = ""
) -> Response:
    created = plans.new_version(session, actor=user, stage_id=stage_id, note=note)
    flash(request, f"Version {created.number} started; candidates interviewed from now on get it.")
    return RedirectResponse(f"/stages/{stage_id}/kit", status_code=303)
