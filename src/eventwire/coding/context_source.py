"""The source of an event whose clause names none, inferred from the article and marked.

"Vingt membres présumés du groupe ont été arrêtés", "une fusillade a éclaté": the clause has no
agent, but the paragraph often has one ("Le Cameroun a lancé une opération ..."). For an event the
judge kept without a source, every actor mentioned in its sentence or the three before it is a
candidate, and so are the article's two most mentioned actors and, for the types of
``article_agent_types`` (coding.yaml; French: ASSAULT), the authors of the article's acts of the type
wherever they are named, later sentences included (``dist=next``: "Une fusillade a éclaté ... Le tireur a
ouvert le feu"); a second linear model of the judge file (``source_weights``) scores them on symbolic
features (distance, grammatical role, sector and type, whether the actor acts elsewhere in the article
or undergoes acts there (its side), whether it speaks the quote that holds the event) and the best one
above ``source_threshold`` becomes the source, marked ``"inferred": "context"``, with the rule suffix
``+context`` and its score in the explanation. An event the judge keeps even without a source (it
reaches ``null_threshold``) takes the best candidate whatever its score (``infer(ev, bar=0.0)``): an
event is someone's act, and the likeliest actor is right more often than none (French train set,
type+source F1 .612 -> .635). An actor that is the event's target, a name in the target's phrase or in
the trigger's passive subjects ("le maire, Jean X, a été abattu": an apposition), or that the event's
own words name, is never its source; nor is any actor when the clause's subject is a pronoun the
coder refused to resolve (its antecedent disagreed in number or gender, or both sides of the previous
clause fit: coreference never crosses sides, the slot stays empty).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from typing import Any

from ..actors.resolve import place_label
from ..records import Actor, Analysis, Event, Found
from ..text import doc_text, wire_dateline
from .arg_base import OBJ, PASS_SUBJ, SUBJ
from .judge import Judge, bucket

WINDOW = 3  # sentences before the event's own


class ContextSources:
    """Candidate sources from the article for sourceless events, and the choice among them."""

    def __init__(self, analysis: Analysis, events: list[Event], judge: Judge,
                 refused: frozenset[int] = frozenset(), place_preps: frozenset[str] = frozenset(),
                 agent_types: frozenset[str] = frozenset()) -> None:
        self.analysis, self.judge, self.refused, self.place_preps = analysis, judge, refused, place_preps
        self.agent_types = agent_types
        doc = analysis.doc
        self.sent_chars = [s.start_char for s in doc.sents]
        mentions: dict[tuple[int, ...], Actor] = {}
        text = doc_text(doc)
        for a in analysis.actors:
            # "Belgique : un homme tué à Liège": the place, not the killer; "RABAT, 9 mai (AFP) -": the
            # dateline says where the story was filed, not who acted
            if not place_label(text, a) and not self.in_dateline(a):
                mentions.setdefault(tuple(a.span), a)
        for ev in events:
            if ev.source is not None and ev.source.inferred is None:
                mentions.setdefault(tuple(ev.source.span), ev.source)
        self.mentions = sorted(mentions.values(), key=lambda a: a.span[0])
        self.counts = Counter(a.name for a in self.mentions)
        self.acting = Counter(ev.source.name for ev in events if ev.source is not None)
        self.acting_type = Counter((ev.source.name, ev.type) for ev in events if ev.source is not None)
        # sides: an actor the article shows undergoing acts (above all acts of the same type) is
        # seldom the author of a sourceless one
        self.targeted = Counter(ev.target.name for ev in events if ev.target is not None)
        self.targeted_type = Counter((ev.target.name, ev.type) for ev in events if ev.target is not None)
        self.first = self.mentions[0].name if self.mentions else None
        self.events = events
        self._roles: dict[tuple[int, ...], str] = {}
        self._words: dict[tuple[int, ...], Any] = {}
        ranked = self.counts.most_common(2)
        self.main = {name for name, n in ranked if n >= 2}

    def in_dateline(self, actor: Actor) -> bool:
        """A wire dateline's place: the name of a dateline opening a line (``text.wire_dateline``: "NEW
        YORK, 20 mars (AFP) -", "RABAT (Reuters) -", "DAKAR - ")."""
        text = doc_text(self.analysis.doc)
        a, b = actor.span
        line = wire_dateline(text, text.rfind("\n", 0, a) + 1)
        return line is not None and line.start("name") <= a and b <= line.end("name")

    def sentence(self, offset: int) -> int:
        return max(0, bisect_right(self.sent_chars, offset) - 1)

    def role(self, actor: Actor) -> str:
        key = tuple(actor.span)
        if key not in self._roles:
            self._roles[key] = self._role(actor)
        return self._roles[key]

    def _role(self, actor: Actor) -> str:
        span = self.words_of(actor)
        if span is None:
            return "none"
        root = span.root
        dep = root.dep_.split(":")[0]
        if dep in ("nsubj", "obj", "dobj", "obl", "nmod", "appos", "conj", "pobj", "poss", "compound", "amod"):
            return dep + ("-root" if dep == "nsubj" and root.head.dep_ == "ROOT" else "")
        return "other"

    def speaker(self, offset: int) -> str | None:
        """The actor speaking the quote that holds ``offset`` (the words are theirs), if any."""
        for q in self.analysis.quotes:
            if q.span[0] <= offset < q.span[1] and q.speaker is not None and q.speaker.actor is not None:
                return q.speaker.actor.name
        return None

    def candidates(self, ev: Event, role: str = "source") -> list[tuple[Actor, list[str]]]:
        """The actors that may fill the event's empty ``role`` ("source", or "target": then the event's
        source and the names within its words are the ones left out), with their features."""
        start, end = ev.trigger.span
        speaker = self.speaker(start)
        here = self.sentence(start)
        out: list[tuple[Actor, list[str]]] = []
        seen: set[str] = set()
        if role == "target":
            target = ev.source.name if ev.source is not None else None
            victim: frozenset[int] = frozenset()
            reacting = frozenset(self.names_within(ev.source)) if ev.source is not None else frozenset()
        else:
            target = ev.target.name if ev.target is not None else None
            victim = self.target_words(ev)
            reacting = self.reacting(ev)
        window = [a for a in reversed(self.mentions) if 0 <= here - self.sentence(a.span[0]) <= WINDOW]
        further = [a for a in self.mentions if a.name in self.main and here - self.sentence(a.span[0]) > WINDOW]
        if role == "source" and ev.type.lower() in self.agent_types:
            # a violent act with no agent in its clause is most often one the article tells again with
            # its author ("Une fusillade a éclaté ... Le tireur a ouvert le feu"): the authors of the
            # article's acts of the type, wherever they are named
            further += [a for a in self.mentions if self.acting_type[(a.name, ev.type)] > 0
                        and a not in window and a not in further]
        for actor in window + further:  # nearest first, then the article's main actors
            a, b = actor.span
            if a < end and start < b:
                continue  # inside the trigger
            dist = here - self.sentence(a)
            if dist == 0 and a > end + 200:
                continue
            if actor.name == target or actor.name in seen or actor.name in reacting or self.inside(actor, victim) \
                    or self.where(actor):
                continue  # the target, a name in its phrase ("le maire, Jean X, a été abattu"), a place's adjective
            seen.add(actor.name)
            t = ev.type
            sector = actor.sector or "none"
            kind = _actor_kind(actor)
            gram = self.role(actor)
            side = "before" if b <= start else "after"
            near = "next" if dist < 0 else str(dist) if dist <= WINDOW else "far"
            feats = [f"dist={near}", f"dist={t}:{near}", f"main={actor.name in self.main}",
                     f"rank={bucket(len(seen), (1, 2, 3))}",
                     f"role={gram}", f"role={near}:{gram}", f"side={side}", f"sector={sector}",
                     f"sector={t}:{sector}", f"kind={kind}", f"kind={t}:{kind}",
                     f"mentions={bucket(self.counts[actor.name], (1, 2, 4))}",
                     f"acts={bucket(self.acting[actor.name], (0, 1, 3))}",
                     f"acts_type={self.acting_type[(actor.name, t)] > 0}", f"first={actor.name == self.first}",
                     f"has_target={target is not None}",
                     f"targeted={bucket(self.targeted[actor.name], (0, 1, 3))}",
                     f"targeted_type={self.targeted_type[(actor.name, t)] > 0}",
                     f"speaker={speaker is not None and actor.name == speaker}"]
            other = ev.source if role == "target" else ev.target  # the event's other side
            same = other is not None and other.country is not None and other.country == actor.country
            other_sector = other.sector if other is not None and other.sector else "none"
            if role == "target":
                feats += [f"src_kind={'none' if other is None else _actor_kind(other)}", f"same_country={same}",
                          f"role={t}:{gram}", f"sides={other_sector}>{sector}"]
            else:  # who would do it to the event's target
                feats += [f"sides={t}:{sector}>{other_sector}", f"same_country={same}"]
            out.append((actor, feats))
            if len(out) >= 8:
                break
        return out

    def reacting(self, ev: Event) -> frozenset[str]:
        """The sources of the acts this event undergoes ("la fusillade a été condamnée par X", "X a
        dénoncé l'attentat"), and of a condemnation told in a violent event's sentence ("X a exprimé son
        indignation après l'attentat"): X reacts to the event, it did not do it."""
        doc = self.analysis.doc
        out: set[str] = set()
        for other in self.events:
            if other is ev or other.source is None or other.evidence.span != ev.evidence.span:
                continue
            if other.type == "ACCUSE" and ev.type in ("ASSAULT", "COERCE"):
                # "le président a exprimé son indignation après l'attentat": who condemns in the
                # attack's sentence is not its author
                out |= self.names_within(other.source)
                continue
            span = doc.char_span(*other.trigger.span, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for c in span.root.children:
                if c.dep_ in ("obj", "dobj") or c.dep_ in PASS_SUBJ:
                    lo, hi = doc[c.left_edge.i].idx, doc[c.right_edge.i].idx + len(doc[c.right_edge.i])
                    if lo <= ev.trigger.span[0] < hi:
                        out |= self.names_within(other.source)
        return frozenset(out)

    def names_within(self, actor: Actor) -> set[str]:
        """An actor's name and the names of the mentions inside its words."""
        a, b = actor.span
        return {actor.name} | {m.name for m in self.mentions if a <= m.span[0] and m.span[1] <= b}

    def target_words(self, ev: Event) -> frozenset[int]:
        """The tokens of the target's phrase and of the trigger's passive subjects and objects, appositions
        included ("le maire de la commune, Jean X, a été abattu"; "a tué le général iranien Ali X", whose
        target is the adjective's state; "une frappe a tué le général X", the object of the verb the
        trigger is the subject of), not the clauses that modify them."""
        doc = self.analysis.doc
        heads = []
        trig = doc.char_span(*ev.trigger.span, alignment_mode="expand")
        if trig is not None and len(trig):  # the parser may read an apposition as a second passive subject
            heads += [c for c in trig.root.children if c.dep_ in PASS_SUBJ or c.dep_ in OBJ]
            if trig.root.dep_ in SUBJ:  # "une frappe a tué le général X": the noun's verb's object
                heads += [c for c in trig.root.head.children if c.dep_ in OBJ]
        if ev.target is not None and ev.target.span[1] > ev.target.span[0]:
            span = doc.char_span(ev.target.span[0], ev.target.span[1], alignment_mode="expand")
            heads += [span.root] if span is not None and len(span) else []
        out: set[int] = set()
        stack = heads
        while stack:
            tok = stack.pop()
            out.add(tok.i)
            stack += [c for c in tok.children if c.dep_.split(":")[0] not in ("acl", "relcl", "advcl", "punct")]
        return frozenset(out)

    def words_of(self, actor: Actor) -> Any:
        """The tokens of a mention (None when its span is not the document's), once per span."""
        key = tuple(actor.span)
        if key not in self._words:
            span = self.analysis.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
            self._words[key] = span if span is not None and len(span) else None
        return self._words[key]

    def inside(self, actor: Actor, words: frozenset[int]) -> bool:
        span = self.words_of(actor) if words else None
        return span is not None and span.root.i in words

    def where(self, actor: Actor) -> bool:
        """An actor's adjective on the noun of a place adjunct tells where, not who: "tué dans une
        mosquée sunnite", "près de l'ambassade américaine"."""
        span = self.words_of(actor)
        if span is None:
            return False
        root = span.root  # an adjective, or a bare modifier the parser calls a noun ("mosquée chiite")
        if root.dep_ != "amod" and not (root.dep_ in ("nmod", "compound") and len(span) == 1 and root.is_lower
                                        and root.i > root.head.i and not any(c.dep_ == "case" for c in root.children)):
            return False
        noun = root.head
        cases = {c.lower_ for c in noun.children if c.dep_ == "case"}
        if noun.dep_ == "pobj":  # English: the preposition is the noun's head
            cases.add(noun.head.lower_)
        return bool(cases & self.place_preps)

    def unresolved_pronoun(self, ev: Event) -> bool:
        """The trigger's clause has a subject pronoun the coder refused to resolve (its antecedent
        disagreed in number or gender, or actors of both sides fit): the slot stays empty."""
        span = self.analysis.doc.char_span(*ev.trigger.span, alignment_mode="expand")
        if span is None or not len(span):
            return False
        verb = span.root
        return any(c.dep_ in SUBJ + PASS_SUBJ and c.i in self.refused for c in verb.children)

    def infer_target(self, ev: Event) -> Event:
        """An event whose clause names no target ("Le parti a dénoncé une « manœuvre »"): the likeliest
        actor of the article by the judge file's third model (``target_weights``), on the features of the
        source candidates, from the target's side (the event's own source is never its target), when it
        reaches ``target_threshold``; marked ``"inferred": "context"``, with its score in the explanation."""
        if ev.target is not None or ev.negated or ev.hypothetical:
            return ev
        found = self._best("target_for", ev, self.candidates(ev, role="target"), self.judge.target_weights,
                           self.judge.target_probability)
        if found is None or found[0][0] < self.judge.target_threshold:
            return ev
        (p, parts), actor = found
        return replace(ev, target=replace(actor, inferred="context"), target_found=Found.CONTEXT,
                       explanation=f"{ev.explanation[:-1]}; target inferred from the article: '{actor.text}' "
                                   f"(target score {p:.2f}: {_top(parts)}).")

    def _best(self, key: str, ev: Event, cands: list[tuple[Actor, list[str]]], weights: dict[str, float],
              probability: Any) -> tuple[tuple[float, list[tuple[str, float]]], Actor] | None:
        """The candidate ``probability`` scores highest (None without candidates or a trained model); in
        training's collection run, every candidate recorded under ``key`` ("context_for", "target_for")."""
        if self.judge.collect is not None:
            for actor, feats in cands:
                self.judge.collect.append({key: [ev.article_id, list(ev.trigger.span), ev.type],
                                           "actor": {"name": actor.name, "text": actor.text,
                                                     "country": actor.country, "sector": actor.sector,
                                                     "kb_id": actor.kb_id}, "features": feats})
            return None
        if not weights or not cands:
            return None
        return max(((probability(feats), actor) for actor, feats in cands), key=lambda x: x[0][0])

    def infer(self, ev: Event, bar: float | None = None) -> Event:
        if self.unresolved_pronoun(ev):
            return ev
        found = self._best("context_for", ev, self.candidates(ev), self.judge.source_weights,
                           self.judge.source_probability)
        if found is None or found[0][0] < (self.judge.source_threshold if bar is None else bar):
            return ev
        (p, parts), actor = found
        weak = "" if p >= self.judge.source_threshold else "; an event kept anyway: the likeliest"
        return replace(ev, source=replace(actor, inferred="context"), rule=ev.rule + "+context",
                       source_found=Found.CONTEXT,
                       explanation=f"{ev.explanation[:-1]}; source inferred from the article: '{actor.text}' "
                                   f"(context score {p:.2f}: {_top(parts)}{weak}).")


def _actor_kind(actor: Actor) -> str:
    """A state, an actor the dictionary knows, or a name from the text alone."""
    return "state" if actor.is_state else "known" if actor.kb_id else "text"


def _top(parts: list[tuple[str, float]]) -> str:
    """The three features that weighed most, as the explanation shows them."""
    return ", ".join(f"{n} {w:+.2f}" for n, w in parts[:3])
