from sqlalchemy.orm import Session

from mlinterview.accounts import demo
from mlinterview.accounts.models import Role
from mlinterview.accounts.passwords import verify_password


def test_demo_organisation_has_every_role_with_random_passwords(db: Session) -> None:
    created = demo.create_if_empty(db)
    assert {user.role for user, _ in created} == set(Role)
    passwords = [password for _, password in created]
    assert len(set(passwords)) == len(passwords)
    assert all(verify_password(user.password_hash, password) for user, password in created)
    assert all(user.organisation.is_demo for user, _ in created)


def test_demo_is_created_only_on_an_empty_database(db: Session) -> None:
    assert demo.create_if_empty(db)
    assert demo.create_if_empty(db) == []
