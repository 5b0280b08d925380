"""Resolve date mentions to calendar values against a reference date (the anchor).

The anchor is the article's own date: its dateline when the text opens with one,
else ``Article.published``, else the latest explicit date written in the text.
It is never today's date. Every value computed from the anchor carries the flag
``anchor:<source>``. Rules are documented in ``docs/dates.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Span, When
from ..text import wire_dateline
from .find import Mention
from .vocab import DateGrammar

DATELINE_LINES = 5     # a dateline opens one of the first non-empty lines of the text
DATELINE_WINDOW = 1500
HEAD_CHARS = 300       # a dateline between a title and the body starts in the first characters of the text


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date of an article and where it came from.

    ``source``: ``dateline`` (a full date opening a line at the top of the text),
    ``published`` (the input record's date), ``text-dates`` (the latest date written
    in the text: a lower bound of the publication date, used when nothing else exists).
    ``span``/``text``: the words that carry it ((0, 0) and "" for ``published``).
    """

    day: date
    source: str
    span: Span = (0, 0)
    text: str = ""

    @property
    def flag(self) -> str:
        return f"anchor:{self.source}"


def find_anchor(text: str, published: str | None, mentions: tuple[Mention, ...],
                grammar: DateGrammar) -> Anchor | None:
    """Dateline first (it is the text's own date), then ``published``, then dates in the text."""
    return (_dateline(text, mentions, grammar) or _published(published)
            or _latest_text_date(mentions))


def _dateline(text: str, mentions: tuple[Mention, ...], grammar: DateGrammar) -> Anchor | None:
    for m in mentions:
        day = m.full_date()
        if m.span[0] >= DATELINE_WINDOW or _lines_before(text, m.span[0]) >= DATELINE_LINES:
            break
        if day is not None and (_opens_line(text, m.span[0], grammar) or _in_wire_dateline(text, m.span[0])
                                or _headed(text, m.span, grammar)):
            return Anchor(day, "dateline", m.span, m.text)
    return None


# After a dateline between a title and the body: the body's first word (capitalised), a number (a time),
# the agency in brackets, or a dash or colon before one of them.
_BODY_AFTER = re.compile(r"\s*(?:[-–—:|]\s*)?(?:[^\W\d_](?<=[^\W\da-z_])|\d|\(|$)")


def _headed(text: str, span: Span, grammar: DateGrammar) -> bool:
    """A full date between the title and the body of a text whose title runs into its body on one line
    (news pages flattened to one line: "Army restores calm in the north 3 May 2016 Zorglub AGENCY-Army
    units ...", "Rebels shell the old city By A. Reporter May 3 2016 Rebels shelled ..."): in the first
    :data:`HEAD_CHARS` characters of the first line, after at most one sentence's end, not after a comma
    or a ``date_prepositions`` word ("on", "since": a date of the title's or the lead's clause), and
    followed by a capitalised word, a number or a bracket (the body, the place it was filed from or the
    time), not by the rest of a sentence."""
    start, end = span
    before = text[:start]
    if (grammar.complement_before is None or start >= HEAD_CHARS or not before.strip() or "\n" in before.strip()
            or len(re.findall(r"[.!?]\s", before)) > 1):
        return False
    if before.rstrip().endswith(",") or grammar.complement_before.search(before):
        return False
    return _BODY_AFTER.match(text, end) is not None


def _in_wire_dateline(text: str, start: int) -> bool:
    """The date is part of a wire dateline opening its line: "LAGOS, March 8, 2022 (Zorglub News) - ",
    "PARIS, 8 mars 2022 (AFP) - " (``text.wire_dateline``)."""
    line = wire_dateline(text, text.rfind("\n", 0, start) + 1)
    return line is not None and start < line.end()


def _lines_before(text: str, start: int) -> int:
    return sum(1 for line in text[:start].split("\n")[:-1] if line.strip())


def _opens_line(text: str, start: int, grammar: DateGrammar) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return not before.strip() or bool(grammar.dateline_before.search(before))


def _published(published: str | None) -> Anchor | None:
    day = published_day(published)
    return Anchor(day, "published") if day is not None else None


def published_day(published: str | None) -> date | None:
    """The day of a ``published`` value ("2016-08-15", "2016-08-15T10:00Z"), None when it is not one."""
    if not published or not re.match(r"\d{4}-\d\d-\d\d", published):
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _latest_text_date(mentions: tuple[Mention, ...]) -> Anchor | None:
    """Latest full date; a day-month with no year counts in the year of the latest full date."""
    full = [(d, m) for m in mentions if (d := m.full_date()) is not None]
    if not full:
        return None
    year = max(full, key=lambda dm: dm[0])[0].year
    dated = full + [(d, m) for m in mentions if m.kind == "date" and m.year is None
                    and (d := _safe(year, m.month or 0, m.day or 0)) is not None]
    day, m = max(dated, key=lambda dm: dm[0])
    return Anchor(day, "text-dates", m.span, m.text)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- resolving one mention ---------------------------------------------------------------


def resolve(m: Mention, anchor: Anchor | None, future: bool = False,
            previous: When | None = None, present: bool = False) -> When | None:
    """A ``When`` for ``m``; None when it needs an anchor and there is none.

    ``future``: the clause of the mention is in the future tense (weekdays and
    yearless dates then point forward from the anchor instead of back). ``present``: it is in
    the simple present ("annonce trois jours de deuil les 16, 17 et 18 juillet"), which may
    speak of the coming days.
    ``previous``: the last day-precision date before ``m`` in the text (for "le lendemain").
    """
    if m.kind == "sequel":
        return _resolve_sequel(m, anchor, previous)
    forward = m.direction == "future" or (future and m.direction != "past") or m.role == "limit"
    if m.kind == "date":
        return _resolve_date(m, anchor, forward, present)
    if m.kind == "year":
        return _when(m, str(m.year), "year")
    if m.kind == "month":
        return _resolve_month(m, anchor, forward)
    if anchor is None:
        return None
    if m.kind == "weekday":
        return _resolve_weekday(m, anchor, forward)
    return _resolve_relative(m, anchor)


def _when(m: Mention, value: str, precision: str, flags: tuple[str, ...] = ()) -> When:
    return When(text=m.text, value=value, precision=precision, span=m.span, flags=flags)


def _resolve_date(m: Mention, anchor: Anchor | None, forward: bool, present: bool = False) -> When | None:
    flags: tuple[str, ...] = ()
    day = m.full_date()
    if day is None and m.month is None:  # "mardi 14": the month comes from the anchor
        return _resolve_weekday_day(m, anchor, forward)
    if day is None:
        if anchor is None:
            return None
        day = _infer_year(m.month or 1, m.day or 1, anchor.day, forward, m.weekday, present)
        if day is None:
            return None
        flags = ("year-inferred", anchor.flag)
    return _when(m, day.isoformat(), "day", flags + _weekday_check(day, m.weekday))


def _resolve_weekday_day(m: Mention, anchor: Anchor | None, forward: bool) -> When | None:
    """Weekday and day number, no month ("mardi 14"): that day number in the anchor's month or
    the months around it; the one whose weekday agrees, nearest to the anchor (past first,
    future first for a future clause); if none agrees, the nearest one on the right side, flagged."""
    if anchor is None or m.day is None:
        return None
    ref = anchor.day
    days = [d for k in (-1, 0, 1) if (d := _safe(*_shift_month(ref, k), m.day)) is not None]
    agreeing = [d for d in days if d.weekday() == m.weekday]
    side = [d for d in days if (d >= ref if forward else d <= ref)] or days
    pool = agreeing or side
    best = min(pool, key=lambda d: (abs((d - ref).days), (d < ref) if forward else (d > ref)))
    return _when(m, best.isoformat(), "day", ("month-inferred", anchor.flag) + _weekday_check(best, m.weekday))


def _shift_month(ref: date, k: int) -> tuple[int, int]:
    n = ref.year * 12 + ref.month - 1 + k
    return n // 12, n % 12 + 1


NEAR_FUTURE_DAYS = 31  # a yearless day this close after the anchor is not the one a year before


def _infer_year(month: int, dom: int, ref: date, forward: bool, weekday: int | None = None,
                present: bool = False) -> date | None:
    """The year of a day and month written without one: the day on or before ``ref`` (on or after
    it when ``forward``). But the next such day, when it is at most :data:`NEAR_FUTURE_DAYS` ahead
    while the one before is most of a year back, and either the clause is in the simple present
    ("annonce trois jours de deuil les 16, 17 et 18 juillet" in a dispatch of 15 July: this July's)
    or a written weekday agrees with it and not with the one before ("la grève pour le vendredi 14
    décembre" in a dispatch of 7 December 2018: 2018, a Friday). A weekday never moves a date a year
    back: "le jeudi 5 novembre" in 2021 is a slip of the weekday, not 2020 (flagged below)."""
    day = _safe(ref.year, month, dom)
    if day is None:  # 29 February
        return _safe(ref.year - 1, month, dom) or _safe(ref.year + 1, month, dom)
    if forward:
        return _safe(ref.year + 1, month, dom) if day < ref - timedelta(days=7) else day
    before = day if day <= ref else _safe(ref.year - 1, month, dom)
    after = day if day > ref else _safe(ref.year + 1, month, dom)
    if before is None or after is None:
        return before or after
    near = (after - ref).days <= NEAR_FUTURE_DAYS and (ref - before).days > 180
    agrees = weekday is not None and after.weekday() == weekday and before.weekday() != weekday
    return after if near and (present or agrees) else before


def _weekday_check(day: date, weekday: int | None) -> tuple[str, ...]:
    """Explicit day-of-month wins; a disagreeing weekday is flagged with its nearest date."""
    if weekday is None or day.weekday() == weekday:
        return ()
    shift = (weekday - day.weekday() + 3) % 7 - 3
    return ("weekday-mismatch", f"alt:{(day + timedelta(days=shift)).isoformat()}")


def _resolve_month(m: Mention, anchor: Anchor | None, forward: bool) -> When | None:
    if m.year is not None:
        return _when(m, f"{m.year:04d}-{m.month:02d}", "month")
    if anchor is None or m.month is None:
        return None
    year = anchor.day.year
    if not forward and m.month > anchor.day.month:
        year -= 1
    elif forward and m.month < anchor.day.month:
        year += 1
    return _when(m, f"{year:04d}-{m.month:02d}", "month", ("year-inferred", anchor.flag))


def _resolve_weekday(m: Mention, anchor: Anchor, forward: bool) -> When:
    ref, wd = anchor.day, m.weekday or 0
    strict = m.direction in ("past", "future")  # "mardi dernier", "next Monday": never the anchor day itself
    if m.direction == "near" and not forward:
        # "ce dimanche", "this Sunday": the nearest such day, before or after (a tie goes to the past):
        # tomorrow in a Saturday dispatch, yesterday in a Monday one
        back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
        delta = ahead if ahead < back else -back
    elif forward:
        delta = (wd - ref.weekday()) % 7 or (7 if strict else 0)
    else:
        delta = -((ref.weekday() - wd) % 7 or (7 if strict else 0))
    return _when(m, (ref + timedelta(days=delta)).isoformat(), "day", (anchor.flag,))


def _resolve_sequel(m: Mention, anchor: Anchor | None, previous: When | None) -> When | None:
    """"le lendemain", "deux jours plus tard": counted from the previous day-precision date of
    the text (flag ``after:``), else from the anchor; the precision is the unit's. "deux jours
    plus tard" with no earlier date in the text counts from an event we cannot date: None."""
    if previous is not None and previous.precision == "day":
        base, flag = date.fromisoformat(previous.value), f"after:{previous.value}"
    elif anchor is not None and m.direction != "future":
        base, flag = anchor.day, anchor.flag
    else:
        return None
    return _shifted(m, base, m.unit or "day", m.count, (flag,))


def _shifted(m: Mention, ref: date, unit: str, count: int, flags: tuple[str, ...]) -> When:
    """``ref`` moved by ``count`` units, with the unit as precision (a week keeps a day value)."""
    if unit == "day":
        return _when(m, (ref + timedelta(days=count)).isoformat(), "day", flags)
    if unit == "week":
        return _when(m, (ref + timedelta(days=7 * count)).isoformat(), "week", flags)
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + count
        return _when(m, f"{months // 12:04d}-{months % 12 + 1:02d}", "month", flags)
    return _when(m, f"{ref.year + count:04d}", "year", flags)


def _resolve_relative(m: Mention, anchor: Anchor) -> When:
    return _shifted(m, anchor.day, m.unit, m.count, (anchor.flag,))
