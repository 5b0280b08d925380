"""Direct quotations found from the quotation marks alone (no parse needed).

Handles French « … » (with or without inner spaces), English “ … ” and straight "…",
nested quotes (only the outermost is returned), and a quotation continued over paragraphs
(a paragraph that opens again with « or “ while the previous one left the quote open).
"""

from __future__ import annotations

from dataclasses import dataclass

PAIRS: dict[str, str] = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u201e": "\u201d"}
STRAIGHT = '"'
SPACES = " \t\u00a0\u202f"


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation: ``outer`` includes the marks, ``inner`` is the quoted words."""

    outer: tuple[int, int]
    inner: tuple[int, int]


def find_marked(text: str) -> list[Marked]:
    """All outermost quotations of ``text``, in order."""
    found: list[Marked] = []
    i = 0
    while i < len(text):
        c = text[i]
        end = _close(text, i, c, PAIRS.get(c, STRAIGHT)) if c in PAIRS or c == STRAIGHT else -1
        if end < 0:
            i += 1
            continue
        found.append(_trimmed(text, i, end))
        i = end + 1
    return [m for m in found if m.inner[1] > m.inner[0]]


def _trimmed(text: str, start: int, end: int) -> Marked:
    a, b = start + 1, end
    while a < b and text[a] in SPACES:
        a += 1
    while b > a and (text[b - 1] in SPACES or text[b - 1] in ",;:"):
        b -= 1
    return Marked((start, end + 1), (a, b))


def _close(text: str, start: int, opener: str, closer: str) -> int:
    """Index of the mark closing the quote opened at ``start``, or -1. Typographic marks nest; a straight
    quote (``opener == closer``) closes at the next one. A quote goes on across a line break only where
    the next paragraph opens with the same mark."""
    depth, i = 1, start + 1
    while i < len(text):
        c = text[i]
        if c == "\n":
            i = _continued(text, i, opener)
            if i < 0:
                return -1
            continue
        if c == opener and closer != opener:
            depth += 1
        elif c == closer:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _continued(text: str, i: int, opener: str) -> int:
    """After a line break inside an open quote: where the quote goes on, or -1 if it stops."""
    j = i
    while j < len(text) and (text[j] in SPACES or text[j] == "\n"):
        j += 1
    if j < len(text) and text[j] == opener:
        return j + 1
    return -1


