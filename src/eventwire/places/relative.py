"""Places written relative to another: "the village of X, 30 km north of Gao", "X, in the
department of Y", "a hamlet near Z".

What follows a name in the same sentence may say where it is, as a chain of anchors joined by short
relational gaps ("," then an optional distance, compass word, preposition, article and place noun):

- a name the gazetteer lacks (a village of a few hundred people, a locality), that the text marks as a
  place (a locative preposition, a place noun before it: "the locality of X"), is placed by its anchor:
  named as the text writes it, at the anchor's point (moved by the distance and direction when the text
  gives both: "200 km north of Y"), with the anchor's country, admin1 and precision;
- a name that resolved keeps its place, and a town the words put it near or at a distance from is no
  second place of the sentence: it says which place the name is ("in Mopti, 460 km north-east of Bamako"
  happened in Mopti).

An anchor stands for the name it places (``Resolved.named``): whichever of the two the syntax makes an
event's location, the location is the name, with the name's words.

The words a gap may hold are language data (``relative_links``, ``relative_near``, ``relative_words``
with the ``bridge`` words and ``place_nouns`` of ``places.yaml``; ``km_units``, ``mile_units``,
``list_words``, ``facility_heads``).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace
from typing import Any

from ..languages import shipped
from ..records import Span
from .gazetteer import Candidate, Gazetteer
from .mentions import (
    DATELINE,
    PLACE_LABELS,
    TAKE_VERBS,
    TAKEN,
    Mention,
    PlaceLexicon,
    Sentences,
    is_locative,
    mention_of,
)
from .regions import direction
from .resolve import Resolved

_WORDS = shipped()
# Words that relate a name to its anchor ("in", "near", "of", "from"): a gap needs one, unless it is a bare comma.
LINKS = _WORDS.union("places", "relative_links")
# Every word a gap may hold: the links, distance words ("km", "some"), bridge words ("the", "southern",
# "department") and place nouns.
GAP_WORDS = (LINKS | _WORDS.union("places", "relative_words") | _WORDS.union("places", "bridge")
             | _WORDS.union("places", "place_nouns"))
# Links that say the name is near its anchor, not inside it ("near Y", "outside Y", "30 km from Y").
NEAR_LINKS = _WORDS.union("places", "relative_near")
PLACE_NOUNS = _WORDS.union("places", "place_nouns")
GENITIVE = _WORDS.union("places", "genitive")
FACILITY_HEADS = _WORDS.union("places", "facility_heads")
KM_PER_MILE = 1.609
# the parts of a city named after its possessive ("in Kabul's X district")
CITY_PARTS = _WORDS.union("places", "city_parts")
POSSESSIVES = frozenset({"'s", "’s"})
UNITS_KM = {**{w: 1.0 for w in _WORDS.union("places", "km_units")},
            **{w: KM_PER_MILE for w in _WORDS.union("places", "mile_units")}}
# the anchor goes on to the next name of a list ("X, Mopti, Gao and Kidal"): a comma or a ``list_words`` word
_LIST = re.compile(r"\s*(?:,|{})\s+(?=[^\W\d_])".format("|".join(sorted(_WORDS.union("places", "list_words")))))
MAX_GAP_CHARS = 60
MAX_CHAIN = 3
_TOKEN = re.compile(r"\d[\d,.]*|[^\W\d_]+(?:['’][^\W\d_]*)?|['’]s|,|\S")
# a name's article NER left out of the next name (", La " before "Libertad Department"): the words of
# ``leading_articles``, ``name_articles`` and ``arabic_articles``, capitalised
_ARTICLES = sorted(w.capitalize() for key in ("leading_articles", "name_articles", "arabic_articles")
                   for w in _WORDS.union("places", key) if w.isalpha() and len(w) > 1)
_LEADING_ARTICLE = re.compile(r"\s(?:{})\s*$".format("|".join(sorted(set(_ARTICLES)))))
_RANK = {"country": 0, "admin1": 1, "city": 2, "facility": 3}
KM_PER_DEGREE = 111.0
MISSED = "MISSED"  # a name NER did not find, right before the place that anchors it (``_missed``)


class Gap:
    """What the words between a name and its anchor say: whether they relate them at all, whether the
    name is near the anchor (not inside it), and the distance (km) and direction written."""

    def __init__(self, text: str) -> None:
        words = _TOKEN.findall(text.lower())
        self.comma = words == [","]
        self.ok = bool(words) and all(w == "," or w in GAP_WORDS or w[:1].isdigit() or w in ("'s", "’s")
                                      for w in words)
        # a genitive alone is no relation of places ("the Ministry of Agriculture", "le tribunal de Paris",
        # "l'église Saint-Marc du Caire"): it needs a place noun ("the X neighbourhood of Y") or a distance
        # or direction ("north of Y"), else another link ("in Y", "près de Y")
        genitive = any(w in GENITIVE for w in words)
        linked = any(w in LINKS and w not in GENITIVE for w in words) or genitive and any(
            w in PLACE_NOUNS for w in words)
        self.km: float | None = None
        self.heading: tuple[int, int] = (0, 0)
        for k, w in enumerate(words):
            if w[:1].isdigit() and k + 1 < len(words) and words[k + 1] in UNITS_KM:
                try:
                    self.km = float(w.replace(",", "")) * UNITS_KM[words[k + 1]]
                except ValueError:
                    self.km = None
            if self.heading == (0, 0) and k + 1 < len(words) and words[k + 1] in LINKS:
                self.heading = direction(w)  # "north of Y", "au nord de Y"; not "the northern department of Y"
        self.near = self.km is not None or self.heading != (0, 0) or any(w in NEAR_LINKS for w in words)
        linked = linked or genitive and self.near
        self.ok = self.ok and (self.comma or linked or words in (["'s"], ["’s"]))


def relative_places(resolved: list[Resolved], mentions: list[Mention], sents: Sentences,
                    gazetteer: Gazetteer | None = None,
                    lexicon: PlaceLexicon | None = None) -> tuple[list[Resolved], dict[Span, Resolved]]:
    """The places events may have: ``resolved`` with the names placed by their anchors, the anchors
    standing for those names, and without the anchors of the names that resolved (see the module's
    docstring); and each anchor's own place, by span, which it still is among the article's places."""
    text = sents.text
    starts = [r.mention.span[0] for r in resolved]
    done = {r.mention.span: r for r in resolved}
    mentions = sorted([*mentions, *_missed(resolved, mentions, sents, lexicon)], key=lambda m: m.span)
    added: list[Resolved] = []
    anchors: dict[Span, Resolved] = {}
    dropped: set[Span] = set()
    # "in San Salvador's X neighborhood": X is a part of the city, at its point
    for city, part in _city_parts(resolved, sents):
        place = replace(city.place, id=f"near:{city.place.id}", name=part.text, population=0)
        added.append(Resolved(part, place))
        anchors[city.mention.span] = Resolved(city.mention, place, named=part)
        dropped |= {r.mention.span for r in resolved if part.span[0] <= r.mention.span[0] < part.span[1]}
    for m in mentions:
        if m.span in anchors or m.source == DATELINE:
            continue  # an anchor of a name before it stands for that name; a dateline's country is its own
        chain = _chain(m.span[1], m.sentence[1], resolved, starts, text, gazetteer)
        if not chain:
            continue
        own = done.get(m.span)
        if own is not None:
            dropped |= {r.mention.span for r, gap in chain if _qualifies(own, r, gap)}
        elif not _overlaps(m.span, starts, resolved):
            m = _whole_name(m, sents)
            if not _marked(m, sents) or not _village_like(m):
                continue  # "Spinney Road, in Quetta": a street of the town, which places the event
            anchor, gap = _anchor(chain)
            place = _placed(m, anchor, gap)
            added.append(Resolved(m, place))
            anchors.update((r.mention.span, Resolved(r.mention, place, named=m)) for r, _ in chain)
            dropped |= {r.mention.span for r in resolved if m.span[0] <= r.mention.span[0] < m.span[1]}
    if not added and not anchors and not dropped:
        return resolved, {}
    # the anchors stand for the name they place: whichever the syntax makes the event's location, it is the name
    kept = [anchors.get(r.mention.span, r) for r in resolved
            if r.mention.span not in dropped or r.mention.span in anchors]
    originals = {span: done[span] for span in {*anchors, *dropped} if span in done}
    return sorted([*kept, *added], key=lambda r: r.mention.span), originals


def _city_parts(resolved: list[Resolved], sents: Sentences) -> list[tuple[Resolved, Mention]]:
    """(the city, the name of its part) for every "X's Y neighborhood" (``city_parts``) after a resolved
    city: Y is in X, whatever the gazetteer makes of Y ("San Salvador's Zorglub neighborhood" is no town
    of Zorglub)."""
    doc, n, out = sents.doc, len(sents.doc), []
    for r in resolved:
        i = r.mention.tokens[1]
        if r.place.kind != "city" or i >= n or doc[i].text not in POSSESSIVES:
            continue
        k = i + 1
        while k < n and (sents.propn[k] or sents.hyphen[k]):
            k += 1
        if k == i + 1 or k >= n or doc[k].lower_ not in CITY_PARTS or not doc[i + 1].text[:1].isupper():
            continue
        out.append((r, mention_of(doc[i + 1:k], MISSED, sents)))
    return out


def _chain(end: int, limit: int, resolved: list[Resolved], starts: list[int], text: str,
           gazetteer: Gazetteer | None) -> list[tuple[Resolved, Gap]]:
    """The resolved names that follow ``end`` in the sentence, each joined to the one before by a gap;
    each in the country of the one before when it has a place of that name there ("X, east of San
    Salvador, La Paz Department": the Salvadoran department, not the Bolivian one)."""
    out: list[tuple[Resolved, Gap]] = []
    k = bisect.bisect_left(starts, end)
    while k < len(resolved) and len(out) < MAX_CHAIN:
        r = resolved[k]
        if r.mention.span[0] >= limit or r.mention.span[0] - end > MAX_GAP_CHARS:
            break
        gap = Gap(_LEADING_ARTICLE.sub("", text[end:r.mention.span[0]]))  # ", La " before "Libertad Department"
        if not gap.ok or (gap.comma and (r.place.kind in ("city", "facility") or _listed(r, text))):
            break  # "Gao, Kidal and Timbuktu": a list of towns, not a town and its division
        if out and gazetteer is not None:
            r = _in_country(r, out[-1][0].place.country, gazetteer)
        out.append((r, gap))
        end = r.mention.span[1]
        k += 1
    return out


def _in_country(r: Resolved, iso3: str | None, gazetteer: Gazetteer) -> Resolved:
    """``r`` placed again in ``iso3`` when the gazetteer has a place of its name there (same kind first)."""
    if iso3 is None or r.place.country == iso3 or r.place.kind == "country":
        return r
    there = gazetteer.lookup(r.mention.text, country=iso3, fuzzy=False)
    best = next((c for c in there if c.kind == r.place.kind), there[0] if there else None)
    return replace(r, place=best) if best is not None else r


def _listed(r: Resolved, text: str) -> bool:
    """The anchor goes on to another name of a list ("X, Mopti, Gao and Kidal")."""
    m = _LIST.match(text, r.mention.span[1])
    return m is not None and text[m.end():m.end() + 1].isupper()


def _qualifies(own: Resolved, anchor: Resolved, gap: Gap) -> bool:
    """A town that the words put a resolved name near ("in Mopti, 460 km north-east of Bamako") is no place
    of its own: it says where the name is. (A division or country containing it stays: the name, more
    precise, wins in its sentence anyway, and the country counts for the article's.)"""
    return own.place.kind != "country" and gap.near and anchor.place.kind in ("city", "facility")


def _anchor(chain: list[tuple[Resolved, Gap]]) -> tuple[Resolved, Gap]:
    """The anchor placing a name: the first of the chain after any country ("X in Nigeria's Katsina
    state": Katsina), unless only a direction relates it ("south of Y") and a division follows ("X,
    south of Y, Z Department"): the division contains it."""
    narrowed = [x for x in chain if x[0].place.kind != "country"] or chain
    first = narrowed[0]
    if first[1].km is None and first[1].heading != (0, 0):
        division = next((x for x in narrowed[1:] if x[0].place.kind == "admin1"), None)
        if division is not None:
            return division
    return first


def _placed(m: Mention, anchor: Resolved, gap: Gap) -> Candidate:
    """The name placed at its anchor, moved by the distance and direction written ("200 km north of")."""
    a = anchor.place
    lat, lon = a.lat, a.lon
    if gap.km is not None and gap.heading != (0, 0) and a.kind in ("city", "facility"):
        dy, dx = gap.heading
        step = gap.km / math.hypot(dy, dx)
        lat = a.lat + dy * step / KM_PER_DEGREE
        lon = a.lon + dx * step / (KM_PER_DEGREE * max(0.1, math.cos(math.radians(a.lat))))
    return replace(a, id=f"near:{a.id}", name=m.text, lat=round(lat, 4), lon=round(lon, 4), population=0)


def _whole_name(m: Mention, sents: Sentences) -> Mention:
    """The name with the proper nouns right before it ("San Jose Villanueva", which NER cut into "San
    Jose", read as the Costa Rican capital, and "Villanueva"): a place of its first words is a namesake."""
    i, first = m.tokens[0], sents.of(m.tokens[0])[0]
    while i > first and sents.propn[i - 1] and sents.doc[i - 1].text[:1].isupper():
        i -= 1
    return m if i == m.tokens[0] else mention_of(sents.doc[i:m.tokens[1]], m.source, sents)


def _village_like(m: Mention) -> bool:
    """A name that may be a village's: not a street's or building's ("Zorglub Road"), a road's number
    ("A62"), an acronym ("FSR"), nor a people ("des Anglais")."""
    words = m.text.lower().split()
    return not (m.person_article or any(w in FACILITY_HEADS for w in words)
                or any(ch.isdigit() for ch in m.text) or m.text.isupper())


def _marked(m: Mention, sents: Sentences) -> bool:
    """The text marks the name as a place: a locative preposition, a place noun with a genitive right
    before it ("the locality of X"), a verb of taking or striking whose object it is, or NER's place label."""
    if m.locative or m.source in (MISSED, TAKEN) or (m.source in PLACE_LABELS and not m.subject):
        return True
    return _marked_run(sents.doc[m.tokens[0]:m.tokens[1]], sents)


def _missed(resolved: list[Resolved], mentions: list[Mention], sents: Sentences,
            lexicon: PlaceLexicon | None) -> list[Mention]:
    """Names NER did not find right before a resolved place and a gap ("rebels raided San Pedro Zorglub,
    south of Gao"): a proper-noun run that a locative preposition, a place noun ("the village of") or a
    verb of taking or striking (its object) marks as a place."""
    doc, propn = sents.doc, sents.propn
    taken = [m.span for m in mentions]
    out = []
    for r in resolved:
        i = r.mention.tokens[0] - 1
        lo = max(sents.of(r.mention.tokens[0])[0], i - 12)
        while i >= lo and not propn[i] and (doc[i].lower_ in GAP_WORDS or doc[i].is_punct and doc[i].text == ","
                                           or doc[i].like_num or doc[i].lower_ in ("'s", "’s")):
            i -= 1
        end = i + 1
        while i >= lo and (propn[i] or sents.hyphen[i]):
            i -= 1
        if end == i + 1 or end == r.mention.tokens[0] or not doc[i + 1].text[:1].isupper():
            continue
        span = doc[i + 1:end]
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        if _marked_run(span, sents) and (lexicon is None or lexicon.is_place_word(span.text)):  # not "Saturday"
            out.append(mention_of(span, MISSED, sents))
            taken.append((span.start_char, span.end_char))
    return out


def _marked_run(span: Any, sents: Sentences) -> bool:
    """A proper-noun run the words mark as a place (see ``_missed``)."""
    root = span.root
    if root.dep_ in ("obj", "dobj") and root.head.lemma_.lower() in TAKE_VERBS:
        return True
    doc, i = sents.doc, span.start
    return is_locative(span, sents.of(i)[0], sents) or (
        i >= 2 and doc[i - 1].lower_ in GENITIVE and doc[i - 2].lower_ in PLACE_NOUNS)


def _overlaps(span: tuple[int, int], starts: list[int], resolved: list[Resolved]) -> bool:
    k = bisect.bisect_right(starts, span[1])
    return any(r.mention.span[0] < span[1] and span[0] < r.mention.span[1] for r in resolved[max(0, k - 3):k])
