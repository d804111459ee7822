"""The people of an organisation: staff see the list; administrators add, deactivate and reactivate."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from mlinterview.accounts import repository, service
from mlinterview.accounts.models import Role
from mlinterview.accounts.schemas import UserCreate, UserUpdate
from mlinterview.errors import AppError
from mlinterview.kit.secrets import new_password
from mlinterview.web.deps import AdminUser, SessionDep, StaffUser
from mlinterview.web.templating import flash, render

router = APIRouter(prefix="/people")


def _page(request: Request, session: SessionDep, user: StaffUser, status_code: int = 200, **extra: object) -> Response:
    role = request.query_params.get("role")
    selected = Role(role) if role in {r.value for r in Role} else None
    return render(
        request,
        "people/list.html",
        status_code=status_code,
        user=user,
        people=service.list_users(session, actor=user, role=selected),
        counts=repository.role_counts(session, user.organisation_id),
        selected=selected,
        roles=list(Role),
        **extra,
    )


@router.get("")
def people(request: Request, session: SessionDep, user: StaffUser) -> Response:
    return _page(request, session, user)


@router.post("")
def add_person(
    request: Request,
    session: SessionDep,
    user: AdminUser,
    name: Annotated[str, Form()],
    email: Annotated[str, Form()],
    role: Annotated[str, Form()],
) -> Response:
    password = new_password()
    form = {"name": name, "email": email, "role": role}
    try:
        data = UserCreate(name=name, email=email, role=role, password=password)
        person = service.create_user(session, organisation=user.organisation, data=data, actor=user)
    except ValidationError as error:
        session.rollback()
        problem = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in error.errors())
        return _page(request, session, user, 422, error=f"Check the form: {problem}.", form=form)
    except AppError as error:
        session.rollback()
        return _page(request, session, user, error.status_code, error=error.message, form=form)
    return _page(request, session, user, 201, created=person, one_time_password=password)


@router.get("/{person_id}")
def person(request: Request, session: SessionDep, user: StaffUser, person_id: int) -> Response:
    person = service.get_user(session, actor=user, user_id=person_id)
    events = repository.events_of(session, user.organisation_id, actor_id=person.id, limit=20)
    return render(request, "people/detail.html", user=user, person=person, events=events)


@router.post("/{person_id}/active")
def set_active(
    request: Request, session: SessionDep, user: AdminUser, person_id: int, active: Annotated[bool, Form()]
) -> Response:
    person = service.update_user(session, actor=user, user_id=person_id, data=UserUpdate(is_active=active))
    flash(request, f"{person.name} is now {'active' if active else 'deactivated and signed out'}.")
    return RedirectResponse(f"/people/{person.id}", status_code=303)
