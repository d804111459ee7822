"""The demo organisation of the embedded default: one account of each role, with fresh random passwords."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mlinterview.accounts import repository, service
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.schemas import UserCreate
from mlinterview.kit.secrets import new_password

DEMO_ORGANISATION = "Demo Robotics Ltd"
DEMO_PEOPLE = [
    ("Ada Admin", "admin@demo.example.com", Role.ADMIN),
    ("Hana Hiring", "manager@demo.example.com", Role.HIRING_MANAGER),
    ("Ivan Interviewer", "interviewer@demo.example.com", Role.INTERVIEWER),
    ("Iris Interviewer", "interviewer2@demo.example.com", Role.INTERVIEWER),
    ("Cam Candidate", "candidate@demo.example.com", Role.CANDIDATE),
]


def create_if_empty(session: Session) -> list[tuple[User, str]]:
    """On a database with no organisation yet, create the demo one; returns each user with their password."""
    if repository.organisation_count(session) > 0:
        return []
    organisation = service.create_organisation(session, name=DEMO_ORGANISATION, is_demo=True)
    created = []
    for name, email, role in DEMO_PEOPLE:
        password = new_password()
        data = UserCreate(name=name, email=email, role=role, password=password)
        created.append((service.create_user(session, organisation=organisation, data=data), password))
    return created
