from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.kit import jobs
from tests.factories import PASSWORD, bearer, csrf_from, login, make_organisation, make_user


def _user(db: Session):
    return make_user(db, make_organisation(db), Role.HIRING_MANAGER)


def test_token_is_shown_once_then_only_its_hint(client: TestClient, db: Session) -> None:
    token = login(client, _user(db))
    created = client.post("/account/tokens", data={"name": "ATS sync", "csrf_token": token})
    assert created.status_code == 201
    plaintext = created.text.split('<code class="secret">')[1].split("</code>")[0]
    assert client.get("/api/v1/me", headers=bearer(plaintext)).status_code == 200
    later = client.get("/account").text
    assert plaintext not in later
    assert f"…{plaintext[-4:]}" in later


def test_revoking_a_token_stops_it_working(client: TestClient, db: Session) -> None:
    token = login(client, _user(db))
    created = client.post("/account/tokens", data={"name": "ATS", "csrf_token": token}).text
    plaintext = created.split('<code class="secret">')[1].split("</code>")[0]
    token_id = created.split('action="/account/tokens/')[1].split("/revoke")[0]
    page = client.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": token})
    assert "is revoked" in page.text
    assert client.get("/api/v1/me", headers=bearer(plaintext)).status_code == 401


def test_data_export_is_built_by_a_job_and_downloadable(client: TestClient, db: Session) -> None:
    user = _user(db)
    token = login(client, user)
    page = client.post("/account/exports", data={"csrf_token": token})
    assert "being prepared" in page.text
    sender = jobs.get_sender()
    assert isinstance(sender, jobs.RecordingSender)
    [(name, kwargs)] = sender.sent
    jobs.celery_app.tasks[name].run(**kwargs)  # what a worker would do
    page = client.get("/account").text
    href = page.split('href="/account/exports/')[1].split('"')[0]
    download = client.get(f"/account/exports/{href}")
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.json()["user"]["email"] == user.email


def test_password_change_needs_matching_new_passwords(client: TestClient, db: Session) -> None:
    token = login(client, _user(db))
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "one new phrase",
            "confirm_password": "another one",
            "csrf_token": token,
        },
    )
    assert response.status_code == 422
    assert "differ" in response.text


def test_password_change_keeps_this_session_and_the_new_password_works(app, client: TestClient, db: Session) -> None:
    user = _user(db)
    token = login(client, user)
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "brand new phrase",
            "confirm_password": "brand new phrase",
            "csrf_token": token,
        },
    )
    assert "Your password is changed" in response.text
    assert client.get("/account").status_code == 200
    with TestClient(app) as other:
        login(other, user, password="brand new phrase")


def test_wrong_current_password_is_explained(client: TestClient, db: Session) -> None:
    token = login(client, _user(db))
    response = client.post(
        "/account/password",
        data={
            "current_password": "not it at all",
            "new_password": "brand new phrase",
            "confirm_password": "brand new phrase",
            "csrf_token": token,
        },
    )
    assert response.status_code == 422
    assert "current password is not right" in response.text
    assert csrf_from(response.text)
