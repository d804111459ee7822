"""``GET /health``: 200 when the app can serve (its database answers), 503 when it cannot."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from mlinterview import __version__
from mlinterview.db.session import session_scope

router = APIRouter(tags=["health"])


@router.get("/health", summary="Liveness and readiness")
def health(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    try:
        with session_scope() as session:
            session.execute(text("SELECT 1"))
        database = "ok"
    except SQLAlchemyError:
        database = "unavailable"
    body = {
        "status": "ok" if database == "ok" else "degraded",
        "version": __version__,
        "database": database,
        "jobs": "celery" if settings.broker_url else "in-process",
    }
    return JSONResponse(body, status_code=200 if database == "ok" else 503)
