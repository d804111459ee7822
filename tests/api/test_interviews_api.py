"""The interviews API: an opening from creation to released feedback, who may call what, and refused input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts import passwords
from mlinterview.accounts.models import Role, User
from mlinterview.interviews import candidates, feedback
from mlinterview.interviews.models import Scorecard, StageKind
from tests.api.test_api import assert_error
from tests.factories import bearer, make_organisation, make_token, make_user
from tests.interviews.factories import Panel, fill, make_panel

API = "/api/v1"
PASSPHRASE = "a long enough passphrase"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at its cheapest: these tests make many accounts and none of them is about passwords."""
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def _headers(db: Session, user: User) -> dict[str, str]:
    return bearer(make_token(db, user))


def _joined(db: Session, manager: User, candidate_id: int) -> User:
    """The candidate's own account, made by accepting an invitation."""
    token = candidates.invite(db, actor=manager, candidate_id=candidate_id)
    user = candidates.accept(db, token=token, password=PASSPHRASE)
    db.flush()
    return user


def _scorecard(kit: dict[str, Any], focus: list[str], rating: int, *, submit: bool) -> dict[str, Any]:
    return {
        "notes": [{"kit_item_id": i["id"], "notes": f"said {n}", "rating": rating} for n, i in enumerate(kit["items"])],
        "ratings": dict.fromkeys(focus, rating),
        "recommendation": "yes" if rating >= 3 else "no",
        "summary": "Clear on the basics.",
        "submit": submit,
    }


# -- the happy path -------------------------------------------------------------------------------------------------


def test_an_opening_from_creation_to_released_feedback(client: TestClient, db: Session) -> None:
    org = make_organisation(db, "API Interviews")
    manager = make_user(db, org, Role.HIRING_MANAGER, name="Maya Manager")
    first = make_user(db, org, Role.INTERVIEWER, name="Ivan First")
    second = make_user(db, org, Role.INTERVIEWER, name="Iris Second")
    m, i1, i2 = (_headers(db, u) for u in (manager, first, second))

    created = client.post(
        f"{API}/openings", json={"role": "ml_engineer", "level": "mid", "title": "ML Engineer, Search"}, headers=m
    )
    assert created.status_code == 201, created.text
    opening = created.json()
    assert opening["owner_id"] == manager.id
    assert opening["status"] == "open"
    assert abs(sum(c["weight"] for c in opening["competencies"]) - 1) < 1e-6
    technical = next(s for s in opening["stages"] if s["kind"] == StageKind.TECHNICAL_INTERVIEW.value)
    assert technical["kit_number"] == 1
    assert technical["question_slugs"]
    assert technical["interviewer_ids"] == []
    assert [o["id"] for o in client.get(f"{API}/openings", headers=m).json()] == [opening["id"]]
    assert client.get(f"{API}/openings", headers=i1).json() == []

    assigned = client.patch(
        f"{API}/stages/{technical['id']}", json={"interviewer_ids": [first.id, second.id]}, headers=m
    )
    assert assigned.status_code == 200, assigned.text
    assert sorted(assigned.json()["interviewer_ids"]) == sorted([first.id, second.id])
    assert client.get(f"{API}/openings/{opening['id']}", headers=i1).json()["title"] == "ML Engineer, Search"
    kit = client.get(f"{API}/stages/{technical['id']}/kit", headers=i1).json()
    assert kit["number"] == 1
    assert [i["question_slug"] for i in kit["items"]] == technical["question_slugs"]
    assert all(i["prompt"] and i["competency"] in technical["focus"] for i in kit["items"])
    guidance = kit["items"][0]["guidance"]
    assert guidance["why_asked"]
    assert guidance["rubric"]
    assert guidance["red_flags"]
    assert guidance["follow_ups"]

    added = client.post(
        f"{API}/openings/{opening['id']}/candidates",
        json={"name": "Alice Able", "email": "alice@example.com"},
        headers=m,
    )
    assert added.status_code == 201, added.text
    alice = added.json()
    assert alice["stage_id"] == opening["stages"][0]["id"]
    assert alice["name"] == "Alice Able"
    moved = client.post(
        f"{API}/candidates/{alice['id']}/move", json={"stage_id": technical["id"], "note": "strong screen"}, headers=m
    )
    assert moved.json()["stage_id"] == technical["id"]
    listed = client.get(f"{API}/openings/{opening['id']}/candidates", headers=i1).json()
    assert [(c["name"], c["email"]) for c in listed] == [(f"Candidate {alice['code']}", None)]  # anonymised

    scorecard = f"{API}/candidates/{alice['id']}/stages/{technical['id']}/scorecard"
    submitted = client.put(scorecard, json=_scorecard(kit, technical["focus"], 4, submit=True), headers=i1)
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["submitted_at"] is not None
    draft = client.put(scorecard, json=_scorecard(kit, technical["focus"], 2, submit=False), headers=i2).json()
    assert draft["submitted_at"] is None
    assert draft["ratings"] == dict.fromkeys(technical["focus"], 2)
    # independence: before submitting, the second interviewer sees none of the first's, only that one exists
    assert client.get(f"{API}/candidates/{alice['id']}/scorecards", headers=i2).json() == {
        "scorecards": [],
        "hidden": 1,
    }
    mine = client.get(f"{API}/candidates/{alice['id']}/scorecards", headers=i1).json()
    assert [c["interviewer_id"] for c in mine["scorecards"]] == [first.id]
    assert mine["hidden"] == 0
    client.put(scorecard, json=_scorecard(kit, technical["focus"], 2, submit=True), headers=i2)
    both = client.get(f"{API}/candidates/{alice['id']}/scorecards", headers=i2).json()
    assert sorted(c["interviewer_id"] for c in both["scorecards"]) == sorted([first.id, second.id])

    result = client.get(f"{API}/candidates/{alice['id']}/review", headers=m).json()
    assert result["candidate"]["name"] == "Alice Able"
    assert len(result["scorecards"]) == 2
    rated = [r for r in result["competencies"] if r["ratings"]]
    assert rated
    assert all(r["mean"] == 3 and r["agreement"] == "split" for r in rated)
    assert result["weighted"] == pytest.approx(3.0)
    assert 0 < result["coverage"] <= 1
    assert result["recommendations"] == {"yes": 1, "no": 1}
    decided = client.post(
        f"{API}/candidates/{alice['id']}/decision",
        json={"outcome": "hire", "reason": "Strong depth; the split was settled by the notes."},
        headers=m,
    )
    assert decided.status_code == 201, decided.text
    assert client.get(f"{API}/candidates/{alice['id']}/review", headers=m).json()["decisions"][-1]["outcome"] == "hire"
    actions = [e["action"] for e in client.get(f"{API}/candidates/{alice['id']}/history", headers=m).json()]
    assert actions == ["added", "moved", "hired"]

    invitation = client.post(f"{API}/candidates/{alice['id']}/invitation", headers=m)
    assert invitation.status_code == 201, invitation.text
    link = invitation.json()["link"]
    assert link.startswith("/join/")
    person = candidates.accept(db, token=link.removeprefix("/join/"), password=PASSPHRASE)
    db.flush()
    me = _headers(db, person)

    drafted = client.post(f"{API}/candidates/{alice['id']}/feedback/draft", headers=m).json()
    assert "## Strengths" in drafted["body"]
    assert "Ivan" not in drafted["body"]
    assert drafted["released_at"] is None
    assert_error(client.get(f"{API}/candidates/{alice['id']}/feedback", headers=me), 404, "not_found")
    edited = client.put(
        f"{API}/candidates/{alice['id']}/feedback", json={"body": drafted["body"] + "\n\nAll the best."}, headers=m
    )
    assert edited.status_code == 200, edited.text
    released = client.post(f"{API}/candidates/{alice['id']}/feedback/release", headers=m).json()
    assert released["released_at"] is not None
    read = client.get(f"{API}/candidates/{alice['id']}/feedback", headers=me)
    assert read.status_code == 200, read.text
    assert read.json()["body"].endswith("All the best.")
    assert client.get(f"{API}/me/candidacies", headers=me).json() == [
        {"id": alice["id"], "opening_title": "ML Engineer, Search", "stage_name": technical["name"], "status": "hired"}
    ]
    assert_error(
        client.put(f"{API}/candidates/{alice['id']}/feedback", json={"body": "changed"}, headers=m), 409, "conflict"
    )


# -- who may call what ----------------------------------------------------------------------------------------------


@dataclass
class World:
    panel: Panel
    ids: dict[str, int]
    headers: dict[str, dict[str, str]]


@pytest.fixture
def world(db: Session) -> World:
    """A staffed opening: Alice has the second interviewer's submitted scorecard and a feedback draft; Alice and
    Bob have accepted their invitations."""
    panel = make_panel(db, "API Access")
    fill(db, panel.second, panel.alice, panel.technical, 3)
    feedback.draft(db, actor=panel.manager, candidate_id=panel.alice.id)
    people = {
        "manager": panel.manager,
        "interviewer": panel.first,
        "candidate_self": _joined(db, panel.manager, panel.alice.id),
        "candidate_other": _joined(db, panel.manager, panel.bob.id),
        "outsider": panel.outsider,
        "second_manager": make_user(db, panel.organisation, Role.HIRING_MANAGER),
        "other_organisation": make_user(db, make_organisation(db, "API Rival"), Role.ADMIN),
    }
    headers = {role: _headers(db, user) for role, user in people.items()}
    screening = panel.opening.stages[0]
    ids = {"opening": panel.opening.id, "stage": panel.technical.id, "screening": screening.id, "alice": panel.alice.id}
    return World(panel, ids, headers | {"anonymous": {}})


Body = Callable[[dict[str, int]], dict[str, Any]] | None
MANAGE, PANEL = "manager", "interviewer"  # who may call it
ENDPOINTS: list[tuple[str, str, Body, str]] = [
    ("GET", "/openings/{opening}", None, PANEL),
    ("PATCH", "/openings/{opening}", lambda ids: {"title": "Renamed"}, MANAGE),
    ("PATCH", "/stages/{stage}", lambda ids: {"name": "Deep dive"}, MANAGE),
    ("GET", "/stages/{stage}/kit", None, PANEL),
    ("POST", "/stages/{stage}/kit/versions", lambda ids: {"note": "clearer wording"}, MANAGE),
    ("GET", "/openings/{opening}/candidates", None, PANEL),
    ("POST", "/openings/{opening}/candidates", lambda ids: {"name": "Cara C", "email": "cara@example.com"}, MANAGE),
    (
        "POST",
        "/openings/{opening}/candidates/import",
        lambda ids: {"csv": "name,email\nDan D,dan@example.com\n"},
        MANAGE,
    ),
    ("POST", "/candidates/{alice}/move", lambda ids: {"stage_id": ids["screening"]}, MANAGE),
    ("POST", "/candidates/{alice}/invitation", None, MANAGE),
    ("GET", "/candidates/{alice}/history", None, MANAGE),
    ("GET", "/candidates/{alice}/scorecards", None, PANEL),
    ("PUT", "/candidates/{alice}/stages/{stage}/scorecard", lambda ids: {"summary": "so far"}, PANEL),
    ("GET", "/candidates/{alice}/review", None, MANAGE),
    (
        "POST",
        "/candidates/{alice}/decision",
        lambda ids: {"outcome": "hold", "reason": "Waiting for round two."},
        MANAGE,
    ),
    ("GET", "/candidates/{alice}/feedback", None, MANAGE),
    ("POST", "/candidates/{alice}/feedback/draft", None, MANAGE),
    ("PUT", "/candidates/{alice}/feedback", lambda ids: {"body": "Thank you."}, MANAGE),
    ("POST", "/candidates/{alice}/feedback/release", None, MANAGE),
]
WRONG = ["candidate_self", "candidate_other", "outsider", "second_manager"]


@pytest.mark.parametrize(("method", "path", "body", "allowed"), ENDPOINTS, ids=[f"{m} {p}" for m, p, _, _ in ENDPOINTS])
def test_only_the_right_people_reach_an_endpoint(
    client: TestClient, world: World, method: str, path: str, body: Body, allowed: str
) -> None:
    url, payload = API + path.format(**world.ids), body(world.ids) if body else None

    def call(role: str) -> Any:
        return client.request(method, url, json=payload, headers=world.headers[role])

    for role in WRONG:
        response = call(role)
        assert response.status_code in (403, 404), f"{role}: {response.status_code} {response.text}"
        assert_error(response, response.status_code, {403: "forbidden", 404: "not_found"}[response.status_code])
    if allowed == MANAGE:
        assert call("interviewer").status_code == 403  # on the panel, but not the opening's manager
    assert_error(call("other_organisation"), 404, "not_found")
    assert_error(call("anonymous"), 401, "unauthorized")
    allowed_response = call(allowed)
    assert allowed_response.status_code in (200, 201), allowed_response.text


def test_openings_are_listed_to_those_who_manage_or_interview(client: TestClient, world: World) -> None:
    def listed(role: str) -> list[int]:
        response = client.get(f"{API}/openings", headers=world.headers[role])
        assert response.status_code == 200, response.text
        return [o["id"] for o in response.json()]

    opening = world.ids["opening"]
    assert opening in listed("manager")
    assert opening in listed("interviewer")
    for role in ("outsider", "second_manager", "other_organisation"):
        assert opening not in listed(role), role
    assert_error(client.get(f"{API}/openings", headers=world.headers["candidate_self"]), 403, "forbidden")
    assert_error(client.get(f"{API}/openings"), 401, "unauthorized")


def test_only_managers_open_positions(client: TestClient, world: World) -> None:
    body = {"role": "ml_engineer", "level": "mid"}
    for role in ("candidate_self", "interviewer"):
        assert_error(client.post(f"{API}/openings", json=body, headers=world.headers[role]), 403, "forbidden")
    assert_error(client.post(f"{API}/openings", json=body), 401, "unauthorized")
    created = client.post(f"{API}/openings", json=body, headers=world.headers["second_manager"])
    assert created.status_code == 201, created.text
    assert created.json()["id"] not in [
        o["id"] for o in client.get(f"{API}/openings", headers=world.headers["manager"]).json()
    ]


def test_assigning_interviewers_again_keeps_the_ones_named(client: TestClient, world: World) -> None:
    panel, headers = world.panel, world.headers["manager"]
    url = f"{API}/stages/{panel.technical.id}"
    again = client.patch(url, json={"interviewer_ids": [panel.first.id, panel.second.id]}, headers=headers)
    assert again.status_code == 200, again.text
    assert sorted(again.json()["interviewer_ids"]) == sorted([panel.first.id, panel.second.id])
    swapped = client.patch(url, json={"interviewer_ids": [panel.second.id, panel.outsider.id]}, headers=headers)
    assert sorted(swapped.json()["interviewer_ids"]) == sorted([panel.second.id, panel.outsider.id])
    assert client.get(f"{url}/kit", headers=world.headers["outsider"]).status_code == 200
    assert_error(client.get(f"{url}/kit", headers=world.headers["interviewer"]), 403, "forbidden")


def test_candidacies_are_only_the_candidates_own(client: TestClient, world: World) -> None:
    own = client.get(f"{API}/me/candidacies", headers=world.headers["candidate_self"]).json()
    assert own == [
        {"id": world.ids["alice"], "opening_title": world.panel.opening.title,
         "stage_name": world.panel.technical.name, "status": "active"}
    ]  # fmt: skip
    for role in ("manager", "interviewer", "other_organisation"):
        assert_error(client.get(f"{API}/me/candidacies", headers=world.headers[role]), 403, "forbidden")
    assert_error(client.get(f"{API}/me/candidacies"), 401, "unauthorized")


# -- refused input ----------------------------------------------------------------------------------------------------


def _scorecards_of(db: Session, panel: Panel) -> int:
    return db.scalar(select(func.count()).select_from(Scorecard).where(Scorecard.candidate_id == panel.alice.id)) or 0


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"ratings": {"FOCUS": 5}}, "ratings"),
        ({"notes": [{"kit_item_id": 1, "rating": 0}]}, "notes"),
        ({"ratings": {"not_a_competency": 3}}, "not_a_competency"),
        ({"ratings": {}, "submit": True}, "still missing"),
    ],
    ids=["rating 5", "question rating 0", "unknown competency", "incomplete submission"],
)
def test_a_bad_scorecard_is_refused_and_nothing_is_stored(
    client: TestClient, db: Session, body: dict[str, Any], says: str
) -> None:
    panel = make_panel(db, "API Scorecards")
    if "FOCUS" in body.get("ratings", {}):
        body = {"ratings": {panel.technical.focus[0]: 5}}
    url = f"{API}/candidates/{panel.alice.id}/stages/{panel.technical.id}/scorecard"
    error = assert_error(client.put(url, json=body, headers=_headers(db, panel.first)), 422, "invalid_input")
    assert says in error["message"]
    assert _scorecards_of(db, panel) == 0


def test_a_note_per_question_at_most(client: TestClient, db: Session) -> None:
    panel = make_panel(db, "API Notes")
    notes = [{"kit_item_id": 7, "notes": "a"}, {"kit_item_id": 7, "notes": "b"}]
    url = f"{API}/candidates/{panel.alice.id}/stages/{panel.technical.id}/scorecard"
    error = assert_error(
        client.put(url, json={"notes": notes}, headers=_headers(db, panel.first)), 422, "invalid_input"
    )
    assert "one note per kit_item_id" in error["message"]


def test_an_unknown_competency_weight_is_refused(client: TestClient, db: Session) -> None:
    panel = make_panel(db, "API Weights")
    headers = _headers(db, panel.manager)
    url = f"{API}/openings/{panel.opening.id}"
    before = client.get(url, headers=headers).json()["competencies"]
    error = assert_error(
        client.patch(url, json={"weights": {"nonsense": 1}, "title": "Renamed"}, headers=headers), 422, "invalid_input"
    )
    assert "Unknown competencies: nonsense" in error["message"]
    after = client.get(url, headers=headers).json()
    assert after["competencies"] == before
    assert after["title"] == panel.opening.title


def test_a_csv_with_a_bad_line_imports_nothing(client: TestClient, db: Session) -> None:
    panel = make_panel(db, "API Import")
    headers = _headers(db, panel.manager)
    url = f"{API}/openings/{panel.opening.id}/candidates"
    text = "name,email\nCara C,cara@example.com\nDan D,not-an-email\n"
    error = assert_error(client.post(f"{url}/import", json={"csv": text}, headers=headers), 422, "invalid_input")
    assert "Line 3" in error["message"]
    assert "Nothing was imported" in error["message"]
    assert len(client.get(url, headers=headers).json()) == 2  # Alice and Bob only
    assert_error(
        client.post(f"{url}/import", content=text, headers=headers | {"Content-Type": "text/csv"}), 422, "invalid_input"
    )  # JSON only


@pytest.mark.parametrize(
    ("method", "path", "body", "says"),
    [
        ("POST", "/openings", {"role": "astronaut", "level": "mid"}, "no role profile"),
        ("POST", "/openings", {"level": "mid"}, "role"),
        ("PATCH", "/stages/{stage}", {"duration_minutes": 1000}, "5 and 480"),
        ("PATCH", "/stages/{stage}", {"interviewer_ids": [10**9]}, "not an active interviewer"),
        ("POST", "/stages/{stage}/kit/versions", {"note": " "}, "Say why"),
        ("POST", "/openings/{opening}/candidates", {"name": "Eve", "email": "eve"}, "not an email address"),
        ("POST", "/candidates/{alice}/move", {"stage_id": 10**9}, "one of this opening's stages"),
        ("POST", "/candidates/{alice}/decision", {"outcome": "hire", "reason": "ok"}, "reason"),
        ("POST", "/candidates/{alice}/decision", {"outcome": "maybe", "reason": "Not sure at all."}, "outcome"),
        ("PUT", "/candidates/{alice}/feedback", {"body": " "}, "Draft the feedback first"),
    ],
)
def test_bad_input_is_explained(
    client: TestClient, db: Session, method: str, path: str, body: dict[str, Any], says: str
) -> None:
    panel = make_panel(db, "API Input")
    ids = {"opening": panel.opening.id, "stage": panel.technical.id, "alice": panel.alice.id}
    response = client.request(method, API + path.format(**ids), json=body, headers=_headers(db, panel.manager))
    expected = (404, "not_found") if "first" in says else (422, "invalid_input")
    assert says in assert_error(response, *expected)["message"]


def test_every_interviews_endpoint_is_documented(client: TestClient) -> None:
    spec = client.get(f"{API}/openapi.json").json()
    operations = [
        (f"{method.upper()} {path}", op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if "interviews" in op.get("tags", [])
    ]
    assert len(operations) == len(ENDPOINTS) + 3  # and GET/POST /openings, GET /me/candidacies
    for name, op in operations:
        assert op["summary"], name
        assert len(op["description"]) > 40, name
        success = next(body for code, body in op["responses"].items() if code.startswith("2"))
        assert "schema" in success["content"]["application/json"], name
