"""What a signed session cookie holds, and how it turns back into a user.

The cookie carries the user id, the user's session version and the sign-in time. Bumping the version
(password change, deactivation, "sign out everywhere") ends every older session; sign-ins older than
``session_max_age`` have expired whatever the cookie says.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from mlinterview.accounts.models import User
from mlinterview.errors import Unauthorized
from mlinterview.kit.clock import utcnow

SIGNED_OUT = "Sign in to continue."
EXPIRED = "Your session has expired. Sign in again to continue."


def payload_for(user: User) -> dict[str, Any]:
    return {"uid": user.id, "ver": user.session_version, "iat": int(utcnow().timestamp())}


def user_for(session: Session, payload: dict[str, Any], *, max_age: int) -> User:
    """The signed-in user, or ``Unauthorized`` saying whether they never signed in or their session expired."""
    if "uid" not in payload:
        raise Unauthorized(SIGNED_OUT)
    if utcnow().timestamp() - float(payload.get("iat", 0)) > max_age:
        raise Unauthorized(EXPIRED)
    user = session.get(User, payload["uid"])
    if user is None or not user.is_active or user.session_version != payload.get("ver"):
        raise Unauthorized(EXPIRED)
    return user
