"""The navigation each role sees."""

from __future__ import annotations

from dataclasses import dataclass

from mlinterview.accounts.models import Role

ALL = tuple(Role)
STAFF = (Role.ADMIN, Role.HIRING_MANAGER, Role.INTERVIEWER)


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    icon: str
    roles: tuple[Role, ...]


NAV = (
    NavItem("Dashboard", "/", "◧", ALL),
    NavItem("Practice", "/practice", "★", (Role.CANDIDATE,)),
    NavItem("Question bank", "/questions", "?", ALL),
    NavItem("Topics", "/topics", "▦", ALL),
    NavItem("Coding exercises", "/exercises", "⌨", ALL),
    NavItem("Code review", "/submissions", "⎇", STAFF),
    NavItem("Take-homes", "/takehomes", "▤", ALL),
    NavItem("Openings", "/openings", "◎", STAFF),
    NavItem("My interviews", "/my-interviews", "✉", (Role.CANDIDATE,)),
    NavItem("Calibration", "/calibration", "⚖", (Role.ADMIN, Role.HIRING_MANAGER)),
    NavItem("Interview guide", "/guides", "☰", ALL),
    NavItem("Framework", "/framework", "◈", STAFF),
    NavItem("People", "/people", "◉", STAFF),
    NavItem("Activity", "/activity", "≡", (Role.ADMIN, Role.HIRING_MANAGER)),
    NavItem("Account", "/account", "⚙", ALL),
)


def items_for(role: Role) -> list[NavItem]:
    return [item for item in NAV if role in item.roles]
