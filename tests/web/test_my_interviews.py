"""The candidate portal: joining by the invitation link, the candidate's own schedule and screening questions,
the voluntary questions and the released feedback, through the real pages."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.schemas import UserCreate
from mlinterview.accounts.service import create_user
from mlinterview.answers.models import Answer
from mlinterview.interviews import candidates, feedback, plans
from mlinterview.interviews.models import Candidate, Stage, StageKind
from tests.factories import csrf_from, login, make_user
from tests.interviews.factories import Panel, fill, make_panel

CHOSEN = "a sturdy passphrase for interviews"


def _invite(db: Session, panel: Panel, candidate: Candidate) -> str:
    token = candidates.invite(db, actor=panel.manager, candidate_id=candidate.id)
    db.flush()
    return token


def _join(client: TestClient, token: str, password: str = CHOSEN, confirm: str | None = None) -> Response:
    page = client.get(f"/join/{token}")
    assert page.status_code == 200, page.text
    again = password if confirm is None else confirm
    data = {"password": password, "confirm": again, "csrf_token": csrf_from(page.text)}
    return client.post(f"/join/{token}", data=data)


def _joined(client: TestClient, db: Session, panel: Panel, candidate: Candidate) -> str:
    """Join as the candidate; returns the CSRF token of the new, signed-in session."""
    response = _join(client, _invite(db, panel, candidate))
    assert response.status_code == 200, response.text
    assert response.url.path == f"/my-interviews/{candidate.id}"
    return csrf_from(response.text)


def _screening(panel: Panel) -> Stage:
    return next(s for s in panel.opening.stages if s.kind is StageKind.INITIAL_SCREENING)


def _answers(db: Session, candidate: Candidate) -> int:
    db.refresh(candidate)
    return db.scalar(select(func.count()).select_from(Answer).where(Answer.user_id == candidate.user_id)) or 0


def test_joining_by_link_creates_the_account_and_signs_in(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    token = _invite(db, panel, panel.alice)
    page = client.get(f"/join/{token}")
    assert panel.opening.title in page.text
    assert "Alice Able" in page.text
    response = _join(client, token)
    assert response.status_code == 200
    assert response.url.path == f"/my-interviews/{panel.alice.id}"
    assert "Welcome, Alice" in response.text
    db.refresh(panel.alice)
    user = db.get_one(User, panel.alice.user_id)
    assert user.role is Role.CANDIDATE
    assert user.email == "alice@example.com"
    listing = client.get("/my-interviews")
    assert listing.status_code == 200
    assert panel.opening.title in listing.text
    assert panel.technical.name in listing.text


def test_an_invalid_or_used_link_says_so(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    missing = client.get("/join/not-a-real-token")
    assert missing.status_code == 404
    assert "not valid any more" in missing.text
    token = _invite(db, panel, panel.alice)
    assert _join(client, token).status_code == 200
    used = client.get(f"/join/{token}")
    assert used.status_code == 404
    assert "Ask the hiring team for a new one" in used.text


def test_a_weak_or_mistyped_password_is_refused_and_nothing_is_stored(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    token = _invite(db, panel, panel.alice)
    weak = _join(client, token, password="short")
    assert weak.status_code == 422
    assert "at least 10 characters" in weak.text
    assert 'action="/join/' in weak.text
    mistyped = _join(client, token, confirm=CHOSEN + "!")
    assert mistyped.status_code == 422
    assert "The two passwords differ" in mistyped.text
    db.refresh(panel.alice)
    assert panel.alice.user_id is None
    assert db.scalar(select(User).where(User.email == "alice@example.com")) is None
    assert client.get(f"/join/{token}").status_code == 200  # the link still works


def test_an_existing_account_is_asked_to_sign_in_first(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    organisation = db.get_one(Organisation, panel.organisation.id)
    data = UserCreate(email="alice@example.com", name="Alice Able", role=Role.CANDIDATE, password=CHOSEN)
    create_user(db, organisation=organisation, data=data)
    token = _invite(db, panel, panel.alice)
    response = _join(client, token)
    assert response.status_code == 409
    assert "sign in first" in response.text
    assert f"/login?next=/join/{token}" in response.text


def test_a_signed_in_candidate_adds_the_application_to_their_account(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    organisation = db.get_one(Organisation, panel.organisation.id)
    data = UserCreate(email="bob@example.com", name="Bob Baker", role=Role.CANDIDATE, password=CHOSEN)
    person = create_user(db, organisation=organisation, data=data)
    token = _invite(db, panel, panel.bob)
    login(client, person, CHOSEN)
    page = client.get(f"/join/{token}")
    assert "Add it to my account" in page.text
    assert "Choose a password" not in page.text
    response = client.post(f"/join/{token}", data={"csrf_token": csrf_from(page.text)})
    assert response.url.path == f"/my-interviews/{panel.bob.id}"
    db.refresh(panel.bob)
    assert panel.bob.user_id == person.id


def test_staff_cannot_accept_a_candidate_link(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    token = _invite(db, panel, panel.alice)
    csrf = login(client, panel.first)
    assert "meant for a candidate" in client.get(f"/join/{token}").text
    response = client.post(f"/join/{token}", data={"csrf_token": csrf})
    assert response.status_code == 409
    db.refresh(panel.alice)
    assert panel.alice.user_id is None


def test_the_candidate_sees_their_schedule_and_nothing_of_the_panel(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    _joined(client, db, panel, panel.alice)
    page = client.get(f"/my-interviews/{panel.alice.id}")
    assert page.status_code == 200
    for stage in panel.opening.stages:
        assert stage.name in page.text
    assert "You are here" in page.text
    text = page.text.lower()
    assert "rubric" not in text
    assert plans.INSTRUCTIONS[StageKind.TECHNICAL_INTERVIEW].lower() not in text
    for person in (panel.manager, panel.first, panel.second, panel.outsider):
        assert person.name.lower() not in text
    assert "bob baker" not in text
    assert "bob@example.com" not in text
    assert client.get(f"/my-interviews/{panel.bob.id}").status_code == 404


def test_a_screening_answer_is_stored_once_and_only_for_its_candidate(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    screening = _screening(panel)
    for person in (panel.alice, panel.bob):
        candidates.move(db, actor=panel.manager, candidate_id=person.id, stage_id=screening.id)
    kit = plans.current_kit(screening)
    assert kit is not None
    assert kit.items
    item = kit.items[0]
    csrf = _joined(client, db, panel, panel.alice)
    page = client.get(f"/my-interviews/{panel.alice.id}")
    assert f'action="/my-interviews/{panel.alice.id}/screening/{item.id}"' in page.text
    assert "rubric" not in page.text.lower()
    url = f"/my-interviews/{panel.alice.id}/screening/{item.id}"
    empty = client.post(url, data={"text": "   ", "csrf_token": csrf})
    assert empty.status_code == 422
    assert "The answer is empty" in empty.text
    assert _answers(db, panel.alice) == 0
    sent = client.post(url, data={"text": "Bias is the error of the model's assumptions.", "csrf_token": csrf})
    assert sent.status_code == 200
    assert "Answer received" in sent.text
    assert "Answered" in sent.text
    assert "Bias is the error of the model&#39;s assumptions." in sent.text
    again = client.post(url, data={"text": "A second thought.", "csrf_token": csrf})
    assert "already answered" in again.text
    assert _answers(db, panel.alice) == 1
    client.post("/logout", data={"csrf_token": csrf})
    bobs = _joined(client, db, panel, panel.bob)
    stolen = client.post(url, data={"text": "Not mine to answer.", "csrf_token": bobs})
    assert stolen.status_code == 404
    assert _answers(db, panel.bob) == 0


def test_staff_are_refused_the_candidate_portal(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    login(client, panel.manager)
    assert client.get("/my-interviews").status_code == 403
    assert client.get(f"/my-interviews/{panel.alice.id}").status_code == 403


def test_feedback_appears_only_once_released_and_downloads_as_pdf(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 4)
    fill(db, panel.second, panel.alice, panel.technical, 3)
    feedback.draft(db, actor=panel.manager, candidate_id=panel.alice.id)
    db.flush()
    _joined(client, db, panel, panel.alice)
    hidden = client.get(f"/my-interviews/{panel.alice.id}/feedback")
    assert hidden.status_code == 404
    assert "not been released yet" in hidden.text
    assert client.get(f"/my-interviews/{panel.alice.id}/feedback.pdf").status_code == 404
    assert "Read your feedback" not in client.get(f"/my-interviews/{panel.alice.id}").text
    feedback.release(db, actor=panel.manager, candidate_id=panel.alice.id)
    db.flush()
    assert "Read your feedback" in client.get(f"/my-interviews/{panel.alice.id}").text
    page = client.get(f"/my-interviews/{panel.alice.id}/feedback")
    assert page.status_code == 200
    assert "<h2>Strengths</h2>" in page.text
    assert "Download PDF" in page.text
    assert panel.first.name not in page.text
    assert panel.second.name not in page.text
    document = client.get(f"/my-interviews/{panel.alice.id}/feedback.pdf")
    assert document.status_code == 200
    assert document.content.startswith(b"%PDF")
    assert document.headers["content-type"] == "application/pdf"
    assert document.headers["content-disposition"] == 'attachment; filename="feedback.pdf"'


def test_voluntary_answers_are_checked_before_anything_is_stored(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    csrf = _joined(client, db, panel, panel.alice)
    url = f"/my-interviews/{panel.alice.id}/voluntary"
    page = client.get(f"/my-interviews/{panel.alice.id}")
    assert "voluntary" in page.text.lower()
    assert "never see your individual answers" in page.text
    wrong = client.post(url, data={"gender": "Robot", "age_band": "25-34", "csrf_token": csrf})
    assert wrong.status_code == 422
    assert "Choose one of the listed answers for gender" in wrong.text
    unknown = client.post(url, data={"salary": "lots", "csrf_token": csrf})
    assert unknown.status_code == 422
    assert "not one of the voluntary questions" in unknown.text
    db.refresh(panel.alice)
    assert panel.alice.self_reported == {}
    saved = client.post(url, data={"gender": "Woman", "age_band": "", "csrf_token": csrf})
    assert saved.status_code == 200
    assert "answers to the voluntary questions are saved" in saved.text
    db.refresh(panel.alice)
    assert panel.alice.self_reported == {"gender": "Woman"}
    assert '<option value="Woman" selected>' in saved.text


def test_a_link_cannot_be_added_to_someone_elses_account(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    person = make_user(db, panel.organisation, Role.CANDIDATE, name="Mallory")
    token = _invite(db, panel, panel.bob)
    login(client, person)
    page = client.get(f"/join/{token}")
    response = client.post(f"/join/{token}", data={"csrf_token": csrf_from(page.text)})
    assert response.status_code == 409
    assert "bob@example.com" in response.text
    db.refresh(panel.bob)
    assert panel.bob.user_id is None
