"""Text normalisation: the one place where eventwire folds case, accents and typography.

Each variant is named by what it is for; they differ on purpose and a module picks the one its
matching needs (all are pure functions, the same for every language):

- :func:`fold_name`: names and aliases matched against a dictionary ("Kataëb" -> "kataeb"); ligatures
  expanded ("œ" -> "oe"), so the length may change.
- :func:`fold_aligned`: place and text matching that must keep offsets: exactly one output character per
  input character (accents stripped, case lowered, typographic apostrophes made plain).
- :func:`fold_words`: closed word lists and lexicon phrases (reporting verbs, cues): lower case, accents
  stripped, typographic apostrophes and non-breaking hyphens made plain.
- :func:`fold_words_aligned`: :func:`fold_words` character by character, so offsets stay those of the text.
- :func:`fold_search`: search keys, as SQLite's ``unicode61 remove_diacritics 2`` tokenizer sees words.

And :func:`doc_text`, a parsed document's text built once (spaCy rebuilds ``Doc.text`` on every call), and
:func:`span_text`, a span's text sliced from it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from typing import Any

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ı": "i"})
_APOSTROPHES = "’‘`´ʼ"


def fold_name(text: str) -> str:
    """Accents stripped, ligatures expanded, case folded: ``"Kataëb"`` -> ``"kataeb"``."""
    if text.isascii():
        return text.lower()
    return _fold_name(text)


@functools.lru_cache(maxsize=1 << 14)
def _fold_name(text: str) -> str:
    """:func:`fold_name` of a text that is not ASCII, memoised: the actor resolver folds every word of
    every phrase it reads (170,000 calls for 12,000 strings on 200 articles), and decomposing is slow."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _AlignedTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character (a pure memo, same for all)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    if ch in _APOSTROPHES:
        return "'"
    return base if len(base) == 1 else ch


_ALIGNED = _AlignedTable()


def fold_aligned(text: str) -> str:
    """Lower-case and strip accents, one output character per input character (offsets kept)."""
    return text.translate(_ALIGNED)


def fold_words(text: str) -> str:
    """Lower case, accents stripped, typographic apostrophes and dashes made plain."""
    text = text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2011", "-")
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_words_aligned(text: str) -> str:
    """:func:`fold_words` character by character, so offsets stay those of ``text``."""
    whole = fold_words(text)
    if len(whole) == len(text):
        return whole
    return "".join((f[0] if (f := fold_words(c)) else c) for c in text)


def fold_search(text: str | None) -> str:
    """Lower-case, accent-free form used for case/accent-insensitive search (None -> "")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Characters that IGNORECASE matches otherwise than their ``str.lower()`` ("ſ" matches "s", "ı" matches
# "i": the extra cases of Python's ``re``), and the capital sigma (``str.lower`` gives "ς" at a word's end).
_CASE_TRAPS = re.compile("[µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆΣ]")


def ignorecase_lowered(text: str) -> str | None:
    """The text lower-cased, when an IGNORECASE pattern finds exactly the same matches in it as in the
    text (one character for one, none of the characters ``re`` folds otherwise than ``str.lower``),
    without the flag; None otherwise. A phrase an IGNORECASE pattern finds in ``text`` is then, lower-cased,
    a substring of it."""
    last = _LAST_LOWERED[0]
    if last[0] == text:
        return last[1]
    low = text.lower()
    found = None if len(low) != len(text) or _CASE_TRAPS.search(text) else low
    _LAST_LOWERED[0] = (text, found)
    return found


_LAST_LOWERED: list[tuple[str, str | None]] = [("", "")]  # the last text asked for (stages ask again)


@functools.lru_cache(maxsize=256)
def case_blind(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """An IGNORECASE pattern without the flag, for the text :func:`ignorecase_lowered` gives (about twice
    as fast: the same matches, each to be taken again on the text itself for its words); None when the
    pattern is not IGNORECASE as a whole or its source has a capital (a literal, or an escape such as
    ``\\S``) other than the ``P`` of a named group."""
    source = re.sub(r"\(\?P[<=]", "", pattern.pattern)
    if not pattern.flags & re.IGNORECASE or source != source.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_DOC_TEXT = "eventwire.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per parsed document and kept in its ``user_data``: spaCy's ``Doc.text``
    joins a new ``Token`` object for every token on each call, which made it the stages' largest cost."""
    text = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text


_SENTENCES = "eventwire.sentences"


def sentence(token: Any) -> Any:
    """``token.sent`` (a ``Span``), from an index of the document's sentences built once and kept in its
    ``user_data``: spaCy's ``Token.sent`` walks to both ends of the sentence and builds a new ``Span`` on
    every call, which the argument rules ask for thousands of times per article. The same bounds: the
    sentences of ``doc.sents``, which starts a sentence at each token whose ``is_sent_start`` is set."""
    doc = token.doc
    index = doc.user_data.get(_SENTENCES)
    if index is None:
        spans = list(doc.sents)
        index = doc.user_data[_SENTENCES] = ([s.start for s in spans], spans)
    starts, spans = index
    return spans[bisect_right(starts, token.i) - 1]


def span_text(span: Any) -> str:
    """``span.text`` (a sentence, an entity) sliced from :func:`doc_text`: the same string, without
    joining the span's tokens again."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def paragraph_start(text: str, pos: int, wrapped: bool = False) -> int:
    """Where the paragraph holding ``pos`` starts: after the last line break before it; in hard-wrapped
    text (``wrapped``: archived wire copy, ~70-character lines, ``nlp.hard_wrapped``) a line break is only
    the width of the page, and a paragraph starts after a blank line."""
    end = text.rfind("\n", 0, pos)
    if not wrapped:
        return end + 1
    while end > 0:
        before = text.rfind("\n", 0, end)
        if not text[before + 1:end].strip():
            return end + 1
        end = before
    return 0


# A monitoring service's note of what follows the dateline ("-- [Text] ", "-- [Excerpt] ", "-- [Report by X] "):
# part of the dateline, no word of the dispatch (the parser takes "[Excerpt] Senator X" for a subject)
_NOTE = r"\[[A-Z][a-z]+(?: [\w.'’-]+){0,4}\] *"
_EDITORIAL = f"(?:{_NOTE})?"  # optional at a dateline's end
EDITORIAL_NOTE = re.compile(r"\s*" + _NOTE)  # the note alone, where a sentence opens on it

# A wire dispatch's dateline: the capitalised name of the place it was filed from, opening a line, then its
# country, a date and an agency, each optional, then a dash: "LA PAZ - ", "BAIDOA, Somalia - ", "BEIRUT,
# Oct 9 - ", "LIMA, June 14 (Radio X) - ", "PORT-AU-PRINCE - ", "NEW YORK, 20 mars (AFP) - "; a story
# filed from two cities names both ("ANKARA/BEIRUT, May 2 - ": the place is the first).
_DATELINE = re.compile(
    r"\s*(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]*){0,3})(?:/[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]*){0,3})?"
    r"(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})?(?:, [^\n,()–—-]{1,20}(?:, \d{4})?)?"
    r"(?: \([^()\n]{1,40}\))? +(?:--|[-–—]) " + _EDITORIAL)

# A dateline written in mixed case is one only with its date: "Cali, 9 Mar 91 (DPA) -- ", "Leipzig
# (Saxony), 2 Jun 90 (ADN) -- ", "KABUL, May 3 (Reuters) — ", "Warsaw, 8 May - ", "Lagos, March 8, 2022 - "
# (a title "Syrie - l'armée avance" is none).
_DATED_LINE = re.compile(
    r"\s*(?P<name>[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]*|de|del|la|el|al)){0,3})(?: \([A-Z][^()\n]{1,30}\))?"
    r", (?=[^\n,()]*\d)[^\n,()–—-]{1,20}(?:, \d{4})?(?: \([^()\n]{1,40}\))? +(?:--|[-–—])\s" + _EDITORIAL)


def wire_dateline(text: str, at: int = 0) -> re.Match[str] | None:
    """The wire dateline opening ``text`` at ``at`` (spaces skipped), if any: its ``name`` group is the
    place it was filed from, its end the start of the dispatch's words. The one reader of datelines: the
    places stage (the article's fallback place), the argument rules (a dateline is no subject) and the
    context sources (its place is no inferred source) all ask it."""
    return _DATELINE.match(text, at) or _DATED_LINE.match(text, at)

