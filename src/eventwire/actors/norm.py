"""Normalised words with character offsets, and a longest-match trie over them.

Actor names are matched on *normalised words*, not on spaCy tokens, so the matcher does
not depend on a tokenizer's choices: "Kataëb Hezbollah", "Kataeb Hezbollah" and
"Kata'ib Hezbollah" all become ``kataeb hezbollah`` / ``kataib hezbollah``.

Normalisation: accents stripped and case folded; apostrophes (' ’ ʼ) joined inside a word
("Kata'ib" -> ``kataib``) but split after a French elided article or pronoun ("l'armée" ->
``l`` ``armee``) and before an English possessive ("Iran's" -> ``iran`` ``s``); hyphens,
dots and spaces separate words; the particles ``al``/``el`` are dropped everywhere, and
leading articles are dropped from dictionary aliases (they are optional in the text).

Case matters for two kinds of alias: all-caps acronyms ("IS", "US", "EI") only match text
written in capitals, and words with inner capitals ("LeT") only match that exact case; an
alias starting with a capital only matches text starting with a capital ("Turkey", not
"turkey").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from ..languages import shipped
from ..text import fold_name
from .words import every

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_APOS = re.compile(r"['’ʼ`]")
# Read from every shipped language's actors.yaml: names are matched the same way whatever the text's language.
_ELIDED = every(shipped(), "elided")
_DROPPED = every(shipped(), "name_particles")
_LEADING = every(shipped(), "definite_articles")


class Word(NamedTuple):
    """One normalised word: ``norm`` plus the offsets and raw text it came from.

    A named tuple rather than a frozen dataclass: a document has thousands, and tuples are
    several times cheaper to build."""

    norm: str
    start: int
    end: int
    raw: str


def words(text: str, offset: int = 0) -> list[Word]:
    """The normalised words of ``text``; offsets are shifted by ``offset``."""
    out: list[Word] = []
    for m in _WORD.finditer(text):
        out.extend(_split(m.group(), m.start() + offset))
    return [w for w in out if w.norm not in _DROPPED]


def _split(raw: str, start: int) -> list[Word]:
    if raw.isalnum():
        return [Word(fold_name(raw), start, start + len(raw), raw)]
    parts = _APOS.split(raw)
    if len(parts) == 1:
        return [Word(fold_name(raw), start, start + len(raw), raw)]
    head = fold_name(parts[0])
    if head in _ELIDED:
        cut = len(parts[0]) + 1
        return [Word(head, start, start + cut - 1, raw[:cut - 1]), *_split(raw[cut:], start + cut)]
    if fold_name(parts[-1]) == "s" and len(parts) == 2:
        cut = len(parts[0])
        return [Word(head, start, start + cut, parts[0]), Word("s", start + cut + 1, start + len(raw), "s")]
    return [Word(fold_name("".join(parts)), start, start + len(raw), raw)]


def alias_key(alias: str) -> tuple[str, ...]:
    """The normalised word sequence of a dictionary alias, leading article removed."""
    ws = [w.norm for w in words(alias)]
    while len(ws) > 1 and ws[0] in _LEADING:
        ws = ws[1:]
    return tuple(ws)


def case_rule(alias: str) -> tuple[str, ...]:
    """Per-word case constraints of an alias: ``"upper"``, ``"exact"``, ``"cap"`` or ``""``."""
    ws = [w.raw for w in words(alias)]
    while len(ws) > 1 and fold_name(ws[0]) in _LEADING:
        ws = ws[1:]
    return tuple(_word_case(w, i) for i, w in enumerate(ws))


def _word_case(raw: str, index: int) -> str:
    letters = [c for c in raw if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    if any(c.isupper() for c in letters[1:]):
        return "exact"
    if index == 0 and letters and letters[0].isupper():
        return "cap"
    return ""


def case_ok(rule: tuple[str, ...], found: list[Word], alias_raws: tuple[str, ...]) -> bool:
    """Whether the words found in the text satisfy an alias's case constraints."""
    for r, w, a in zip(rule, found, alias_raws, strict=False):
        raw = "".join(c for c in w.raw if c.isalpha())
        if r == "upper" and not raw.isupper():
            return False
        if r == "exact" and _strip(raw) != _strip(a):
            return False
        if r == "cap" and raw and not raw[0].isupper():
            return False
    return True


def _strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


class Match(NamedTuple, Generic[T]):
    """A dictionary hit: words ``[first, last]`` of the word list, and the value."""

    first: int
    last: int
    start: int
    end: int
    value: T


@dataclass(slots=True)
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    values: list[tuple[tuple[str, ...], tuple[str, ...], T]] = field(default_factory=list)


class Trie(Generic[T]):
    """Longest-match lookup of alias word sequences in a list of :class:`Word`.

    Built once per process (through ``resources.get``), read-only afterwards.
    """

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()

    def add(self, alias: str, value: T) -> None:
        key = alias_key(alias)
        if not key:
            return
        node = self._root
        for part in key:
            node = node.children.setdefault(part, _Node())
        raws = tuple(w.raw for w in words(alias))[-len(key):]
        node.values.append((case_rule(alias), raws, value))

    def find_all(self, ws: list[Word]) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match[T]] = []
        i = 0
        while i < len(ws):
            m = self.longest_at(ws, i)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.last + 1
        return out

    def longest_at(self, ws: list[Word], i: int) -> Match[T] | None:
        best: Match[T] | None = None
        node = self._root
        for j in range(i, len(ws)):
            node = node.children.get(ws[j].norm)  # type: ignore[assignment]
            if node is None:
                break
            value = _first_ok(node.values, ws[i:j + 1])
            if value is not None:
                best = Match(i, j, ws[i].start, ws[j].end, value[0])
        return best

    def all_values_at(self, ws: list[Word], i: int) -> list[tuple[int, list[T]]]:
        """Every (last word index, values) matching from ``i``, longest first."""
        out: list[tuple[int, list[T]]] = []
        node = self._root
        for j in range(i, len(ws)):
            node = node.children.get(ws[j].norm)  # type: ignore[assignment]
            if node is None:
                break
            vals = [v for rule, raws, v in node.values if case_ok(rule, ws[i:j + 1], raws)]
            if vals:
                out.append((j, vals))
        return out[::-1]


_Entry = tuple[tuple[str, ...], tuple[str, ...], T]


def _first_ok(values: Iterable[_Entry[T]], found: list[Word]) -> tuple[T] | None:
    for rule, raws, value in values:
        if case_ok(rule, found, raws):
            return (value,)
    return None
