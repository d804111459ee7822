"""The REST API under ``/api/v1``, described by OpenAPI at ``/api/v1/openapi.json``."""

from fastapi import APIRouter

from mlinterview.api.errors import ERROR_RESPONSES
from mlinterview.api.routes import (
    exercises,
    exports,
    grading,
    interviews,
    practice,
    questions,
    takehomes,
    tokens,
    users,
)

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)
for module in (users, tokens, exports, questions, grading, exercises, takehomes, interviews, practice):
    router.include_router(module.router)

__all__ = ["router"]
