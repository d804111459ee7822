"""The signed-in user's own account: profile, password, API tokens, data export, sessions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.accounts import exports, service, tokens
from mlinterview.accounts.models import ExportStatus
from mlinterview.accounts.schemas import PasswordChange, UserUpdate
from mlinterview.errors import AppError, Conflict
from mlinterview.web.deps import CurrentUser, SessionDep
from mlinterview.web.templating import flash, render

router = APIRouter(prefix="/account")


def _page(
    request: Request, session: SessionDep, user: CurrentUser, status_code: int = 200, **extra: object
) -> Response:
    return render(
        request,
        "account.html",
        status_code=status_code,
        user=user,
        tokens=tokens.list_for(session, user=user),
        exports=exports.list_for(session, user=user),
        **extra,
    )


def _back(request: Request, message: str, anchor: str) -> Response:
    flash(request, message)
    return RedirectResponse(f"/account#{anchor}", status_code=303)


@router.get("")
def account(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return _page(request, session, user)


@router.post("/profile")
def update_profile(request: Request, session: SessionDep, user: CurrentUser, name: Annotated[str, Form()]) -> Response:
    if not name.strip():
        return _page(request, session, user, 422, profile_error="Your name cannot be blank.")
    service.update_user(session, actor=user, user_id=user.id, data=UserUpdate(name=name))
    return _back(request, "Your profile is saved.", "profile")


@router.post("/password")
def change_password(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    current_password: Annotated[str, Form()],
    new_password: Annotated[str, Form()],
    confirm_password: Annotated[str, Form()],
) -> Response:
    if new_password != confirm_password:
        return _page(request, session, user, 422, password_error="The two new passwords differ. Type them again.")
    try:
        service.change_password(
            session,
            user=user,
            data=PasswordChange(current_password=current_password, new_password=new_password),
        )
    except AppError as error:
        session.rollback()
        return _page(request, session, user, error.status_code, password_error=error.message)
    request.session["ver"] = user.session_version  # this session stays signed in; all others end
    return _back(request, "Your password is changed. Other devices have been signed out.", "password")


@router.post("/tokens")
def create_token(request: Request, session: SessionDep, user: CurrentUser, name: Annotated[str, Form()]) -> Response:
    try:
        token, plaintext = tokens.create(session, user=user, name=name)
    except AppError as error:
        session.rollback()
        return _page(request, session, user, error.status_code, token_error=error.message)
    return _page(request, session, user, 201, new_token=plaintext, new_token_name=token.name)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(request: Request, session: SessionDep, user: CurrentUser, token_id: int) -> Response:
    token = tokens.revoke(session, user=user, token_id=token_id)
    return _back(request, f"The token “{token.name}” is revoked; requests that use it now fail.", "tokens")


@router.post("/exports")
def request_export(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    try:
        exports.request(session, user=user)
    except AppError as error:
        session.rollback()
        return _page(request, session, user, error.status_code, export_error=error.message)
    return _back(request, "Your data export is being prepared; it appears below in a moment.", "export")


@router.get("/exports/{export_id}")
def download_export(session: SessionDep, user: CurrentUser, export_id: int) -> Response:
    export = exports.get(session, user=user, export_id=export_id)
    if export.status is not ExportStatus.READY or export.content is None:
        raise Conflict("This export is still being prepared. Reload the account page in a moment.")
    filename = f"mlinterview-export-{export.created_at:%Y%m%d}-{export.id}.json"
    return Response(
        export.content,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/sign-out-everywhere")
def sign_out_everywhere(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    service.sign_out_everywhere(session, user=user)
    request.session.clear()
    flash(request, "You are signed out on every device, this one included.")
    return RedirectResponse("/login", status_code=303)
