"""Preparation guides: the list, and one guide with the bank questions that practise it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from mlinterview.content import guides
from mlinterview.web.deps import CurrentUser, SettingsDep
from mlinterview.web.templating import render

router = APIRouter()


@router.get("/guides")
def index(request: Request, user: CurrentUser, settings: SettingsDep) -> Response:
    return render(request, "guides/list.html", user=user, guides=guides.load_guides(settings.content_dir))


@router.get("/guides/{slug}")
def show(request: Request, user: CurrentUser, settings: SettingsDep, slug: str) -> Response:
    guide = guides.get_guide(slug, settings.content_dir)
    others = [g for g in guides.load_guides(settings.content_dir) if g.slug != guide.slug]
    return render(
        request,
        "guides/show.html",
        user=user,
        guide=guide,
        questions=guides.linked_questions(guide, settings.content_dir),
        others=others,
    )
