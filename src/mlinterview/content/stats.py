"""Counts over the bundled content, for `mlinterview content stats` and the closing notes of releases."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mlinterview.content.loader import Bank


def bank_stats(bank: Bank) -> dict[str, Any]:
    questions = bank.questions
    topics = {topic.slug: 0 for topic in bank.topics}
    topics.update(Counter(q.slug.split("/", 1)[0] for q in questions))
    return {
        "questions": len(questions),
        "by_topic": topics,
        "by_difficulty": {str(level): sum(q.difficulty == level for q in questions) for level in range(1, 6)},
        "by_role": dict(sorted(Counter(role.value for q in questions for role in q.roles).items())),
        "by_type": dict(sorted(Counter(q.type.value for q in questions).items())),
        "by_seniority": dict(sorted(Counter(s.value for q in questions for s in q.seniority).items())),
        "competencies": len(bank.competencies),
        "role_profiles": len(bank.profiles),
    }
