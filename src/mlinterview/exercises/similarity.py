"""How alike two submissions to one exercise are, in the style of MOSS (Schleimer, Wilkerson, Aiken 2003).

Each source is tokenized and normalised (comments, layout and docstrings dropped, identifiers made one symbol),
every run of K tokens is hashed with a stable hash, and winnowing keeps the minimum hash of each window of W runs.
The score is the share of the smaller side's fingerprints found in the other, after removing the starter code's.
A flagged pair is a prompt for a reviewer to look side by side, never a verdict.
"""

from __future__ import annotations

import hashlib
import io
import keyword
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["THRESHOLD", "Comparison", "Fingerprints", "K", "Match", "W", "compare", "fingerprint", "flagged"]

K = 6  # tokens per k-gram: longer than idioms like `for V in V (`, short enough to survive small edits
W = 4  # winnowing window: any match of W + K - 1 tokens or more is sure to share a fingerprint
# Calibrated in tests/exercises/test_similarity.py: honest pairs there score 0.11-0.28, disguised copies 0.98-1.0,
# and no two unrelated bundled solutions score above 0.44 (two that share their gradient-descent loop score 0.74).
THRESHOLD = 0.6

_Token = tuple[str, str, int]  # (kind, text, line); kind is name, number, string, op or newline
# The fallback for sources that tokenize rejects, reading valid code as tokenize does. An unclosed string
# ends at its line, so one missing quote does not swallow the rest of the file.
_FALLBACK = re.compile(
    r"""(?P<comment>\#[^\n]*)
    | (?P<string>[rRbBuUfF]{0,2}(?:'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'''[^\n]*|\"\"\"[^\n]*
        |'(?:[^'\n\\]|\\.)*'?|"(?:[^"\n\\]|\\.)*"?))
    | (?P<number>(?:\d|\.\d)(?:[eE][-+]\d|[\w.])*)
    | (?P<name>[^\W\d]\w*)
    | (?P<newline>\n)
    | (?P<space>[ \t\f\r]+|\\\r?\n)
    | (?P<op>\*\*=?|//=?|>>=?|<<=?|->|:=|\.\.\.|[-+*/%&|^@=!<>]=|\S)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Fingerprints:
    hashes: tuple[int, ...]  # winnowed k-gram hashes, in source order
    spans: tuple[tuple[int, int], ...]  # first and last source line of each hash's k-gram


@dataclass(frozen=True)
class Match:
    a_lines: tuple[int, int]  # 1-based inclusive line range in the first submission
    b_lines: tuple[int, int]  # the range it matches in the second


@dataclass(frozen=True)
class Comparison:
    score: float  # 0..1: the share of the smaller side's own fingerprints found in the other
    shared: int  # fingerprint hashes found in both, starter code's left out
    matches: list[Match]  # ordered by the first submission's lines


def _raw_tokens(source: str) -> list[_Token]:
    try:
        return list(_tokenize(source))
    except (tokenize.TokenError, SyntaxError):  # unterminated strings or brackets, bad indentation
        return list(_fallback(source))


def _tokenize(source: str) -> Iterator[_Token]:
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        name = tokenize.tok_name[tok.type]
        if tok.type == tokenize.NEWLINE:
            yield "newline", "", tok.start[0]
        elif tok.type in (tokenize.NAME, tokenize.NUMBER, tokenize.STRING, tokenize.OP):
            yield name.lower(), tok.string, tok.start[0]
        elif name.endswith("STRING_START"):  # Python 3.12+ splits f-strings; their other parts are dropped
            yield "string", tok.string, tok.start[0]
        elif tok.type == tokenize.ERRORTOKEN and tok.string.strip():
            yield "op", tok.string.strip(), tok.start[0]


def _fallback(source: str) -> Iterator[_Token]:
    line, depth = 1, 0
    for found in _FALLBACK.finditer(source):
        kind, text = found.lastgroup or "op", found.group()
        if kind == "op":
            depth = max(depth + (text in "([{") - (text in ")]}"), 0)
        if kind not in ("comment", "space") and (kind != "newline" or depth == 0):
            yield kind, text, line
        line += text.count("\n")


def _normalise(source: str) -> list[tuple[str, int]]:
    """Tokens as (symbol, line): keywords, operators and attribute names kept, other names V, numbers N, strings S."""
    out: list[tuple[str, int]] = []
    statement: list[_Token] = []
    for token in [*_raw_tokens(source), ("newline", "", 0)]:
        if token[0] != "newline":
            statement.append(token)
            continue
        if not all(kind == "string" for kind, _, _ in statement):  # a lone string is a docstring: drop it
            previous = ""
            for kind, text, line in statement:
                # Attribute names stay (np.mean vs np.sum differ); a renamed variable must not hide a copy.
                named = keyword.iskeyword(text) or previous == "."
                symbol = {"name": text if named else "V", "number": "N", "string": "S"}.get(kind, text)
                out.append((symbol, line))
                previous = text
        statement = []
    return out


def _hash(symbols: list[str]) -> int:
    # blake2b, not hash(): fingerprints must agree across processes whatever PYTHONHASHSEED is.
    digest = hashlib.blake2b("\x1f".join(symbols).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _kgrams(tokens: list[tuple[str, int]], k: int) -> list[tuple[int, tuple[int, int]]]:
    grams = (tokens[i : i + k] for i in range(len(tokens) - k + 1))
    return [(_hash([s for s, _ in gram]), (gram[0][1], gram[-1][1])) for gram in grams]


def fingerprint(source: str, *, k: int = K, window: int = W) -> Fingerprints:
    """The winnowed k-gram hashes of a source, each with the source lines its k-gram covers."""
    if k < 1 or window < 1:
        raise ValueError("k and window must be at least 1")
    grams = _kgrams(_normalise(source), k)
    chosen: dict[int, tuple[int, tuple[int, int]]] = {}  # by position, so each selection is recorded once
    for start in range(max(len(grams) - window + 1, 1) if grams else 0):
        span = grams[start : start + window]
        best = min(range(len(span)), key=lambda i: (span[i][0], -i))  # minimum hash, rightmost on ties
        chosen[start + best] = span[best]
    picked = [chosen[position] for position in sorted(chosen)]
    return Fingerprints(tuple(h for h, _ in picked), tuple(s for _, s in picked))


def _touch(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] <= y[1] + 1 and y[0] <= x[1] + 1


def _merge(pairs: list[Match]) -> list[Match]:
    done: list[Match] = []
    open_: list[Match] = []  # ranges that a later pair, sorted by its first line in a, could still touch
    for pair in sorted(pairs, key=lambda m: (m.a_lines, m.b_lines)):
        done += [m for m in open_ if m.a_lines[1] + 1 < pair.a_lines[0]]
        open_ = [m for m in open_ if m.a_lines[1] + 1 >= pair.a_lines[0]]
        for i, m in enumerate(open_):
            if _touch(m.a_lines, pair.a_lines) and _touch(m.b_lines, pair.b_lines):
                a = (min(m.a_lines[0], pair.a_lines[0]), max(m.a_lines[1], pair.a_lines[1]))
                b = (min(m.b_lines[0], pair.b_lines[0]), max(m.b_lines[1], pair.b_lines[1]))
                open_[i] = Match(a, b)
                break
        else:
            open_.append(pair)
    merged = sorted(done + open_, key=lambda m: (m.a_lines, m.b_lines))
    return merged if len(merged) == len(pairs) else _merge(merged)  # a merge can make two ranges touch


def _pairs(fa: Fingerprints, fb: Fingerprints, shared: set[int]) -> list[Match]:
    where: tuple[dict[int, list[tuple[int, int]]], ...] = ({}, {})  # hash -> its line spans, on each side
    for side, found in zip(where, (fa, fb), strict=True):
        for h, span in zip(found.hashes, found.spans, strict=True):
            side.setdefault(h, []).append(span)
    pairs: list[Match] = []
    for h in shared:
        # A hash seen more than once (a table of numbers, a repeated idiom) is paired in order, spread over the
        # longer side: every occurrence shows up and the work stays linear.
        sa, sb = where[0][h], where[1][h]
        n = max(len(sa), len(sb))
        pairs += [Match(sa[i * len(sa) // n], sb[i * len(sb) // n]) for i in range(n)]
    return pairs


def compare(a: str, b: str, *, starter: str = "") -> Comparison:
    """How much of the smaller submission's own code (starter code removed) also appears in the other."""
    base = {h for h, _ in _kgrams(_normalise(starter), K)}  # every starter k-gram, not only the winnowed ones
    fa, fb = fingerprint(a), fingerprint(b)
    own_a, own_b = set(fa.hashes) - base, set(fb.hashes) - base
    shared = own_a & own_b
    smaller = min(len(own_a), len(own_b))
    return Comparison(len(shared) / smaller if smaller else 0.0, len(shared), _merge(_pairs(fa, fb, shared)))


def flagged(comparison: Comparison) -> bool:
    """Whether a reviewer should look at the pair side by side."""
    return comparison.score >= THRESHOLD
