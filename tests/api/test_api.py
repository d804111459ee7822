import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.kit import jobs
from tests.factories import bearer, make_organisation, make_token, make_user

ERROR_KEYS = {"status", "code", "message", "details"}


@pytest.fixture
def org(db: Session):
    return make_organisation(db, "Acme Analytics")


def _auth(db: Session, org, role: Role) -> dict[str, str]:
    return bearer(make_token(db, make_user(db, org, role)))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_me_returns_the_tokens_user(client: TestClient, db: Session, org) -> None:
    user = make_user(db, org, Role.INTERVIEWER)
    body = client.get("/api/v1/me", headers=bearer(make_token(db, user))).json()
    assert body["email"] == user.email
    assert body["role"] == "interviewer"
    assert "password_hash" not in body


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer mli_not-a-real-token"}, {"Authorization": "Basic abc"}]
)
def test_missing_or_wrong_token_is_401(client: TestClient, headers) -> None:
    response = client.get("/api/v1/me", headers=headers)
    error = assert_error(response, 401, "unauthorized")
    assert "token" in error["message"].lower()
    assert response.headers["www-authenticate"] == "Bearer"


def test_session_cookie_does_not_authenticate_the_api(client: TestClient, db: Session, org) -> None:
    from tests.factories import login

    login(client, make_user(db, org, Role.ADMIN))
    assert_error(client.get("/api/v1/me"), 401, "unauthorized")


def test_staff_list_their_organisation_only(client: TestClient, db: Session, org) -> None:
    headers = _auth(db, org, Role.HIRING_MANAGER)
    make_user(db, org, Role.CANDIDATE)
    make_user(db, make_organisation(db, "Rival"), Role.CANDIDATE)
    people = client.get("/api/v1/users", headers=headers).json()
    assert {p["organisation_id"] for p in people} == {org.id}
    candidates = client.get("/api/v1/users", params={"role": "candidate"}, headers=headers).json()
    assert [p["role"] for p in candidates] == ["candidate"]


def test_candidate_cannot_list_people(client: TestClient, db: Session, org) -> None:
    error = assert_error(client.get("/api/v1/users", headers=_auth(db, org, Role.CANDIDATE)), 403, "forbidden")
    assert "candidate" in error["message"]


def test_another_organisations_user_is_404(client: TestClient, db: Session, org) -> None:
    stranger = make_user(db, make_organisation(db, "Rival"))
    response = client.get(f"/api/v1/users/{stranger.id}", headers=_auth(db, org, Role.ADMIN))
    error = assert_error(response, 404, "not_found")
    assert stranger.email not in response.text
    assert "your organisation" in error["message"]


def test_admin_creates_a_user(client: TestClient, db: Session, org) -> None:
    body = {
        "email": "New.Person@Acme.example.com",
        "name": "New Person",
        "role": "candidate",
        "password": "a long passphrase",
    }
    response = client.post("/api/v1/users", json=body, headers=_auth(db, org, Role.ADMIN))
    assert response.status_code == 201
    assert response.json()["email"] == "new.person@acme.example.com"
    again = client.post("/api/v1/users", json=body, headers=_auth(db, org, Role.ADMIN))
    assert_error(again, 409, "conflict")


def test_interviewer_cannot_create_users(client: TestClient, db: Session, org) -> None:
    body = {"email": "x@acme.example.com", "name": "X", "role": "admin", "password": "a long passphrase"}
    assert_error(client.post("/api/v1/users", json=body, headers=_auth(db, org, Role.INTERVIEWER)), 403, "forbidden")


def test_invalid_body_is_422_naming_each_field(client: TestClient, db: Session, org) -> None:
    body = {"email": "not an email", "name": "", "role": "wizard", "password": "a long passphrase"}
    error = assert_error(
        client.post("/api/v1/users", json=body, headers=_auth(db, org, Role.ADMIN)), 422, "invalid_input"
    )
    assert {d["field"] for d in error["details"]} == {"email", "name", "role"}


def test_short_password_is_422_with_the_rule(client: TestClient, db: Session, org) -> None:
    body = {"email": "x@acme.example.com", "name": "X", "role": "candidate", "password": "short"}
    error = assert_error(
        client.post("/api/v1/users", json=body, headers=_auth(db, org, Role.ADMIN)), 422, "invalid_input"
    )
    assert "10 characters" in error["message"]


def test_unknown_route_and_wrong_method_keep_the_shape(client: TestClient) -> None:
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(client.put("/api/v1/me"), 405, "method_not_allowed")


def test_unexpected_errors_are_500_in_the_same_shape(app, db: Session, org) -> None:
    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("internal detail that must not leak")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/boom")
    error = assert_error(response, 500, "internal_error")
    assert "internal detail" not in response.text
    assert "nothing was changed" in error["message"]


def test_token_lifecycle(client: TestClient, db: Session, org) -> None:
    headers = _auth(db, org, Role.INTERVIEWER)
    created = client.post("/api/v1/tokens", json={"name": "ATS sync"}, headers=headers)
    assert created.status_code == 201
    new = created.json()
    assert new["token"].startswith("mli_")
    listed = client.get("/api/v1/tokens", headers=headers).json()
    assert all("token" not in t for t in listed)
    client.delete(f"/api/v1/tokens/{new['id']}", headers=headers)
    assert_error(client.get("/api/v1/me", headers=bearer(new["token"])), 401, "unauthorized")


def test_cannot_revoke_another_users_token(client: TestClient, db: Session, org) -> None:
    victim = make_user(db, org)
    make_token(db, victim)
    from mlinterview.accounts import tokens

    victim_token_id = tokens.list_for(db, user=victim)[0].id
    assert_error(
        client.delete(f"/api/v1/tokens/{victim_token_id}", headers=_auth(db, org, Role.ADMIN)), 404, "not_found"
    )


def test_export_flow_over_the_api(client: TestClient, db: Session, org) -> None:
    headers = _auth(db, org, Role.CANDIDATE)
    export = client.post("/api/v1/exports", headers=headers)
    assert export.status_code == 202
    export_id = export.json()["id"]
    assert_error(client.get(f"/api/v1/exports/{export_id}/content", headers=headers), 409, "conflict")
    sender = jobs.get_sender()
    assert isinstance(sender, jobs.RecordingSender)
    for name, kwargs in sender.sent:
        jobs.celery_app.tasks[name].run(**kwargs)
    assert client.get(f"/api/v1/exports/{export_id}", headers=headers).json()["status"] == "ready"
    assert client.get(f"/api/v1/exports/{export_id}/content", headers=headers).json()["user"]["role"] == "candidate"
    other = _auth(db, org, Role.ADMIN)
    assert_error(client.get(f"/api/v1/exports/{export_id}", headers=other), 404, "not_found")


def test_openapi_describes_bearer_auth_and_the_error_shape(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "mlinterview"
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "ErrorResponse" in spec["components"]["schemas"]
    assert "/api/v1/users/{user_id}" in spec["paths"]
    assert not any(path.startswith(("/login", "/account")) for path in spec["paths"])


def test_api_reference_page_uses_local_assets_only(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
