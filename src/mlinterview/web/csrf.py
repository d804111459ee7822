"""CSRF protection for every form: a per-session token that each unsafe request must send back.

Forms carry it as the hidden field ``csrf_token`` (``{{ csrf_input() }}`` in a template); HTMX sends
it as the ``X-CSRF-Token`` header (set once on ``<body hx-headers>``).
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from mlinterview.errors import Forbidden

SESSION_KEY = "csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def token_for(request: Request) -> str:
    token = request.session.get(SESSION_KEY)
    if not token:
        token = request.session[SESSION_KEY] = secrets.token_urlsafe(32)
    return str(token)


def rotate(request: Request) -> None:
    """A new token at sign-in, so a token seen before signing in is worthless after."""
    request.session[SESSION_KEY] = secrets.token_urlsafe(32)


async def verify(request: Request) -> None:
    """Router dependency: refuse an unsafe request whose token is missing or wrong."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get(SESSION_KEY)
    sent = request.headers.get(HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        field = (await request.form()).get(FIELD)
        sent = field if isinstance(field, str) else None
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(expected, sent):
        raise Forbidden(
            "This form has expired or was not sent from mlinterview. Go back, reload the page and submit it again."
        )
