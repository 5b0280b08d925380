"""Places: resolve the article's place mentions and set each event's ``location``.

``PlaceStage`` reads ``doc`` and ``events``; it writes ``analysis.places`` (every resolved place
mention used as a place, exact spans) and ``Event.location`` for each event, taking the first of:

1. a place of the event's own sentence (``evidence.span``) that the words make its location: a
   locative preposition governs it (for deployments, a destination: "to X") or it is the event noun's
   place complement (or, for attacks and seizures, the trigger's object), never an actor use (subject,
   source, a country or capital target, a country qualifying the source, a person's post); the
   trigger's clause first, never a place another verb governs (``places.context``); best by locative,
   precision, nearness; a village the gazetteer lacks is placed by the division, town or distance
   written after it (``places.relative``);
2. for verbal and diplomatic events, the seat of a body named in the sentence (``places.venues``);
2b. for verbal and diplomatic events, the wire dateline the text opens on ("LA PAZ - ...");
3. the nearest locative place (or venue) of the same paragraph, at most 3 sentences back;
4. the title/dateline place, else the lead sentence's place (after any background clause);
5. for a government's verbal or diplomatic event, its capital when the article's place is abroad
   or only a country;
6. the article's main country (or main city), at ``country`` precision.

"le nord-est du Nigeria", "l'est du pays" become regions of the country (``places.regions``).
See ``docs/places.md``.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..languages import shipped
from ..nlp import hard_wrapped
from ..records import Actor, Analysis, Event, Found, Place, Span
from ..text import doc_text, paragraph_start, wire_dateline
from .context import (
    OTHER,
    SAME,
    clause_head,
    clause_relation,
    dative,
    dep_locative,
    first_conjunct,
    in_object,
    is_place_complement,
    is_place_object,
    is_post,
    names_a_text,
    on_other_event,
    qualifies_actor,
    root_of,
    seat_of_institution,
    trigger_root,
)
from .gazetteer import Gazetteer, name_key
from .mentions import (
    ADMIN_WORDS,
    ANAPHOR_SENTENCES,
    DATELINE,
    LOCATIVE,
    SUBJECT_DEPS,
    Mention,
    PlaceLexicon,
    Sentences,
    anaphor_mentions,
    dateline_mention,
    find_mentions,
    mention_of,
    unit_mentions,
)
from .regions import regionalise
from .relative import relative_places
from .resolve import Resolved, resolve_all
from .sources import not_place_names, open_gazetteer, place_names, seat_name
from .venues import VENUE_TYPES, Venues, load_venues

if TYPE_CHECKING:
    from ..pipeline import Resources

PRECISION_BONUS = {"facility": 1.5, "city": 1.0, "admin1": 0.5, "country": 0.0}
HEADLINE_CHARS = 200
TOWN_POPULATION = 20_000  # a three-letter dateline ("GAO - ") names a town at least this big
MAIN_CITY_MENTIONS = 2
HEADLINE_WEIGHT = 2
PRECEDING_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
FRONT_TOKENS = 6  # a fronted place frame starts within the first tokens of its sentence
# Events that happen where their object is: "shelled Aleppo", "a pris Palmyre", "occupied the airport",
# "ont bloqué la raffinerie de Donges".
ON_SITE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Statements that judge another act ("condemned the killing of X in Y", "apologized for the raid in Y"): a
# place inside the act judged is that act's, not the statement's; a concession that eases a measure ("lifted
# the curfew in Y") happens where the measure applies
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "CONCEDE"})
NOT_JUDGING_MODES = frozenset({"ease", "compensate", "policy"})
# Events that happen where they go: troops sent or moved "to the border", "vers Gao" (``destination``).
DESTINATION_TYPES = frozenset({"MOBILIZE"})
DESTINATION = shipped().union("places", "destination")
USE_MAIN_CITY = True
NOTE_CHARS = 1200  # a text this short is one note: a hierarchy written anywhere in it places its events
LEAD_MIN_WORDS = 5
LEAD_MAX_SENTENCE = 6
# A lead sentence opening with one of these (every shipped language's ``subordinators``) sets the
# background first ("Alors que l'armée gagne à Alep, elle a été chassée de Palmyre"): the news, and
# its place, come after the first comma.
SUBORDINATORS = tuple(sorted(shipped().union("places", "subordinators")))


class PlaceStage:
    """Fills ``analysis.places`` and each event's ``location``."""

    def __init__(self, resources: Resources) -> None:
        self.gazetteer: Gazetteer = resources.get("gazetteer", open_gazetteer)
        self.lexicon: PlaceLexicon = resources.get("places-lexicon", load_lexicon)
        self.venues: Venues = resources.get("places-venues", load_venues)

    def town(self, name: str) -> bool:
        """A town of some size (``TOWN_POPULATION``) bears exactly this name ("GAO": Gao, Mali)."""
        key = name_key(name)
        return any(c.kind == "city" and c.population >= TOWN_POPULATION and name_key(c.name) == key
                   for c in self.gazetteer.lookup(name.title(), fuzzy=False))

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.doc is None:
            return analysis
        doc = analysis.doc
        sents = Sentences(doc)  # the doc's text, sentences and token facts, computed once
        named = frozenset(a.country for a in analysis.actors if a.country)
        mentions = [m for m in find_mentions(doc, self.lexicon, sents)
                    if not names_a_text(root_of(doc, m.tokens))]  # "l'accord de Paris" is a text, not Paris
        mentions = dateline_mention(doc, mentions, sents, self.lexicon, self.town)
        groups = hierarchy_groups(sents.text)
        mentions = unit_mentions(doc, [body for _, body in groups], mentions, self.lexicon, sents)
        resolved = resolve_all(mentions, self.gazetteer, named=named)
        resolved = _units_in_one_country(resolved, mentions, groups, self.gazetteer, named)
        resolved = _heads_in_their_country(resolved, mentions, groups, self.gazetteer, named, doc, sents)
        main = main_country(resolved, self.gazetteer, sents.text)
        resolved = regionalise(resolved, doc, self.gazetteer, main.country if main else None, sents)
        # "the village of X, 30 km north of Gao": X placed by Gao, which stands for it in the events' places
        resolved, anchors = relative_places(resolved, mentions, sents, self.gazetteer, self.lexicon)
        resolved = anaphoric_places(resolved, anaphor_mentions(doc, sents), sents)
        written = hierarchies(resolved, groups, sents.text)
        resolved = _without_qualifiers(resolved, sents.text)
        places = _article_places(resolved, anchors)
        fallback = article_fallback_rule(resolved, self.gazetteer, sents.text, doc, sents)
        context = _Context(resolved, sents, self.venues.find(sents.text, sents.folded),
                           [e.trigger.span for e in analysis.events], written, self.gazetteer,
                           analysis.article.published)
        if fallback is None:  # an article that places nothing: the state whose forces it names
            context.forces = _forces_country(analysis.actors, self.gazetteer)
        events = tuple(_locate(e, context, fallback) for e in analysis.events)
        return replace(analysis, places=places, events=events)


def _article_places(resolved: list[Resolved], anchors: dict[Span, Resolved]) -> tuple[Place, ...]:
    """Every place mention used as a place (not a subject), an anchor as its own place ("30 km north of
    Gao": Gao), though it stands for the name it places in the events' places."""
    spans = {r.mention.span for r in resolved}
    own = [anchors.get(r.mention.span, r) for r in resolved] + [r for s, r in anchors.items() if s not in spans]
    return tuple(r.to_place() for r in sorted(own, key=lambda r: r.mention.span) if not r.mention.subject)


def load_lexicon(config: Config) -> PlaceLexicon:
    return PlaceLexicon(place_names(config), not_place_names())


class _Context:
    """What locating an article's events needs: resolved mentions, the doc, its text, its sentence
    starts (chars), its venue mentions and its events' triggers."""

    def __init__(self, resolved: list[Resolved], sents: Sentences, venues: list[tuple[Span, Place]],
                 triggers: list[Span], written: list[Hierarchy] | None = None,
                 gazetteer: Gazetteer | None = None, published: str | None = None) -> None:
        self.resolved = resolved
        self.hierarchies = written or []  # "X (District, Region)" written in the article
        units = {r.mention.span for h in self.hierarchies for r in h.units}
        self.placeable = [r for r in resolved if r.mention.span not in units]  # a unit says where its name is
        self.gazetteer = gazetteer
        self.doc = sents.doc
        self.text = sents.text
        self.venues = venues
        self.sentence_starts = sents.char_starts
        self.triggers = triggers  # every event's trigger: a place on another event's noun is that event's
        # the place a wire dispatch was filed from ("LA PAZ - ..."), when it resolved
        self.dateline = next((r.to_place() for r in resolved if r.mention.source == DATELINE), None)
        self.forces: tuple[Place, str] | None = None  # the country of the article's state forces
        self.published = published  # the article's date: which seat of government was then


def _locate(event: Event, ctx: _Context, fallback: tuple[Place, str] | None) -> Event:
    others = [span for span in ctx.triggers if not _overlap(span, event.trigger.span)]
    place = event_location(event, ctx.placeable, ctx.doc, others)
    if place is not None:
        return replace(event, location=place)
    start, end = event.evidence.span
    venues = ctx.venues if event.type in VENUE_TYPES else []
    found = next(((v, f"the seat of the body it names ('{v.text}')") for (s, e), v in venues
                  if start <= s and e <= end and not _other_clause(ctx.doc, (s, e), event)), None)
    found = found or _written_unit([h for h in ctx.hierarchies if start <= h.head[0] < end])
    # a wire dispatch's statements and diplomacy that their sentence does not place: where it was filed
    if found is None and event.type in VENUE_TYPES and ctx.dateline is not None:
        # but a foreign state's ministry is at home: it does not travel with the correspondent
        found = _ministry_seat(event, ctx) or (ctx.dateline, f"'{ctx.dateline.text}', the dateline of the dispatch")
    if found is None and (place := preceding_place(event, ctx.resolved, ctx.doc, ctx.sentence_starts,
                                                   venues, ctx.text)) is not None:
        found = place, f"the place of the paragraph before it ('{place.text}')"
    if found is None and len(ctx.text) <= NOTE_CHARS:  # a short note: its hierarchy places all of it
        found = _written_unit(ctx.hierarchies)
    # a government's statement or decision that nothing places, in an article about another country,
    # is made at home ("Riyad rompt avec Doha" in an article about Qatar): its state's capital
    found = found or _state_seat(event, ctx, fallback) or _national_seat(event, ctx, fallback)
    # measured: a state's forces' country before the article's own places misplaces the many events
    # of foreign forces (Russian strikes in Syria): it comes last, for articles that place nothing
    found = found or fallback or _actor_country(event, ctx) or ctx.forces
    if found is None:
        return event
    place, rule = found
    return replace(event, location=place, explanation=_noted(event.explanation, rule))


def _other_clause(doc: Any, span: Span, event: Event) -> bool:
    """The body is named in a clause that another verb governs: "Belize dismissed the proposal, saying
    only the court should rule on the dispute" was not said at the court ("blocked a draft at the Security Council"
    was voted there: the body is in the trigger's own clause)."""
    trigger = trigger_root(doc, event.trigger.span)
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if trigger is None or words is None or not len(words) or clause_relation(words.root, trigger) != OTHER:
        return False
    # "The ministers, gathered at the European Council, decided ...": a participle on a subject says
    # where the speakers are
    clause = clause_head(words.root.head)
    return not (clause is not None and clause.dep_.startswith("acl") and clause.head.dep_ in SUBJECT_DEPS)


def _noted(explanation: str, rule: str) -> str:
    """The explanation with the location rule appended ("...; location: the country of ...")."""
    return f"{explanation.rstrip('.')}; location: {rule}." if explanation else f"Location: {rule}."


# Sectors of a state's own forces: an event they take part in, placed nowhere else, is in their state.
STATE_FORCE_SECTORS = frozenset({"MIL", "COP"})


def _actor_country(event: Event, ctx: _Context) -> tuple[Place, str] | None:
    """The country of a state's forces taking part in the event ("the Burkinabe army", "FAMa", "les
    forces nigériennes"), or, in an act that is no statement, of a state named by its name or its people's
    adjective ("a Malian army patrol", whose actor is "Malian") or of the state whose government,
    parliament or court does it (a ban, an expulsion: "the Zorglubian government banned the party"), at
    country precision: the source's, else the target's."""
    for actor in (event.source, event.target):
        if actor is None or not actor.country or not (actor.sector in STATE_FORCE_SECTORS or (
                event.type not in VENUE_TYPES and (actor.is_state or (
                    actor is event.source and actor.sector in STATE_SEAT_SECTORS)))):
            continue
        country = ctx.gazetteer.country(actor.country) if ctx.gazetteer is not None else None
        if country is None:
            continue
        place = Place(text=actor.text, name=country.name, span=actor.span, country=actor.country, admin1=None,
                      lat=country.lat, lon=country.lon, precision="country", gazetteer_id=country.id)
        what = "state forces" if actor.sector in STATE_FORCE_SECTORS else "state actor"
        return place, f"the country of the {what} '{actor.text}'"
    return None


def _forces_country(actors: tuple[Actor, ...], gazetteer: Gazetteer) -> tuple[Place, str] | None:
    """The country of the state forces an article names ("the Malian army", "Burkinabe soldiers",
    "Peruvian police": sector ``MIL`` or ``COP`` with a country), the most named one, at country
    precision with the words of its first mention: where an article that places nothing happened."""
    forces = [a for a in actors if a.country and a.sector in STATE_FORCE_SECTORS]
    # else the states it names by their people's adjective ("a Malian army patrol": "Malian")
    forces = forces or [a for a in actors if a.country and a.is_state]
    counts: Counter[str] = Counter(a.country for a in forces if a.country)
    if not counts:
        return None
    iso3 = max(counts, key=lambda c: counts[c])  # the first named among equals (Counter keeps order)
    country = gazetteer.country(iso3)
    if country is None:
        return None
    actor = next(a for a in forces if a.country == iso3)
    place = Place(text=actor.text, name=country.name, span=actor.span, country=iso3, admin1=None,
                  lat=country.lat, lon=country.lon, precision="country", gazetteer_id=country.id)
    return place, f"the country of the state forces the article names ('{actor.text}')"


# Sectors of a state's government, parliament and courts: their verbal and diplomatic events, placed
# nowhere else, are at the state's seat.
STATE_SEAT_SECTORS = frozenset({"GOV", "LEG", "JUD"})


def _state_seat(event: Event, ctx: _Context, fallback: tuple[Place, str] | None) -> tuple[Place, str] | None:
    """The capital of the state whose government, parliament or court is the source of a verbal or diplomatic
    event, when the article's own fallback place lies in another country (or there is none): "l'Arabie
    saoudite a rompu ses relations avec le Qatar", in an article about Qatar, happened in Saudi Arabia;
    or when that fallback is only its own country at country precision (a government speaks from its
    capital, not from the country's centre; "le gouvernement", with no country, is the article's
    country's). The country itself when the gazetteer has no city of the capital's name."""
    src = event.source
    if event.type not in VENUE_TYPES or src is None or src.sector not in STATE_SEAT_SECTORS or ctx.gazetteer is None:
        return None
    national = fallback is not None and fallback[0].precision == "country"
    iso3 = src.country or (fallback[0].country if national and fallback is not None else None)
    if not iso3 or (fallback is not None and fallback[0].country == iso3 and not national):
        return None
    return _seat_of(src, iso3, ctx.gazetteer, ctx.published)


# Acts of a country's political life besides statements, done where its institutions sit: a resignation
SEAT_ACTS = frozenset({("RETREAT", "resign")})


def _national_seat(event: Event, ctx: _Context, fallback: tuple[Place, str] | None) -> tuple[Place, str] | None:
    """The capital of the article's country, for a verbal or diplomatic event (or a resignation, ``SEAT_ACTS``)
    that nothing else places in an
    article placed only at country level (its main country, rule 8), when the event's source has no sector
    (a politician, a party, a newspaper, a named official: no state forces, rebels or protesters) and no
    other country: a country's political statements are made in its capital ("le candidat a démenti", "le
    parti a dénoncé" in an article that names no city). Not a material act: a coalition's strikes in a
    country are not in its capital."""
    src = event.source
    iso3 = fallback[0].country if fallback is not None and fallback[0].precision == "country" else None
    political = event.type in VENUE_TYPES or (event.type, event.mode) in SEAT_ACTS
    if (not political or not iso3 or src is None or src.sector is not None
            or src.country not in (None, iso3) or ctx.gazetteer is None or fallback is None):
        return None
    found = _seat_of(src, iso3, ctx.gazetteer, ctx.published)
    if found is None:
        return None
    place, _ = found
    return place, f"the capital of the article's country '{fallback[0].text}' (its source '{src.text}' has no sector)"


def _seat_of(src: Actor, iso3: str, gazetteer: Gazetteer, published: str | None = None) -> tuple[Place, str] | None:
    """The seat of ``iso3``'s government (``_capital``) as the place of its government's act, with the
    source's words as span."""
    seat = _capital(gazetteer, iso3, published)
    if seat is None:
        return None
    place = Place(text=src.text, name=seat.name, span=src.span, country=iso3,
                  admin1=seat.admin1 if seat.kind == "city" else None, lat=seat.lat, lon=seat.lon,
                  precision="city" if seat.kind == "city" else "country", gazetteer_id=seat.id)
    return place, f"the seat of the government of its source '{src.text}'"


# "Peru's foreign ministry", "le ministère irakien de la Défense": a government department, which sits
# in its state's capital (a minister or an envoy travels; a ministry does not)
_MINISTRY = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(w) for w in sorted(shipped().union("places", "ministry_nouns"), key=len, reverse=True)) + r")(?!\w)")


# talks and agreements happen where the parties meet, which a dispatch is often filed from
MEETING_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _ministry_seat(event: Event, ctx: _Context) -> tuple[Place, str] | None:
    """The capital of a foreign state whose ministry is the source of a dispatch's verbal or diplomatic
    event: "QUITO - ... Peru's foreign ministry protested" was said in Lima, not where the dispatch was
    filed; so was "Lima protested", a state named by its capital. None for the dateline's own state's
    ministries, and for ministers, envoys and states named bare (they may be where the dispatch is filed:
    talks, visits)."""
    src = event.source
    if (src is None or src.sector not in STATE_SEAT_SECTORS or not src.country or ctx.gazetteer is None
            or ctx.dateline is None or src.country == ctx.dateline.country):
        return None
    if _MINISTRY.search(src.text.lower()):
        return _seat_of(src, src.country, ctx.gazetteer, ctx.published)
    seat = _capital(ctx.gazetteer, src.country, ctx.published)
    named = ctx.gazetteer.lookup(src.text, fuzzy=False)  # "Alger", "Damas": the capital's name, not the country's
    if (event.type not in MEETING_TYPES and seat is not None and seat.kind == "city"
            and any(c.id == seat.id for c in named) and not any(c.kind == "country" for c in named)):
        return _seat_of(src, src.country, ctx.gazetteer, ctx.published)
    return None


# per gazetteer (held weakly: a gazetteer opened later never reads another's answers)
_CAPITALS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str | None], Any]] = weakref.WeakKeyDictionary()


def _capital(gazetteer: Gazetteer, iso3: str, published: str | None = None) -> Any:
    """The gazetteer's city where the country's government sits for an article of that date (``seat_name``:
    ``seats.tsv``, else GeoNames' capital; the most populous city of that name), else the country."""
    try:
        known = _CAPITALS.setdefault(gazetteer, {})
    except TypeError:  # a gazetteer that cannot be referenced weakly: asked each time
        known = {}
    name = seat_name(iso3, published)
    if (iso3, name) not in known:
        cities = [c for c in gazetteer.lookup(name, country=iso3, fuzzy=False) if c.kind == "city"] if name else []
        known[(iso3, name)] = max(cities, key=lambda c: c.population) if cities else gazetteer.country(iso3)
    return known[(iso3, name)]


def _written_unit(written: list[Hierarchy]) -> tuple[Place, str] | None:
    """The place a written hierarchy gives ("X (District, Region)"): the name itself when it resolved,
    else its most precise unit (the first that is not a country), else its country."""
    for h in written:
        if h.head_place is not None:
            return h.head_place, f"'{h.head_place.text}', placed by the hierarchy written after it"
        units = sorted(h.units, key=lambda r: r.place.kind == "country")
        if units:
            unit = units[0].to_place()
            return unit, f"'{unit.text}', the division written after '{h.head_text}'"
    return None


def event_location(event: Event, resolved: list[Resolved], doc: Any,
                   other_triggers: list[Span] | None = None) -> Place | None:
    """The place where ``event`` happened, from its own sentence, or None.

    Only places the words make a location count (a locative preposition, or the event noun's place
    complement), never one that names or qualifies the source actor; the trigger's clause first,
    then a place of the sentence that no other verb governs."""
    start, end = event.evidence.span
    options = [r for r in resolved if start <= r.mention.span[0] and r.mention.span[1] <= end
               and (not is_actor_use(r, event) or (not r.mention.subject and seat_of_institution(
                   root_of(doc, r.mention.tokens), r.place.kind)))]
    if not options:
        return None
    trigger = trigger_root(doc, event.trigger.span)
    if trigger is None:
        return None
    trigger_tokens = _token_range(doc, event.trigger.span)
    source_span = event.source.span if event.source is not None else None
    ranked: list[tuple[int, float, Resolved]] = []
    for r in options:
        root = root_of(doc, r.mention.tokens)
        complement = is_place_complement(root, trigger, trigger_tokens, r.place.kind) or (
            event.type in ON_SITE_TYPES and is_place_object(root, trigger_tokens, r.place.kind))
        if other_triggers and on_other_event(root, trigger, other_triggers):
            continue  # "manifestations suite à l'exécution de X en Arabie saoudite": the execution's place
        if event.type in JUDGING_TYPES and event.mode not in NOT_JUDGING_MODES and in_object(root, trigger):
            continue  # "condemned the killing of civilians in X": the killing's place, not the statement's
        # "la cour d'appel de Lyon", "dans la mairie de Vernon": where an institution sits
        locative = (r.mention.locative or dep_locative(root, LOCATIVE) or seat_of_institution(root, r.place.kind)
                    or event.type in DESTINATION_TYPES and dep_locative(root, DESTINATION))
        if locative and r.place.kind == "country" and dative(doc, r.mention.tokens[0]):
            locative = False  # "bénéficier à la Chine", "livré des armes à l'Ukraine": to, not in
        if not (locative or complement) or qualifies_actor(root, source_span, r.place.kind) or is_post(root):
            continue
        relation = SAME if complement else clause_relation(root, trigger)
        if relation == OTHER:
            continue
        ranked.append((relation, _rank(r, trigger.i, locative or complement), r))  # both say "where"
    if not ranked:
        return None
    best = min(relation for relation, _, _ in ranked)
    top = max((x for x in ranked if x[0] == best), key=lambda x: x[1])[2]
    return _in_source_country(top, [r for relation, _, r in ranked if relation == best], event, doc).to_place()


def _in_source_country(top: Resolved, equals: list[Resolved], event: Event, doc: Any) -> Resolved:
    """Of places coordinated in one adjunct ("raids in Madrid and Tangier"), the one in the country of the
    event's source, when the nearest is not: "Moroccan police arrested ... in Madrid and Tangier" did so in
    Tangier."""
    iso3 = event.source.country if event.source is not None else None
    if not iso3 or top.place.country == iso3:
        return top
    head = root_of(doc, top.mention.tokens)
    for r in equals:
        root = root_of(doc, r.mention.tokens)
        if r.place.country == iso3 and r.place.kind == top.place.kind and _conjoined(root, head):
            return r
    return top


def _conjoined(a: Any, b: Any) -> bool:
    """``a`` and ``b`` are conjuncts of one coordination ("Madrid and Tangier", "X, Y and Z")."""
    return a.i != b.i and (a.dep_ == "conj" or b.dep_ == "conj") and first_conjunct(a, 10).i == first_conjunct(b, 10).i


def preceding_place(event: Event, resolved: list[Resolved], doc: Any, sentence_starts: list[int],
                    venues: list[tuple[Span, Place]] | None = None, text: str | None = None) -> Place | None:
    """The nearest locative place (or venue) before the event's sentence, in the same paragraph
    (line) and at most ``PRECEDING_SENTENCES`` sentences back: the paragraph goes on with the same
    scene. Further back, only a place fronted in the paragraph's opening sentence ("En revanche, à
    Alep, le pouvoir syrien ...") still holds: it frames the whole paragraph. Countries are left to
    the article fallback. ``text``: ``doc.text``, when the caller has it."""
    start = event.evidence.span[0]
    text = doc_text(doc) if text is None else text
    k = bisect.bisect_right(sentence_starts, start) - 1
    window = sentence_starts[max(0, k - PRECEDING_SENTENCES)] if sentence_starts else 0
    paragraph = paragraph_start(text, start, hard_wrapped(text))
    lo = max(paragraph, window)
    best: tuple[int, Place] | None = None
    frame: tuple[int, Place] | None = None
    for r in resolved:
        m = r.mention
        if paragraph <= m.span[0] and m.span[1] <= start and m.locative and not m.subject \
                and r.place.kind != "country" and not is_post(root_of(doc, m.tokens)):
            if m.span[0] >= lo:
                best = (m.span[0], r.to_place())
            elif fronted(doc, m.tokens) and not _SENTENCE_END.search(text, paragraph, m.span[0]):
                frame = (m.span[0], r.to_place())  # set in the paragraph's opening sentence
    for (s, e), venue in venues or []:
        if lo <= s and e <= start and (best is None or s > best[0]):
            best = (s, venue)
    chosen = best or frame
    return chosen[1] if chosen else None


def fronted(doc: Any, tokens: tuple[int, int]) -> bool:
    """A place set before its sentence's main clause, followed by a comma ("En revanche, à Alep, le
    pouvoir syrien ..."; "In Aleppo, ..."): it frames the paragraph, not one clause."""
    first = doc[tokens[0]]
    sent = first.sent
    root = sent.root
    if not sent.start <= tokens[0] < root.i or tokens[0] - sent.start > FRONT_TOKENS:
        return False
    return any(t.text == "," for t in doc[tokens[1]:root.i])


# "Tinzawatene (Abeibara, Kidal)", "Sorgues (Vaucluse)", "Managua (Nicaragua)": a parenthesis of one to
# three capitalised names right after a capitalised name (letters only: "A6 (Mâcon)" is a road) writes
# where that name is.
_PAREN = re.compile(r"\((?P<body>[^()\n]{3,100})\)")
_HEAD = re.compile(r"(?<![\w-])(?P<head>[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*)\s?$")
HEAD_CHARS = 60  # how far before a parenthesis its name may start
_UNIT = re.compile(r"\s*[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3}\s*")


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """A name with the hierarchy the text writes after it ("X (District, Region)"): the name, its place
    when it resolved, and the units that resolved, in the written order."""

    head: Span
    head_text: str
    head_place: Place | None
    units: tuple[Resolved, ...]


def hierarchy_groups(text: str) -> list[tuple[Span, Span]]:
    """(the name's span, the parenthesis body's span) of every "Name (Unit, Unit)" of the text: a
    capitalised name, then one to three comma-separated capitalised units of at most four words."""
    out = []
    for m in _PAREN.finditer(text):  # a parenthesis first (rare), then the name before it
        lo = max(0, m.start() - HEAD_CHARS)
        h = _HEAD.search(text, lo, m.start())
        if h is None:
            continue
        head, body = h.group("head"), m.group("body")
        start = h.start("head")
        if not head[:1].isupper():  # "l’Aube": the name after an elision
            cut = max(head.rfind("'"), head.rfind("’")) + 1
            head, start = head[cut:], start + cut
        parts = body.split(",")
        if not head[:1].isupper() or len(parts) > 3:
            continue
        if all(_is_unit(p) for p in parts):
            out.append(((start, h.end("head")), m.span("body")))
    return out


def _is_unit(part: str) -> bool:
    """A division written in a hierarchy: a capitalised name of at most four words ("Mopti", "Boucle du
    Mouhoun"), or a division word and a name ("cercle de Niono", "région de Ségou"); not an acronym
    ("AFP")."""
    if not _UNIT.fullmatch(part) or part.isupper():
        return False
    words = part.split()
    return words[0][:1].isupper() or (words[0].lower() in ADMIN_WORDS and any(w[:1].isupper() for w in words))


def _units_in_one_country(resolved: list[Resolved], mentions: list[Mention], groups: list[tuple[Span, Span]],
                          gazetteer: Gazetteer, named: frozenset[str]) -> list[Resolved]:
    """The units of a written hierarchy resolved together: units the resolver put in two countries
    ("Zorglubia (Titao, Nord)": Titao in Burkina Faso, Nord the French département) are resolved again
    in the one country every unit has a place of that name in (the Nord region of Burkina Faso)."""
    out = resolved
    for _, body in groups:
        units = [m for m in mentions if body[0] <= m.span[0] and m.span[1] <= body[1]]
        if len(units) < 2:
            continue
        inside = [r for r in out if body[0] <= r.mention.span[0] and r.mention.span[1] <= body[1]]
        common: set[str] | None = None
        for m in units:
            countries = {c.country for c in gazetteer.lookup(m.text, fuzzy=False) if c.country}
            if countries:
                common = countries if common is None else common & countries
        if not common or len(common) != 1:
            continue
        country = next(iter(common))
        if len(inside) == len(units) and all(r.place.country == country for r in inside):
            continue
        again = resolve_all(units, gazetteer, priors=Counter({country: 1}), named=named | {country}, in_country=country)
        if not again:
            continue
        spans = {r.mention.span for r in inside}
        out = sorted([*(r for r in out if r.mention.span not in spans), *again], key=lambda r: r.mention.span)
    return out


def _heads_in_their_country(resolved: list[Resolved], mentions: list[Mention], groups: list[tuple[Span, Span]],
                            gazetteer: Gazetteer, named: frozenset[str], doc: Any = None,
                            sents: Sentences | None = None) -> list[Resolved]:
    """A name the resolver left alone for want of support ("Bourem (Gao)": a town of 40,000 people in
    an article that names no country), or placed in another country than the one its written units
    resolved to (a village of Burkina Faso read as a French town by an alternate name), is resolved
    again in that country, or left unresolved; so is a name NER did not take for a place ("at the
    entrance to Monguno (Borno State)": the hierarchy written after it says it is one)."""
    done = {r.mention.span: r for r in resolved}
    added, dropped = [], set()
    for head, body in groups:
        mention = next((m for m in mentions if m.span[1] == head[1] and m.span[0] <= head[0]), None)
        if mention is None and doc is not None and sents is not None:
            words = doc.char_span(head[0], head[1])
            mention = mention_of(words, "LOC", sents) if words is not None and len(words) else None
        if mention is None:
            continue
        countries = {r.place.country for r in resolved
                     if body[0] <= r.mention.span[0] and r.mention.span[1] <= body[1] and r.place.country}
        if len(countries) != 1:
            continue
        country = next(iter(countries))
        if mention.span in done:
            if done[mention.span].place.country == country:
                continue
            dropped.add(mention.span)
        added += resolve_all([mention], gazetteer, priors=Counter({country: 1}), named=named | {country},
                             in_country=country)
    if not added and not dropped:
        return resolved
    return sorted([*(r for r in resolved if r.mention.span not in dropped), *added], key=lambda r: r.mention.span)


def hierarchies(resolved: list[Resolved], groups: list[tuple[Span, Span]], text: str) -> list[Hierarchy]:
    """The written hierarchies whose units resolved, all in one country with the name's own place when
    it resolved (the name may also end a longer mention: "Saint-Jean-de-Luz (Pyrénées-Atlantiques)")."""
    out = []
    for head, body in groups:
        units = tuple(r for r in resolved if body[0] <= r.mention.span[0] and r.mention.span[1] <= body[1])
        if not units:
            continue
        named = next((r for r in resolved if r.mention.span[0] <= head[0] and head[1] == r.mention.span[1]), None)
        if named is None:  # "au Parlement de Londres (Royaume-Uni)": the name resolved where the text names it alone
            named = next((r for r in resolved if r.mention.text == text[head[0]:head[1]] and r.place.kind != "country"
                          and not r.mention.subject), None)
        countries = {r.place.country for r in units} | ({named.place.country} if named is not None else set())
        if len(countries) > 1:
            continue  # not one hierarchy: "Faucons de la liberté du Kurdistan (Xyz)"
        out.append(Hierarchy(named.mention.span if named is not None else head, text[head[0]:head[1]],
                             named.to_place() if named is not None else None, units))
    return out


def anaphoric_places(resolved: list[Resolved], anaphors: list[tuple[Mention, bool]],
                     sents: Sentences) -> list[Resolved]:
    """``resolved`` with the located anaphors whose place is certain ("Il a quitté Lyon pour Gap. Dans
    cette ville, ...": Gap only if no other place is named in between): the one city, facility or region
    named in the anaphor's paragraph, in its sentence or the two before; for "cette dernière", "the
    latter", the last one named."""
    if not anaphors:
        return resolved
    out = list(resolved)
    for mention, latter in anaphors:
        k = sents.index(mention.tokens[0])
        lo = sents.char_starts[max(0, k - ANAPHOR_SENTENCES)]
        lo = max(lo, paragraph_start(sents.text, mention.span[0], hard_wrapped(sents.text)))
        before = [r for r in resolved if lo <= r.mention.span[0] and r.mention.span[1] <= mention.span[0]
                  and r.place.kind != "country" and not r.mention.subject]
        if not before or (not latter and len({r.place.id for r in before}) != 1):
            continue
        out.append(Resolved(mention, before[-1].place))
    return sorted(out, key=lambda r: r.mention.span)


def _without_qualifiers(resolved: list[Resolved], text: str) -> list[Resolved]:
    """"À Sorgues (Vaucluse)", "Boulogne (Pas-de-Calais)": a name in parentheses right after a place
    says which one it is (a département, a region); it is not a second place of the sentence."""
    ends = [r.mention.span[1] for r in resolved]
    out = []
    for r in resolved:
        start, end = r.mention.span
        paren = text.rfind("(", max(0, start - 3), start)
        qualifier = (paren >= 0 and not text[paren + 1:start].strip() and text[end:end + 3].lstrip().startswith(")")
                     and any(e <= paren and not text[e:paren].strip() for e in ends))
        if not qualifier:
            out.append(r)
    return out


def is_actor_use(r: Resolved, event: Event) -> bool:
    """A place name used for an actor: a verb's subject, the source, or a country/capital target."""
    if r.mention.subject:
        return True
    # "l'exécution de X en Arabie saoudite": a source inferred from the place (``state-of-place``) is
    # named by it; the place is still where the event happened
    if event.source is not None and _overlap(r.mention.span, event.source.span) and not event.found(Found.PLACE):
        return True
    metonymy = r.place.kind == "country" or (r.place.population >= 1_000_000 and event.type not in ON_SITE_TYPES)
    return metonymy and event.target is not None and _overlap(r.mention.span, event.target.span)


def _rank(r: Resolved, trigger_tok: int, locative: bool) -> float:
    distance = min(abs(r.mention.tokens[0] - trigger_tok), abs(r.mention.tokens[1] - 1 - trigger_tok))
    return 2.0 * locative + PRECISION_BONUS[r.place.kind] - min(1.5, distance / 20)


def article_fallback(resolved: list[Resolved], gazetteer: Gazetteer, text: str = "", doc: Any = None,
                     sents: Sentences | None = None) -> Place | None:
    """The headline/dateline place, else the lead sentence's place (its main clause first), else the
    article's main country at country precision. ``sents``: the doc's facts, when the caller has them."""
    found = article_fallback_rule(resolved, gazetteer, text, doc, sents)
    return found[0] if found else None


def article_fallback_rule(resolved: list[Resolved], gazetteer: Gazetteer, text: str = "", doc: Any = None,
                          sents: Sentences | None = None) -> tuple[Place, str] | None:
    """:func:`article_fallback` with the rule that gave it, for the explanation."""
    lines = _line_starts(text)
    lead = lead_place(resolved, sents or Sentences(doc), text) if doc is not None else None
    # a wire dispatch's dateline ("OUAGADOUGOU - Gunmen attacked a post in Zorglubia ...") is where it
    # was filed: a place of that country its opening sentence reports comes first
    dated = next((r for r in resolved if r.mention.source == DATELINE), None)
    if dated is not None and (sents is not None or doc is not None):
        line = wire_dateline(text)
        opening = _lead_sentence(sents or Sentences(doc), line.end() if line else dated.mention.span[1])
        inside = [r for r in resolved if opening is not None and r is not dated
                  and opening.start_char <= r.mention.span[0] < opening.end_char and not r.mention.subject
                  and r.place.kind != "country" and r.place.country == dated.place.country]
        if inside:
            return inside[0].to_place(), f"'{inside[0].mention.text}', the place of the dispatch's opening sentence"
        # a correspondent's seat ("BEIRUT (Agency) - Helicopters dropped barrel bombs on Zorglub ...") whose
        # country the text names nowhere else: the story is where the opening sentence sets it
        if not any(r.place.country == dated.place.country for r in resolved if r is not dated):
            away = [r for r in resolved if opening is not None and r is not dated
                    and opening.start_char <= r.mention.span[0] < opening.end_char and not r.mention.subject
                    and r.place.kind != "country"]
            if away:
                return away[0].to_place(), (f"'{away[0].mention.text}', the place of the dispatch's opening "
                                            "sentence (its dateline's country is named nowhere else)")
    for r in resolved:
        if r.mention.span[0] >= HEADLINE_CHARS:
            break
        if r.place.kind != "country" and _in_headline(r, text, lines) and not r.mention.subject:
            if (r.place.kind == "admin1" and lead is not None and lead.precision in ("city", "facility")
                    and lead.country == r.place.country):
                return lead, f"'{lead.text}', the lead's place, in the title's region"
            return r.to_place(), f"'{r.mention.text}', the article's title or dateline"
    if lead is not None:
        return lead, f"'{lead.text}', the place of the article's lead"
    country = main_country(resolved, gazetteer, text)
    city = main_city(resolved, country.country) if country and USE_MAIN_CITY else None
    if city is not None:
        return city, f"'{city.text}', the article's main city"
    return (country, f"'{country.text}', the article's main country") if country is not None else None


def lead_place(resolved: list[Resolved], sents: Sentences, text: str) -> Place | None:
    """A city, facility or region of the lead sentence (the first real sentence after a Wikinews
    dateline line), preferring one its main verb governs: "Alors que l'armée gagne à Alep, elle a
    été chassée de Palmyre" is about Palmyre."""
    lines = _line_starts(text)
    if not _titled(text, lines):
        return None
    sentence = _lead_sentence(sents, lines[2])
    if sentence is None:
        return None
    inside = [r for r in resolved if sentence.start_char <= r.mention.span[0] < sentence.end_char
              and r.place.kind != "country" and not r.mention.subject]
    if not inside:
        return None
    background = _background_end(sentence)
    main = [r for r in inside if r.mention.span[0] >= background]
    return (main or inside)[0].to_place()


def _lead_sentence(sents: Sentences, start: int) -> Any | None:
    """The first sentence ending after ``start`` with at least ``LEAD_MIN_WORDS`` words (a Span)."""
    for k, (first, end) in enumerate(sents.bounds):
        if sents.char_ends[k] <= start:
            continue
        if sum(sents.alpha[first:end]) >= LEAD_MIN_WORDS:
            return sents.doc[first:end]
        if k > LEAD_MAX_SENTENCE:
            break
    return None


def _background_end(sentence: Any) -> int:
    """Where a leading subordinate clause ("Alors que ..., ", "While ..., ") ends: the news comes
    after it. The sentence start when there is none."""
    words = " ".join(t.lower_ for t in sentence[:3] if not t.is_space)
    if not words.startswith(SUBORDINATORS):
        return sentence.start_char
    comma = next((t for t in sentence if t.text == ","), None)
    return comma.idx if comma is not None else sentence.start_char


def main_city(resolved: list[Resolved], iso3: str | None) -> Place | None:
    """The article's main city: a city of the main country that it names at least twice, most often."""
    cities = [r for r in resolved  # an anchor standing for the name it places is not a mention of its own
              if r.place.country == iso3 and r.place.kind == "city" and not r.mention.subject and r.named is None]
    counts = Counter(r.place.id for r in cities)
    if not counts or counts.most_common(1)[0][1] < MAIN_CITY_MENTIONS:
        return None
    top = counts.most_common(1)[0][0]
    return next(r for r in cities if r.place.id == top).to_place()


def _in_headline(r: Resolved, text: str = "", lines: list[int] | None = None) -> bool:
    """In the article's title or dateline: its first and third lines when it has lines (the Wikinews
    layout: title, blank line, dateline), else its first sentence. ``lines``: ``_line_starts(text)``,
    when the caller has it (it asks for every mention of the article)."""
    lines = _line_starts(text) if lines is None else lines
    if _titled(text, lines):
        line = bisect.bisect_right(lines, r.mention.span[0]) - 1
        return line in (0, 2)
    return r.mention.sentence[0] == 0


def _titled(text: str, lines: list[int]) -> bool:
    """The Wikinews layout: a title line, a blank line, a dateline."""
    return len(lines) >= 3 and not text[lines[1]:lines[2]].strip()


def _line_starts(text: str) -> list[int]:
    """Char offsets of the lines starting within the first ``HEADLINE_CHARS`` characters."""
    head = text[:HEADLINE_CHARS]
    out = [0]
    while (i := head.find("\n", out[-1])) != -1:
        out.append(i + 1)
    return out


def main_country(resolved: list[Resolved], gazetteer: Gazetteer, text: str = "") -> Place | None:
    """The most mentioned country (cities count for theirs; the headline counts double), at country
    precision."""
    counts: Counter[str] = Counter()
    lines = _line_starts(text)
    for r in resolved:
        if r.place.country:
            counts[r.place.country] += HEADLINE_WEIGHT if _in_headline(r, text, lines) else 1
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


def _token_range(doc: Any, span: Span) -> range:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return range(chars.start, chars.end) if chars is not None else range(0)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
