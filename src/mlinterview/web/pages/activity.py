"""The organisation's audit trail, for administrators and hiring managers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from mlinterview.accounts import repository
from mlinterview.web.deps import ManagerUser, SessionDep
from mlinterview.web.templating import render

router = APIRouter()


@router.get("/activity")
def activity(request: Request, session: SessionDep, user: ManagerUser) -> Response:
    events = repository.events_of(session, user.organisation_id, limit=200)
    return render(request, "activity.html", user=user, events=events)
