"""The final review of a candidate (every scorecard side by side, agreement per competency, the automatic
results and a weighted summary), the decision, and a comparison of an opening's candidates."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import User
from mlinterview.errors import InvalidInput
from mlinterview.exercises.models import Submission, SubmissionKind, SubmissionStatus
from mlinterview.interviews import access, candidates, scorecards
from mlinterview.interviews.models import (
    Candidate,
    CandidateStatus,
    Decision,
    DecisionOutcome,
    Opening,
    Scorecard,
    Stage,
)
from mlinterview.takehome.models import ScoreStatus, TakehomeSubmission

STATUS_OF = {
    DecisionOutcome.HIRE: CandidateStatus.HIRED,
    DecisionOutcome.NO_HIRE: CandidateStatus.NOT_HIRED,
    DecisionOutcome.HOLD: CandidateStatus.ON_HOLD,
}


@dataclass
class CompetencyRow:
    key: str
    weight: float
    essential: bool
    ratings: dict[int, int] = field(default_factory=dict)  # scorecard id -> rating

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.ratings.values()) if self.ratings else None

    @property
    def spread(self) -> int:
        return max(self.ratings.values()) - min(self.ratings.values()) if len(self.ratings) > 1 else 0

    @property
    def agreement(self) -> str:
        """'agree' when everyone gave the same rating, 'split' when ratings are 2 or more apart."""
        if len(self.ratings) < 2:
            return "single" if self.ratings else "none"
        return "agree" if self.spread == 0 else "split" if self.spread >= 2 else "close"


@dataclass(frozen=True)
class AutomaticResult:
    kind: str  # exercise | takehome | answers
    label: str
    value: str
    link: str | None = None


@dataclass
class Review:
    candidate: Candidate
    scorecards: list[Scorecard]
    competencies: list[CompetencyRow]
    weighted: float | None  # 1-4, over the rated competencies' weights
    coverage: float  # share of the opening's weight that was rated at all
    automatic: list[AutomaticResult]
    decisions: list[Decision]
    recommendations: dict[str, int]


def weighted_summary(opening: Opening, rows: list[CompetencyRow]) -> tuple[float | None, float]:
    rated = [(r.weight, r.mean) for r in rows if r.mean is not None]
    total = sum(w for w, _ in rated)
    if not total:
        return None, 0.0
    return sum(w * m for w, m in rated if m is not None) / total, round(total, 4)


def competency_rows(opening: Opening, cards: list[Scorecard]) -> list[CompetencyRow]:
    rows = {c["competency"]: CompetencyRow(c["competency"], c["weight"], c["essential"]) for c in opening.competencies}
    for card in cards:
        for rating in card.ratings:
            if rating.competency in rows:
                rows[rating.competency].ratings[card.id] = rating.rating
    return list(rows.values())


def final_review(session: Session, *, actor: User, candidate_id: int) -> Review:
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    cards = scorecards.visible(session, actor=actor, candidate_id=candidate.id)
    rows = competency_rows(candidate.opening, cards)
    weighted, coverage = weighted_summary(candidate.opening, rows)
    tally: dict[str, int] = {}
    for card in cards:
        if card.recommendation:
            tally[card.recommendation.value] = tally.get(card.recommendation.value, 0) + 1
    return Review(
        candidate, cards, rows, weighted, coverage, automatic(session, candidate), decisions(session, candidate), tally
    )


def automatic(session: Session, candidate: Candidate) -> list[AutomaticResult]:
    """What the machines measured: hidden-test results, take-home scores and graded screening answers."""
    if candidate.user_id is None:
        return []
    results: list[AutomaticResult] = []
    for stage in candidate.opening.stages:
        results += stage_results(session, candidate, stage)
        kit = stage.kits[-1] if stage.kits else None
        typed = scorecards.typed_answers(session, candidate, list(kit.items) if kit else [])
        scores = [s for a in typed.values() if (s := scorecards.automatic_score(a)) is not None]
        if scores:
            results.append(
                AutomaticResult(
                    "answers",
                    f"{stage.name}: written answers",
                    f"{statistics.fmean(scores):.0%} mean over {len(scores)}",
                )
            )
    return results


def stage_results(session: Session, candidate: Candidate, stage: Stage) -> list[AutomaticResult]:
    """The hidden-test and hidden-label results of the stage's exercise and take-home, if it sets them."""
    if candidate.user_id is None:
        return []
    results = [exercise_result(session, candidate, stage.exercise)] if stage.exercise else []
    return results + ([takehome_result(session, candidate, stage.takehome)] if stage.takehome else [])


def exercise_result(session: Session, candidate: Candidate, slug: str) -> AutomaticResult:
    query = select(Submission).where(
        Submission.user_id == candidate.user_id, Submission.exercise == slug,
        Submission.kind == SubmissionKind.SUBMIT, Submission.status == SubmissionStatus.GRADED,
    )  # fmt: skip
    best = max(session.scalars(query), key=lambda s: (s.passed / s.total if s.total else 0, s.id), default=None)
    if best is None:
        return AutomaticResult("exercise", f"Exercise {slug}", "not submitted yet")
    return AutomaticResult(
        "exercise", f"Exercise {slug}", f"{best.passed}/{best.total} tests passed", f"/submissions/{best.id}"
    )


def takehome_result(session: Session, candidate: Candidate, slug: str) -> AutomaticResult:
    query = select(TakehomeSubmission).where(
        TakehomeSubmission.user_id == candidate.user_id, TakehomeSubmission.project == slug,
        TakehomeSubmission.status == ScoreStatus.SCORED,
    )  # fmt: skip
    rows = list(session.scalars(query.order_by(TakehomeSubmission.id)))
    if not rows:
        return AutomaticResult("takehome", f"Take-home {slug}", "no scored submission yet")
    final = [r for r in rows if r.final] or rows[-1:]
    chosen = final[-1]
    private = f", private {chosen.private_score:.4f}" if chosen.private_score is not None else ""
    return AutomaticResult(
        "takehome",
        f"Take-home {slug}",
        f"public {chosen.public_score:.4f}{private}",
        f"/takehome-submissions/{chosen.id}",
    )


def decisions(session: Session, candidate: Candidate) -> list[Decision]:
    query = select(Decision).where(Decision.candidate_id == candidate.id)
    return list(session.scalars(query.order_by(Decision.created_at, Decision.id)))


def decide(session: Session, *, actor: User, candidate_id: int, outcome: DecisionOutcome, reason: str) -> Decision:
    candidate = access.candidate(session, actor, candidate_id, manage=True)
    if len(reason.strip()) < 10:
        raise InvalidInput("Record the reason for the decision in a sentence or two; it is kept with the decision.")
    decision = Decision(candidate_id=candidate.id, outcome=outcome, reason=reason.strip(), decided_by_id=actor.id)
    session.add(decision)
    candidates.set_status(session, actor=actor, candidate=candidate, status=STATUS_OF[outcome], note=reason.strip())
    audit.record(
        session, actor=actor, action="candidate.decide",
        summary=f"Decision for {candidate.name}: {outcome.label}", candidate_id=candidate.id,
    )  # fmt: skip
    session.flush()
    return decision


def compare(session: Session, *, actor: User, opening_id: int) -> list[dict[str, Any]]:
    """One row per candidate of the opening: stage, mean rating per competency, weighted score, decision."""
    opening = access.opening(session, actor, opening_id, manage=True)
    rows = []
    for candidate in candidates.listing(session, actor=actor, opening_id=opening.id):
        cards = scorecards.visible(session, actor=actor, candidate_id=candidate.id)
        competencies = competency_rows(opening, cards)
        weighted, coverage = weighted_summary(opening, competencies)
        history = decisions(session, candidate)
        rows.append(
            {"candidate": candidate, "scorecards": len(cards), "competencies": {r.key: r for r in competencies},
             "weighted": weighted, "coverage": coverage, "decision": history[-1] if history else None}
        )  # fmt: skip
    return sorted(rows, key=lambda r: -(r["weighted"] or 0))
