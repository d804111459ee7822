"""Jinja2 templates and what every page can use."""

from __future__ import annotations

from datetime import datetime
from importlib.resources import files
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.responses import HTMLResponse

from mlinterview import __version__
from mlinterview.kit.clock import as_utc
from mlinterview.web import csrf, nav

templates = Jinja2Templates(directory=str(files("mlinterview.web") / "templates"))


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    return as_utc(moment).strftime("%d %b %Y %H:%M UTC")


_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")  # raw HTML is shown as text, never run


def _render_markdown(text: str) -> Markup:
    return Markup(_markdown.render(text))  # noqa: S704 - markdown-it escapes everything that is not markdown


templates.env.filters["when"] = _when
templates.env.filters["markdown"] = _render_markdown
templates.env.globals["version"] = __version__


def render(request: Request, template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    user = context.get("user")
    has_session = "session" in request.scope  # absent when the error page of a crash is drawn
    token = csrf.token_for(request) if has_session else ""
    context.update(
        csrf_token=token,
        csrf_input=Markup('<input type="hidden" name="{}" value="{}">').format(csrf.FIELD, token),
        nav_items=nav.items_for(user.role) if user is not None else [],
        current_path=request.url.path,
        flash=request.session.pop("flash", None) if has_session else None,
        flash_error=request.session.pop("flash_error", False) if has_session else False,
    )
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def flash(request: Request, message: str, *, error: bool = False) -> None:
    """A one-line confirmation (or, with ``error``, what went wrong) shown on the next page, after a redirect."""
    request.session["flash"] = message
    if error:
        request.session["flash_error"] = True
