"""One error family for the whole application.

Every error a user can cause is an ``AppError``: the API renders it as one JSON shape, the web app
as one page, the CLI as one red line. Messages say what happened and what to do next.
"""

from __future__ import annotations

from typing import Any

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid_input",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class AppError(Exception):
    """An error with a message a person can act on, the HTTP status it maps to and a stable code."""

    status_code: int = 400
    code: str = "bad_request"

    def __init__(
        self, message: str, *, status_code: int | None = None, code: str | None = None, details: Any = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code
            self.code = _CODES.get(status_code, "error")
        if code is not None:
            self.code = code
        self.details = details


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"


class NotFound(AppError):
    status_code = 404
    code = "not_found"


class Conflict(AppError):
    status_code = 409
    code = "conflict"


class InvalidInput(AppError):
    status_code = 422
    code = "invalid_input"


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"


class ConfigError(AppError):
    """A setting has a value the application cannot start with."""

    status_code = 500
    code = "configuration"
