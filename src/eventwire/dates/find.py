"""Find date mentions in a text: exact character spans and parsed components.

A :class:`Mention` says what the words say ("5 novembre", weekday 2, no year), not
yet which calendar day they mean: that needs the reference date and the tense
(:mod:`eventwire.dates.resolve`). Matching is one pass of a few compiled
patterns over the whole text (no per-token work, no dateparser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..records import Span
from ..text import case_blind, ignorecase_lowered
from .starts import FirstWords, first_words, index, numbers, starts
from .vocab import DateGrammar, DateVocab, none_in

KINDS = ("date", "month", "year", "weekday", "relative", "sequel")


@dataclass(frozen=True, slots=True)
class Mention:
    """What a date expression states. ``kind`` is one of :data:`KINDS`.

    ``direction`` is ``"past"``/``"future"`` when the words fix it ("dernier", "next"), ``"near"``
    for "ce"/"this" (the nearest such day: "ce dimanche"), else ``""``. ``role`` is ``"limit"`` for a
    deadline ("d'ici le 22 février"), ``"since"`` for the start of a period ("depuis le 14 janvier"),
    ``"relation"`` for a sequel that names another event ("le lendemain d'une frappe"), ``"noun"`` for a year
    that completes a noun ("l'élection de 2012": it dates that noun only), else ``""``.
    For ``relative``: ``unit`` (day/week/month/year) and ``count`` (units from the reference date);
    for ``sequel`` ("le lendemain", "deux semaines plus tard"): ``count`` units from the previous
    date of the text.
    """

    span: Span
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str = ""
    count: int = 0
    direction: str = ""
    role: str = ""

    def full_date(self) -> date | None:
        """The calendar day when the words give day, month and year."""
        if self.kind != "date" or self.year is None or self.month is None or self.day is None:
            return None
        return _valid(self.year, self.month, self.day)


UPPER_SHARE = 0.8  # a text whose letters are this share upper-case or more is written in capitals
UPPER_MIN = 40  # letters: a heading in capitals is no text in capitals
_UPPER_WORD = re.compile(r"[^\W\d_]{2,}")


def find_mentions(text: str, grammar: DateGrammar) -> tuple[Mention, ...]:
    """All date mentions of ``text``, in text order, never overlapping (longest match wins). A text
    written in capitals (archived wire copy: "GUERRILLAS ATTACKED ... ON 5 JANUARY") is read with its
    words capitalised, so that a case-sensitive vocabulary finds its month and weekday names; the
    mentions keep the text's own words."""
    if grammar.vocab.case_sensitive and _in_capitals(text):
        titled = _UPPER_WORD.sub(lambda w: w.group(0).capitalize(), text)
        if len(titled) == len(text):
            return tuple(replace(m, text=text[m.span[0]:m.span[1]]) for m in _find_mentions(titled, grammar))
    return _find_mentions(text, grammar)


def _in_capitals(text: str) -> bool:
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper >= UPPER_MIN and upper >= UPPER_SHARE * (upper + lower)


def _find_mentions(text: str, grammar: DateGrammar) -> tuple[Mention, ...]:
    found: list[tuple[int, Mention]] = []
    lowered = _lowered(text)
    where = _starts(text, lowered, grammar)
    for rank, (kind, pattern) in enumerate(grammar.patterns):
        for match in _matches(kind, pattern, text, grammar, lowered, where, rank):
            mention = _parse(kind, match, grammar)
            if mention is not None:
                found.append((rank, _with_role(mention, text, grammar)))
    blocked = _phrases(text, lowered, grammar, grammar.not_dates, "not_dates")
    kept = [m for m in _non_overlapping(found) if not any(a < m.span[1] and m.span[0] < b for a, b in blocked)]
    return _nights(text, sorted(kept, key=lambda m: m.span), grammar)


def _nights(text: str, mentions: list[Mention], grammar: DateGrammar) -> tuple[Mention, ...]:
    """A night told by its two days ("dans la nuit de jeudi à vendredi", "la nuit du 14 au 15 mai",
    after a ``night_cues`` phrase) is one mention dated by the day it ends on, as the news dates what
    happened overnight; a range that is no night keeps its first day ("du 14 au 15 mai")."""
    night = grammar.night_before
    if night is None:
        return tuple(mentions)
    out: list[Mention] = []
    links = grammar.vocab.lowered("range_words")
    for m in mentions:
        last = out[-1] if out else None
        between = text[last.span[1]:m.span[0]].strip().lower() if last is not None else None
        if (last is not None and between is not None and (not between or between in links)
                and _night_pair(last, m) and _after_night_cue(text, last.span[0], night)):
            out[-1] = replace(m, span=(last.span[0], m.span[1]), text=text[last.span[0]:m.span[1]])
            continue
        out.append(_night_range(m, text, night))
    return tuple(out)


def _after_night_cue(text: str, start: int, night: re.Pattern[str]) -> bool:
    """A ``night_cues`` phrase ("la nuit de", "la nuit du") ends right before ``start``."""
    return night.search(text[max(0, start - 30):start]) is not None


def _night_pair(first: Mention, second: Mention) -> bool:
    """Two mentions that name consecutive days: weekdays ("samedi", "dimanche") or dates ("mardi 4", "mercredi 5")."""
    if first.weekday is not None and second.weekday is not None:
        return second.weekday == (first.weekday + 1) % 7
    return first.day is not None and second.day is not None and first.month in (None, second.month) \
        and second.day == first.day + 1


def _night_range(m: Mention, text: str, night: re.Pattern[str]) -> Mention:
    """"la nuit du 14 au 15 mai": the range's second day, when it follows the first."""
    if m.kind != "date" or m.day is None or not _after_night_cue(text, m.span[0], night):
        return m
    days = [int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", m.text)]
    if len(days) < 2 or days[0] != m.day or days[1] != m.day + 1:
        return m
    return replace(m, day=days[1])


def present_spans(text: str, grammar: DateGrammar) -> list[Span]:
    """The spans of the ``present_words`` ("désormais", "now") in ``text``."""
    return _phrases(text, _lowered(text), grammar, grammar.present, "present_words")


def then_spans(text: str, grammar: DateGrammar) -> list[Span]:
    """The spans of the ``then_words`` ("à l'époque", "back then") in ``text``."""
    return _phrases(text, _lowered(text), grammar, grammar.then, "then_words")


def _phrases(text: str, lowered: str | None, grammar: DateGrammar, pattern: re.Pattern[str] | None,
             key: str) -> list[Span]:
    """The spans of one of the grammar's phrase lists (``not_dates``, ``present_words``): none when the
    text has none of their last words, else their matches (found on the lower-cased text by the pattern
    without IGNORECASE when that finds the same)."""
    if pattern is None or none_in(lowered, grammar.vocab.lists[key]):
        return []
    fast = _case_blind(pattern) if lowered is not None else None
    if fast is None or lowered is None:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in fast.finditer(lowered)]


SEQUEL_WINDOW = 60  # characters before a counted sequel's tail where its number may start
SEQUEL_CUE = -1  # the number of the counted sequels' tails among the scans of :func:`_starts`


_Where = tuple[re.Pattern[str], str, list[int]]  # the pattern scanned, the text it scans, where it may start


def _starts(text: str, lowered: str | None, grammar: DateGrammar) -> dict[int, _Where]:
    """Where each pattern of the grammar may start (:mod:`.starts`): by the pattern's number, the pattern
    to try (the case-blind copy on the lower-cased text, or the pattern itself on the text) and the starts
    of the words that may open one of its matches; the tails of counted sequels as number -1. A pattern
    whose first words cannot be told is left out (it scans the whole text), and so are counted sequels
    (searched at their tails)."""
    groups: dict[str, list[tuple[int, re.Pattern[str], FirstWords]]] = {}
    scans = list(enumerate(grammar.patterns))
    if grammar.sequel_cue is not None:  # the tails of counted sequels, as number -1
        scans.append((SEQUEL_CUE, ("sequel_cue", grammar.sequel_cue)))
    for rank, (kind, pattern) in scans:
        if kind == "counted_sequel" and grammar.sequel_cue is not None:
            continue
        fast = _case_blind(pattern) if lowered is not None else None
        scanned = fast if fast is not None else pattern
        words = first_words(scanned)
        if words is not None:
            groups.setdefault("lowered" if fast is not None else "text", []).append((rank, scanned, words))
    out: dict[int, _Where] = {}
    runs = numbers(text) if any(w.digits for members in groups.values() for _, _, w in members) else None
    for which, members in groups.items():
        string = lowered if which == "lowered" and lowered is not None else text
        found = starts(string, lowered, index(tuple(words for _, _, words in members)), runs)
        if found is not None:
            out.update((rank, (scanned, string, at)) for (rank, scanned, _), at in zip(members, found, strict=True))
    return out


def _matches(kind: str, pattern: re.Pattern[str], text: str, grammar: DateGrammar,
             lowered: str | None = None, where: dict[int, _Where] | None = None,
             rank: int = -2) -> list[re.Match[str]]:
    """All matches of one pattern; counted sequels are searched only just before their fixed tail
    ("... jours plus tard"), which is much faster than scanning the text for number words.
    ``lowered``: the text lower-cased, when :func:`_lowered` allows a case-blind scan; ``where``: where the
    patterns may start (:func:`_starts`, by number; ``rank`` is this pattern's), when that is known."""
    where = where or {}
    if rank in where and (kind != "counted_sequel" or grammar.sequel_cue is None):
        at = _matches_at(pattern, text, *where[rank])
        if at is not None:
            return at
    if kind != "counted_sequel" or grammar.sequel_cue is None:
        fast = _case_blind(pattern) if lowered is not None else None
        if fast is None or lowered is None:
            return list(pattern.finditer(text))
        # the same matches, found on the lower-cased text by the pattern without IGNORECASE (about
        # twice as fast); each is matched again on the text itself for its groups and words
        again = [pattern.match(text, m.start()) for m in fast.finditer(lowered)]
        return [m for m in again if m is not None]
    found: dict[int, re.Match[str]] = {}
    cues = _matches_at(grammar.sequel_cue, text, *where[SEQUEL_CUE]) if SEQUEL_CUE in where else None
    for cue in grammar.sequel_cue.finditer(text) if cues is None else cues:
        for match in pattern.finditer(text, max(0, cue.start() - SEQUEL_WINDOW), cue.end()):
            if match.end() == cue.end():
                found.setdefault(match.start(), match)
    return [found[k] for k in sorted(found)]


def _matches_at(pattern: re.Pattern[str], text: str, scanned: re.Pattern[str], string: str,
                at: list[int]) -> list[re.Match[str]] | None:
    """What a scan of ``string`` by ``scanned`` finds (``finditer``: the leftmost match, then the leftmost
    from its end ...), trying it only at ``at`` (ascending, every place where it may match), each match
    taken on the text itself by ``pattern`` when ``scanned`` is its case-blind copy. None when a match is
    empty (``finditer`` has rules of its own for those)."""
    out: list[re.Match[str]] = []
    end = 0
    for start in at:
        if start < end:
            continue
        found = scanned.match(string, start)
        if found is None:
            continue
        if found.end() == start:
            return None
        end = found.end()
        match = found if scanned is pattern else pattern.match(text, start)
        if match is not None:
            out.append(match)
    return out


_lowered = ignorecase_lowered  # the text lower-cased when an IGNORECASE scan may read it instead


_case_blind = case_blind  # an IGNORECASE pattern without the flag, for the lower-cased text


def _non_overlapping(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first; on equal length the earlier pattern (the one with a day number) wins."""
    kept: list[Mention] = []
    for _, m in sorted(found, key=lambda rm: (rm[1].span[0] - rm[1].span[1], rm[0], rm[1].span[0])):
        if all(m.span[1] <= k.span[0] or m.span[0] >= k.span[1] for k in kept):
            kept.append(m)
    return kept


def _with_role(m: Mention, text: str, grammar: DateGrammar) -> Mention:
    if m.kind == "sequel" and grammar.sequel_link is not None \
            and grammar.sequel_link.match(text[m.span[1]:m.span[1] + 8]):
        return replace(m, role="relation")
    before = text[max(0, m.span[0] - 30):m.span[0]]
    head = before + " " + m.text.split()[0] + " "  # a cue inside the match ("depuis 2011")
    if grammar.limit_before.search(before) or grammar.limit_before.search(head.rstrip()):
        return replace(m, role="limit")
    if grammar.since_before.search(before) or grammar.since_before.search(head.rstrip()):
        return replace(m, role="since")
    return m


def _parse(kind: str, match: re.Match[str], grammar: DateGrammar) -> Mention | None:
    parser = _PARSERS[kind]
    return parser(match, grammar.vocab, grammar)


def _base(match: re.Match[str], kind: str, **values: object) -> Mention:
    return Mention(span=(match.start(), match.end()), text=match.group(0), kind=kind, **values)  # type: ignore[arg-type]


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_iso(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    y, m, d = int(match["year"]), int(match["m"]), int(match["d"])
    return _base(match, "date", year=y, month=m, day=d) if _valid(y, m, d) else None


def _parse_numeric(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    """"03/01/2020" day first; with ``slash_month_first`` (English), "/" is month first unless impossible."""
    a, b, y = int(match["a"]), int(match["b"]), int(match["year"])
    day, month = (a, b)
    if vocab.slash_month_first and match["sep"] == "/" and a <= 12:
        day, month = b, a
    return _base(match, "date", year=y, month=month, day=day) if _valid(y, month, day) else None


def _parse_day_month(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    year = int(match["year"]) if match["year"] else None
    month, day = vocab.month(match["month"]), int(match["day"])
    if not _valid(year or 2000, month, day):
        return None
    wd = vocab.weekday(match["wd"]) if match["wd"] else None
    return _base(match, "date", year=year, month=month, day=day, weekday=wd)


def _parse_weekday_day(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    return _base(match, "date", day=int(match["day"]), weekday=vocab.weekday(match["wd"]))


def _parse_month(match: re.Match[str], vocab: DateVocab, grammar: DateGrammar) -> Mention | None:
    """A month with no day: needs a year or a cue when the name is ambiguous ("mars", "May")."""
    name, cue, year = match["month"], match["cue"], match["year"]
    if not (cue or year) and (_is_ambiguous(name, vocab) or match["art"]):
        return None
    return _base(match, "month", year=int(year) if year else None, month=vocab.month(name),
                 direction=_direction(cue or "", vocab))


def _is_ambiguous(name: str, vocab: DateVocab) -> bool:
    return (name if vocab.case_sensitive else name.lower()) in vocab.folded("ambiguous_months")


def _parse_year(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    return _base(match, "year", year=int(match["year"]))


def _parse_noun_year(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    """"l'élection de 2012": a year that completes a noun dates that noun only (role ``noun``)."""
    return _base(match, "year", year=int(match["year"]), role="noun")


def _parse_weekday(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    words = " ".join(w for w in (match["pre"], match["post"]) if w)
    return _base(match, "weekday", weekday=vocab.weekday(match["wd"]), direction=_direction(words, vocab))


def _direction(words: str, vocab: DateVocab) -> str:
    tokens = set(words.lower().split())
    if tokens & vocab.lowered("future_words"):
        return "future"
    if tokens & vocab.lowered("past_words"):
        return "past"
    if tokens & vocab.lowered("near_words"):
        return "near"
    return ""


def _parse_counted(match: re.Match[str], vocab: DateVocab, grammar: DateGrammar) -> Mention | None:
    for rule, unit, count in grammar.counted_rules:
        hit = rule.fullmatch(match.group(0))
        if hit is not None:
            n = vocab.number(hit["n"].lower())
            return _base(match, "relative", unit=unit, count=count * n)
    return None


def _parse_counted_sequel(match: re.Match[str], vocab: DateVocab, grammar: DateGrammar) -> Mention | None:
    """"deux jours plus tard", "three days earlier": units counted from the previous date of the text."""
    for rule, unit, sign in grammar.sequel_rules:
        hit = rule.fullmatch(match.group(0))
        if hit is not None:
            return _base(match, "sequel", unit=unit, count=sign * vocab.number(hit["n"].lower()),
                         direction="future" if sign > 0 else "past")
    return None


def _parse_relative(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    key = _normalise(match["rel"])
    for phrase, (unit, count) in vocab.relative.items():
        if _normalise(phrase) == key:
            return _base(match, "relative", unit=unit, count=count)
    return None


def _parse_sequel(match: re.Match[str], vocab: DateVocab, _: DateGrammar) -> Mention | None:
    key = _normalise(match["rel"])
    for phrase, count in vocab.sequel.items():
        if _normalise(phrase) == key:
            return _base(match, "sequel", unit="day", count=count)
    return None


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


_PARSERS = {
    "iso": _parse_iso, "numeric": _parse_numeric, "dmy": _parse_day_month, "mdy": _parse_day_month,
    "month": _parse_month, "year": _parse_year, "weekday": _parse_weekday,
    "weekday_day": _parse_weekday_day,
    "counted": _parse_counted, "relative": _parse_relative, "sequel": _parse_sequel,
    "counted_sequel": _parse_counted_sequel, "noun_year": _parse_noun_year,
}
