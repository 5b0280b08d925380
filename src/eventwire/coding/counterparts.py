"""Counterparts: the other side of a conflict event whose own clause does not name it.

News about a war seldom repeats the enemy in every sentence: "Daech lance une offensive
surprise", "l'armée débordée se retire", "Daech aurait mobilisé 4 000 hommes" all act on the
side the article is about, named two sentences earlier. The coder takes actors only from the
event's own clause, so these events have no target. This stage, which runs after ``merge``,
fills them from the article's *conflict structure*, and says so. First it checks the targets
the coder found: a thing ("a dénoncé le verdict") is no target, but its author is ("rejected an
Australian ultimatum": Australia, rule ``+owner``), and so is the author of an act told earlier ("condemned the
assassination": the killers, rule ``+act-author``); see ``names_an_actor``, ``owner_inside``, ``_act_author``.

1. **Places taken give way to their holder.** When a conflict event takes a place ("reprend la
   ville", "ont conquis les quartiers assiégés", "seized vast areas"), whoever holds the place is
   the target. Such a target (no dictionary entry, no sector, no country, no proper noun, a place
   noun for head) is replaced by the counterpart below when there is one, and stays otherwise.
   A strike keeps its place ("airstrikes on the province", mode in :data:`STRIKES`), and so does
   a named place: coders take the place struck as the target.
2. **State organs completed.** A bare state organ with no country, named with a definite
   article ("l'armée", "the government", "la police"; not "ses forces", "d'importantes
   forces"), stands for a state: an army or police for the state whose organ of the same kind
   was named last before it, a government (or an organ with none before it) for the state the
   article names most. The actor keeps its text and span; its name and country become the
   state's and ``inferred`` is ``"coreference"``.
3. **Counterparts inferred.** For a conflict event (ASSAULT, COERCE, THREATEN, MOBILIZE, and
   RETREAT by armed forces withdrawing or ceasing fire; see :data:`MODES`) whose source is a
   state, an armed group or a coalition (police act on crowds and suspects, not on a side) and
   whose target is missing, every other identified armed or state actor of the article is
   scored by the evidence that it is the other side:

   - ``DYAD``: the source (or an ally) and it are the article's main pair of opponents, the
     two armed or state actors named most, when they are not on one side;
   - ``EDGE`` per explicit hostile event between them or the source's allies (a clause that
     names both; at most two count), ``EDGE_HERE`` more when one is in this paragraph;
   - ``SENTENCE`` when the event's own sentence names it, else ``PARAGRAPH`` for its paragraph;
   - up to ``SALIENCE`` for its share of the armed-actor mentions, ``HEADLINE`` when the first
     line names it.

   A candidate needs one of the first two (being named near the event says nothing of enmity:
   "grâce aux frappes russes, les soldats syriens ont tenu"); the others rank the candidates.
   When some candidate is named in the event's paragraph and has an explicit hostile event with
   the source's side, only such candidates remain: an article about two fronts ("Daech reprend
   Palmyre ... En revanche, à Alep, les rebelles ...") fights its paragraph's enemy there, not the
   article's main one.
   Generic sides of a civil war ("les rebelles", "the insurgents") count as actors here; a
   reciprocal verb ("les rebelles s'affrontent") gets no counterpart. Allies are never
   counterparts: actors linked to the source by an AID, SUPPORT or COOPERATE event, sources of
   the same act ("la Syrie et la Russie ont mené des frappes"), and organs of the source's own
   state. The best candidate is taken only when its score reaches ``MIN_SCORE`` and leads the
   next by ``MARGIN``; otherwise the target stays empty.
   An inferred target carries ``inferred: "counterpart"`` and the span of its mention nearest
   before the event; the confidence drops by ``CONFIDENCE_FACTOR``, the rule gets
   ``+counterpart`` and the explanation lists the evidence. A researcher who wants only what
   the clause states drops the events whose target has an ``inferred`` key, or drops the
   stage from ``stages``.
4. **Protests addressed.** A PROTEST still without a target addresses the government of the
   country where it is held (:func:`addressed`).
5. **Replies answered.** A REJECT with no target answers the last act aimed at its source, a welcome
   (SUPPORT) the last conciliatory act of another actor (:meth:`ArticleSides._replied`).
6. **Residents.** A curfew imposed or lifted with no target is aimed at the people of the place its
   sentence names (:meth:`ArticleSides._residents`).
7. **Targets from the article.** An event the judge decided on that still has no target takes the
   article's likeliest actor by the judge file's target model, when it reaches its threshold
   (:meth:`.context_source.ContextSources.infer_target`, ``"inferred": "context"``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..actors import Resolver, dictionary_for, resolver_for
from ..languages import registry, shipped
from ..records import Actor, Analysis, Event, Found
from ..text import fold_name
from .arg_base import SE_CLITICS
from .context_source import ContextSources
from .judge import JUDGED, judge_for
from .lexicon import lexicon_for

if TYPE_CHECKING:
    from ..pipeline import Resources

# Event types (and, where the type mixes kinds of acts, the modes) that have an adversary.
MODES: dict[str, frozenset[str | None] | None] = {
    # not assassinations, abductions, executions, poisonings: their target is a person, not a side
    "ASSAULT": frozenset({None, "explosives", "suicide-attack", "firearms", "heavy-weapons", "destroy"}),
    "COERCE": frozenset({None, "seize", "restrict", "confiscate"}),
    "THREATEN": None,   # every mode
    "MOBILIZE": None,
    "RETREAT": frozenset({"withdraw", "ceasefire"}),   # and only by armed forces (FORCES)
}
# Strikes on a place hit the people there: coders keep the place as the target ("airstrikes on
# the province"); taking a place ("reprend la ville") acts on whoever holds it.
STRIKES = frozenset({"explosives", "suicide-attack", "firearms", "heavy-weapons", "destroy"})
# Physical attacks may hit things ("un bus de l'armée", "la mosquée"): coders keep them as targets.
THINGS_STAY = frozenset({"ASSAULT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})  # reactions to an act: its author (_act_author)
WELCOMES = frozenset({"SUPPORT"})  # a welcome answers the last conciliatory act of another actor (_replied)
CONCILIATORY = frozenset({"CONCEDE", "RETREAT", "AGREE", "AID", "COOPERATE"})
REPLIES = frozenset({"REJECT"})  # acts that answer an earlier act aimed at their source (ArticleSides._replied)
RESIDENT_MODES = frozenset({("COERCE", "curfew"), ("CONCEDE", "ease")})  # measures on a place's people (_residents)
ADDRESSED = frozenset({"PROTEST"})  # acts that address the government when they name no target (addressed)
ALLIED = frozenset({"AID", "SUPPORT", "COOPERATE"})
ARMED = frozenset({"GOV", "MIL", "COP", "REB", "IGO", "SPY"})
STATE = frozenset({"GOV", "MIL", "COP", "SPY"})
FORCES = frozenset({"MIL", "REB", "COP"})
SIDES = frozenset({"GOV", "MIL", "REB", "IGO"})  # police acts on crowds and suspects, not on a side

DYAD = 3.0
EDGE = 2.0
EDGE_HERE = 1.0
SENTENCE = 2.0
PARAGRAPH = 1.0
SALIENCE = 1.5
HEADLINE = 0.5
MIN_SCORE = 2.5
MARGIN = 1.0
CONFIDENCE_FACTOR = 0.8

_HEADLINE_CHARS = 200
_ACTOR_LABELS = frozenset({"PER", "PERSON", "ORG", "NORP", "GPE"})
_OWNER_DEPS = frozenset({"amod", "compound", "nmod", "pobj", "poss", "nmod:poss", "flat", "flat:name", "nsubj"})
_ACTOR_CLASSES = ("actor", "person", "civilians", "organisation", "diplomat", "military")
THING_NOUN_CLASSES = ("weapon", "goods", "building", "place", "road", "attack", "aid", "agreement", "claim", "demand",
                      "information", "meeting", "relation", "restriction", "right", "access", "offensive", "protest")
_DEFINITE = shipped().union("counterparts", "definite_articles")
_GOVERNING = shipped().union("counterparts", "governing_modifiers")
_LOCATIVE = shipped().union("counterparts", "locative_preps")
_COUNTABLE_ORGANS = shipped().union("counterparts", "countable_organs")
_DIRECTIONS = shipped().union("counterparts", "directions")


class CounterpartStage:
    """Pipeline stage ``counterparts``: reads ``doc``, ``actors`` and ``events``, writes ``events``."""

    def __init__(self, resources: Resources) -> None:
        self.place_nouns = resources.get("counterpart-place-nouns", lambda _cfg: load_place_nouns())
        self.actor_nouns = resources.get("counterpart-actor-nouns", lambda _cfg: load_actor_nouns())
        self.languages = registry(resources.config.language_dirs)
        self.resolvers = {lang: resolver_for(resources, lang) for lang in self.languages.codes}
        dictionary = dictionary_for(resources)
        self.state_names = {e.country: e.name for e in dictionary.entries.values() if e.kind == "state"}
        self.governments = {e.country: f"{e.adjective or e.name} government"
                            for e in dictionary.entries.values() if e.kind == "state"}
        self.resources = resources

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.events:
            return analysis
        lang = analysis.article.language or "en"
        lexicon = lexicon_for(self.resources, lang) if lang in self.languages else None
        article = ArticleSides(analysis, self.place_nouns.get(lang, frozenset()), self.state_names, lexicon,
                               self.actor_nouns.get(lang, frozenset()), self.resolvers.get(lang))
        events = tuple(addressed(ev, self.governments) for ev in article.completed_events())
        judge = judge_for(self.resources, lang) if lexicon is not None else None
        if lexicon is not None and judge is not None and (judge.target_weights or judge.collect is not None):
            # 7. what no rule gave a target: the article's likeliest actor, by the judge's target model
            ctx = ContextSources(replace(analysis, events=events), list(events), judge,
                                 place_preps=lexicon.words("place_preps"))
            events = tuple(ctx.infer_target(ev) if ev.coder == JUDGED else ev for ev in events)
        return replace(analysis, events=events)


def addressed(ev: Event, governments: dict[str | None, str]) -> Event:
    """4. A protest whose clause names no target addresses the government of the country where it is held
    (else of the protesters' country): "teachers marched through Nairobi" -> the Kenyan government. The
    target is ``inferred: "implied"`` (the trigger's words stand for it); not a government's own act."""
    if ev.type not in ADDRESSED or ev.target is not None or ev.negated or ev.hypothetical:
        return ev
    country = (ev.location.country if ev.location else None) or (ev.source.country if ev.source else None)
    if country not in governments or (ev.source is not None and ev.source.country == country
                                      and ev.source.sector in STATE):
        return ev
    name = governments[country]
    actor = Actor(text=ev.trigger.text, name=name, span=ev.trigger.span, country=country, sector="GOV",
                  inferred="implied")
    return replace(ev, target=actor, target_found=Found.IMPLICIT, rule=f"{ev.rule}+addressee",
                   explanation=_noted(ev, f"target implied: a protest addresses the {name}"))


def load_place_nouns() -> dict[str, frozenset[str]]:
    """Per language, the folded head nouns that make a phrase a place rather than an actor."""
    return _load_nouns("place_nouns")


def load_actor_nouns() -> dict[str, frozenset[str]]:
    """Per language, folded nouns for people and bodies beyond the coder's lexicon classes."""
    return _load_nouns("actor_nouns")


def _load_nouns(key: str) -> dict[str, frozenset[str]]:
    langs = shipped()
    return {code: frozenset(fold_name(w) for w in langs.get(code).words("counterparts", key)) for code in langs.codes}


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str
    score: float
    reasons: tuple[str, ...]


def key(actor: Actor) -> str:
    """One identity per actor: the canonical name (a state's organs share the state's name)."""
    return (actor.name or actor.text).casefold()


class ArticleSides:
    """What one article says about who is fighting whom."""

    def __init__(self, analysis: Analysis, place_nouns: frozenset[str],
                 state_names: dict[str | None, str] | None = None, lexicon: Any = None,
                 actor_nouns: frozenset[str] = frozenset(), resolver: Resolver | None = None) -> None:
        self.text = analysis.article.text
        self.resolver = resolver
        self.state_names = state_names or {}
        self.lexicon = lexicon
        self.actor_nouns = actor_nouns
        self.doc = analysis.doc
        self.place_nouns = place_nouns
        self.paragraphs = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        self.all_actors = sorted(analysis.actors, key=lambda a: a.span)
        self.states = [a for a in analysis.actors if a.country and a.sector in STATE and not _bare(a)]
        self.states.sort(key=lambda a: a.span)
        self.mentions = sorted((self._complete_actor(a) for a in analysis.actors
                                if a.sector in ARMED and self._acting(a)), key=lambda a: a.span)
        self.raw_events = sorted(analysis.events, key=lambda e: e.trigger.span)
        self.events = [self._placeholder_free(self._completed(ev)) for ev in analysis.events]
        self.state_countries: defaultdict[str, set[str | None]] = defaultdict(set)
        for state in self.states:
            self.state_countries[key(state)].add(state.country)
        self.edges: defaultdict[frozenset[str], list[int]] = defaultdict(list)
        self.allies: defaultdict[str, set[str]] = defaultdict(set)
        by_trigger: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
        for ev in self.events:
            if ev.source is None or ev.negated or ev.hypothetical:
                continue
            if ev.type in HOSTILE or ev.type in MODES:  # co-authors of an attack are one side; of talks, not
                by_trigger[ev.trigger.span].add(key(ev.source))
            if ev.target is None or ev.found(Found.INFERRED, Found.PLACE) or self.taken_place(ev):
                continue
            pair = frozenset({key(ev.source), key(ev.target)})
            if len(pair) != 2:
                continue
            if ev.type in HOSTILE:
                self.edges[pair].append(ev.trigger.span[0])
            elif ev.type in ALLIED:
                self._ally(*pair)
        for sources in by_trigger.values():  # "l'aviation syrienne et russe bombardent": one side
            for a in sources:
                for b in sources - {a}:
                    self._ally(a, b)
        self.counts: Counter[str] = Counter(key(a) for a in self.mentions if _identified(a) or _side(a))
        head = self._headline_end()
        self.headline = {key(a) for a in self.mentions if a.span[0] < head}
        self.dyad = self._main_dyad()

    def _ally(self, a: str, b: str) -> None:
        self.allies[a].add(b)
        self.allies[b].add(a)

    def _main_dyad(self) -> frozenset[str]:
        """The two armed actors the article is most about, when they are not on one side."""
        ranked = self.counts.most_common(3)
        if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return frozenset()
        (a, _), (b, _) = ranked[:2]
        if b in self.allies.get(a, set()) or self._one_state(a, b):
            return frozenset()
        return frozenset({a, b})

    # --- the three steps --------------------------------------------------------------

    def completed_events(self) -> tuple[Event, ...]:
        """The article's events, targets checked (step 0-2), counterparts inferred (step 3) and replies
        answered (step 5)."""
        events = [self._infer(ev) for ev in self.events]
        return tuple(self._residents(self._replied(ev, events)) for ev in events)

    def _residents(self, ev: Event) -> Event:
        """6. A curfew imposed or lifted with no target ("imposed a curfew on the town of Kano", "lifted the
        overnight curfew in Mombasa") is aimed at the people of the place its sentence names for it (the
        event's location, when its mention is in the event's sentence): the place stands for them."""
        if ev.target is not None or ev.location is None or ev.negated or ev.hypothetical:
            return ev
        if (ev.type, ev.mode) not in RESIDENT_MODES:
            return ev
        lo, hi = self._sentence_bounds(ev.trigger.span[0])
        place = ev.location
        if not lo <= place.span[0] < hi or place.span == (0, 0):
            return ev
        actor = Actor(text=place.text, name=place.name, span=place.span, country=place.country, inferred="implied")
        why = f"target implied: the people of {place.text!r}, where the measure applies"
        return replace(ev, target=actor, rule=f"{ev.rule}+residents", explanation=_noted(ev, why),
                       target_found=Found.IMPLICIT)

    def _replied(self, ev: Event, events: list[Event]) -> Event:
        """5. A reply with no target of its own ("Ethiopia denied the allegation", "the ministry rejected
        the call") answers the last act aimed at its source before it in the article: that act's source is
        the target ("Sudan accused Ethiopia of ..."). Only factual acts with a target of the same actor or
        the same state as the reply's source count; none found, the target stays empty."""
        if ev.type not in REPLIES and ev.type not in WELCOMES:
            return ev
        if ev.target is not None or ev.source is None or ev.negated or ev.hypothetical:
            return ev
        me = self._same(ev.source)
        found = None
        for prior in events:
            if prior.trigger.span[0] >= ev.trigger.span[0] or prior.source is None or prior.negated \
                    or prior.hypothetical or me(prior.source) or prior.source.inferred:
                continue
            if ev.type in WELCOMES:  # "Myanmar welcomed the move": the last conciliatory act of another
                if prior.type in CONCILIATORY:
                    found = prior
                continue
            if prior.target is None or prior.target.inferred:
                continue
            if me(prior.target):
                found = prior
        if found is None or found.source is None:
            return ev
        why = f"target inferred: a reply to {found.source.text!r}'s {found.type} ({found.trigger.text!r})"
        return replace(ev, target=replace(found.source, inferred="counterpart"), rule=f"{ev.rule}+reply",
                       explanation=_noted(ev, why), target_found=Found.COUNTERPART)

    def _same(self, actor: Actor) -> Any:
        """A test: is another actor this one, or an organ of its state?"""
        mine = key(actor)
        return lambda other: key(other) == mine or (actor.country is not None and other.country == actor.country
                                                    and (actor.sector in STATE or actor.is_state)
                                                    and (other.sector in STATE or other.is_state))

    def _infer(self, ev: Event) -> Event:
        taken = ev.target is not None and self.taken_place(ev)
        if (ev.target is not None and not taken) or ev.source is None or not wants_counterpart(ev):
            return ev
        found = self.counterpart(ev)
        if found is None:
            return ev  # a place taken stays the target when the article shows no holder
        mention = self._nearest(found.key, ev.trigger.span[0])
        target = replace(mention, inferred="counterpart")
        why = f"target inferred as the source's counterpart in this article ({'; '.join(found.reasons)})"
        if taken and ev.target is not None:
            why = f"target {ev.target.text!r} is a place taken, not an actor; its holder is {why[7:]}"
        return replace(ev, target=target, confidence=round(ev.confidence * CONFIDENCE_FACTOR, 3),
                       rule=f"{ev.rule}+counterpart", explanation=_noted(ev, why), target_found=Found.COUNTERPART)

    def taken_place(self, ev: Event) -> bool:
        """The target is an unnamed place that a conflict event takes ("reprend la ville")."""
        return ev.target is not None and ev.mode not in STRIKES and wants_counterpart(ev) \
            and self.is_placeholder(ev.target)

    def _completed(self, ev: Event) -> Event:
        src = self._complete_actor(ev.source) if ev.source else None
        tgt = self._complete_actor(ev.target) if ev.target else None
        if src is ev.source and tgt is ev.target:
            return ev
        return replace(ev, source=src, target=tgt)

    def _placeholder_free(self, ev: Event) -> Event:
        if ev.target is None or ev.type in THINGS_STAY or self.names_an_actor(ev.target):
            return ev
        owner = self.owner_inside(ev.target, ev.source)
        if owner is not None:  # "rejected an Indian proposal": India; "a UN Security Council resolution"
            why = f"target {ev.target.text!r} names a thing: its author {owner.text!r} stands for it"
            return replace(ev, target=owner, rule=f"{ev.rule}+owner", explanation=_noted(ev, why),
                           target_found=Found.COUNTERPART)
        author = self._act_author(ev)
        if author is not None:  # "condemned the assassination": its perpetrator
            why = f"target {ev.target.text!r} names an act: its author {author.text!r} stands for it"
            return replace(ev, target=replace(author, inferred="counterpart"), rule=f"{ev.rule}+act-author",
                           explanation=_noted(ev, why), target_found=Found.COUNTERPART)
        why = f"target {ev.target.text!r} names no actor (a thing, an act, a text): dropped"
        return replace(ev, target=None, explanation=_noted(ev, why))

    def _act_author(self, ev: Event) -> Actor | None:
        """A reaction aimed at an act the article told before ("condemned the assassination", "criticised the
        arrest"): the source of the last such act before it (an event noun of the lexicon whose type the
        earlier event has), when that source is not the reaction's own."""
        if ev.type not in REACTIONS or ev.target is None or self.lexicon is None:
            return None
        span = self._tokens(ev.target.span)
        if span is None:
            return None
        types = {e.type for e in self.lexicon.index.get(span.root.lemma_.lower(), ()) if e.pos == "noun"}
        if not types:
            return None
        found = None
        for prior in self.raw_events:
            if prior.trigger.span[0] >= ev.trigger.span[0] or prior.type not in types or prior.source is None:
                continue
            if prior.negated or prior.hypothetical or prior.source.inferred:
                continue
            if ev.source is not None and key(prior.source) == key(ev.source):
                continue
            found = prior.source
        return found

    def owner_inside(self, thing: Actor, source: Actor | None) -> Actor | None:
        """The actor named inside a thing's phrase, its author or owner ("an Indian proposal", "war
        crimes by Croatian extremists", "la décision de son homologue"); the first one, not the source."""
        lo, hi = thing.span
        span = self._tokens(thing.span)
        if span is None or self.resolver is None or fold_name(span.root.lemma_) in self.place_nouns:
            return None  # "la rue Arsène Houssaye" is a street, not Arsène Houssaye's
        for a in self.all_actors:
            if lo <= a.span[0] and a.span[1] <= hi and _identified(a) and (source is None or key(a) != key(source)):
                return a
        for tok in span:
            if tok.i == span.root.i or tok.dep_ not in _OWNER_DEPS:
                continue
            if tok.pos_ == "ADJ":
                found = self.resolver.adjectival(self.doc[tok.i:tok.i + 1])
            elif tok.pos_ in ("PROPN", "NOUN"):
                phrase = self.doc[max(tok.left_edge.i, span.start):min(tok.i + 1, span.end)]
                found = self.resolver.resolve(phrase)
            else:
                continue
            if found is not None and _identified(found) and (source is None or key(found) != key(source)):
                return found
        return None

    def names_an_actor(self, actor: Actor) -> bool:
        """A target is an actor when the dictionary knows it (or its sector or country), when its head
        is a name or a pronoun the coder resolved, or a noun of the lexicon's actor, person or civilian
        classes ("l'individu", "les habitants"); "la loi", "cette décision", "le verdict" are not."""
        if actor.kb_id or actor.sector or actor.country or self.lexicon is None:
            return True
        span = self._tokens(actor.span)
        if span is None:
            return True
        root = span.root
        if root.pos_ in ("PROPN", "PRON") or root.ent_type_ in _ACTOR_LABELS:
            return True
        if root.pos_ == "NUM" or root.lemma_.lower() in self.lexicon.words("quantity_nouns"):
            inner = next((c for c in root.children if c.pos_ in ("NOUN", "PROPN")), None)
            root = inner if inner is not None else root  # "une quinzaine d'élus locaux", "21 de ses membres"
        words = (root.lemma_.lower(), root.lower_)
        if any(fold_name(w) in self.actor_nouns for w in words):
            return True
        if any(self.lexicon.in_class(c, w) for c in _ACTOR_CLASSES for w in words):
            return True
        return self._counted_people(root, words)

    def _counted_people(self, root: Any, words: tuple[str, ...]) -> bool:
        """"arrested 23 football fans", "released 40 pilgrims": a plural noun counted by a number names
        people, unless it is a thing or a place ("seized 300 rifles", "destroyed 20 homes")."""
        if root.pos_ != "NOUN" or root.lemma_.lower() == root.lower_ or not any(
                c.dep_ == "nummod" or c.pos_ == "NUM" for c in root.children if c.i < root.i):
            return False
        if any(fold_name(w) in self.place_nouns for w in words):
            return False
        return not any(self.lexicon.in_class(c, w) for c in THING_NOUN_CLASSES for w in words) \
            and not any(e.pos == "noun" for w in words for e in self.lexicon.index.get(w, ()))

    # --- evidence ---------------------------------------------------------------------

    def candidates(self, ev: Event) -> list[Candidate]:
        """Every possible counterpart of the event's source, best first, with its evidence."""
        assert ev.source is not None
        me = key(ev.source)
        side = {me} | self.allies.get(me, set())
        at = ev.trigger.span[0]
        sentence, paragraph = self._sentence_bounds(at), self._paragraph_bounds(at)
        total = sum(self.counts.values()) or 1
        out = []
        local: set[str] = set()  # named in the event's paragraph, with a hostile event against the side
        for other, n in self.counts.items():
            if other in side or any(self._one_state(s, other) for s in side):
                continue
            found: list[tuple[float, str]] = []
            if self.dyad and other in self.dyad and side & self.dyad:
                found.append((DYAD, "the article's main pair of opponents"))
            edges = [pos for s in side for pos in self.edges.get(frozenset({s, other}), [])]
            if edges:
                near = any(paragraph[0] <= pos < paragraph[1] for pos in edges)
                found.append((EDGE * min(len(edges), 2) + (EDGE_HERE if near else 0.0),
                              f"{len(edges)} explicit hostile event(s) with the source's side"
                              + (", one in this paragraph" if near else "")))
            if not found:
                continue  # named nearby is no evidence of enmity ("grâce aux frappes russes, les soldats syriens")
            if self._named_within(other, sentence, ev.source.span):
                found.append((SENTENCE, "named in the event's sentence"))
            elif self._named_within(other, paragraph, ev.source.span):
                found.append((PARAGRAPH, "named in its paragraph"))
            if edges and self._named_within(other, paragraph, ev.source.span):
                local.add(other)
            found.append((SALIENCE * n / total, f"{n} of {total} armed-actor mentions"))
            if other in self.headline:
                found.append((HEADLINE, "named in the first line"))
            out.append(Candidate(other, round(sum(s for s, _ in found), 3), tuple(r for _, r in found)))
        if local:  # the paragraph's own enemy beats the article's main one ("à Alep ... les rebelles")
            out = [c for c in out if c.key in local]
        return sorted(out, key=lambda c: (-c.score, c.key))

    def counterpart(self, ev: Event) -> Candidate | None:
        """The best candidate when the evidence is enough and clearly ahead; else None."""
        if ev.source is None or ev.source.sector not in SIDES or not (_identified(ev.source) or _side(ev.source)):
            return None
        if self._reciprocal(ev):
            return None  # "les rebelles syriens s'affrontent": they fight each other
        ranked = self.candidates(ev)
        if not ranked or ranked[0].score < MIN_SCORE:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
            return None
        return ranked[0]

    def _reciprocal(self, ev: Event) -> bool:
        """A plural reciprocal verb ("s'affrontent", "s'entretuent"): the source's members fight each
        other. "L'armée se bat" is not one."""
        span = self._tokens(ev.trigger.span)
        if span is None:
            return False
        verb = span.root
        plural = "Plur" in verb.morph.get("Number") or any(
            c.dep_.startswith("aux") and "Plur" in c.morph.get("Number") for c in verb.children)
        return plural and fold_name(verb.lemma_) in _RECIPROCAL and any(
            c.lower_ in SE_CLITICS for c in verb.children)

    def _one_state(self, a: str, b: str) -> bool:
        """Two names of one state's organs ("Syria" and "Syrian Arab Army")."""
        return bool(self.state_countries.get(a, set()) & self.state_countries.get(b, set()))

    def _named_within(self, other: str, bounds: tuple[int, int], exclude: tuple[int, int]) -> bool:
        lo, hi = bounds
        return any(lo <= a.span[0] < hi and a.span != exclude and key(a) == other for a in self.mentions)

    def _nearest(self, other: str, offset: int) -> Actor:
        found = [a for a in self.mentions if key(a) == other]
        before = [a for a in found if a.span[0] <= offset]
        return before[-1] if before else found[0]

    # --- actors -----------------------------------------------------------------------

    def _complete_actor(self, actor: Actor) -> Actor:
        """A bare state organ ("l'armée") takes the state whose organ of the same kind was named last
        before it, else the state of the last organ of another kind (not the state's name) named before it
        in its sentence; a bare government, or an organ with neither, the state named most."""
        if not _bare(actor) or not self._definite(actor) or self._several(actor):
            return actor
        before = [a for a in self.states if a.span[0] < actor.span[0] and a.sector == actor.sector]
        lo, _ = self._sentence_bounds(actor.span[0])
        here = [a for a in self.states if lo <= a.span[0] < actor.span[0] and not a.is_state]
        if before and actor.sector != "GOV":
            state = before[-1]
        elif here:  # "the Dominican government closed the crossing, and the army sent troops": that state's
            state = here[-1]
        else:
            countries = Counter(a.country for a in self.states)
            top = countries.most_common(2)
            if not top or (len(top) > 1 and top[0][1] == top[1][1]):
                return actor
            state = next(a for a in self.states if a.country == top[0][0])
        name = self.state_names.get(state.country) or state.name
        return replace(actor, name=name, country=state.country, inferred="coreference")

    def _acting(self, actor: Actor) -> bool:
        """A mention of the actor as a participant, not as a place: "dans le sud du Liban", "le
        nord-syrien", "la région de Raqqa", "in Syria" do not count."""
        span = self._tokens(actor.span)
        if span is None:
            return True
        root = span.root
        if any(c.dep_ == "case" and fold_name(c.text).strip("'’") in _LOCATIVE for c in root.children):
            return False
        head = root.head
        if root.dep_ in ("nmod", "amod", "compound") and not span.start <= head.i < span.end:
            return fold_name(head.lemma_) not in self.place_nouns and fold_name(head.lemma_) not in _DIRECTIONS
        return True

    def _several(self, actor: Actor) -> bool:
        """"les gouvernements", "the armies": organs of several states, not of one ("les forces", "les
        autorités" are one state's)."""
        span = self._tokens(actor.span)
        return span is not None and "Plur" in span.root.morph.get("Number") and \
            fold_name(span.root.lemma_) in _COUNTABLE_ORGANS

    def _definite(self, actor: Actor) -> bool:
        """Named with a definite article ("l'armée", "the army"), not "ses forces", "d'importantes forces"."""
        span = self._tokens(actor.span)
        if span is None:
            return False
        dets = [t for t in span.root.children if t.dep_ == "det"]
        if not dets and span.start > 0:
            dets = [self.doc[span.start - 1]]
        # "government forces", "regime troops", "les forces gouvernementales": the organs of the one state
        governing = any(c.dep_ in ("compound", "amod", "nmod") and fold_name(c.lemma_) in _GOVERNING
                        for c in span.root.children)
        return governing or any(fold_name(t.text).strip("'’") in _DEFINITE for t in dets)

    def is_placeholder(self, actor: Actor) -> bool:
        """A target that names no actor but an unnamed place: no dictionary entry, sector or country,
        no proper noun, and a place noun for head ("la ville", "villages", "vast areas"). A named place
        ("frappes sur Idlib") stays: coders take the place attacked as the target."""
        if actor.kb_id or actor.sector or actor.country:
            return False
        span = self._tokens(actor.span)
        if span is None:
            return False
        root = span.root
        if _named(root):  # "Idlib", "al-Jamilia neighborhood", "la ville de Palmyre": a named place stays
            return False
        return fold_name(root.lemma_) in self.place_nouns or fold_name(root.text) in self.place_nouns

    # --- text geometry ----------------------------------------------------------------

    def _tokens(self, chars: tuple[int, int]) -> Any | None:
        """The doc's tokens covering a character span (expanded to whole tokens), or None."""
        span = self.doc.char_span(chars[0], chars[1], alignment_mode="expand") if self.doc is not None else None
        return span if span is not None and len(span) > 0 else None

    def _sentence_bounds(self, offset: int) -> tuple[int, int]:
        span = self._tokens((offset, offset + 1))
        if span is None:
            return self._paragraph_bounds(offset)
        sent = span[0].sent
        return sent.start_char, sent.end_char

    def _paragraph_bounds(self, offset: int) -> tuple[int, int]:
        i = max(bisect_right(self.paragraphs, offset) - 1, 0)
        end = self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else len(self.text)
        return self.paragraphs[i], end

    def _headline_end(self) -> int:
        first = self.text.split("\n", 1)[0]
        return min(len(first), _HEADLINE_CHARS)


def _noted(ev: Event, why: str) -> str:
    """The event's explanation with one more step."""
    return f"{ev.explanation}; {why}" if ev.explanation else why


def wants_counterpart(ev: Event) -> bool:
    if ev.negated or ev.hypothetical or ev.type not in MODES:
        return False
    if ev.type == "RETREAT" and (ev.source is None or ev.source.sector not in FORCES):
        return False  # a state leaving a treaty or a union has no adversary; troops pulling back do
    modes = MODES[ev.type]
    return modes is None or ev.mode in modes


def _named(root: Any) -> bool:
    """The phrase names its place: a proper noun head, or one in apposition, compound or "de"/"of"
    ("la ville de Palmyre", "the city of Aleppo"), not one it is merely next to ("la frontière avec
    la Syrie")."""
    if root.pos_ == "PROPN":
        return True
    for child in root.children:
        if child.pos_ == "PROPN" and child.dep_ in ("compound", "flat", "flat:name", "appos"):
            return True
        if child.pos_ == "PROPN" and child.dep_ == "nmod":
            cases = {fold_name(c.text).strip("'’") for c in child.children if c.dep_ == "case"}
            if cases <= _GENITIVE_CASES:
                return True
        if child.dep_ == "prep" and fold_name(child.text) in _GENITIVE_CASES \
                and any(g.pos_ == "PROPN" for g in child.children):
            return True
    return False


def _side(actor: Actor) -> bool:
    """A generic name that stands for one side of a civil war ("les rebelles", "the insurgents")."""
    return actor.kb_id is None and actor.sector == "REB" and (actor.name or "").casefold() in _SIDE_NAMES


_SIDE_NAMES = shipped().union("counterparts", "side_names")
_RECIPROCAL = shipped().union("counterparts", "reciprocal_verbs")  # plural: "les rebelles s'affrontent"
_GENITIVE_CASES = shipped().union("counterparts", "genitive_cases")


def _identified(actor: Actor) -> bool:
    """An actor one can name as a side: a dictionary entry or a country ("rebels" alone is not)."""
    return actor.kb_id is not None or actor.country is not None


def _bare(actor: Actor) -> bool:
    """A state organ named without its state: no country, no dictionary entry ("l'armée")."""
    return actor.country is None and actor.kb_id is None and actor.sector in STATE


