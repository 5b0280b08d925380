"""An article's text cut into segments, each tagged with the spans (event roles, quotes) that cover it.

The article page renders one ``<span>`` per segment; its ``data-m`` attribute lists the tags
(``e3-trigger``, ``e3-source``, ``q1-quote``...), so a click on an event highlights exactly the
characters each of its values came from. Spans overlap freely (an evidence sentence holds a
trigger, which may sit inside a quote); cutting at every boundary keeps them all.

>>> [(s.text, s.tags) for s in segments("ab cd", [Mark(0, 2, "e0-trigger"), Mark(0, 5, "e0-evidence")])]
[('ab', ('e0-evidence', 'e0-trigger')), (' cd', ('e0-evidence',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Event, Quote

ROLES: tuple[str, ...] = ("evidence", "trigger", "source", "target", "location", "date", "speaker", "via")


@dataclass(frozen=True, slots=True)
class Mark:
    """A ``[start, end)`` span of the text and the tag it carries."""

    start: int
    end: int
    tag: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of tags (sorted)."""

    text: str
    tags: tuple[str, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles present (``trigger``, ``quote``...), once each: CSS classes for the default view."""
        return tuple(sorted({tag.split("-", 1)[1] for tag in self.tags}))


def event_marks(index: int, event: Event) -> list[Mark]:
    """One mark per located value of the event, tagged ``e{index}-{role}``."""
    a = event.attribution
    parts = {"evidence": event.evidence, "trigger": event.trigger, "source": event.source,
             "target": event.target, "location": event.location, "date": event.date,
             "speaker": a.speaker if a else None, "via": a.via if a else None}
    return [Mark(part.span[0], part.span[1], f"e{index}-{role}")
            for role, part in parts.items() if part is not None]


def quote_marks(index: int, quote: Quote) -> list[Mark]:
    """The quote's words (``q{index}-quote``) and its speaker (``q{index}-qspeaker``)."""
    marks = [Mark(quote.span[0], quote.span[1], f"q{index}-quote")]
    if quote.speaker is not None:
        marks.append(Mark(*quote.speaker.span, f"q{index}-qspeaker"))
    return marks


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; marks outside the text are clipped (or dropped)."""
    n = len(text)
    kept = [Mark(max(0, m.start), min(n, m.end), m.tag) for m in marks if m.start < n and m.end > max(0, m.start)]
    cuts = sorted({0, n, *(m.start for m in kept), *(m.end for m in kept)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        tags = tuple(sorted(m.tag for m in kept if m.start <= start and end <= m.end))
        out.append(Segment(text[start:end], tags))
    return out


def article_segments(text: str, events: Sequence[Event], quotes: Sequence[Quote]) -> list[Segment]:
    """The segments of an article with all its events' and quotes' marks."""
    marks = [m for i, e in enumerate(events) for m in event_marks(i, e)]
    marks += [m for i, q in enumerate(quotes) for m in quote_marks(i, q)]
    return segments(text, marks)
