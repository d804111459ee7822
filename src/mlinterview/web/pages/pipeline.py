"""Candidates of an opening in the browser: adding and importing them, invitations, moves through the stages,
scorecards (with the grader's second opinion on typed answers), the final review, the decision, the feedback
report and the comparison of an opening's candidates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from mlinterview.accounts.models import User
from mlinterview.content.models import QuestionVersion
from mlinterview.errors import InvalidInput
from mlinterview.interviews import access, analytics, candidates, feedback, openings, plans, review, scorecards
from mlinterview.interviews.models import DecisionOutcome, Recommendation, Scorecard
from mlinterview.web.deps import ManagerUser, SessionDep, StaffUser
from mlinterview.web.templating import flash, render

router = APIRouter()
MAX_CSV = 1024 * 1024


@router.post("/openings/{opening_id}/candidates")
def add(
    request: Request, session: SessionDep, user: ManagerUser, opening_id: int,
    name: Annotated[str, Form()], email: Annotated[str, Form()],
) -> Response:  # fmt: skip
    candidate = candidates.add(session, actor=user, opening_id=opening_id, name=name, email=email)
    flash(request, f"Added {candidate.name}. Send them their invitation link from their page.")
    return RedirectResponse(f"/openings/{opening_id}#pipeline", status_code=303)


@router.post("/openings/{opening_id}/candidates/import")
async def import_csv(
    request: Request, session: SessionDep, user: ManagerUser, opening_id: int, file: Annotated[UploadFile, File()]
) -> Response:
    data = await file.read(MAX_CSV + 1)
    if len(data) > MAX_CSV:
        raise InvalidInput("The CSV file is over 1 MB; split it into smaller files.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("The CSV file is not UTF-8 text; save it as “CSV UTF-8” and upload it again.") from None
    added = candidates.import_csv(session, actor=user, opening_id=opening_id, text=text)
    flash(request, f"Imported {len(added)} candidates.")
    return RedirectResponse(f"/openings/{opening_id}#pipeline", status_code=303)


@router.get("/candidates/{candidate_id}")
def show(request: Request, session: SessionDep, user: StaffUser, candidate_id: int) -> Response:
    candidate = access.candidate(session, user, candidate_id)
    opening = candidate.opening
    cards = scorecards.visible(session, actor=user, candidate_id=candidate.id)
    own = select(Scorecard).where(Scorecard.candidate_id == candidate.id, Scorecard.interviewer_id == user.id)
    mine = {card.stage_id: card for card in session.scalars(own)}
    return render(
        request, "interviews/candidate.html", user=user, candidate=candidate, opening=opening,
        name=candidates.shown_name(candidate, user), manages=access.manages(user, opening),
        assigned={s.id for s in opening.stages if user.id in plans.interviewer_ids(s)}, mine=mine,
        reached={s.id for s in opening.stages if access.reached(session, candidate, {s.id})},
        cards=cards, hidden=scorecards.hidden_count(session, actor=user, candidate=candidate),
        history=candidates.history(session, candidate) if access.manages(user, opening) else [],
        people=_people(session, user), stages={s.id: s for s in opening.stages},
        names=openings.competency_names(session), link=request.session.pop("invite_link", None),
    )  # fmt: skip


def _people(session: SessionDep, user: User) -> dict[int, str]:
    return {u.id: u.name for u in session.scalars(select(User).where(User.organisation_id == user.organisation_id))}


@router.post("/candidates/{candidate_id}/move")
def move(
    request: Request, session: SessionDep, user: ManagerUser, candidate_id: int,
    stage_id: Annotated[int, Form()], note: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    candidate = candidates.move(session, actor=user, candidate_id=candidate_id, stage_id=stage_id, note=note)
    flash(request, f"Moved to {candidate.stage.name if candidate.stage else 'the stage'}.")
    return RedirectResponse(f"/candidates/{candidate_id}", status_code=303)


@router.post("/candidates/{candidate_id}/invitation")
def invite(request: Request, session: SessionDep, user: ManagerUser, candidate_id: int) -> Response:
    token = candidates.invite(session, actor=user, candidate_id=candidate_id)
    request.session["invite_link"] = f"{str(request.base_url).rstrip('/')}/join/{token}"
    flash(request, "Invitation link created. Send it to the candidate; it works once, and a new link replaces it.")
    return RedirectResponse(f"/candidates/{candidate_id}", status_code=303)


# -- scorecards -------------------------------------------------------------------------------------------------------


@router.get("/candidates/{candidate_id}/stages/{stage_id}/scorecard")
def scorecard(request: Request, session: SessionDep, user: StaffUser, candidate_id: int, stage_id: int) -> Response:
    card = scorecards.start(session, actor=user, candidate_id=candidate_id, stage_id=stage_id)
    candidate = access.candidate(session, user, candidate_id)
    stage = next(s for s in candidate.opening.stages if s.id == stage_id)
    items = scorecards.kit_items(session, card)
    typed = scorecards.typed_answers(session, candidate, items)
    contents = {i.id: session.get_one(QuestionVersion, i.question_version_id).content for i in items}
    names = openings.competency_names(session)
    others = [c["competency"] for c in candidate.opening.competencies if c["competency"] not in stage.focus]
    return render(
        request, "interviews/scorecard.html", user=user, card=card, candidate=candidate, stage=stage,
        name=candidates.shown_name(candidate, user), items=items, typed=typed, contents=contents, names=names,
        notes={n.kit_item_id: n for n in card.notes}, ratings={r.competency: r.rating for r in card.ratings},
        others=others, recommendations=list(Recommendation), automatic=scorecards.automatic_score,
        calibrated=analytics.score_map(session, user.organisation_id),
        results=review.stage_results(session, candidate, stage),
    )  # fmt: skip


@router.post("/candidates/{candidate_id}/stages/{stage_id}/scorecard")
async def save_scorecard(
    request: Request, session: SessionDep, user: StaffUser, candidate_id: int, stage_id: int
) -> Response:
    form = await request.form()
    card = scorecards.start(session, actor=user, candidate_id=candidate_id, stage_id=stage_id)
    notes = {}
    for item in scorecards.kit_items(session, card):
        rating = str(form.get(f"rating_{item.id}", ""))
        notes[item.id] = scorecards.NoteInput(
            str(form.get(f"notes_{item.id}", "")), int(rating) if rating.isdigit() else None
        )
    ratings = {
        key[len("competency_") :]: int(str(value))
        for key, value in form.items()
        if key.startswith("competency_") and str(value).isdigit()
    }
    recommendation = Recommendation(str(form["recommendation"])) if form.get("recommendation") else None
    submit = form.get("action") == "submit"
    scorecards.save(
        session, actor=user, scorecard_id=card.id, notes=notes, ratings=ratings, recommendation=recommendation,
        summary=str(form.get("summary", "")), submit=submit,
    )  # fmt: skip
    flash(
        request,
        "Scorecard submitted. You can now see the other interviewers' scorecards." if submit else "Draft saved.",
    )
    target = f"/candidates/{candidate_id}" if submit else f"/candidates/{candidate_id}/stages/{stage_id}/scorecard"
    return RedirectResponse(target, status_code=303)


@router.post("/scorecards/{scorecard_id}/override/{item_id}")
def override(
    request: Request, session: SessionDep, user: StaffUser, scorecard_id: int, item_id: int,
    score: Annotated[float, Form()],
) -> Response:  # fmt: skip
    note = scorecards.override(session, actor=user, scorecard_id=scorecard_id, item_id=item_id, score=score / 100)
    card = session.get_one(Scorecard, note.scorecard_id)
    flash(request, f"Your score of {score:.0f}% replaces the automatic one for this answer; the override is recorded.")
    return RedirectResponse(
        f"/candidates/{card.candidate_id}/stages/{card.stage_id}/scorecard#item-{item_id}", status_code=303
    )


# -- final review, decision, feedback ---------------------------------------------------------------------------------


@router.get("/candidates/{candidate_id}/review")
def final_review(request: Request, session: SessionDep, user: ManagerUser, candidate_id: int) -> Response:
    result = review.final_review(session, actor=user, candidate_id=candidate_id)
    return render(
        request, "interviews/review.html", user=user, review=result, candidate=result.candidate,
        opening=result.candidate.opening, people=_people(session, user), names=openings.competency_names(session),
        stages={s.id: s for s in result.candidate.opening.stages}, outcomes=list(DecisionOutcome),
        report=feedback.get(session, result.candidate), recommendations=list(Recommendation),
    )  # fmt: skip


@router.post("/candidates/{candidate_id}/decision")
def decide(
    request: Request, session: SessionDep, user: ManagerUser, candidate_id: int,
    outcome: Annotated[DecisionOutcome, Form()], reason: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    review.decide(session, actor=user, candidate_id=candidate_id, outcome=outcome, reason=reason)
    flash(request, f"Decision recorded: {outcome.label}.")
    return RedirectResponse(f"/candidates/{candidate_id}/review#decision", status_code=303)


@router.post("/candidates/{candidate_id}/feedback/draft")
def draft_feedback(request: Request, session: SessionDep, user: ManagerUser, candidate_id: int) -> Response:
    feedback.draft(session, actor=user, candidate_id=candidate_id)
    flash(request, "Feedback drafted from the scorecards. Read it, edit it, then release it.")
    return RedirectResponse(f"/candidates/{candidate_id}/review#feedback", status_code=303)


@router.post("/candidates/{candidate_id}/feedback")
def save_feedback(
    request: Request, session: SessionDep, user: ManagerUser, candidate_id: int, body: Annotated[str, Form()]
) -> Response:
    feedback.update(session, actor=user, candidate_id=candidate_id, body=body)
    flash(request, "Feedback saved; the candidate cannot see it until you release it.")
    return RedirectResponse(f"/candidates/{candidate_id}/review#feedback", status_code=303)


@router.post("/candidates/{candidate_id}/feedback/release")
def release_feedback(request: Request, session: SessionDep, user: ManagerUser, candidate_id: int) -> Response:
    feedback.release(session, actor=user, candidate_id=candidate_id)
    flash(request, "Feedback released: the candidate can read it now.")
    return RedirectResponse(f"/candidates/{candidate_id}/review#feedback", status_code=303)


@router.get("/openings/{opening_id}/compare")
def compare(request: Request, session: SessionDep, user: ManagerUser, opening_id: int) -> Response:
    opening = access.opening(session, user, opening_id, manage=True)
    return render(
        request, "interviews/compare.html", user=user, opening=opening,
        rows=review.compare(session, actor=user, opening_id=opening_id), names=openings.competency_names(session),
    )  # fmt: skip
