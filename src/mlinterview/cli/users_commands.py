"""``mlinterview users``: create the first administrator and manage accounts from a terminal."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy.orm import Session

from mlinterview.accounts import repository, service, tokens
from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.passwords import check_policy, hash_password
from mlinterview.accounts.schemas import UserCreate
from mlinterview.cli.console import console
from mlinterview.db import session_scope
from mlinterview.errors import NotFound
from mlinterview.kit.secrets import new_password

app = typer.Typer(help="Create and manage user accounts.", no_args_is_help=True)


def _ask_password() -> tuple[str, bool]:
    """A password typed twice at the terminal, or a generated one (shown once) when there is no terminal."""
    if sys.stdin.isatty():
        password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        check_policy(password)
        return password, False
    return new_password(), True


def _user(session: Session, email: str) -> User:
    user = repository.user_by_email(session, email)
    if user is None:
        raise NotFound(f"No account has the email {email}. `mlinterview users list` shows every account.")
    return user


def _organisation(session: Session, name: str) -> Organisation:
    existing = [o for o in session.query(Organisation).all() if o.name.lower() == name.strip().lower()]
    return existing[0] if existing else service.create_organisation(session, name=name)


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True, help="Email the administrator signs in with.")],
    name: Annotated[str, typer.Option(prompt=True, help="Full name.")],
    organisation: Annotated[str, typer.Option(prompt=True, help="Organisation name; created if it does not exist.")],
) -> None:
    """Create an administrator (the first account of a new deployment). Asks for a password at the terminal."""
    password, generated = _ask_password()
    _create(email, name, Role.ADMIN, organisation, password, generated)


@app.command("create")
def create(
    email: Annotated[str, typer.Option(help="Email the person signs in with.")],
    name: Annotated[str, typer.Option(help="Full name.")],
    role: Annotated[Role, typer.Option(help="admin, hiring_manager, interviewer or candidate.")],
    organisation: Annotated[str, typer.Option(help="Organisation name; created if it does not exist.")],
) -> None:
    """Create an account of any role. The password is generated and shown once."""
    _create(email, name, role, organisation, new_password(), True)


def _create(email: str, name: str, role: Role, organisation: str, password: str, show: bool) -> None:
    with session_scope() as session:
        org = _organisation(session, organisation)
        user = service.create_user(
            session, organisation=org, data=UserCreate(email=email, name=name, role=role, password=password)
        )
        summary = f"Created {user.role.label.lower()} [bold]{user.email}[/] in {org.name}."
    console.print(summary)
    if show:
        console.print(f"One-time password: [bold yellow]{password}[/] (shown only now).")


@app.command("list")
def list_users() -> None:
    """List every account with its organisation and role."""
    with session_scope() as session:
        table = Table("Organisation", "Name", "Email", "Role", "Active", "Last sign-in")
        for org in session.query(Organisation).order_by(Organisation.name):
            for user in repository.users_of(session, org.id):
                last = user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "never"
                table.add_row(org.name, user.name, user.email, user.role.label, "yes" if user.is_active else "no", last)
    console.print(table)


@app.command("set-password")
def set_password(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Set a new password (typed, or generated when not at a terminal); signs the user out everywhere."""
    password, generated = _ask_password()
    with session_scope() as session:
        user = _user(session, email)
        user.password_hash = hash_password(password)
        user.session_version += 1
    console.print(f"Password of {email} changed; their other sessions have ended.")
    if generated:
        console.print(f"One-time password: [bold yellow]{password}[/] (shown only now).")


@app.command("token")
def create_token(
    email: Annotated[str, typer.Argument(help="The account the token acts as.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "command line",
) -> None:
    """Create an API token for an account and print it once."""
    with session_scope() as session:
        _, plaintext = tokens.create(session, user=_user(session, email), name=name)
    console.print(f"API token for {email}: [bold yellow]{plaintext}[/]")
    console.print("Send it as 'Authorization: Bearer <token>'. It is shown only now.")
