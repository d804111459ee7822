"""``create_app()``: the web application, composed from the API, the pages and the settings."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from mlinterview import __version__, api, web
from mlinterview.accounts.ratelimit import LoginThrottle
from mlinterview.api.errors import json_error
from mlinterview.api.health import router as health_router
from mlinterview.config import Settings, get_settings
from mlinterview.errors import AppError
from mlinterview.grading.registry import configure_llm
from mlinterview.kit import clock, jobs
from mlinterview.web.errors import html_error

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    jobs.configure(settings)
    clock.use_clock_file(settings.clock_file)
    configure_llm(settings.llm_url, settings.llm_model, settings.llm_api_key.get_secret_value())

    app = FastAPI(
        title="mlinterview",
        version=__version__,
        description="REST API of mlinterview. Authenticate with `Authorization: Bearer <token>`; "
        "create tokens on your account page. Every error has the shape "
        '`{"error": {"status", "code", "message", "details"}}`.',
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.throttle = LoginThrottle(settings.login_rate_limit, settings.rate_limit_storage_url)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key.get_secret_value(),
        session_cookie="mli_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.cookie_secure,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(packages=[("mlinterview.web", "static")]), name="static")
    app.include_router(health_router)
    app.include_router(api.router)
    app.include_router(web.router)
    _add_api_reference(app)
    _add_error_handlers(app)
    return app


def _add_api_reference(app: FastAPI) -> None:
    @app.get("/api/docs", include_in_schema=False)
    def api_reference() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/v1/openapi.json",
            title="mlinterview API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/health"


def _respond(request: Request, error: AppError) -> Response:
    return json_error(error) if _wants_json(request) else html_error(request, error)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> Response:
        return _respond(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {
            404: f"There is nothing at {request.url.path}. Check the address, or start again from the dashboard.",
            405: f"{request.method} is not allowed on {request.url.path}.",
        }.get(exc.status_code, str(exc.detail))
        return _respond(request, AppError(message, status_code=exc.status_code))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"field": ".".join(str(p) for p in e["loc"] if p != "body"), "problem": e["msg"]} for e in exc.errors()
        ]
        summary = "; ".join(f"{p['field']}: {p['problem']}" for p in problems)
        message = f"The request is not valid. Fix these and send it again: {summary}."
        return _respond(request, AppError(message, status_code=422, details=problems))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _respond(
            request,
            AppError(
                "Something went wrong on our side and nothing was changed. Try again; if it keeps happening, "
                "tell your administrator the time it happened.",
                status_code=500,
            ),
        )


__all__ = ["create_app"]
