"""Sign in and sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.accounts import service, sessions
from mlinterview.errors import RateLimited, Unauthorized
from mlinterview.web import csrf
from mlinterview.web.deps import SessionDep, SettingsDep
from mlinterview.web.templating import flash, render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only redirect to paths of this site: ``//evil.example`` and absolute URLs become ``/``."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/login")
def login_page(request: Request, session: SessionDep, settings: SettingsDep, next: str = "/") -> Response:
    try:
        sessions.user_for(session, request.session, max_age=settings.session_max_age)
        return RedirectResponse(safe_next(next), status_code=303)
    except Unauthorized:
        return render(request, "auth/login.html", next=safe_next(next), signup=settings.signup)


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    client = request.client.host if request.client else "unknown"
    try:
        user = service.authenticate(
            session, email=email, password=password, client=client, throttle=request.app.state.throttle
        )
    except (Unauthorized, RateLimited) as error:
        return render(
            request,
            "auth/login.html",
            status_code=error.status_code,
            error=error.message,
            email=email,
            next=next,
        )
    request.session.clear()  # a fresh session at sign-in: nothing from before carries over
    request.session.update(sessions.payload_for(user))
    csrf.rotate(request)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    request.session.clear()
    flash(request, "You are signed out.")
    return RedirectResponse("/login", status_code=303)
