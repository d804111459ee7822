"""``/api/v1/exports``: a copy of everything stored about the caller, built in the background."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, status

from mlinterview.accounts import exports
from mlinterview.accounts.models import ExportStatus
from mlinterview.accounts.schemas import ExportRead
from mlinterview.api.deps import ApiUser, SessionDep
from mlinterview.errors import Conflict

router = APIRouter(prefix="/exports", tags=["exports"])


@router.post("", response_model=ExportRead, status_code=status.HTTP_202_ACCEPTED, summary="Ask for a data export")
def request_export(session: SessionDep, user: ApiUser) -> ExportRead:
    return ExportRead.model_validate(exports.request(session, user=user))


@router.get("", response_model=list[ExportRead], summary="Your recent data exports")
def list_exports(session: SessionDep, user: ApiUser) -> list[ExportRead]:
    return [ExportRead.model_validate(e) for e in exports.list_for(session, user=user)]


@router.get("/{export_id}", response_model=ExportRead, summary="The status of one export")
def get_export(session: SessionDep, user: ApiUser, export_id: int) -> ExportRead:
    return ExportRead.model_validate(exports.get(session, user=user, export_id=export_id))


@router.get("/{export_id}/content", summary="The exported data (once the export is ready)")
def export_content(session: SessionDep, user: ApiUser, export_id: int) -> dict[str, Any]:
    export = exports.get(session, user=user, export_id=export_id)
    if export.status is not ExportStatus.READY or export.content is None:
        raise Conflict("This export is still being prepared. Poll its status until it is 'ready'.")
    content: dict[str, Any] = json.loads(export.content)
    return content
