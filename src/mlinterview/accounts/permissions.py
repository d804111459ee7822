"""Who may do what. Checks raise ``Forbidden`` with a message that says which role is needed."""

from __future__ import annotations

from mlinterview.accounts.models import Role, User
from mlinterview.errors import Forbidden

STAFF = (Role.ADMIN, Role.HIRING_MANAGER, Role.INTERVIEWER)
MANAGERS = (Role.ADMIN, Role.HIRING_MANAGER)


def require_role(user: User, *roles: Role) -> None:
    if user.role not in roles:
        names = [role.label.lower() for role in roles]
        allowed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        raise Forbidden(
            f"This is open to the {allowed} role{'s' if len(names) > 1 else ''}; you are signed in as "
            f"{user.role.label.lower()}. Ask an administrator of your organisation if you need access."
        )
