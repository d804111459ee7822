"""The hiring framework: competencies with their level anchors, and the role profiles built on them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from mlinterview.content import repository
from mlinterview.web.deps import SessionDep, StaffUser
from mlinterview.web.templating import render

router = APIRouter()
LEVELS = ("junior", "mid", "senior")
ROLE_NAMES = {
    "data_scientist": "Data Scientist",
    "ml_engineer": "ML Engineer",
    "ml_researcher": "ML Researcher",
    "mlops_engineer": "MLOps Engineer",
}


@router.get("/framework")
def framework(request: Request, session: SessionDep, user: StaffUser) -> Response:
    competencies = repository.competencies(session)
    profiles = {(p.role, p.level): p.profile for p in repository.profiles(session)}
    return render(
        request,
        "framework.html",
        user=user,
        competencies=competencies,
        names={c.key: c.name for c in competencies},
        roles=ROLE_NAMES,
        levels=LEVELS,
        profiles=profiles,
        selected=request.query_params.get("role", "ml_engineer"),
    )
