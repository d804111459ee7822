import pytest
from sqlalchemy.orm import Session

from mlinterview.accounts import service
from mlinterview.accounts.models import Role
from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.accounts.schemas import PasswordChange, UserCreate, UserUpdate
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited, Unauthorized
from tests.factories import PASSWORD, make_organisation, make_user


@pytest.fixture
def throttle() -> LoginThrottle:
    return LoginThrottle("3/minute", "memory://")


def test_organisation_slugs_are_unique(db: Session) -> None:
    first = make_organisation(db, "Acme Analytics")
    second = make_organisation(db, "Acme  analytics!")
    assert (first.slug, second.slug) == ("acme-analytics", "acme-analytics-2")


def test_passwords_are_stored_as_argon2_hashes(db: Session) -> None:
    user = make_user(db, make_organisation(db))
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_duplicate_email_is_a_conflict_whatever_the_case(db: Session) -> None:
    org = make_organisation(db)
    user = make_user(db, org)
    data = UserCreate(email=user.email.upper(), name="Twin", role=Role.CANDIDATE, password=PASSWORD)
    with pytest.raises(Conflict, match="already exists"):
        service.create_user(db, organisation=org, data=data)


def test_short_password_is_refused_with_the_rule(db: Session) -> None:
    data = UserCreate(email="short@example.com", name="Short", role=Role.CANDIDATE, password="abc")
    with pytest.raises(InvalidInput, match="at least 10 characters"):
        service.create_user(db, organisation=make_organisation(db), data=data)


def test_only_admins_create_users(db: Session) -> None:
    org = make_organisation(db)
    manager = make_user(db, org, Role.HIRING_MANAGER)
    data = UserCreate(email="new@example.com", name="New", role=Role.CANDIDATE, password=PASSWORD)
    with pytest.raises(Forbidden, match="admin"):
        service.create_user(db, organisation=org, data=data, actor=manager)


def test_authenticate_accepts_right_password_and_records_sign_in(db: Session, throttle: LoginThrottle) -> None:
    user = make_user(db, make_organisation(db))
    signed_in = service.authenticate(
        db, email=f"  {user.email.upper()} ", password=PASSWORD, client="1.2.3.4", throttle=throttle
    )
    assert signed_in.id == user.id
    assert signed_in.last_login_at is not None


@pytest.mark.parametrize("password", ["wrong password", ""])
def test_authenticate_refuses_wrong_password(db: Session, throttle: LoginThrottle, password: str) -> None:
    user = make_user(db, make_organisation(db))
    with pytest.raises(Unauthorized, match="do not match"):
        service.authenticate(db, email=user.email, password=password, client="1.2.3.4", throttle=throttle)


def test_unknown_email_and_deactivated_user_get_the_same_answer(db: Session, throttle: LoginThrottle) -> None:
    org = make_organisation(db)
    admin = make_user(db, org, Role.ADMIN)
    user = make_user(db, org)
    service.update_user(db, actor=admin, user_id=user.id, data=UserUpdate(is_active=False))
    for email in (user.email, "nobody@example.com"):
        with pytest.raises(Unauthorized, match="do not match"):
            service.authenticate(db, email=email, password=PASSWORD, client="1.2.3.4", throttle=throttle)


def test_repeated_failures_are_throttled_even_with_the_right_password(db: Session, throttle: LoginThrottle) -> None:
    user = make_user(db, make_organisation(db))
    for _ in range(3):
        with pytest.raises(Unauthorized):
            service.authenticate(db, email=user.email, password="wrong guess!", client="5.6.7.8", throttle=throttle)
    with pytest.raises(RateLimited, match="Too many failed sign-in attempts"):
        service.authenticate(db, email=user.email, password=PASSWORD, client="5.6.7.8", throttle=throttle)


def test_other_organisations_users_are_not_found(db: Session) -> None:
    mine, theirs = make_organisation(db, "Mine"), make_organisation(db, "Theirs")
    me = make_user(db, mine, Role.ADMIN)
    stranger = make_user(db, theirs)
    with pytest.raises(NotFound):
        service.get_user(db, actor=me, user_id=stranger.id)
    assert stranger.id not in {u.id for u in service.list_users(db, actor=me)}


def test_candidates_cannot_look_up_other_people(db: Session) -> None:
    org = make_organisation(db)
    candidate, colleague = make_user(db, org, Role.CANDIDATE), make_user(db, org)
    assert service.get_user(db, actor=candidate, user_id=candidate.id).id == candidate.id
    with pytest.raises(Forbidden):
        service.get_user(db, actor=candidate, user_id=colleague.id)
    with pytest.raises(Forbidden):
        service.list_users(db, actor=candidate)


def test_admin_cannot_deactivate_themselves(db: Session) -> None:
    admin = make_user(db, make_organisation(db), Role.ADMIN)
    with pytest.raises(InvalidInput, match="another administrator"):
        service.update_user(db, actor=admin, user_id=admin.id, data=UserUpdate(is_active=False))


def test_change_password_checks_current_and_ends_other_sessions(db: Session, throttle: LoginThrottle) -> None:
    user = make_user(db, make_organisation(db))
    version = user.session_version
    with pytest.raises(InvalidInput, match="current password"):
        service.change_password(db, user=user, data=PasswordChange(current_password="nope", new_password="x" * 12))
    service.change_password(
        db, user=user, data=PasswordChange(current_password=PASSWORD, new_password="a new passphrase")
    )
    assert user.session_version == version + 1
    assert service.authenticate(db, email=user.email, password="a new passphrase", client="c", throttle=throttle)


def test_overview_counts_active_users_per_role(db: Session) -> None:
    org = make_organisation(db)
    admin = make_user(db, org, Role.ADMIN)
    for role in (Role.INTERVIEWER, Role.INTERVIEWER, Role.CANDIDATE):
        make_user(db, org, role)
    counts = service.overview(db, actor=admin)
    assert counts[Role.INTERVIEWER] == 2
    assert counts[Role.CANDIDATE] == 1
    assert counts[Role.HIRING_MANAGER] == 0
