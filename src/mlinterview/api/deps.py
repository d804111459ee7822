"""FastAPI dependencies of the REST API. The API authenticates by bearer token only (no cookies, so no CSRF)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from mlinterview.accounts import tokens
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.permissions import require_role
from mlinterview.db.session import session_per_request
from mlinterview.errors import Unauthorized

SessionDep = Annotated[Session, Depends(session_per_request, scope="function")]
bearer = HTTPBearer(auto_error=False, description="An API token created on your account page (`mli_...`).")


def token_user(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> User:
    if credentials is None:
        raise Unauthorized(
            "Send an API token as 'Authorization: Bearer mli_...'. Create one on your account page "
            "or with 'mlinterview users token EMAIL'."
        )
    return tokens.authenticate(session, plaintext=credentials.credentials)


ApiUser = Annotated[User, Depends(token_user)]


def admin_user(user: ApiUser) -> User:
    require_role(user, Role.ADMIN)
    return user


AdminUser = Annotated[User, Depends(admin_user)]
