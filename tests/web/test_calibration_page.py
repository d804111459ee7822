"""The calibration page: charts and figures for the managers of a panel, 403 for everyone else, an empty state
that explains itself, and self-reported groups too small to show never named."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.interviews import candidates
from mlinterview.interviews.models import Candidate
from tests.factories import login, make_organisation, make_user
from tests.interviews.factories import Panel, fill, make_panel


@pytest.fixture
def panel(db: Session) -> Panel:
    return make_panel(db, "Calibration Pages")


def rated(db: Session, panel: Panel) -> Panel:
    """Two interviewers who both rated both candidates, not always alike, so every statistic exists."""
    for who, alice, bob in ((panel.first, 3, 2), (panel.second, 4, 2)):
        fill(db, who, panel.alice, panel.technical, alice)
        fill(db, who, panel.bob, panel.technical, bob)
    db.flush()
    return panel


def test_the_manager_of_the_opening_sees_charts_and_agreement(client: TestClient, db: Session, panel: Panel) -> None:
    rated(db, panel)
    login(client, panel.manager)
    response = client.get("/calibration")
    assert response.status_code == 200, response.text
    page = response.text
    assert page.count("<svg") >= 3  # rating distribution, leniency, funnel
    assert "Krippendorff" in page
    assert re.search(r"\N{GREEK SMALL LETTER ALPHA} \d\.\d\d", page), "the panel's alpha is shown"
    for name in ("Ivan First", "Iris Second"):
        assert name in page
    assert "+0.50" in page  # Iris rates half a point above Ivan on average
    assert "-0.50" in page
    assert panel.opening.title in page
    assert "No automatic score has been overridden yet" in page
    assert f"mlinterview grading calibrate --organisation {panel.organisation.slug}" in page


@pytest.mark.parametrize("role", [Role.INTERVIEWER, Role.CANDIDATE])
def test_interviewers_and_candidates_are_refused(client: TestClient, db: Session, panel: Panel, role: Role) -> None:
    rated(db, panel)
    login(client, panel.first if role is Role.INTERVIEWER else make_user(db, panel.organisation, Role.CANDIDATE))
    response = client.get("/calibration")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.text
    assert "Krippendorff" not in response.text


def test_a_new_organisation_sees_what_will_appear(client: TestClient, db: Session) -> None:
    login(client, make_user(db, make_organisation(db, "Brand New"), Role.ADMIN))
    page = client.get("/calibration").text
    assert "No submitted scorecards yet" in page
    assert "No automatic score has been overridden yet" in page
    assert "No openings yet" in page
    assert "Not calibrated yet" in page


def test_groups_below_five_candidates_are_never_named(client: TestClient, db: Session, panel: Panel) -> None:
    people = [
        candidates.add(db, actor=panel.manager, opening_id=panel.opening.id, name=f"Person {n}", email=f"p{n}@x.org")
        for n in range(8)
    ]
    for person, gender in zip(people, ["Woman"] * 6 + ["Man"] * 2, strict=True):
        person.self_reported = {"gender": gender}
    last = panel.opening.stages[-1]
    for person in people[:3]:
        candidates.move(db, actor=panel.manager, candidate_id=person.id, stage_id=last.id)
    db.flush()
    assert db.get(Candidate, people[0].id).self_reported == {"gender": "Woman"}  # type: ignore[union-attr]
    login(client, panel.manager)
    page = client.get("/calibration").text
    outcomes = page[page.index('id="outcomes"') :]
    assert "<td>Woman</td>" in outcomes
    assert "Man</" not in outcomes.replace("Woman</", "")
    assert "Man (n=" not in outcomes
    assert "1 group has fewer than 5 candidates and is not shown" in outcomes
    assert "four-fifths rule is a rule of thumb" in outcomes
