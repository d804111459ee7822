"""FastAPI dependencies of the web pages, as readable ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from mlinterview.accounts import sessions
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.permissions import MANAGERS, STAFF, require_role
from mlinterview.config import Settings
from mlinterview.db.session import session_per_request
from mlinterview.errors import Unauthorized

SessionDep = Annotated[Session, Depends(session_per_request, scope="function")]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def current_user(request: Request, session: SessionDep, settings: SettingsDep) -> User:
    try:
        return sessions.user_for(session, request.session, max_age=settings.session_max_age)
    except Unauthorized:
        for key in ("uid", "ver", "iat"):
            request.session.pop(key, None)
        raise


CurrentUser = Annotated[User, Depends(current_user)]


def staff_user(user: CurrentUser) -> User:
    require_role(user, *STAFF)
    return user


def manager_user(user: CurrentUser) -> User:
    require_role(user, *MANAGERS)
    return user


def admin_user(user: CurrentUser) -> User:
    require_role(user, Role.ADMIN)
    return user


StaffUser = Annotated[User, Depends(staff_user)]
ManagerUser = Annotated[User, Depends(manager_user)]
AdminUser = Annotated[User, Depends(admin_user)]
