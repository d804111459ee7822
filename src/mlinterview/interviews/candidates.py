"""Candidates of an opening: added by form, CSV or API, invited by a link, moved through the stages with every
change recorded; and what a candidate sees of their own candidacy."""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import service as accounts
from mlinterview.accounts.models import Organisation, Role, User
from mlinterview.accounts.passwords import check_policy
from mlinterview.accounts.schemas import UserCreate
from mlinterview.errors import Conflict, InvalidInput, NotFound
from mlinterview.interviews import access
from mlinterview.interviews.models import Candidate, CandidateStatus, Opening, PipelineEvent, Stage
from mlinterview.kit.clock import utcnow

MAX_IMPORT = 2_000
MAX_PASSWORD = 256  # what an account accepts
SELF_REPORTED = {  # voluntary questions; every answer may be left blank
    "gender": ("Woman", "Man", "Non-binary", "Another gender"),
    "age_band": ("Under 25", "25-34", "35-44", "45-54", "55 or over"),
    "ethnicity": ("Asian", "Black", "Mixed or multiple", "White", "Another group"),
    "disability": ("Yes", "No"),
}


@dataclass(frozen=True)
class NewCandidate:
    name: str
    email: str


def add(session: Session, *, actor: User, opening_id: int, name: str, email: str) -> Candidate:
    opening = access.opening(session, actor, opening_id, manage=True)
    person = _checked(NewCandidate(name, email), "")
    _refuse_duplicates(session, opening, [person])
    return _add(session, actor, opening, person)


def import_csv(session: Session, *, actor: User, opening_id: int, text: str) -> list[Candidate]:
    """All rows or none: every problem is reported with its line number before anything is stored."""
    opening = access.opening(session, actor, opening_id, manage=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    header = {h.strip().lower() for h in (rows[0].keys() if rows else [])}
    if not rows or not {"name", "email"} <= header:
        raise InvalidInput("The CSV needs a header line with the columns name and email, then one candidate per line.")
    if len(rows) > MAX_IMPORT:
        raise InvalidInput(f"Import at most {MAX_IMPORT:,} candidates at a time; split the file.")
    people, problems = [], []
    for line, row in enumerate(rows, start=2):
        values = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        try:
            people.append(_checked(NewCandidate(values["name"], values["email"]), f"Line {line}: "))
        except InvalidInput as error:
            problems.append(error.message)
    emails = [p.email for p in people]
    problems += [f"{e} appears more than once in the file." for e in sorted({e for e in emails if emails.count(e) > 1})]
    if problems:
        raise InvalidInput("Nothing was imported. Fix these lines and upload again: " + " ".join(problems[:20]))
    _refuse_duplicates(session, opening, people)
    return [_add(session, actor, opening, person) for person in people]


def _checked(person: NewCandidate, where: str) -> NewCandidate:
    name = person.name.strip()
    if not name or len(name) > 200:
        raise InvalidInput(f"{where}give the candidate's name (1 to 200 characters).")
    try:
        email = validate_email(person.email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise InvalidInput(f"{where}{person.email!r} is not an email address ({error}).") from None
    return NewCandidate(name, email)


def _refuse_duplicates(session: Session, opening: Opening, people: list[NewCandidate]) -> None:
    emails = [p.email for p in people]
    existing = set(
        session.scalars(select(Candidate.email).where(Candidate.opening_id == opening.id, Candidate.email.in_(emails)))
    )
    if existing:
        raise Conflict(f"Already candidates of this opening: {', '.join(sorted(existing))}. Nothing was added.")


def _add(session: Session, actor: User, opening: Opening, person: NewCandidate) -> Candidate:
    taken = set(session.scalars(select(Candidate.code).where(Candidate.opening_id == opening.id)))
    first = opening.stages[0] if opening.stages else None
    existing = session.scalar(select(User).where(User.email == person.email))
    candidate = Candidate(
        organisation_id=opening.organisation_id, opening_id=opening.id, name=person.name, email=person.email,
        code=_code(taken), stage_id=first.id if first else None,
        user_id=existing.id if existing and existing.organisation_id == opening.organisation_id
        and existing.role is Role.CANDIDATE else None,
    )  # fmt: skip
    session.add(candidate)
    session.flush()
    _event(session, candidate, actor, "added", to_stage=first)
    return candidate


def _code(taken: set[str]) -> str:
    while (code := "C-" + secrets.token_hex(2).upper()) in taken:
        pass
    return code


def _event(
    session: Session, candidate: Candidate, actor: User | None, action: str, *,
    from_stage: Stage | None = None, to_stage: Stage | None = None, note: str = "",
) -> None:  # fmt: skip
    session.add(
        PipelineEvent(
            candidate_id=candidate.id, actor_id=actor.id if actor else None, action=action,
            from_stage_id=from_stage.id if from_stage else None, to_stage_id=to_stage.id if to_stage else None,
            note=note,
        )
    )  # fmt: skip


# -- invitations ------------------------------------------------------------------------------------------------------


def invite(session: Session, *, actor: User, candidate_id: int) -> str:
    """A new invitation link token (any earlier link stops working); only its digest is stored."""
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    token = secrets.token_urlsafe(24)
    candidate.invite_digest = _digest(token)
    candidate.invited_at = utcnow()
    _event(session, candidate, actor, "invited")
    return token


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def by_invitation(session: Session, token: str) -> Candidate:
    found = session.scalar(select(Candidate).where(Candidate.invite_digest == _digest(token)))
    if found is None:
        raise NotFound("This invitation link is not valid any more. Ask the hiring team for a new one.")
    return found


def accept(session: Session, *, token: str, password: str, user: User | None = None) -> User:
    """Link the candidacy to an account: the signed-in candidate's, or a new one with this password."""
    candidate = by_invitation(session, token)
    existing = session.scalar(select(User).where(User.email == candidate.email))
    if existing is not None and existing.organisation_id != candidate.organisation_id:
        # An account belongs to one organisation (a practice account, say): it cannot join another's opening.
        raise Conflict(
            f"{candidate.email} already has an account with another organisation on this server. Ask the hiring "
            "team to invite you under another email address."
        )
    if user is None:
        if existing is not None:
            raise Conflict(f"An account for {candidate.email} exists: sign in first, then open the link again.")
        if len(password) > MAX_PASSWORD:
            raise InvalidInput(f"Choose a password of at most {MAX_PASSWORD} characters.")
        check_policy(password)
        organisation = session.get_one(Organisation, candidate.organisation_id)
        data = UserCreate(email=candidate.email, name=candidate.name, role=Role.CANDIDATE, password=password)
        user = accounts.create_user(session, organisation=organisation, data=data)
    elif user.role is not Role.CANDIDATE or user.organisation_id != candidate.organisation_id:
        raise Conflict("This link is for a candidate. Sign out, then open it again to create the candidate's account.")
    elif user.email != candidate.email:
        raise Conflict(
            f"This invitation was sent to {candidate.email}. Sign in with that account, or sign out to create it."
        )
    candidate.user_id = user.id
    candidate.invite_digest = None  # used once
    _event(session, candidate, user, "accepted")
    return user


# -- the pipeline -----------------------------------------------------------------------------------------------------


def move(session: Session, *, actor: User, candidate_id: int, stage_id: int, note: str = "") -> Candidate:
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    target = next((s for s in candidate.opening.stages if s.id == stage_id), None)
    if target is None:
        raise InvalidInput("Move the candidate to one of this opening's stages.")
    if candidate.status is not CandidateStatus.ACTIVE:
        raise Conflict(f"The candidate is {candidate.status.label.lower()}; reactivate them before moving them.")
    previous = candidate.stage
    candidate.stage_id = target.id
    _event(session, candidate, actor, "moved", from_stage=previous, to_stage=target, note=note.strip())
    return candidate


def set_status(session: Session, *, actor: User, candidate: Candidate, status: CandidateStatus, note: str) -> None:
    candidate.status = status
    _event(session, candidate, actor, status.value, note=note)


def history(session: Session, candidate: Candidate) -> list[PipelineEvent]:
    query = select(PipelineEvent).where(PipelineEvent.candidate_id == candidate.id)
    return list(session.scalars(query.order_by(PipelineEvent.created_at, PipelineEvent.id)))


def listing(session: Session, *, actor: User, opening_id: int) -> list[Candidate]:
    opening = access.opening(session, actor, opening_id)
    query = select(Candidate).where(Candidate.opening_id == opening.id)
    rows = list(session.scalars(query.order_by(Candidate.created_at, Candidate.id)))
    if access.manages(actor, opening):
        return rows
    assigned = access.assigned_stages(session, actor, opening)
    return [c for c in rows if access.reached(session, c, assigned)]


def shown_name(candidate: Candidate, actor: User) -> str:
    """The name, or the code where the opening asks for anonymised review and the viewer does not manage it."""
    if candidate.opening.anonymise_work and not access.manages(actor, candidate.opening):
        return f"Candidate {candidate.code}"
    return candidate.name


# -- the candidate's own view -----------------------------------------------------------------------------------------


def mine(session: Session, *, user: User) -> list[Candidate]:
    return list(session.scalars(select(Candidate).where(Candidate.user_id == user.id).order_by(Candidate.id)))


def report_voluntarily(session: Session, *, user: User, candidate_id: int, answers: dict[str, str]) -> None:
    candidate = access.candidate(session, user, candidate_id)
    if candidate.user_id != user.id:
        raise NotFound("Only the candidate can answer these questions.")
    clean = {}
    for key, value in answers.items():
        if key not in SELF_REPORTED:
            raise InvalidInput(f"{key!r} is not one of the voluntary questions.")
        if value and value not in SELF_REPORTED[key]:
            raise InvalidInput(f"Choose one of the listed answers for {key.replace('_', ' ')} or leave it blank.")
        if value:
            clean[key] = value
    candidate.self_reported = clean


def work_sample_author(session: Session, *, viewer: User, author: User) -> str:
    """The name shown on someone's work (code, answers): a candidate's code wherever one of their openings asks
    for anonymised review and the viewer does not manage it."""
    if viewer.id == author.id or author.role is not Role.CANDIDATE:
        return author.name
    query = select(Candidate).where(Candidate.user_id == author.id, Candidate.organisation_id == viewer.organisation_id)
    for candidate in session.scalars(query.order_by(Candidate.id)):
        if candidate.opening.anonymise_work and not access.manages(viewer, candidate.opening):
            return f"Candidate {candidate.code}"
    return author.name
