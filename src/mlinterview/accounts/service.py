"""Organisations, users and sign-in. Services flush; the caller's ``session_scope()`` commits."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit, repository
from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.passwords import (
    DUMMY_HASH,
    check_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from mlinterview.accounts.permissions import MANAGERS, STAFF, require_role
from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.accounts.schemas import PasswordChange, UserCreate, UserUpdate
from mlinterview.errors import Conflict, InvalidInput, NotFound, Unauthorized
from mlinterview.kit.clock import utcnow

WRONG_CREDENTIALS = "That email and password do not match an active account. Check both and try again."


def create_organisation(session: Session, *, name: str, is_demo: bool = False) -> Organisation:
    name = name.strip()
    if not name:
        raise InvalidInput("Give the organisation a name.")
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "org"
    slug, n = base, 1
    while repository.slug_taken(session, slug):
        n += 1
        slug = f"{base}-{n}"
    organisation = Organisation(name=name, slug=slug, is_demo=is_demo)
    session.add(organisation)
    session.flush()
    return organisation


def create_user(session: Session, *, organisation: Organisation, data: UserCreate, actor: User | None = None) -> User:
    if actor is not None:
        require_role(actor, Role.ADMIN)
    if repository.user_by_email(session, data.email) is not None:
        raise Conflict(f"An account with the email {data.email} already exists. Use another email.")
    user = User(
        organisation=organisation,
        email=data.email,
        name=data.name,
        role=data.role,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    session.flush()
    if actor is not None:
        audit.record(
            session,
            actor=actor,
            action="user.create",
            summary=f"added {user.name} as {user.role.label.lower()}",
        )
    return user


def authenticate(session: Session, *, email: str, password: str, client: str, throttle: LoginThrottle) -> User:
    """The user with these credentials, or ``Unauthorized``; repeated failures are throttled."""
    email = email.strip().lower()
    throttle.check(email, client)
    user = repository.user_by_email(session, email)
    valid = verify_password(user.password_hash if user else DUMMY_HASH, password)
    if user is None or not valid or not user.is_active:
        throttle.failed(email, client)
        raise Unauthorized(WRONG_CREDENTIALS)
    throttle.succeeded(email)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    audit.record(session, actor=user, action="auth.login", summary="signed in", client=client)
    return user


def get_user(session: Session, *, actor: User, user_id: int) -> User:
    """A user of the actor's organisation; another organisation's users do not exist from here."""
    if user_id != actor.id:
        require_role(actor, *STAFF)
    user = repository.user_in_organisation(session, actor.organisation_id, user_id)
    if user is None:
        raise NotFound(f"There is no user {user_id} in your organisation.")
    return user


def list_users(session: Session, *, actor: User, role: Role | None = None) -> Sequence[User]:
    require_role(actor, *STAFF)
    return repository.users_of(session, actor.organisation_id, role)


def update_user(session: Session, *, actor: User, user_id: int, data: UserUpdate) -> User:
    user = get_user(session, actor=actor, user_id=user_id)
    if user.id != actor.id or data.is_active is not None:
        require_role(actor, Role.ADMIN)
    if data.is_active is False and user.id == actor.id:
        raise InvalidInput("You cannot deactivate your own account; ask another administrator.")
    if data.name is not None:
        user.name = data.name.strip()
    if data.is_active is not None and data.is_active != user.is_active:
        user.is_active = data.is_active
        user.session_version += 1  # a deactivated user is signed out everywhere at once
        verb = "reactivated" if data.is_active else "deactivated"
        audit.record(session, actor=actor, action=f"user.{verb}", summary=f"{verb} {user.name}")
    session.flush()
    return user


def change_password(session: Session, *, user: User, data: PasswordChange) -> None:
    if not verify_password(user.password_hash, data.current_password):
        raise InvalidInput("Your current password is not right. Type it again.")
    check_policy(data.new_password)
    user.password_hash = hash_password(data.new_password)
    user.session_version += 1  # every other session of this user ends
    audit.record(session, actor=user, action="auth.password", summary="changed their password")
    session.flush()


def sign_out_everywhere(session: Session, *, user: User) -> None:
    user.session_version += 1
    audit.record(session, actor=user, action="auth.logout_all", summary="signed out on every device")
    session.flush()


def overview(session: Session, *, actor: User) -> dict[Role, int]:
    """Active users per role in the actor's organisation (the managers' dashboard)."""
    require_role(actor, *MANAGERS)
    return repository.role_counts(session, actor.organisation_id)


INDEPENDENT = "independent-candidates"


def sign_up(session: Session, *, name: str, email: str, password: str) -> User:
    """A candidate account for someone practising on their own, in the shared organisation of independent
    candidates (made on first use). Candidates only ever see their own things, so sharing it is safe."""
    check_policy(password)
    if len(password) > 256:
        raise InvalidInput("Choose a password of at most 256 characters.")
    try:
        data = UserCreate(name=name, email=email, role=Role.CANDIDATE, password=password)
    except ValidationError:
        raise InvalidInput("Give your name and a valid email address, e.g. ada@example.com.") from None
    organisation = session.scalar(select(Organisation).where(Organisation.slug == INDEPENDENT))
    if organisation is None:
        organisation = Organisation(name="Independent candidates", slug=INDEPENDENT)
        session.add(organisation)
        session.flush()
    return create_user(session, organisation=organisation, data=data)
