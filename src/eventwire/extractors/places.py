"""Places: resolve the article's place mentions and set each event's ``location``.

``PlaceStage`` reads ``doc`` and ``events``; it writes ``analysis.places`` (every resolved place
mention used as a place, exact spans) and ``Event.location`` for each event:

1. the places in the event's own sentence (``evidence.span``), minus actor uses (a mention that is
   the event's source, the target when it is a country or a capital, or a verb's nominal subject:
   "Washington a refusé");
2. among them, the best by: a locative preposition governs it ("à", "près de", "in", "near"),
   precision (facility > city > admin1 > country), nearness to the trigger;
3. else, conservatively: the dateline or headline city; else the article's main country
   (most mentioned, counting the countries of its cities), or rather its main city when the article
   names one city of that country at least twice; a country is given at ``country`` precision with
   the span of the mention it came from.

See ``docs/places.md``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ..config import Config
from ..records import Analysis, Event, Place, Span
from .gazetteer import Gazetteer
from .gazetteer_sources import not_place_names, open_gazetteer, place_names
from .places_mentions import PlaceLexicon, find_mentions
from .places_resolve import Resolved, resolve_all

PRECISION_BONUS = {"facility": 1.5, "city": 1.0, "admin1": 0.5, "country": 0.0}
HEADLINE_CHARS = 200
MAIN_CITY_MENTIONS = 2
HEADLINE_WEIGHT = 2


class PlaceStage:
    """Fills ``analysis.places`` and each event's ``location``."""

    def __init__(self, resources: Any) -> None:
        self.gazetteer: Gazetteer = resources.get("gazetteer", open_gazetteer)
        self.lexicon: PlaceLexicon = resources.get("places-lexicon", load_lexicon)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.doc is None:
            return analysis
        resolved = resolve_all(find_mentions(analysis.doc, self.lexicon), self.gazetteer)
        places = tuple(r.to_place() for r in resolved if not r.mention.subject)
        fallback = article_fallback(resolved, self.gazetteer)
        events = tuple(_locate(e, resolved, analysis.doc, fallback) for e in analysis.events)
        return replace(analysis, places=places, events=events)


def load_lexicon(config: Config) -> PlaceLexicon:
    return PlaceLexicon(place_names(config), not_place_names())


def _locate(event: Event, resolved: list[Resolved], doc: Any, fallback: Place | None) -> Event:
    place = event_location(event, resolved, doc) or fallback
    return replace(event, location=place) if place is not None else event


def event_location(event: Event, resolved: list[Resolved], doc: Any) -> Place | None:
    """The place where ``event`` happened, from its own sentence, or None."""
    start, end = event.evidence.span
    options = [r for r in resolved if start <= r.mention.span[0] and r.mention.span[1] <= end
               and not is_actor_use(r, event)]
    if not options:
        return None
    trigger_tok = _token_index(doc, event.trigger.span[0])
    return max(options, key=lambda r: _rank(r, trigger_tok)).to_place()


def is_actor_use(r: Resolved, event: Event) -> bool:
    """A place name used for an actor: a verb's subject, the source, or a country/capital target."""
    if r.mention.subject:
        return True
    if event.source is not None and _overlap(r.mention.span, event.source.span):
        return True
    metonymy = r.place.kind == "country" or r.place.population >= 1_000_000
    return metonymy and event.target is not None and _overlap(r.mention.span, event.target.span)


def _rank(r: Resolved, trigger_tok: int) -> float:
    distance = min(abs(r.mention.tokens[0] - trigger_tok), abs(r.mention.tokens[1] - 1 - trigger_tok))
    return 2.0 * r.mention.locative + PRECISION_BONUS[r.place.kind] - min(1.5, distance / 20)


def article_fallback(resolved: list[Resolved], gazetteer: Gazetteer) -> Place | None:
    """The dateline/headline city, else the article's main country at country precision."""
    for r in resolved:
        if r.mention.span[0] >= HEADLINE_CHARS:
            break
        if r.place.kind in ("city", "facility") and _in_headline(r) and not r.mention.subject:
            return r.to_place()
    country = main_country(resolved, gazetteer)
    return (main_city(resolved, country.country) if country else None) or country


def main_city(resolved: list[Resolved], iso3: str | None) -> Place | None:
    """The article's main city: a city of the main country that it names at least twice, most often."""
    cities = [r for r in resolved
              if r.place.country == iso3 and r.place.kind == "city" and not r.mention.subject]
    counts = Counter(r.place.id for r in cities)
    if not counts or counts.most_common(1)[0][1] < MAIN_CITY_MENTIONS:
        return None
    top = counts.most_common(1)[0][0]
    return next(r for r in cities if r.place.id == top).to_place()


def _in_headline(r: Resolved) -> bool:
    """In the article's first sentence (the headline or the dateline)."""
    return r.mention.sentence[0] == 0


def main_country(resolved: list[Resolved], gazetteer: Gazetteer) -> Place | None:
    """The most mentioned country (cities count for theirs; the headline counts double), at country
    precision."""
    counts: Counter[str] = Counter()
    for r in resolved:
        if r.place.country:
            counts[r.place.country] += HEADLINE_WEIGHT if _in_headline(r) else 1
    if not counts:
        return None
    first = {c: i for i, c in reversed(list(enumerate(r.place.country for r in resolved)))}
    iso3 = max(counts, key=lambda c: (counts[c], -first[c]))
    country = gazetteer.country(iso3)  # type: ignore[arg-type]
    source = next((r for r in resolved if r.place.country == iso3 and r.place.kind == "country"),
                  next(r for r in resolved if r.place.country == iso3))
    if country is None:
        return None
    return Place(text=source.mention.text, name=country.name, span=source.mention.span, country=iso3,
                 admin1=None, lat=country.lat, lon=country.lon, precision="country", gazetteer_id=country.id)


def _token_index(doc: Any, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
