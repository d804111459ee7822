"""Plain-text helpers: sentences, content words, negation, language and size checks. No models here."""

from __future__ import annotations

import html
import re
from functools import lru_cache

MAX_CHARS = 6_000  # longer answers are graded on their beginning, with a note

STOPWORDS = frozenset(
    """a an the of to in on for and or is are was were be been being it its this that these those with as by at
    from into than then so such can could will would should may might must do does did i you he she they we our
    your their his her them us me my what which who whom how why when where there here if but about also just
    very more most some any each other all both only own same too has have had having because while whereas
    one two use used using get gets""".split()  # noqa: SIM905
)
NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "cannot",
        "without",
        "neither",
        "nor",
        "none",
        "nothing",
        "isn't",
        "aren't",
        "doesn't",
        "don't",
        "didn't",
        "won't",
        "can't",
        "shouldn't",
        "wasn't",
        "weren't",
    ]
)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def normalise(text: str) -> str:
    """Inert, tidy text: HTML entities decoded and tags dropped, whitespace collapsed."""
    text = html.unescape(text)
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def truncate(text: str, limit: int = MAX_CHARS) -> tuple[str, bool]:
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    return cut[: cut.rfind(" ")] if " " in cut else cut, True


def sentences(text: str) -> list[str]:
    parts = [part.strip() for part in _SENTENCE_END.split(text) if len(part.strip()) > 2]
    return parts or ([text.strip()] if text.strip() else [])


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and w not in NEGATIONS]


# "not only X" and the like affirm X; they are not denials.
_NOT_A_DENIAL = re.compile(
    r"\b(not only|not just|not merely|not least|no matter|no less|no more than|not necessarily)\b"
)


def negated(text: str) -> bool:
    """An odd number of negations: the sentence denies what it states."""
    text = _NOT_A_DENIAL.sub(" ", text.lower())
    return sum(w in NEGATIONS or w.endswith("n't") for w in words(text)) % 2 == 1


def looks_english(text: str) -> bool:
    """A cheap check: enough English function words among enough words, and mostly Latin letters."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.7:
        return False
    tokens = words(text)
    if len(tokens) < 6:
        return True  # too short to judge
    return sum(t in STOPWORDS for t in tokens) / len(tokens) >= 0.12


def is_keyword_salad(text: str) -> bool:
    """Terms strung together without the small words or punctuation that make sentences."""
    tokens = words(text)
    if len(tokens) < 4:
        return False
    function_share = sum(t in STOPWORDS for t in tokens) / len(tokens)
    return function_share < 0.1


_AUXILIARIES = frozenset({"do", "does", "did"})


def strip_negations(text: str) -> str:
    """The claim without its polarity: negations and do-support dropped, words stemmed ("does not help" = "helps")."""
    kept = [
        w
        for w in words(_NOT_A_DENIAL.sub(" ", text.lower()))
        if w not in NEGATIONS and w not in _AUXILIARIES and not w.endswith("n't")
    ]
    return " ".join(stem(w) for w in kept)
