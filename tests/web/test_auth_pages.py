import base64
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts import sessions
from mlinterview.accounts.models import Role
from tests.factories import PASSWORD, csrf_from, login, make_organisation, make_user


@pytest.fixture
def interviewer(db: Session):
    return make_user(db, make_organisation(db), Role.INTERVIEWER, name="Ivy Interviewer")


def test_login_page_renders_a_form_with_csrf(client: TestClient) -> None:
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="password"' in response.text
    assert csrf_from(response.text)


def test_session_cookie_is_signed_httponly_and_samesite(client: TestClient) -> None:
    header = client.get("/login").headers["set-cookie"].lower()
    assert header.startswith("mli_session=")
    assert "httponly" in header
    assert "samesite=lax" in header
    assert "secure" not in header  # plain HTTP in development; see the next test


def test_a_tampered_session_cookie_is_ignored(client: TestClient, interviewer, db) -> None:
    admin = make_user(db, interviewer.organisation, Role.ADMIN)
    login(client, interviewer)
    data, timestamp, signature = client.cookies["mli_session"].split(".")
    payload = json.loads(base64.b64decode(data))
    payload["uid"] = admin.id  # pretend to be the admin, keeping the interviewer's signature
    forged = base64.b64encode(json.dumps(payload).encode()).decode()
    client.cookies.clear()
    client.cookies.set("mli_session", f"{forged}.{timestamp}.{signature}")
    assert client.get("/").status_code == 401


def test_secure_cookie_when_configured(settings, db: Session) -> None:
    from mlinterview.main import create_app

    app = create_app(settings.model_copy(update={"cookie_secure": True}))
    with TestClient(app) as client:
        assert "secure" in client.get("/login").headers["set-cookie"].lower()


def test_sign_in_leads_to_the_dashboard(client: TestClient, interviewer) -> None:
    login(client, interviewer)
    page = client.get("/")
    assert page.status_code == 200
    assert "Welcome back, Ivy" in page.text


def test_wrong_password_is_401_with_a_helpful_message(client: TestClient, interviewer) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post("/login", data={"email": interviewer.email, "password": "nope nope", "csrf_token": token})
    assert response.status_code == 401
    assert "do not match an active account" in response.text
    assert client.get("/", follow_redirects=False).status_code == 401


def test_login_without_csrf_token_is_refused(client: TestClient, interviewer) -> None:
    client.get("/login")
    response = client.post("/login", data={"email": interviewer.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "reload the page" in response.text


def test_form_with_a_wrong_csrf_token_is_refused_and_changes_nothing(client: TestClient, interviewer, db) -> None:
    login(client, interviewer)
    response = client.post("/account/profile", data={"name": "Hacked", "csrf_token": "forged"})
    assert response.status_code == 403
    db.refresh(interviewer)
    assert interviewer.name == "Ivy Interviewer"


def test_csrf_token_also_accepted_as_htmx_header(client: TestClient, interviewer, db) -> None:
    token = login(client, interviewer)
    response = client.post("/account/profile", data={"name": "Ivy I."}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    db.refresh(interviewer)
    assert interviewer.name == "Ivy I."


def test_pages_need_a_session(client: TestClient) -> None:
    response = client.get("/account")
    assert response.status_code == 401
    assert "Sign in to continue" in response.text
    assert 'name="next" value="/account"' in response.text


def test_expired_session_is_401_and_says_so(client: TestClient, interviewer, monkeypatch, settings) -> None:
    login(client, interviewer)
    later = sessions.utcnow().timestamp() + settings.session_max_age + 1
    monkeypatch.setattr(sessions, "utcnow", lambda: __import__("datetime").datetime.fromtimestamp(later))
    response = client.get("/")
    assert response.status_code == 401
    assert "session has expired" in response.text


def test_logout_ends_the_session(client: TestClient, interviewer) -> None:
    token = login(client, interviewer)
    response = client.post("/logout", data={"csrf_token": token})
    assert "You are signed out" in response.text
    assert client.get("/").status_code == 401


def test_sign_out_everywhere_ends_other_sessions(app, interviewer) -> None:
    with TestClient(app) as laptop, TestClient(app) as phone:
        token = login(laptop, interviewer)
        login(phone, interviewer)
        laptop.post("/account/sign-out-everywhere", data={"csrf_token": token})
        assert phone.get("/").status_code == 401
        assert laptop.get("/").status_code == 401


def test_repeated_failed_logins_get_429(client: TestClient, interviewer) -> None:
    token = csrf_from(client.get("/login").text)
    statuses = [
        client.post("/login", data={"email": interviewer.email, "password": "guess!", "csrf_token": token}).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    right = client.post("/login", data={"email": interviewer.email, "password": PASSWORD, "csrf_token": token})
    assert right.status_code == 429
    assert "Too many failed sign-in attempts" in right.text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_login_never_redirects_off_site(client: TestClient, interviewer, target: str) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": interviewer.email, "password": PASSWORD, "csrf_token": token, "next": target},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/"


def test_login_returns_to_the_page_asked_for(client: TestClient, interviewer) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": interviewer.email, "password": PASSWORD, "csrf_token": token, "next": "/account"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/account"
