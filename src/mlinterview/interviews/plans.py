"""An opening's plan: its stages (focus competencies, duration, interviewers, instructions, an exercise or a
take-home), and each stage's interview kit of standard questions, versioned so every candidate of a version
is asked the same questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mlinterview.accounts import audit
from mlinterview.accounts.models import Role, User
from mlinterview.content.models import Question
from mlinterview.content.repository import by_slug, visible_to
from mlinterview.errors import Conflict, InvalidInput, NotFound
from mlinterview.interviews import access, kits
from mlinterview.interviews.models import Kit, KitItem, Opening, Scorecard, Stage, StageInterviewer, StageKind

MAX_KIT = 12

INSTRUCTIONS = {
    StageKind.INITIAL_SCREENING: "Confirm the candidate's motivation, background and the basics of the role. The "
    "candidate answers the written screening questions beforehand; read their answers and the automatic analysis "
    "before the call, then use the follow-ups to probe what was thin.",
    StageKind.TECHNICAL_INTERVIEW: "Ask every question of the kit in order, in the same words, and take notes on "
    "what the candidate said, not on your impression. Use the follow-ups only to clarify. Rate each focus "
    "competency against its level descriptions once the interview is over.",
    StageKind.SYSTEM_DESIGN_INTERVIEW: "Give the candidate the design problem, let them ask clarifying questions, "
    "and follow how they go from requirements to data, model, serving and monitoring. Note the trade-offs they "
    "name unprompted and how they react when you change a constraint.",
    StageKind.RESEARCH_PRESENTATION: "The candidate presents a piece of their own research to the panel. Ask about "
    "the question it answered, the baselines and ablations, what failed, and what they would do next.",
    StageKind.PRACTICAL_ASSESSMENT: "The candidate solves the practical task on their own. Review the result and "
    "the hidden-test or hidden-label scores, then use the kit's questions to discuss their choices with them.",
    StageKind.PROJECT_REVIEW: "The candidate presents a project of their own or the take-home. Ask how they framed "
    "the problem, validated the model and would take it to production; rate what they did, not the topic.",
    StageKind.BEHAVIOURAL_INTERVIEW: "Ask for specific past situations and listen for the situation, the task, "
    "what the candidate did themselves and the result. Note evidence; avoid hypothetical questions.",
    StageKind.FINAL_REVIEW: "The panel meets to compare scorecards competency by competency, resolves the "
    "disagreements with evidence from the notes, and records a decision with its reason.",
}


def create_from_profile(session: Session, opening: Opening, stages: Sequence[Mapping[str, Any]]) -> None:
    for position, spec in enumerate(stages):
        kind = StageKind(spec["stage"])
        opening.stages.append(
            Stage(
                position=position, kind=kind, name=kind.label, focus=list(spec["focus"]),
                duration_minutes=int(spec["duration_minutes"]), instructions=INSTRUCTIONS[kind],
            )
        )  # fmt: skip
    session.flush()
    generate_kits(session, opening)


def add_stage(session: Session, *, actor: User, opening_id: int, kind: StageKind, name: str = "") -> Stage:
    opening = access.opening(session, actor, opening_id, manage=True)
    stage = Stage(
        position=len(opening.stages), kind=kind, name=(name or kind.label).strip()[:120],
        focus=[c["competency"] for c in opening.competencies[:2]], duration_minutes=45,
        instructions=INSTRUCTIONS[kind],
    )  # fmt: skip
    opening.stages.append(stage)
    session.flush()
    return stage


def update_stage(
    session: Session,
    *,
    actor: User,
    stage_id: int,
    name: str | None = None,
    focus: Sequence[str] | None = None,
    duration_minutes: int | None = None,
    instructions: str | None = None,
    exercise: str | None = None,
    takehome: str | None = None,
    interviewer_ids: Sequence[int] | None = None,
) -> Stage:
    stage = access.stage(session, actor, stage_id, manage=True)
    if name is not None:
        if not name.strip():
            raise InvalidInput("Give the stage a name, e.g. “Technical interview”.")
        stage.name = name.strip()[:120]
    if focus is not None:
        _check_focus(stage.opening, focus)
        stage.focus = list(focus)
    if duration_minutes is not None:
        if not 5 <= duration_minutes <= 480:
            raise InvalidInput("A stage lasts between 5 and 480 minutes.")
        stage.duration_minutes = duration_minutes
    if instructions is not None:
        stage.instructions = instructions
    if exercise is not None:
        stage.exercise = _exercise(exercise)
    if takehome is not None:
        stage.takehome = _takehome(takehome)
    if interviewer_ids is not None:
        _assign(session, actor, stage, interviewer_ids)
    return stage


def _check_focus(opening: Opening, focus: Sequence[str]) -> None:
    known = {c["competency"] for c in opening.competencies}
    unknown = sorted(set(focus) - known)
    if unknown:
        raise InvalidInput(
            f"{', '.join(unknown)} is not one of the opening's competencies; add it to the opening first."
        )
    if not focus:
        raise InvalidInput("Choose at least one focus competency for the stage.")


def _exercise(slug: str) -> str | None:
    from mlinterview.exercises import catalogue

    if not slug:
        return None
    catalogue.get(slug)  # raises with the list of exercises
    return slug


def _takehome(slug: str) -> str | None:
    from mlinterview.takehome import catalogue

    if not slug:
        return None
    catalogue.get(slug)
    return slug


def _assign(session: Session, actor: User, stage: Stage, user_ids: Sequence[int]) -> None:
    people = {
        u.id: u
        for u in session.scalars(
            select(User).where(User.id.in_(user_ids), User.organisation_id == actor.organisation_id)
        )
    }
    for user_id in user_ids:
        person = people.get(user_id)
        if person is None or person.role is Role.CANDIDATE or not person.is_active:
            raise InvalidInput(f"User {user_id} is not an active interviewer, manager or admin of your organisation.")
    wanted = list(dict.fromkeys(user_ids))
    for row in [row for row in stage.interviewers if row.user_id not in wanted]:
        stage.interviewers.remove(row)
    kept = {row.user_id for row in stage.interviewers}  # kept rows stay: (stage, user) is unique
    stage.interviewers.extend(StageInterviewer(user_id=user_id) for user_id in wanted if user_id not in kept)
    names = ", ".join(people[i].name for i in wanted) or "nobody"
    audit.record(session, actor=actor, action="stage.assign", summary=f"Assigned {names} to {stage.name}")


def remove_stage(session: Session, *, actor: User, stage_id: int) -> None:
    stage = access.stage(session, actor, stage_id, manage=True)
    if session.scalar(select(func.count()).select_from(Scorecard).where(Scorecard.stage_id == stage.id)):
        raise Conflict(f"“{stage.name}” has scorecards; it can no longer be removed.")
    opening = stage.opening
    opening.stages.remove(stage)
    for position, other in enumerate(opening.stages):
        other.position = position


def interviewer_ids(stage: Stage) -> list[int]:
    return [i.user_id for i in stage.interviewers]


# -- kits -------------------------------------------------------------------------------------------------------------


def current_kit(stage: Stage) -> Kit | None:
    return stage.kits[-1] if stage.kits else None


def bank(session: Session, organisation_id: int) -> list[kits.BankQuestion]:
    rows = session.scalars(select(Question).where(visible_to(organisation_id)).order_by(Question.id))
    return [
        kits.BankQuestion(
            id=q.id, slug=q.slug, type=q.type, difficulty=q.difficulty, roles=tuple(q.roles.split()),
            seniority=tuple(q.seniority.split()), competencies=tuple(q.competencies.split()),
        )
        for q in rows
    ]  # fmt: skip


def generate_kits(session: Session, opening: Opening, only: Sequence[Stage] | None = None) -> None:
    """Choose questions for every stage (or ``only`` some), never repeating one used by another stage's kit."""
    targets = list(only) if only is not None else list(opening.stages)
    taken = {item.question_id for s in opening.stages if s not in targets for k in s.kits[-1:] for item in k.items}
    available = [q for q in bank(session, opening.organisation_id) if q.id not in taken]
    needs = [kits.StageNeed(s.id, s.kind.value, tuple(s.focus), s.duration_minutes) for s in targets]
    chosen = kits.choose_kits(available, needs, role=opening.role, level=opening.level, seed=opening.id)
    for stage in targets:
        kit = _editable_kit(session, stage) or _new_kit(stage, "Generated from the question bank")
        kit.items = [_item(session, position, pick) for position, pick in enumerate(chosen.get(stage.id, []))]
    session.flush()


def _item(session: Session, position: int, pick: kits.Pick) -> KitItem:
    question = session.get_one(Question, pick.question_id)
    assert question.current_version_id is not None
    return KitItem(
        position=position, question_id=question.id, question_version_id=question.current_version_id,
        competency=pick.competency,
    )  # fmt: skip


def _new_kit(stage: Stage, note: str) -> Kit:
    kit = Kit(number=len(stage.kits) + 1, note=note)
    stage.kits.append(kit)
    return kit


def in_use(session: Session, kit: Kit) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Scorecard).where(Scorecard.kit_id == kit.id)))


def _editable_kit(session: Session, stage: Stage) -> Kit | None:
    kit = current_kit(stage)
    return kit if kit is not None and not in_use(session, kit) else None


def _kit_for_change(session: Session, actor: User, stage_id: int) -> tuple[Stage, Kit]:
    stage = access.stage(session, actor, stage_id, manage=True)
    kit = current_kit(stage) or _new_kit(stage, "Written by hand")
    if in_use(session, kit):
        raise Conflict(
            f"Version {kit.number} of this kit has been used with candidates, so it stays as it is for fairness. "
            "Start a new version to change it; candidates interviewed from then on get the new one."
        )
    return stage, kit


def regenerate_kit(session: Session, *, actor: User, stage_id: int) -> Kit:
    stage, _ = _kit_for_change(session, actor, stage_id)
    generate_kits(session, stage.opening, only=[stage])
    kit = current_kit(stage)
    assert kit is not None
    return kit


def add_question(session: Session, *, actor: User, stage_id: int, slug: str, competency: str = "") -> KitItem:
    stage, kit = _kit_for_change(session, actor, stage_id)
    question = by_slug(session, actor.organisation_id, slug.strip())
    if question is None or question.current_version_id is None:
        raise NotFound(f"There is no question {slug!r} in the bank. Search the question bank for its slug.")
    used = {i.question_id: s.name for s in stage.opening.stages for k in s.kits[-1:] for i in k.items}
    if question.id in used:
        raise Conflict(f"That question is already in the kit of “{used[question.id]}”; a kit never repeats one.")
    if len(kit.items) >= MAX_KIT:
        raise InvalidInput(f"A kit holds at most {MAX_KIT} questions; remove one first.")
    covers = competency or next((c for c in stage.focus if c in question.competencies.split()), stage.focus[0])
    item = KitItem(
        position=len(kit.items), question_id=question.id, question_version_id=question.current_version_id,
        competency=covers,
    )  # fmt: skip
    kit.items.append(item)
    session.flush()
    return item


def remove_question(session: Session, *, actor: User, stage_id: int, item_id: int) -> None:
    _, kit = _kit_for_change(session, actor, stage_id)
    item = next((i for i in kit.items if i.id == item_id), None)
    if item is None:
        raise NotFound(f"The kit has no question {item_id}; reload the kit page.")
    kit.items.remove(item)
    for position, other in enumerate(kit.items):
        other.position = position


def move_question(session: Session, *, actor: User, stage_id: int, item_id: int, offset: int) -> None:
    _, kit = _kit_for_change(session, actor, stage_id)
    items = list(kit.items)
    index = next((n for n, i in enumerate(items) if i.id == item_id), None)
    if index is None:
        raise NotFound(f"The kit has no question {item_id}; reload the kit page.")
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    for position, item in enumerate(items):
        item.position = position
    kit.items = items


def new_version(session: Session, *, actor: User, stage_id: int, note: str) -> Kit:
    """A deliberate new version: a copy of the current kit that can then be edited."""
    stage = access.stage(session, actor, stage_id, manage=True)
    if not note.strip():
        raise InvalidInput("Say why the kit changes (e.g. “replaced a question candidates found ambiguous”).")
    previous = current_kit(stage)
    kit = _new_kit(stage, note.strip()[:300])
    for item in previous.items if previous else []:
        kit.items.append(
            KitItem(
                position=item.position, question_id=item.question_id,
                question_version_id=item.question_version_id, competency=item.competency,
            )
        )  # fmt: skip
    session.flush()
    audit.record(session, actor=actor, action="kit.version", summary=f"Kit v{kit.number} of {stage.name}: {note}")
    return kit
