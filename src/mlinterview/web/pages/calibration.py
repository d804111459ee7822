"""Calibration for administrators and hiring managers: how consistently interviewers rate, how the automatic
grader compares with them, and how each opening's candidates progress, by stage and by reported group."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from mlinterview.accounts.models import Role, User
from mlinterview.interviews import analytics, calibration, charts
from mlinterview.interviews.models import GraderCalibration
from mlinterview.web.deps import ManagerUser, SessionDep
from mlinterview.web.templating import render

router = APIRouter()

ALPHA_GOOD = 0.8
ALPHA_TENTATIVE = 0.667
REBRIEF_ABOVE = 0.25  # a larger share of ratings outside the stage's focus suggests a re-brief


@dataclass(frozen=True)
class Attribute:
    name: str  # "Age band"
    impact: calibration.AdverseImpact
    chart: Markup
    comparable: bool  # two or more groups are shown and someone was selected


@dataclass(frozen=True)
class OpeningView:
    outcomes: analytics.Outcomes
    funnel: Markup
    attributes: list[Attribute]  # those with at least one answer
    unanswered: str  # the questions nobody has answered yet, as words: "ethnicity and disability"


@router.get("/calibration")
def calibration_page(request: Request, session: SessionDep, user: ManagerUser) -> Response:
    people, alpha = analytics.interviewers(session, actor=user)
    overrides, latest = analytics.grader(session, actor=user)
    labels = [_label(person.name) for person, _ in people]
    return render(
        request,
        "calibration/page.html",
        user=user,
        people=people,
        alpha=alpha,
        alpha_reading=alpha_reading(alpha),
        distribution_chart=Markup(charts.rating_distribution(labels, [s.distribution for _, s in people])),  # noqa: S704 - matplotlib escapes text
        leniency_chart=Markup(charts.leniency(labels, [s.leniency for _, s in people])),  # noqa: S704
        min_shared=calibration.MIN_SHARED_UNITS,
        rebrief_above=REBRIEF_ABOVE,
        overrides=len(overrides),
        agreement=calibration.grader_agreement(overrides),
        grader_chart=Markup(charts.grader_vs_overrides(overrides, _points(latest))),  # noqa: S704
        latest=latest,
        cross_validated=latest is not None and latest.cross_validated,
        min_overrides=calibration.MIN_OVERRIDES,
        openings=[_opening(o) for o in analytics.outcomes(session, actor=user)],
        owns_all=_sees_every_opening(user),
        min_group=analytics.MIN_GROUP_SIZE,
    )


def alpha_reading(alpha: float | None) -> tuple[str, str] | None:
    """(badge class, words) for a Krippendorff's alpha, on the usual thresholds."""
    if alpha is None:
        return None
    if alpha >= ALPHA_GOOD:
        return "good", "good agreement"
    if alpha >= ALPHA_TENTATIVE:
        return "tentative", "tentative agreement"
    return "poor", "the panel does not agree"


def _opening(outcomes: analytics.Outcomes) -> OpeningView:
    answered = {key: impact for key, impact in outcomes.impact.items() if impact.rows or impact.hidden_groups}
    return OpeningView(
        outcomes=outcomes,
        funnel=Markup(charts.funnel([replace(s, name=_label(s.name)) for s in outcomes.stages])),  # noqa: S704
        attributes=[_attribute(key, impact) for key, impact in answered.items()],
        unanswered=_words([_attribute_name(key).lower() for key in outcomes.impact if key not in answered]),
    )


def _attribute(key: str, impact: calibration.AdverseImpact) -> Attribute:
    comparable = len(impact.rows) > 1 and any(row.selected for row in impact.rows)
    chart = Markup(charts.impact_ratios(impact)) if comparable else Markup()  # noqa: S704 - matplotlib escapes text
    return Attribute(_attribute_name(key), impact, chart, comparable)


def _points(latest: GraderCalibration | None) -> list[tuple[float, float]] | None:
    return [(a, b) for a, b in latest.points] if latest is not None else None


def _label(name: str) -> str:
    # A pair of dollar signs starts mathematical notation in matplotlib: a name must stay plain text.
    return name.replace("$", r"\$")


def _attribute_name(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _words(items: list[str]) -> str:
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def _sees_every_opening(user: User) -> bool:
    return user.role is Role.ADMIN
