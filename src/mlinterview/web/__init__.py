"""Server-rendered pages (Jinja2 + Pico CSS + htmx, all served locally)."""

from fastapi import APIRouter, Depends

from mlinterview.web import csrf
from mlinterview.web.pages import (
    account,
    activity,
    answers,
    auth,
    calibration,
    dashboard,
    exercises,
    framework,
    guides,
    my_interviews,
    openings,
    people,
    pipeline,
    practice,
    practice_progress,
    questions,
    takehomes,
)

router = APIRouter(dependencies=[Depends(csrf.verify)], include_in_schema=False)
for page in (
    auth, dashboard, answers, questions, exercises, takehomes, practice, practice_progress, guides, openings,
    pipeline, my_interviews, calibration, framework, people, activity, account,
):  # fmt: skip
    router.include_router(page.router)

__all__ = ["router"]
