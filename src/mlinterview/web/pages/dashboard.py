"""The home page: what matters to the signed-in user's role."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from mlinterview.accounts import repository, service
from mlinterview.accounts.models import Role
from mlinterview.accounts.permissions import MANAGERS
from mlinterview.content import repository as content
from mlinterview.interviews import candidates, scorecards
from mlinterview.practice import reviews
from mlinterview.web.deps import CurrentUser, SessionDep, SettingsDep
from mlinterview.web.templating import render

router = APIRouter()


@router.get("/")
def dashboard(request: Request, session: SessionDep, settings: SettingsDep, user: CurrentUser) -> Response:
    is_manager = user.role in MANAGERS
    context: dict[str, Any] = {
        "user": user,
        "role_counts": service.overview(session, actor=user) if is_manager else None,
        "events": repository.events_of(
            session, user.organisation_id, actor_id=None if is_manager else user.id, limit=8
        ),
        "colleagues": [
            u for u in service.list_users(session, actor=user, role=None) if u.role.is_staff and u.id != user.id
        ]
        if user.role is Role.INTERVIEWER
        else [],
        "bank": _bank_size(session, user.organisation_id),
        "to_score": [(c, s, candidates.shown_name(c, user)) for c, s in scorecards.waiting(session, actor=user)]
        if user.role.is_staff
        else [],
        "candidacies": candidates.mine(session, user=user) if user.role is Role.CANDIDATE else [],
        "due": reviews.queue(session, user=user, limit=0).due if user.role is Role.CANDIDATE else 0,
        "system": {
            "database": "SQLite (embedded)" if settings.is_embedded_database else "PostgreSQL",
            "jobs": "Celery workers" if settings.broker_url else "in-process",
            "mode": settings.env,
        },
    }
    return render(request, f"dashboard/{user.role.value}.html", **context)


def _bank_size(session: SessionDep, organisation_id: int) -> dict[str, int]:
    counts = content.topics_with_counts(session, organisation_id)
    return {"questions": sum(n for _, n in counts), "topics": sum(1 for _, n in counts if n)}
