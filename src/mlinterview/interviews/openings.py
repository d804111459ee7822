"""Openings: made from a role profile, with the competencies and weights the hiring manager adjusts, a
job-description draft, and a plan of interview stages (see ``plans``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import Role, User
from mlinterview.accounts.permissions import MANAGERS, require_role
from mlinterview.content.models import Competency, RoleProfile
from mlinterview.errors import InvalidInput
from mlinterview.interviews import access, job_description, plans
from mlinterview.interviews.models import Opening, OpeningStatus

MAX_TITLE = 200


def competency_names(session: Session) -> dict[str, Competency]:
    return {c.key: c for c in session.scalars(select(Competency).order_by(Competency.position))}


def profile(session: Session, role: str, level: str) -> RoleProfile:
    found = session.scalar(select(RoleProfile).where(RoleProfile.role == role, RoleProfile.level == level))
    if found is None:
        known = ", ".join(f"{p.role}/{p.level}" for p in session.scalars(select(RoleProfile)))
        raise InvalidInput(f"There is no role profile {role}/{level}. Pick one of: {known}.")
    return found


def create(session: Session, *, actor: User, role: str, level: str, title: str = "") -> Opening:
    """A new opening with the profile's competencies, a job-description draft, its stages and their kits."""
    require_role(actor, *MANAGERS)
    chosen = profile(session, role, level)
    title = (title or chosen.title).strip()
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"Keep the title under {MAX_TITLE} characters.")
    weights = [
        {"competency": c["competency"], "weight": float(c["weight"]), "essential": bool(c["essential"])}
        for c in chosen.profile["competencies"]
    ]
    opening = Opening(
        organisation_id=actor.organisation_id, owner_id=actor.id, title=title, role=role, level=level,
        competencies=weights,
    )  # fmt: skip
    opening.job_description = draft_description(session, opening, chosen.profile)
    session.add(opening)
    session.flush()
    plans.create_from_profile(session, opening, chosen.profile["stages"])
    audit.record(session, actor=actor, action="opening.create", summary=f"Created the opening {title}", id=opening.id)
    return opening


def draft_description(session: Session, opening: Opening, role_profile: Mapping[str, Any]) -> str:
    names = competency_names(session)
    rows = [
        (names[c["competency"]].name, names[c["competency"]].description, c["weight"], c["essential"])
        for c in opening.competencies
        if c["competency"] in names
    ]
    return job_description.draft(
        title=opening.title,
        summary=role_profile["summary"],
        responsibilities=role_profile["responsibilities"],
        competencies=rows,
        level=opening.level,
    )


def update(
    session: Session,
    *,
    actor: User,
    opening_id: int,
    title: str | None = None,
    weights: Mapping[str, float] | None = None,
    essential: Sequence[str] | None = None,
    job_description_text: str | None = None,
    anonymise_work: bool | None = None,
    status: OpeningStatus | None = None,
) -> Opening:
    """Change what the manager may change; weights of 0 drop a competency, the rest are scaled to sum to 1."""
    opening = access.opening(session, actor, opening_id, manage=True)
    if title is not None:
        if not title.strip() or len(title) > MAX_TITLE:
            raise InvalidInput(f"Give the opening a title of 1 to {MAX_TITLE} characters.")
        opening.title = title.strip()
    if weights is not None:
        opening.competencies = _weights(session, weights, essential or [])
    elif essential is not None:
        _essential(opening, essential)
    if job_description_text is not None:
        opening.job_description = job_description_text
    if anonymise_work is not None:
        opening.anonymise_work = anonymise_work
    if status is not None:
        opening.status = status
    audit.record(session, actor=actor, action="opening.update", summary=f"Changed the opening {opening.title}")
    return opening


def _essential(opening: Opening, essential: Sequence[str]) -> None:
    unknown = sorted(set(essential) - {c["competency"] for c in opening.competencies})
    if unknown:
        raise InvalidInput(f"{', '.join(unknown)} is not one of the opening's competencies; give it a weight first.")
    opening.competencies = [{**c, "essential": c["competency"] in essential} for c in opening.competencies]


def _weights(session: Session, weights: Mapping[str, float], essential: Sequence[str]) -> list[dict[str, Any]]:
    names = competency_names(session)
    unknown = sorted(set(weights) - set(names))
    if unknown:
        raise InvalidInput(f"Unknown competencies: {', '.join(unknown)}. The framework page lists them.")
    if any(w < 0 for w in weights.values()):
        raise InvalidInput("Weights cannot be negative; give 0 to leave a competency out.")
    total = sum(weights.values())
    if total <= 0:
        raise InvalidInput("Give at least one competency a weight above 0.")
    ordered = sorted((k for k, w in weights.items() if w > 0), key=lambda k: (-weights[k], names[k].position))
    return [{"competency": k, "weight": round(weights[k] / total, 4), "essential": k in essential} for k in ordered]


def visible(session: Session, *, actor: User) -> list[Opening]:
    return access.visible_openings(session, actor)


def is_manager(actor: User) -> bool:
    return actor.role in (Role.ADMIN, Role.HIRING_MANAGER)
