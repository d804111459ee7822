"""Errors as pages: one template for every status; 401 shows the sign-in form with the reason."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from mlinterview.errors import AppError
from mlinterview.web.templating import render

TITLES = {
    400: "That request did not make sense",
    401: "Please sign in",
    403: "You do not have access to this page",
    404: "We could not find that page",
    405: "That action is not available here",
    409: "That clashes with what is already there",
    422: "Some of what you sent needs fixing",
    429: "Too many attempts",
    500: "Something went wrong on our side",
}


def html_error(request: Request, error: AppError) -> Response:
    if error.status_code == 401:
        return render(request, "auth/login.html", status_code=401, error=error.message, next=request.url.path)
    title = TITLES.get(error.status_code, "Something went wrong")
    return render(request, "errors/error.html", status_code=error.status_code, title=title, error=error)
