"""Who sees which page: each role's navigation, 403 for the wrong role, 404 across organisations."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from tests.factories import csrf_from, login, make_organisation, make_user


@pytest.fixture
def org(db: Session):
    return make_organisation(db, "Acme Analytics")


@pytest.mark.parametrize(
    ("role", "visible", "hidden"),
    [
        (Role.ADMIN, ["/questions", "/framework", "/people", "/activity", "/account"], []),
        (Role.HIRING_MANAGER, ["/questions", "/framework", "/people", "/activity", "/account"], []),
        (Role.INTERVIEWER, ["/questions", "/framework", "/people", "/account"], ["/activity"]),
        (Role.CANDIDATE, ["/questions", "/topics", "/account"], ["/people", "/activity", "/framework"]),
    ],
)
def test_navigation_and_dashboard_by_role(client, db, org, role, visible, hidden) -> None:
    login(client, make_user(db, org, role))
    page = client.get("/").text
    for path in visible:
        assert f'href="{path}"' in page
        assert client.get(path).status_code == 200
    for path in hidden:
        assert f'href="{path}"' not in page
        response = client.get(path)
        assert response.status_code == 403
        assert "You do not have access to this page" in response.text


def test_candidate_cannot_open_a_staff_profile(client, db, org) -> None:
    interviewer = make_user(db, org, Role.INTERVIEWER, name="Private Person")
    login(client, make_user(db, org, Role.CANDIDATE))
    response = client.get(f"/people/{interviewer.id}")
    assert response.status_code == 403
    assert "Private Person" not in response.text


def test_another_organisations_person_is_not_found(client, db, org) -> None:
    stranger = make_user(db, make_organisation(db, "Rival Corp"), name="Rival Person")
    login(client, make_user(db, org, Role.ADMIN))
    response = client.get(f"/people/{stranger.id}")
    assert response.status_code == 404
    assert "Rival Person" not in response.text
    assert "Rival Person" not in client.get("/people").text


def test_admin_adds_a_person_who_can_then_sign_in(app, client, db, org) -> None:
    token = login(client, make_user(db, org, Role.ADMIN))
    response = client.post(
        "/people",
        data={"name": "Nina New", "email": "nina@acme.example.com", "role": "interviewer", "csrf_token": token},
    )
    assert response.status_code == 201
    password = response.text.split('<code class="secret">')[1].split("</code>")[0]
    with TestClient(app) as nina:
        login_page = nina.get("/login").text
        signed_in = nina.post(
            "/login", data={"email": "nina@acme.example.com", "password": password, "csrf_token": csrf_from(login_page)}
        )
        assert "Welcome back, Nina" in signed_in.text


def test_adding_a_person_with_a_bad_email_explains_and_stores_nothing(client, db, org) -> None:
    token = login(client, make_user(db, org, Role.ADMIN))
    response = client.post(
        "/people", data={"name": "X", "email": "not-an-email", "role": "candidate", "csrf_token": token}
    )
    assert response.status_code == 422
    assert "email" in response.text.lower()
    assert "not-an-email" in response.text  # the form keeps what was typed


def test_hiring_manager_cannot_add_people(client, db, org) -> None:
    token = login(client, make_user(db, org, Role.HIRING_MANAGER))
    response = client.post(
        "/people", data={"name": "X", "email": "x@acme.example.com", "role": "admin", "csrf_token": token}
    )
    assert response.status_code == 403


def test_deactivated_user_is_signed_out_at_once(app, client, db, org) -> None:
    interviewer = make_user(db, org, Role.INTERVIEWER)
    token = login(client, make_user(db, org, Role.ADMIN))
    with TestClient(app) as theirs:
        login(theirs, interviewer)
        client.post(f"/people/{interviewer.id}/active", data={"active": "false", "csrf_token": token})
        assert theirs.get("/").status_code == 401


def test_unknown_page_is_a_friendly_404(client) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
