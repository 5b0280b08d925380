"""Part-of-country regions: "le nord-est du Nigeria", "north-eastern Nigeria", "l'est du pays".

A country named with a compass word is where the event happened more precisely than the country:
it becomes an ``admin1``-precision place whose point is derived from the country's own cities
(the gazetteer), far islands left out: along the named axis, the centre of their extent moved 70 % of the way to its
edge; across it, the median of the cities of that half ("eastern Chad" keeps the latitude where
eastern Chad's towns are). "du pays" / "of the country" is the article's main country.
"""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..languages import Language, shipped
from ..text import fold_aligned
from .gazetteer import Candidate, Gazetteer
from .mentions import Sentences, _mention
from .resolve import Resolved

SHIFT = 0.7
EDGE_QUANTILE = 0.0
ISLAND_GAP_KM = 250.0
MIN_POINTS = 8

_DIRECTIONS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "centre": (0, 0)}


def _longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words`` (escaped), longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _compass(lang: Language) -> str:
    """The language's compass words as one alternation: compounds first ("nord[- ]?est"), then north,
    south, east, west (no centre word: see ``_centre``)."""
    words = {d: sorted(lang.words("places", f"compass_{d}"), key=lambda w: (-len(w), w)) for d in _DIRECTIONS}
    compounds = [f"{re.escape(a)}[- ]?{re.escape(b)}" for a in (*words["north"], *words["south"])
                 for b in (*words["east"], *words["west"])]
    singles = [re.escape(w) for d in ("north", "south", "east", "west") for w in words[d]]
    return "|".join(compounds + singles)


def _patterns(lang: Language, key: str) -> list[re.Pattern[str]]:
    """The regexes ``key`` of a language's ``places.yaml``, its compass words put in."""
    out = []
    for template in lang.value("places", key) or ():
        text = (str(template).replace("{compass}", _compass(lang))
                .replace("{centre}", _longest_first(lang.words("places", "compass_centre")))
                .replace("{country}", _longest_first(lang.words("places", "country_nouns"))))
        out.append(re.compile(text))
    return out


# Compass word -> (north/south, east/west) signs, every shipped language's.
_AXES = {w: signs for lang in shipped().languages.values() for d, signs in _DIRECTIONS.items()
         for w in lang.words("places", f"compass_{d}")}
_AXIS_WORDS = re.compile(_longest_first(_AXES))
# Text right before a country name (folded): "le nord-est du ", "l'est de la ", "north-eastern ",
# "the north of ", "central " (each language's ``region_before``). ``_BARE``: those where a capitalised
# compass word without an adjective suffix is part of the name ("North Korea").
_BEFORE = [p for lang in shipped().languages.values() for p in _patterns(lang, "region_before")]
_BARE = [p for lang in shipped().languages.values() for p in _patterns(lang, "region_before_bare")]
_SUFFIXES = tuple(sorted(shipped().union("places", "compass_suffixes")))
# "l'est du pays", "the north of the country" (each language's ``region_anaphors``); "the country's
# north-east" is left out (rare). Each with the nouns it ends on: a text without one of them is not
# searched (most texts, and the search tries every position of the text).
_ANAPHOR = [(p, tuple(sorted(lang.words("places", "country_nouns"))))
            for lang in shipped().languages.values() for p in _patterns(lang, "region_anaphors")]

def direction(word: str) -> tuple[int, int]:
    """(north/south, east/west) signs of a compass word: "nord-est" -> (1, 1), "western" -> (0, -1),
    "northeast" -> (1, 1), "centre" -> (0, 0)."""
    dy = dx = 0
    for part in _AXIS_WORDS.findall(fold_aligned(word)):
        ay, ax = _AXES[part]
        dy, dx = dy or ay, dx or ax
    return dy, dx


def region_point(points: list[tuple[float, float]], dy: int, dx: int) -> tuple[float, float] | None:
    """The point standing for a part of a country, from its cities' coordinates."""
    return _point_in(_frame(points), dy, dx)


def region_points(points: list[tuple[float, float]]) -> dict[tuple[int, int], tuple[float, float]]:
    """:func:`region_point` for every direction (dy, dx in -1, 0, 1) that has one: what the gazetteer
    file stores per country when it is built (``gazetteer.write_sqlite``), so that no run computes them."""
    frame = _frame(points)
    found = {(dy, dx): _point_in(frame, dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)}
    return {k: p for k, p in found.items() if p is not None}


def region_parameters() -> str:
    """The constants :func:`region_points` depends on, for the gazetteer's cache key (a change rebuilds it)."""
    return f"regions={SHIFT}|{EDGE_QUANTILE}|{ISLAND_GAP_KM}|{MIN_POINTS}"


_Frame = tuple[list[tuple[float, float]], float, float, float, float]


def _frame(points: list[tuple[float, float]]) -> _Frame | None:
    """What every direction of one country shares: its mainland points and their extent
    (``lat_lo``, ``lat_hi``, ``lon_lo``, ``lon_hi``); None with too few points."""
    points = mainland(points)
    if len(points) < MIN_POINTS:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return (points, _quantile(lats, EDGE_QUANTILE), _quantile(lats, 1 - EDGE_QUANTILE),
            _quantile(lons, EDGE_QUANTILE), _quantile(lons, 1 - EDGE_QUANTILE))


@functools.lru_cache(maxsize=64)
def _cached_frame(points: tuple[tuple[float, float], ...]) -> _Frame | None:
    """``_frame`` memoised by the points (the eight directions of a country share it)."""
    return _frame(list(points))


def _point_in(frame: _Frame | None, dy: int, dx: int) -> tuple[float, float] | None:
    if frame is None:
        return None
    points, lat_lo, lat_hi, lon_lo, lon_hi = frame
    lat_c, lon_c = (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2
    lat = lat_c + dy * SHIFT * (lat_hi - lat_lo) / 2
    lon = lon_c + dx * SHIFT * (lon_hi - lon_lo) / 2
    if dy == 0 and dx != 0:
        half = [p[0] for p in points if (p[1] - lon_c) * dx > 0]
        lat = statistics.median(half) if half else lat
    if dx == 0 and dy != 0:
        half = [p[1] for p in points if (p[0] - lat_c) * dy > 0]
        lon = statistics.median(half) if half else lon
    return round(lat, 3), round(lon, 3)


@functools.lru_cache(maxsize=256)
def _cached_region_point(points: tuple[tuple[float, float], ...], dy: int, dx: int) -> tuple[float, float] | None:
    """``region_point`` memoised by the points themselves (a country's regions recur across articles)."""
    return _point_in(_cached_frame(points), dy, dx)


def mainland(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop far islands (Canaries, Socotra, Galápagos): the points beyond the first gap of more
    than ``ISLAND_GAP_KM`` in the sorted distances from the median point."""
    if len(points) < MIN_POINTS:
        return points
    lat0 = statistics.median(p[0] for p in points)
    lon0 = statistics.median(p[1] for p in points)
    scale = math.cos(math.radians(lat0))
    dist = [111.0 * math.hypot(p[0] - lat0, (p[1] - lon0) * scale) for p in points]
    order = sorted(range(len(points)), key=dist.__getitem__)  # by distance: no tuple comparisons
    for k in range(1, len(order)):
        if dist[order[k]] - dist[order[k - 1]] > ISLAND_GAP_KM:
            return [points[i] for i in order[:k]]
    return points


def _quantile(values: list[float], q: float) -> float:
    return values[int(q * (len(values) - 1))]


def regionalise(resolved: list[Resolved], doc: Any, gazetteer: Gazetteer, main_iso3: str | None,
                sents: Sentences | None = None) -> list[Resolved]:
    """Turn "le nord-est du Nigeria" into a region place, and add "l'est du pays" regions of the
    article's main country. ``sents``: the doc's facts, when the caller has them."""
    points_of = getattr(gazetteer, "city_points", None)
    if points_of is None:
        return resolved
    sents = sents or Sentences(doc)
    text = sents.text
    out: list[Resolved] = []
    for r in resolved:
        out.append(_region_of_country(r, text, gazetteer, points_of) if r.place.kind == "country" else r)
    if main_iso3:
        out.extend(_anaphors(sents, gazetteer, points_of, main_iso3, out))
    return sorted(out, key=lambda r: r.mention.span)


def compass_before(before: str) -> tuple[re.Match[str], bool] | None:
    """The region phrase ending ``before`` (folded text before a country name), and whether it is a
    bare one (``_BARE``: "northern ", "North "); None when there is none."""
    for pattern in _BEFORE:
        if m := pattern.search(before):
            return m, False
    for pattern in _BARE:
        if m := pattern.search(before):
            return m, True
    return None


def _region_of_country(r: Resolved, text: str, gazetteer: Gazetteer, points_of: Any) -> Resolved:
    start = r.mention.span[0]
    before = fold_aligned(text[max(0, start - 30):start])
    found = compass_before(before)
    if found is None:
        return r
    m, bare = found
    new_start = start - (len(before) - m.start(1))
    word = text[new_start:start].strip()
    if bare and word[:1].isupper() and not fold_aligned(word).endswith(_SUFFIXES):
        return r  # "North Korea", "South Sudan": part of the country's own name
    region = _region(r.place.country or "", m.group(1), gazetteer, points_of)
    if region is None:
        return r
    mention = replace(r.mention, span=(new_start, r.mention.span[1]), text=text[new_start:r.mention.span[1]])
    return Resolved(mention, region)


def _region(iso3: str, word: str, gazetteer: Gazetteer, points_of: Any) -> Candidate | None:
    country = gazetteer.country(iso3)
    if country is None:
        return None
    dy, dx = direction(word)
    stored = getattr(gazetteer, "region_point", None)  # computed when the file was built
    point = stored(iso3, dy, dx) if stored is not None else _cached_region_point(tuple(points_of(iso3)), dy, dx)
    if point is None:
        return None
    label = {(1, 0): "northern", (-1, 0): "southern", (0, 1): "eastern", (0, -1): "western",
             (1, 1): "north-eastern", (1, -1): "north-western", (-1, 1): "south-eastern",
             (-1, -1): "south-western"}.get((dy, dx), "central")
    return Candidate(id=f"region:{iso3}:{label}", name=f"{label} {country.name}", country=iso3,
                     admin1=None, lat=point[0], lon=point[1], population=0, kind="admin1")


def _anaphors(sents: Sentences, gazetteer: Gazetteer, points_of: Any, iso3: str,
              taken: list[Resolved]) -> list[Resolved]:
    folded = sents.folded
    out: list[Resolved] = []
    for pattern, nouns in _ANAPHOR:
        if not any(noun in folded for noun in nouns):
            continue
        for m in pattern.finditer(folded):
            start, end = m.start(1), m.end(2)
            if any(r.mention.span[0] < end and start < r.mention.span[1] for r in taken):
                continue
            span = sents.doc.char_span(start, end, alignment_mode="expand")
            region = _region(iso3, m.group(1), gazetteer, points_of)
            if span is None or region is None:
                continue
            mention = _mention(span, "region", (start, end), sents)
            out.append(Resolved(replace(mention, subject=False), region))
    return out
