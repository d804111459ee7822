"""The structured-interview workflow on the real database, from an opening to released feedback."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from mlinterview.accounts.models import Role
from mlinterview.content.models import Question
from mlinterview.errors import Conflict, Forbidden, InvalidInput, NotFound
from mlinterview.interviews import candidates, feedback, plans, review, scorecards
from mlinterview.interviews.models import CandidateStatus, DecisionOutcome, StageKind
from tests.factories import make_user
from tests.interviews.factories import fill, make_panel


def test_an_opening_gets_the_profile_plan_and_kits_without_repeats(db: Session) -> None:
    panel = make_panel(db)
    kinds = [s.kind for s in panel.opening.stages]
    assert kinds[0] is StageKind.INITIAL_SCREENING
    assert kinds[-1] is StageKind.FINAL_REVIEW
    assert abs(sum(c["weight"] for c in panel.opening.competencies) - 1) < 1e-6
    assert panel.opening.job_description.startswith("# ")
    used = [i.question_id for s in panel.opening.stages for k in s.kits for i in k.items]
    assert used
    assert len(used) == len(set(used))
    technical_kit = plans.current_kit(panel.technical)
    assert technical_kit is not None
    assert all(i.competency in panel.technical.focus for i in technical_kit.items)


def test_kits_freeze_once_used_and_change_only_by_a_new_version(db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 3)
    kit = plans.current_kit(panel.technical)
    assert kit is not None
    with pytest.raises(Conflict, match="new version"):
        plans.remove_question(db, actor=panel.manager, stage_id=panel.technical.id, item_id=kit.items[0].id)
    with pytest.raises(InvalidInput):
        plans.new_version(db, actor=panel.manager, stage_id=panel.technical.id, note=" ")
    second = plans.new_version(db, actor=panel.manager, stage_id=panel.technical.id, note="clearer wording")
    plans.remove_question(db, actor=panel.manager, stage_id=panel.technical.id, item_id=second.items[0].id)
    assert len(second.items) == len(kit.items) - 1
    # Bob's scorecard uses version 2; Alice's stays on version 1
    assert fill(db, panel.second, panel.bob, panel.technical, 2).kit_id == second.id
    assert (
        scorecards.start(db, actor=panel.first, candidate_id=panel.alice.id, stage_id=panel.technical.id).kit_id
        == kit.id
    )


def test_an_interviewer_sees_others_scorecards_only_after_submitting(db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 3)
    draft = fill(db, panel.second, panel.alice, panel.technical, 2, submit=False)
    assert scorecards.visible(db, actor=panel.second, candidate_id=panel.alice.id) == []
    assert scorecards.hidden_count(db, actor=panel.second, candidate=panel.alice) == 1
    # the draft is invisible to the first interviewer, who has submitted
    assert [c.interviewer_id for c in scorecards.visible(db, actor=panel.first, candidate_id=panel.alice.id)] == [
        panel.first.id
    ]
    fill(db, panel.second, panel.alice, panel.technical, 2)
    assert draft.submitted_at is not None
    assert len(scorecards.visible(db, actor=panel.second, candidate_id=panel.alice.id)) == 2
    with pytest.raises(Conflict, match="final"):
        fill(db, panel.second, panel.alice, panel.technical, 4)


def test_submitting_needs_every_focus_competency_and_a_recommendation(db: Session) -> None:
    panel = make_panel(db)
    card = scorecards.start(db, actor=panel.first, candidate_id=panel.alice.id, stage_id=panel.technical.id)
    with pytest.raises(InvalidInput, match="still missing"):
        scorecards.save(
            db,
            actor=panel.first,
            scorecard_id=card.id,
            notes={},
            ratings={},
            recommendation=None,
            summary="",
            submit=True,
        )
    with pytest.raises(InvalidInput, match="1 to 4"):
        scorecards.save(
            db, actor=panel.first, scorecard_id=card.id, notes={}, ratings={panel.technical.focus[0]: 5},
            recommendation=None, summary="",
        )  # fmt: skip
    assert card.submitted_at is None


def test_roles_and_organisations_are_enforced(db: Session) -> None:
    panel = make_panel(db)
    other = make_panel(db, "Other Org")
    with pytest.raises(Forbidden):
        scorecards.start(db, actor=panel.outsider, candidate_id=panel.alice.id, stage_id=panel.technical.id)
    with pytest.raises(NotFound):
        scorecards.start(db, actor=other.first, candidate_id=panel.alice.id, stage_id=panel.technical.id)
    with pytest.raises(Forbidden):
        review.final_review(db, actor=panel.first, candidate_id=panel.alice.id)
    with pytest.raises(NotFound):
        review.final_review(db, actor=other.manager, candidate_id=panel.alice.id)
    second_manager = make_user(db, panel.organisation, Role.HIRING_MANAGER)
    with pytest.raises(Forbidden):
        candidates.add(db, actor=second_manager, opening_id=panel.opening.id, name="X Y", email="x@example.com")
    assert candidates.listing(db, actor=panel.first, opening_id=panel.opening.id) == [panel.alice, panel.bob]
    with pytest.raises(Forbidden):
        candidates.listing(db, actor=panel.outsider, opening_id=panel.opening.id)


def test_csv_import_is_all_or_nothing_with_line_numbers(db: Session) -> None:
    panel = make_panel(db)
    with pytest.raises(InvalidInput, match="Line 3"):
        candidates.import_csv(
            db,
            actor=panel.manager,
            opening_id=panel.opening.id,
            text="name,email\nCara C,cara@example.com\nDan,not-an-email\n",
        )
    assert len(candidates.listing(db, actor=panel.manager, opening_id=panel.opening.id)) == 2
    added = candidates.import_csv(
        db,
        actor=panel.manager,
        opening_id=panel.opening.id,
        text="Name,Email\nCara C,Cara@Example.com\nDan D,dan@example.com\n",
    )
    assert [c.email for c in added] == ["cara@example.com", "dan@example.com"]
    with pytest.raises(Conflict, match=r"cara@example\.com"):
        candidates.add(db, actor=panel.manager, opening_id=panel.opening.id, name="Cara", email="cara@example.com")


def test_final_review_decision_and_released_feedback(db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 4)
    fill(db, panel.second, panel.alice, panel.technical, 2)
    result = review.final_review(db, actor=panel.manager, candidate_id=panel.alice.id)
    assert len(result.scorecards) == 2
    rated = [r for r in result.competencies if r.ratings]
    assert rated
    assert all(r.agreement == "split" and r.mean == 3 for r in rated)
    assert result.weighted == pytest.approx(3.0)
    with pytest.raises(InvalidInput, match="reason"):
        review.decide(db, actor=panel.manager, candidate_id=panel.alice.id, outcome=DecisionOutcome.HIRE, reason="ok")
    review.decide(
        db, actor=panel.manager, candidate_id=panel.alice.id, outcome=DecisionOutcome.HIRE,
        reason="Strong technical depth; the split on evaluation was settled by the notes.",
    )  # fmt: skip
    assert panel.alice.status is CandidateStatus.HIRED
    report = feedback.draft(db, actor=panel.manager, candidate_id=panel.alice.id)
    assert "## Strengths" in report.body
    assert "Ivan" not in report.body
    token = candidates.invite(db, actor=panel.manager, candidate_id=panel.alice.id)
    user = candidates.accept(db, token=token, password="a long enough passphrase")
    with pytest.raises(NotFound, match="not been released"):
        feedback.for_candidate(db, user=user, candidate_id=panel.alice.id)
    feedback.update(db, actor=panel.manager, candidate_id=panel.alice.id, body=report.body + "\n\nAll the best.")
    feedback.release(db, actor=panel.manager, candidate_id=panel.alice.id)
    assert feedback.for_candidate(db, user=user, candidate_id=panel.alice.id).body.endswith("All the best.")
    with pytest.raises(Conflict):
        feedback.update(db, actor=panel.manager, candidate_id=panel.alice.id, body="changed")
    with pytest.raises(NotFound):  # the link works once
        candidates.accept(db, token=token, password="a long enough passphrase")
    assert candidates.mine(db, user=user) == [panel.alice]
    with pytest.raises(NotFound):
        feedback.for_candidate(db, user=user, candidate_id=panel.bob.id)


def test_the_demo_opening_has_scored_candidates_and_a_disagreement(db: Session) -> None:
    from mlinterview.interviews import demo
    from tests.factories import make_organisation

    organisation = make_organisation(db, "Demo Test Org")
    manager = make_user(db, organisation, Role.HIRING_MANAGER)
    for _ in range(2):
        make_user(db, organisation, Role.INTERVIEWER)
    candidate_user = make_user(db, organisation, Role.CANDIDATE)
    demo.seed(db, organisation)
    opening = candidates.mine(db, user=candidate_user)[0].opening
    rows = review.compare(db, actor=manager, opening_id=opening.id)
    assert len(rows) == 5
    lena = next(r for r in rows if r["candidate"].name == "Lena Fischer")
    assert any(c.agreement == "split" for c in lena["competencies"].values())


def test_feedback_lists_each_study_question_once(db: Session) -> None:
    panel = make_panel(db)
    fill(db, panel.first, panel.alice, panel.technical, 1)
    body = feedback.draft(db, actor=panel.manager, candidate_id=panel.alice.id).body
    links = [line for line in body.splitlines() if line.startswith("- [")]
    assert links
    assert len(links) == len({line.split("](")[1].split(")")[0] for line in links})


def test_download_my_data_covers_applications_answers_and_practice(db: Session) -> None:
    import json

    from mlinterview import answers as _answers_package  # noqa: F401 - each domain adds its section
    from mlinterview import practice as _practice_package  # noqa: F401
    from mlinterview.accounts import exports
    from mlinterview.answers import service as answer_service
    from mlinterview.practice import reviews

    panel = make_panel(db)
    token = candidates.invite(db, actor=panel.manager, candidate_id=panel.alice.id)
    user = candidates.accept(db, token=token, password="a long enough passphrase")
    slug = db.get_one(Question, plans.current_kit(panel.technical).items[0].question_id).slug
    answer = answer_service.submit(db, user=user, slug=slug, text="An answer of a few words about the question.")
    answer_service.grade(db, answer_id=answer.id)
    reviews.rate_answer(db, user=user, answer_id=answer.id)
    export = exports.request(db, user=user)
    exports.build(db, export_id=export.id)
    document = json.loads(export.content or "{}")
    assert {"answers", "applications", "code_submissions", "practice", "takehome_submissions"} <= set(document)
    assert document["answers"][0]["question"] == slug
    assert document["applications"][0]["opening"] == panel.opening.title
    assert len(document["practice"]["reviews"]) == 1


def test_a_practice_account_cannot_join_another_organisations_opening(db: Session) -> None:
    from mlinterview.accounts import service as accounts

    panel = make_panel(db)
    practising = accounts.sign_up(db, name="Alice Able", email="alice@example.com", password="a long enough passphrase")
    token = candidates.invite(db, actor=panel.manager, candidate_id=panel.alice.id)
    for user in (None, practising):
        with pytest.raises(Conflict, match="another email address"):
            candidates.accept(db, token=token, password="a long enough passphrase", user=user)
    assert panel.alice.user_id is None
