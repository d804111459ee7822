"""The structured-interview pages, driven through the real forms: openings, plan, kits, candidates, scorecards,
the final review, the decision and the feedback report; and who may open which page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts.models import AuditEvent, Role
from mlinterview.interviews import plans
from mlinterview.interviews.models import Candidate, Opening, Scorecard, StageKind
from tests.factories import login, make_user
from tests.interviews.factories import fill, make_panel


def test_a_manager_creates_an_opening_and_plans_it(client: TestClient, db: Session) -> None:
    organisation_panel = make_panel(db)
    manager = organisation_panel.manager
    db.flush()
    token = login(client, manager)
    page = client.post("/openings", data={"profile": "data_scientist/senior", "title": "", "csrf_token": token})
    assert page.status_code == 200
    assert "interview kits" in page.text
    opening = db.scalars(select(Opening).where(Opening.role == "data_scientist")).one()
    assert opening.title in page.text
    assert "Job description" in page.text
    technical = next(s for s in opening.stages if s.kind is StageKind.TECHNICAL_INTERVIEW)
    form = {
        "name": "Technical deep dive", "duration_minutes": "75", "focus": technical.focus[:2],
        "interviewers": [organisation_panel.first.id], "instructions": "Be kind.", "exercise": "roc-auc",
        "takehome": "", "csrf_token": token,
    }  # fmt: skip
    assert client.post(f"/stages/{technical.id}", data=form).status_code == 200
    db.refresh(technical)
    assert technical.name == "Technical deep dive"
    assert technical.exercise == "roc-auc"
    assert plans.interviewer_ids(technical) == [organisation_panel.first.id]
    weights = {f"weight_{c['competency']}": "1" for c in opening.competencies}
    assert client.post(f"/openings/{opening.id}", data={**weights, "csrf_token": token}).status_code == 200
    db.refresh(opening)
    assert {round(c["weight"], 4) for c in opening.competencies} == {round(1 / len(opening.competencies), 4)}
    bad = client.post(f"/stages/{technical.id}", data={**form, "duration_minutes": "soon"})
    assert bad.status_code == 422
    assert "whole minutes" in bad.text
    kit = client.get(f"/stages/{technical.id}/kit")
    assert kit.status_code == 200
    assert "What to look for" in kit.text
    assert "Red flags" in kit.text
    pdf = client.get(f"/stages/{technical.id}/kit.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_candidates_are_added_imported_and_invited(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    token = login(client, panel.manager)
    opening = f"/openings/{panel.opening.id}"
    client.post(f"{opening}/candidates", data={"name": "Cara Cole", "email": "cara@example.com", "csrf_token": token})
    bad = client.post(
        f"{opening}/candidates/import",
        files={"file": ("people.csv", b"name,email\nDan Dee,dan@example.com\nEve,not-an-email\n", "text/csv")},
        data={"csrf_token": token},
    )
    assert bad.status_code == 422
    assert "Line 3" in bad.text
    good = client.post(
        f"{opening}/candidates/import",
        files={"file": ("people.csv", b"name,email\nDan Dee,dan@example.com\nEve Eng,eve@example.com\n", "text/csv")},
        data={"csrf_token": token},
    )
    assert good.status_code == 200
    assert "Imported 2 candidates" in good.text
    names = set(db.scalars(select(Candidate.name).where(Candidate.opening_id == panel.opening.id)))
    assert names == {"Alice Able", "Bob Baker", "Cara Cole", "Dan Dee", "Eve Eng"}
    page = client.post(f"/candidates/{panel.alice.id}/invitation", data={"csrf_token": token})
    assert re.search(r"/join/[\w-]{20,}", page.text)


def test_scorecards_through_the_form_stay_independent_until_submitted(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 4)
    db.flush()
    token = login(client, panel.second)
    candidate_page = client.get(f"/candidates/{panel.alice.id}")
    assert "hidden until you submit your own" in candidate_page.text
    assert panel.first.name not in candidate_page.text
    assert "Alice Able" not in candidate_page.text
    url = f"/candidates/{panel.alice.id}/stages/{panel.technical.id}/scorecard"
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert "Limited" in form_page.text
    assert "Expert" in form_page.text
    assert "Ivan First" not in form_page.text
    ratings = {f"competency_{key}": "2" for key in panel.technical.focus}
    incomplete = client.post(url, data={"action": "submit", "csrf_token": token, "recommendation": "no"})
    assert incomplete.status_code == 422
    assert "still missing" in incomplete.text
    saved = client.post(
        url, data={**ratings, "action": "submit", "recommendation": "no", "summary": "ok", "csrf_token": token}
    )
    assert saved.status_code == 200
    assert panel.first.name in saved.text
    card = db.scalars(select(Scorecard).where(Scorecard.interviewer_id == panel.second.id)).one()
    assert card.submitted_at is not None
    assert {r.rating for r in card.ratings} == {2}


def test_final_review_decision_and_feedback_release(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 4)
    fill(db, panel.second, panel.alice, panel.technical, 2)
    db.flush()
    token = login(client, panel.manager)
    review = client.get(f"/candidates/{panel.alice.id}/review")
    assert review.status_code == 200
    assert "Ivan First" in review.text
    assert "Iris Second" in review.text
    assert "disagree" in review.text
    decided = client.post(
        f"/candidates/{panel.alice.id}/decision",
        data={"outcome": "hire", "reason": "Deep knowledge; the split was settled by the notes.", "csrf_token": token},
    )
    assert "Decision recorded: Hire" in decided.text
    assert db.scalars(select(AuditEvent).where(AuditEvent.action == "candidate.decide")).one()
    drafted = client.post(f"/candidates/{panel.alice.id}/feedback/draft", data={"csrf_token": token})
    assert "Strengths" in drafted.text
    client.post(f"/candidates/{panel.alice.id}/feedback", data={"body": "# Thanks\n\nWell done.", "csrf_token": token})
    released = client.post(f"/candidates/{panel.alice.id}/feedback/release", data={"csrf_token": token})
    assert "Released" in released.text
    assert "Well done." in released.text
    compare = client.get(f"/openings/{panel.opening.id}/compare")
    assert compare.status_code == 200
    assert "Alice Able" in compare.text
    assert "Hire" in compare.text


@pytest.mark.parametrize(
    "path",
    ["/openings/{opening}", "/stages/{stage}/kit", "/candidates/{alice}", "/candidates/{alice}/review",
     "/openings/{opening}/compare", "/candidates/{alice}/stages/{stage}/scorecard"],
)  # fmt: skip
def test_pages_refuse_the_wrong_role_and_organisation(client: TestClient, db: Session, path: str) -> None:
    panel = make_panel(db)
    other = make_panel(db, "Other Org")
    candidate_user = make_user(db, panel.organisation, Role.CANDIDATE)
    url = path.format(opening=panel.opening.id, stage=panel.technical.id, alice=panel.alice.id)
    for who, allowed in ((other.manager, {404}), (candidate_user, {403, 404}), (panel.outsider, {403})):
        client.cookies.clear()
        login(client, who)
        assert client.get(url).status_code in allowed, (who.name, url)


def test_work_samples_are_anonymised_for_interviewers_and_results_show_on_the_scorecard(
    client: TestClient, db: Session
) -> None:
    from mlinterview.exercises.models import Submission, SubmissionKind, SubmissionStatus
    from mlinterview.interviews import candidates

    panel = make_panel(db)
    plans.update_stage(db, actor=panel.manager, stage_id=panel.technical.id, exercise="roc-auc")
    user = candidates.accept(
        db,
        token=candidates.invite(db, actor=panel.manager, candidate_id=panel.alice.id),
        password="a long enough passphrase",
    )
    submission = Submission(
        user_id=user.id, organisation_id=panel.organisation.id, exercise="roc-auc", exercise_version="v",
        kind=SubmissionKind.SUBMIT, source="def roc_auc(y, s):\n    return 0.5\n", status=SubmissionStatus.GRADED,
        passed=3, total=5,
    )  # fmt: skip
    db.add(submission)
    db.flush()
    login(client, panel.first)
    card = client.get(f"/candidates/{panel.alice.id}/stages/{panel.technical.id}/scorecard")
    assert "3/5 tests passed" in card.text
    code = client.get(f"/submissions/{submission.id}")
    assert code.status_code == 200
    assert f"Candidate {panel.alice.code}" in code.text
    assert "Alice Able" not in code.text
    client.cookies.clear()
    login(client, panel.manager)
    assert "Alice Able" in client.get(f"/submissions/{submission.id}").text


def test_kit_pdf_and_openings_list_refuse_candidates_and_outsiders(client: TestClient, db: Session) -> None:
    panel = make_panel(db)
    other = make_panel(db, "Other Org")
    login(client, make_user(db, panel.organisation, Role.CANDIDATE))
    assert client.get("/openings").status_code == 403
    assert client.get(f"/stages/{panel.technical.id}/kit.pdf").status_code in (403, 404)
    client.cookies.clear()
    login(client, other.manager)
    assert client.get(f"/stages/{panel.technical.id}/kit.pdf").status_code == 404
    listing = client.get("/openings").text
    assert f'href="/openings/{other.opening.id}"' in listing
    assert f'href="/openings/{panel.opening.id}"' not in listing


def test_the_dashboard_lists_scorecards_waiting_and_a_candidates_applications(client: TestClient, db: Session) -> None:
    from mlinterview.interviews import candidates

    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 3)
    db.flush()
    login(client, panel.first)
    home = client.get("/").text
    assert "Waiting for your scorecard" in home
    assert f"Candidate {panel.bob.code}" in home  # Alice is done; names stay anonymised
    assert f"Candidate {panel.alice.code}" not in home
    client.cookies.clear()
    token = candidates.invite(db, actor=panel.manager, candidate_id=panel.bob.id)
    bob = candidates.accept(db, token=token, password="a long enough passphrase")
    db.flush()
    login(client, bob, "a long enough passphrase")
    home = client.get("/").text
    assert "Your applications" in home
    assert panel.opening.title in home


def test_the_scorecard_shows_a_typed_answer_with_raw_and_calibrated_scores(client: TestClient, db: Session) -> None:
    from mlinterview.answers import service as answers
    from mlinterview.interviews import candidates, scorecards
    from mlinterview.interviews.models import GraderCalibration

    panel = make_panel(db)
    screening = panel.opening.stages[0]
    assert screening.kind is StageKind.INITIAL_SCREENING
    plans.update_stage(db, actor=panel.manager, stage_id=screening.id, interviewer_ids=[panel.first.id])
    candidates.move(db, actor=panel.manager, candidate_id=panel.alice.id, stage_id=screening.id)
    user = candidates.accept(
        db,
        token=candidates.invite(db, actor=panel.manager, candidate_id=panel.alice.id),
        password="a long passphrase 1",
    )
    item = plans.current_kit(screening).items[0]
    answer = scorecards.answer_screening(
        db, user=user, candidate_id=panel.alice.id, item_id=item.id, text="Some words about the question asked."
    )
    answers.grade(db, answer_id=answer.id)
    db.add(GraderCalibration(organisation_id=panel.organisation.id, points=[[0.0, 0.1], [1.0, 0.2]], examples=6,
                             mae_before=0.3, mae_after=0.1, cross_validated=False))  # fmt: skip
    db.flush()
    login(client, panel.first)
    page = client.get(f"/candidates/{panel.alice.id}/stages/{screening.id}/scorecard").text
    assert "Some words about the question asked." in page
    assert "a second opinion, not a verdict" in page
    assert "calibrated to your organisation" in page
