"""Rules that span files: known topics and competencies, unique slugs, distinct questions, complete roles."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from mlinterview.content.schema import RoleKey, Seniority

if TYPE_CHECKING:
    from mlinterview.content.loader import Bank, Problem

# Two prompts sharing this share of their content words ask the same thing in other words.
NEAR_DUPLICATE = 0.75
_STOPWORDS = frozenset(
    """a an and are as at be by can do does for from how i if in is it its of on or should that the this to
    what when where which while who why will with would you your""".split()  # noqa: SIM905
)


def cross_check(bank: Bank) -> list[Problem]:
    from mlinterview.content.loader import Problem

    problems: list[Problem] = []
    topics = {topic.slug for topic in bank.topics}
    competencies = {competency.key for competency in bank.competencies}
    for key, count in Counter(c.key for c in bank.competencies).items():
        if count > 1:
            problems.append(Problem("content/competencies.yaml", 0, f"competency '{key}' is defined {count} times"))

    seen: dict[str, tuple[str, int]] = {}
    for question, (file, line) in zip(bank.questions, bank.origins, strict=True):
        topic = question.slug.split("/", 1)[0]
        if topics and topic not in topics:
            problems.append(Problem(file, line, f"{question.slug}: unknown topic '{topic}' (see content/topics.yaml)"))
        if f"questions/{topic}.yaml" not in file:
            problems.append(Problem(file, line, f"{question.slug}: a question's slug starts with its file's topic"))
        if question.slug in seen:
            first = seen[question.slug]
            problems.append(Problem(file, line, f"duplicate slug {question.slug} (first at {first[0]}:{first[1]})"))
        seen.setdefault(question.slug, (file, line))
        for key in question.competencies:
            if competencies and key not in competencies:
                problems.append(
                    Problem(file, line, f"{question.slug}: unknown competency '{key}'{_suggest(key, competencies)}")
                )
        points = [point.point.lower() for point in question.rubric]
        if len(set(points)) != len(points):
            problems.append(Problem(file, line, f"{question.slug}: two rubric points say the same thing"))

    problems.extend(_near_duplicates(bank))
    problems.extend(_profile_problems(bank, competencies))
    return problems


def _near_duplicates(bank: Bank) -> list[Problem]:
    from mlinterview.content.loader import Problem

    words = [_content_words(q.prompt) for q in bank.questions]
    problems = []
    for i in range(len(words)):
        for j in range(i):
            union = words[i] | words[j]
            if union and len(words[i] & words[j]) / len(union) >= NEAR_DUPLICATE:
                file, line = bank.origins[i]
                problems.append(
                    Problem(file, line, f"{bank.questions[i].slug} asks much the same as {bank.questions[j].slug}")
                )
    return problems


def _profile_problems(bank: Bank, competencies: set[str]) -> list[Problem]:
    from mlinterview.content.loader import Problem

    problems = []
    name = "content/roles.yaml"
    pairs = Counter((profile.role, profile.level) for profile in bank.profiles)
    for role in RoleKey:
        for level in Seniority:
            if bank.profiles and pairs[(role, level)] != 1:
                problems.append(
                    Problem(name, 0, f"expected one profile for {level} {role}, found {pairs[(role, level)]}")
                )
    for profile in bank.profiles:
        used = {c.competency for c in profile.competencies} | {key for stage in profile.stages for key in stage.focus}
        for key in sorted(used - competencies) if competencies else []:
            problems.append(
                Problem(name, 0, f"{profile.title}: unknown competency '{key}'{_suggest(key, competencies)}")
            )
    return problems


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _suggest(key: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(sorted(known))}"
