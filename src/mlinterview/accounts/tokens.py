"""API tokens: created by a user for the REST API, stored only as a digest, revocable at any time."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from mlinterview.accounts import audit, repository
from mlinterview.accounts.models import ApiToken, User
from mlinterview.errors import Conflict, InvalidInput, NotFound, Unauthorized
from mlinterview.kit.clock import utcnow
from mlinterview.kit.secrets import new_token, token_digest

TOKEN_PREFIX = "mli"
MAX_ACTIVE_TOKENS = 20


def create(session: Session, *, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token and its plaintext, which is never stored and so can be shown only now."""
    name = name.strip()
    if not name:
        raise InvalidInput("Name the token after what will use it, e.g. 'ATS sync'.")
    active = [t for t in repository.tokens_of(session, user.id) if t.revoked_at is None]
    if len(active) >= MAX_ACTIVE_TOKENS:
        raise Conflict(f"You already have {MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use.")
    plaintext = new_token(TOKEN_PREFIX)
    token = ApiToken(user=user, name=name, digest=token_digest(plaintext), hint=plaintext[-4:])
    session.add(token)
    session.flush()
    audit.record(session, actor=user, action="token.create", summary=f"created the API token “{name}”")
    return token, plaintext


def list_for(session: Session, *, user: User) -> Sequence[ApiToken]:
    return repository.tokens_of(session, user.id)


def revoke(session: Session, *, user: User, token_id: int) -> ApiToken:
    token = repository.token_of(session, user.id, token_id)
    if token is None:
        raise NotFound(f"You have no API token {token_id}. Your tokens are listed on your account page.")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, actor=user, action="token.revoke", summary=f"revoked the API token “{token.name}”")
    session.flush()
    return token


def authenticate(session: Session, *, plaintext: str) -> User:
    """The active user behind a bearer token, or ``Unauthorized``."""
    token = repository.token_by_digest(session, token_digest(plaintext.strip()))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        raise Unauthorized(
            "This API token is not valid: it may be mistyped or revoked. Create a new one on your account page."
        )
    token.last_used_at = utcnow()
    return token.user
