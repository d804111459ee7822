"""Small typed builders of test data, and helpers that act as a user would."""

from __future__ import annotations

import itertools
import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts import service, tokens
from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.schemas import UserCreate

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


def make_organisation(db: Session, name: str = "Acme Analytics") -> Organisation:
    return service.create_organisation(db, name=name)


def make_user(
    db: Session, organisation: Organisation, role: Role = Role.INTERVIEWER, *, name: str | None = None
) -> User:
    n = next(_numbers)
    data = UserCreate(
        email=f"{role.value}{n}@{organisation.slug}.example.com",
        name=name or f"{role.label} {n}",
        role=role,
        password=PASSWORD,
    )
    user = service.create_user(db, organisation=organisation, data=data)
    db.flush()
    return user


def make_token(db: Session, user: User) -> str:
    _, plaintext = tokens.create(db, user=user, name="tests")
    db.flush()
    return plaintext


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def login(client: TestClient, user: User, password: str = PASSWORD) -> str:
    """Sign in through the real form; returns the CSRF token of the signed-in session."""
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"email": user.email, "password": password, "csrf_token": token})
    assert response.status_code == 200, response.text  # followed the redirect to the dashboard
    return csrf_from(response.text)
