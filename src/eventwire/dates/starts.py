"""Where a date pattern may start: the first word of its matches, read from the compiled pattern.

Python's ``re`` finds a pattern by trying it at every character of the text, and the date patterns
open on optional words (an article, a weekday, a cue: "le mercredi 5 novembre", "depuis mars") that
it cannot skip to: a scan costs tens of nanoseconds a character, for each of a grammar's dozen
patterns, about half of the date stage. Yet a match of most of them opens on a word of a small
set: "le", "mercredi", "depuis", "hier", a number. :func:`first_words` reads that set off the
pattern itself (its parse tree), and :func:`starts` lists, in one pass over the text's words, the
places where each pattern may start; the pattern is then tried there only.

The set must hold the first word of every match, so the reading is conservative: it gives up (None,
and the pattern scans the whole text as before) on anything it does not follow, such as a match that
may start inside a word, a first word that may run on past what the pattern spells out, or a word
character class. The first word of a match is a maximal run of letters, or a run of digits: the
pattern must open with a look-behind (or ``\\b``) that rules out a letter (or a digit) right before it,
and end its first word with a character, or a look-ahead, that is not a word character.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # the parse tree of ``re`` (no public API)
_c: Any = importlib.import_module("re._constants")

DIGITS = "0"  # the first word of a match that opens on a digit ("5 mars", "2016-03-04"): any run of digits
MAX_WORDS = 20_000  # more first words than this (a pattern of many optional words in a row): give up
# The words of a text: runs of digits, and runs of the other word characters (letters).
_NUMBERS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d]+")


class _GiveUp(Exception):
    """The pattern does something this reading does not follow: scan the whole text."""


@dataclass(frozen=True)
class FirstWords:
    """The first words of a pattern's matches: letter runs (as the pattern spells them: compared with the
    text's own words, or lower-cased with the lower-cased text's when ``folded``), and whether a match may
    open on a digit."""

    words: frozenset[str]
    folded: frozenset[str]
    digits: bool


@functools.lru_cache(maxsize=256)
def first_words(pattern: re.Pattern[str]) -> FirstWords | None:
    """The first words of ``pattern``'s matches, or None when they cannot be told (see the module)."""
    if pattern.flags & ~re.UNICODE:  # IGNORECASE as a whole: the caller has a case-blind copy for that
        return None
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
        guard = _leading_guard(items)
        states = _walk(items, {("", False, None)}, False)
    except (_GiveUp, RecursionError, re.error):
        return None
    words: set[str] = set()
    folded: set[str] = set()
    digits = False
    for run, closed, ci in states:
        if not closed or not run:
            return None  # the match may end inside its first word, or start with no word at all
        if run == DIGITS:
            digits = True
            if guard == "":
                return None
        elif guard != "word":
            return None  # a letter may stand right before the match: it may start inside a word
        else:
            (folded if ci else words).add(run.lower() if ci else run)
    return FirstWords(frozenset(words), frozenset(folded), digits)


@dataclass(frozen=True)
class Index:
    """The first words of several patterns, by word: which patterns a word of a text may open."""

    exact: dict[str, tuple[int, ...]]  # a word as the text writes it -> the patterns it may open
    folded: dict[str, tuple[int, ...]]  # a lower-cased word -> the patterns whose case-blind part it may open
    digits: tuple[int, ...]  # the patterns a number may open
    size: int


@functools.lru_cache(maxsize=64)
def index(patterns: tuple[FirstWords, ...]) -> Index:
    exact: dict[str, list[int]] = {}
    folded: dict[str, list[int]] = {}
    for k, p in enumerate(patterns):
        for w in p.words:
            exact.setdefault(w, []).append(k)
        for w in p.folded:
            folded.setdefault(w, []).append(k)
    return Index({w: tuple(ks) for w, ks in exact.items()}, {w: tuple(ks) for w, ks in folded.items()},
                 tuple(k for k, p in enumerate(patterns) if p.digits), len(patterns))


def numbers(text: str) -> list[int]:
    """The starts of the text's runs of digits (the same in its lower-cased form)."""
    return [m.start() for m in _NUMBERS.finditer(text)]


def starts(text: str, lowered: str | None, patterns: Index, runs: list[int] | None = None) -> list[list[int]] | None:
    """For each pattern of the index, the starts (ascending) of the text's words that may open one of
    its matches. ``lowered``: ``text`` lower-cased when IGNORECASE reads it so (``ignorecase_lowered``);
    None when some pattern compares folded words and there is no such text. ``runs``: :func:`numbers` of
    the text, when the caller has them."""
    if lowered is None and patterns.folded:
        return None
    out: list[list[int]] = [[] for _ in range(patterns.size)]
    if patterns.digits:
        numbers = runs if runs is not None else [m.start() for m in _NUMBERS.finditer(text)]
        for k in patterns.digits:
            out[k] = list(numbers)
    exact, folded = patterns.exact, patterns.folded
    if exact:
        for m in _LETTERS.finditer(text):
            for k in exact.get(m.group(), ()):
                out[k].append(m.start())
    if folded and lowered is not None:
        for m in _LETTERS.finditer(lowered):
            for k in folded.get(m.group(), ()):
                out[k].append(m.start())
    for found in out:  # numbers, then words: in text order
        found.sort()
    return out


def _leading_guard(items: list[Any]) -> str:
    """What the pattern's opening look-behind (or ``\\b``) rules out right before a match: "word" (a
    word character), "digit" (a digit), or "" (nothing known)."""
    if not items:
        return ""
    op, av = items[0]
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return "word"  # before a first word, \b means: no word character right before it
    if op is _c.ASSERT_NOT and av[0] < 0:
        body = list(av[1])
        if len(body) == 1 and body[0][0] is _c.IN:
            members = body[0][1]
            if (_c.CATEGORY, _c.CATEGORY_WORD) in members or (_c.CATEGORY, _c.CATEGORY_UNI_WORD) in members:
                return "word"
            if (_c.CATEGORY, _c.CATEGORY_DIGIT) in members or (_c.CATEGORY, _c.CATEGORY_UNI_DIGIT) in members:
                return "digit"
    return ""


_State = tuple[str, bool, "bool | None"]  # (the first word so far, whether it ended, read case-blind)


def _walk(items: Any, states: set[_State], ci: bool) -> set[_State]:
    """The states after the items of a (sub)pattern, from ``states``."""
    for op, av in items:
        if all(closed for _, closed, _ in states):
            return states
        if op is _c.LITERAL:
            states = _step(states, chr(av), ci)
        elif op is _c.IN:
            states = _in(states, av, ci)
        elif op is _c.BRANCH:
            states = set().union(*(_walk(alt, states, ci) for alt in av[1]))
        elif op is _c.SUBPATTERN:
            _, add, remove, sub = av
            states = _walk(sub, states, (ci or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            states = _walk(av, states, ci)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            states = _repeat(states, av, ci)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if op is _c.ASSERT_NOT and av[0] > 0 and _word_class(av[1]):
                states = _close(states)  # "(?![\w-])": no word character follows, the word has ended
        elif op is _c.AT:
            if av is _c.AT_BOUNDARY:
                states = _close(states)  # after a letter, \b: no word character follows
        else:
            raise _GiveUp(op)  # ANY, NOT_LITERAL, a back-reference ...: not followed
        if len(states) > MAX_WORDS:
            raise _GiveUp("too many first words")
    return states


def _step(states: set[_State], ch: str, ci: bool) -> set[_State]:
    """The states after one literal character."""
    out: set[_State] = set()
    word = ch.isalnum() or ch == "_"
    for state in states:
        run, closed, folded = state
        if closed:
            out.add(state)
        elif not word:
            if not run:
                raise _GiveUp("a match may open on a character that is no word")
            out.add((run, True, folded))
        elif ch.isdecimal():
            if run:
                raise _GiveUp("a digit inside a first word")
            out.add((DIGITS, True, None))
        else:
            if folded is not None and folded != ci:
                raise _GiveUp("a first word read partly case-blind")
            out.add((run + ch, False, ci))
    return out


def _in(states: set[_State], members: list[Any], ci: bool) -> set[_State]:
    """The states after a character class: a set of letters, digits, or characters that are no word."""
    chars: list[str] = []
    kinds = set()
    for op, av in members:
        if op is _c.LITERAL:
            ch = chr(av)
            kinds.add("digit" if ch.isdecimal() else "letter" if ch.isalnum() or ch == "_" else "other")
            chars.append(ch)
        elif op is _c.RANGE and all(chr(c).isdecimal() for c in (av[0], av[1])) and av[1] - av[0] < 10:
            kinds.add("digit")
            chars.append(chr(av[0]))
        elif op is _c.CATEGORY and av in (_c.CATEGORY_DIGIT, _c.CATEGORY_UNI_DIGIT):
            kinds.add("digit")
            chars.append("0")
        elif op is _c.CATEGORY and av in (_c.CATEGORY_SPACE, _c.CATEGORY_UNI_SPACE):
            kinds.add("other")
            chars.append(" ")
        else:
            raise _GiveUp(op)  # a negated class, a word category, a range of letters ...
    if len(kinds) != 1:
        raise _GiveUp("a class of mixed characters")
    return set().union(*(_step(states, ch, ci) for ch in chars))


def _repeat(states: set[_State], av: Any, ci: bool) -> set[_State]:
    """The states after a repeat ``{lo,hi}``: the union of the rounds from ``lo`` on, until a round adds
    nothing new (the rounds after it add nothing either); give up when four rounds go on changing the
    first word (a run of letters of any length)."""
    lo, hi, sub = av
    out = set(states) if lo == 0 else set()
    current = states
    for rounds in range(1, 5):
        current = _walk(sub, current, ci)
        if all(closed for _, closed, _ in current):
            return out | current  # more rounds leave an ended first word as it is
        if rounds >= lo:
            if current <= out:
                return out
            out |= current
        if rounds >= hi:
            return out
    raise _GiveUp("a repeat that goes on")


def _close(states: set[_State]) -> set[_State]:
    return {(run, True, ci) if run and not closed else (run, closed, ci) for run, closed, ci in states}


def _word_class(items: Any) -> bool:
    """A look-ahead of one class that holds every word character ("[\\w-]", "\\w")."""
    body = list(items)
    if len(body) != 1 or body[0][0] is not _c.IN:
        return False
    members = body[0][1]
    return (_c.NEGATE, None) not in members and (
        (_c.CATEGORY, _c.CATEGORY_WORD) in members or (_c.CATEGORY, _c.CATEGORY_UNI_WORD) in members)
