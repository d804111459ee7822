"""The one JSON shape of every API error: ``{"error": {"status", "code", "message", "details"}}``."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel

from mlinterview.errors import AppError


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


def json_error(error: AppError) -> JSONResponse:
    body = ErrorResponse(
        error=ErrorBody(status=error.status_code, code=error.code, message=error.message, details=error.details)
    )
    headers = {"WWW-Authenticate": "Bearer"} if error.status_code == 401 else None
    return JSONResponse(body.model_dump(mode="json"), status_code=error.status_code, headers=headers)


# Documented on every route, so API clients can generate one error type.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in {
        401: "No valid API token",
        403: "Your role does not allow this",
        404: "Not found in your organisation",
        422: "The request body or parameters are invalid",
    }.items()
}
