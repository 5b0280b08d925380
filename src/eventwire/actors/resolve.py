"""The actor resolver: noun phrases to actors, from the dictionary; shared by every stage.

Public interface (see ``docs/actors.md``)::

    resolver = resolver_for(resources, "fr")          # built once per process
    resolver.resolve(span, published="2020-11-05")     # the actor a noun phrase stands for
    resolver.resolve_person(span)                      # the person named in the phrase
    resolver.country_of(span)                          # ISO3 of the country the phrase names
    resolver.adjectival(span)                          # "un raid américain" -> United States
    resolver.affiliation(span)                         # "M. Sabbagh" -> Asaib Ahl al-Haq
    resolver.actor_at(analysis, char_offset)           # the stage's mention covering an offset
    resolver.mentions(doc, published)                  # every actor mention of a document

``resolve`` looks at the head (root) of the phrase: a dictionary name covering it wins
("Kataëb Hezbollah", "Washington", "les Américains"); else a role word ("forces",
"gouvernement", "président", "troops") combined with the country the phrase names; else a
generic actor noun ("hommes armés", "protesters"); else a named entity. When the head is a
spokesperson, official, minister or member ("le porte-parole d'Asaïb Ahl al-Haq,
Nadim Sabbagh"), ``resolve`` returns what the person acts for and ``resolve_person`` the
person. Office roles ("le président américain") resolve to the office holder on the
``published`` date when the dictionary knows them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..config import Config
from ..languages import Registry, registry
from ..records import Actor, Analysis, state_id
from ..text import doc_text, fold_name, sentence, span_text
from .dictionary import ActorDictionary, ActorEntry, Alias, GenericNoun, RoleWord, load_dictionary
from .norm import Match, Word, words
from .words import ResolverWords

if TYPE_CHECKING:
    from ..pipeline import Resources

DICTIONARY_KEY = "actor-dictionary"
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP"})
_PHRASE_DEPS = frozenset({"amod", "nmod", "compound", "flat", "flat:name", "fixed", "case", "det",
                          "nummod", "poss", "nmod:poss", "pobj", "prep", "nn"})
_MAX_PHRASE = 12
_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod", "appos", "flat:name", "poss", "nmod:poss"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved actor plus how it was found (``how``: name, role, generic, entity, person)."""

    actor: Actor
    how: str


class Resolver(Protocol):
    """What other stages may ask of the actor resolver (:func:`resolver_for`; see ``docs/actors.md``).

    :class:`ActorResolver` is the implementation; type a resolver you receive as ``Resolver`` and
    call its methods directly (a renamed method is then a type error, not a feature switched off)."""

    def resolve(self, span: Any, published: str | None = None) -> Actor | None: ...
    def resolve_person(self, span: Any) -> Actor | None: ...
    def affiliation(self, span: Any) -> Actor | None: ...
    def country_of(self, span: Any) -> str | None: ...
    def adjectival(self, span: Any) -> Actor | None: ...
    def actor_at(self, analysis: Analysis, char: int) -> Actor | None: ...
    def mentions(self, doc: Any, published: str | None = None) -> tuple[Actor, ...]: ...


class ActorResolver:
    """Resolves noun phrases (spaCy ``Span``) to :class:`Actor` records; read-only. Implements
    :class:`Resolver`; build it through :func:`resolver_for`."""

    def __init__(self, dictionary: ActorDictionary, lang: str, langs: Registry) -> None:
        self.dictionary = dictionary
        self.lang = lang if lang in dictionary.heads else "en"
        self.words = ResolverWords.load(langs, self.lang)

    # --- public API ----------------------------------------------------------------

    def resolve(self, span: Any, published: str | None = None) -> Actor | None:
        """The actor the phrase stands for, or None when it names no actor.

        A person's ``text`` keeps the title before the name in the phrase ("Serbian
        President Vojislav Kostunica"); ``name`` is the person's full name."""
        found = self._resolve(span, span.root, published)
        if found is None:
            return None
        return _with_title(span, found.actor, self.words.not_title) if self._is_person(found) else found.actor

    def resolve_person(self, span: Any) -> Actor | None:
        """The person a phrase names ("le porte-parole ..., Nadim Sabbagh" -> Nadim Sabbagh)."""
        for hit in self._hits(span):
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.kind == "person":
                return self._entry_actor(_source(span), hit, entry)
        trie = self.dictionary.heads[self.lang]
        people = [e for e in span.ents if e.label_ in PERSON_LABELS   # "Président" is no name
                  and not _only_heads(trie, words(span_text(e), e.start_char), self.words.not_name)]
        return self._entity_actor(people[-1], tuple(span.doc.ents)) if people else None

    def affiliation(self, span: Any) -> Actor | None:
        """What the person a phrase names acts for, as the article introduces them
        ("M. Sabbagh" after "le porte-parole d'Asaïb Ahl al-Haq, Nadim Sabbagh" ->
        Asaib Ahl al-Haq; "Iranian Foreign Minister Mohammad Javad Zarif" -> Iran)."""
        person = self.resolve_person(span)
        if person is None:
            return None
        ents = tuple(span.doc.ents)
        for ent in ents:
            if ent.label_ in PERSON_LABELS and _person_name(ent, ents, self.words.honorifics) == person.name:
                found = self._introduced_as(ent)
                if found is not None:
                    return found
        return None

    def _introduced_as(self, ent: Any) -> Actor | None:
        """The body an official role phrase next to a person mention acts for."""
        sent = ent.sent if ent.doc.has_annotation("SENT_START") else ent.doc[:]
        before = ent.doc[max(sent.start, ent.start - 10):ent.start]
        after = ent.doc[ent.end:min(sent.end, ent.end + 10)]
        for window in (before, after):
            ws = words(span_text(window), window.start_char)
            hits = self.dictionary.names.find_all(ws)
            for i in range(len(ws)):
                for last, values in self.dictionary.heads[self.lang].all_values_at(ws, i):
                    kinds = {v.kind for v in values if isinstance(v, RoleWord)}
                    if kinds & {"official", "leader"}:
                        found = self._acting_for(window, (ws[i].start, ws[last].end), ws, hits)
                        if found is not None:
                            return found.actor
        return None

    def country_of(self, span: Any) -> str | None:
        """ISO3 of the country a phrase names (demonym first, then names and metonyms)."""
        ws = words(span_text(span), span.start_char)
        hits = self._state_hits(ws, self.dictionary.names.find_all(ws))
        if hits:
            return self.dictionary.entries[hits[0].value.entry_id].country
        for hit in self.dictionary.names.find_all(ws):
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.country:
                return entry.country
        return None

    def adjectival(self, span: Any) -> Actor | None:
        """The state a modifier names in a nominal phrase ("un raid américain", "a US strike")."""
        ws = words(span_text(span), span.start_char)
        hits = self._state_hits(ws, self.dictionary.names.find_all(ws))
        if not hits:
            return None
        return self._entry_actor(_source(span), hits[0], self.dictionary.entries[hits[0].value.entry_id])

    def actor_at(self, analysis: Analysis, char: int) -> Actor | None:
        """The mention in ``analysis.actors`` covering character ``char``, if any."""
        for actor in analysis.actors:
            if actor.span[0] <= char < actor.span[1]:
                return actor
        return None

    def mentions(self, doc: Any, published: str | None = None) -> tuple[Actor, ...]:
        """Every actor mention of a document, non-overlapping, in text order."""
        src = _Source(doc_text(doc), 0)
        ws = words(src.text)
        doc_words = _DocWords(src.text, ws, self.dictionary.names.find_all(ws))
        found = self._name_mentions(doc, src, doc_words) + self._head_mentions(doc, doc_words, published)
        kept = _non_overlapping(found)
        kept += [f for f in self._entity_mentions(doc, doc_words) if not _overlaps(f, kept)]
        return tuple(f.actor for f in sorted(kept, key=lambda f: f.actor.span))

    # --- resolution ----------------------------------------------------------------

    def _resolve(self, span: Any, root: Any, published: str | None,
                 doc_words: _DocWords | None = None) -> _Found | None:
        if doc_words is None:
            ws = words(span_text(span), span.start_char)
            hits = self.dictionary.names.find_all(ws)
        else:
            ws, hits = doc_words.within(span.start_char, span.end_char)
        at_root = self._name_at(span, root, hits, doc_words)
        if at_root is not None:
            return at_root
        own = self._head_at(words(root.text, root.idx), root.idx)
        if own is not None and not any(isinstance(v, RoleWord) and v.kind in ("official", "leader")
                                       for v in own[2]):
            named = self._apposed_name(root)      # "le Hachd al-Chaabi, coalition de ..."
            if named is not None:
                return named
        by_head = self._by_head(span, root, ws, hits, published)
        if by_head is not None:
            return by_head
        return self._by_entity(span, root)

    def _apposed_name(self, root: Any) -> _Found | None:
        """The group a generic head noun stands in apposition to ("le Hachd al-Chaabi,
        coalition de factions" -> Popular Mobilization Forces; "X, a coalition of militias")."""
        linked = [root.head] if root.dep_ == "appos" and root.head.i != root.i else []
        first = root.left_edge.i if root.left_edge.i < root.i else root.i
        if (root.dep_ in ("nmod", "conj") and root.head.i < first
                and root.doc[first - 1].text == ","):   # "le Hachd al-Chaabi, coalition de ..."
            linked.append(root.head)
        linked += [c for c in root.children if c.dep_ == "appos"]
        own = root.doc[root.left_edge.i:root.i + 1]
        for tok in linked:
            phrase = _phrase(tok)
            ws = words(span_text(phrase), phrase.start_char)
            for hit in self.dictionary.names.find_all(ws):
                entry = self.dictionary.entries[hit.value.entry_id]
                if hit.start <= tok.idx < hit.end and entry.kind == "entry" and self._same_country(own, entry):
                    return _Found(self._entry_actor(_source(phrase), hit, entry), "name")
        return None

    def _same_country(self, phrase: Any, entry: ActorEntry) -> bool:
        """False when the phrase names a country and the entry belongs to another: "the Burkinabe army
        (FDS)" is not Syria's FDS, whatever the acronym also stands for."""
        named = self.country_of(phrase) if entry.country else None
        return named is None or named == entry.country

    def _is_person(self, found: _Found) -> bool:
        entry = self.dictionary.entries.get(found.actor.kb_id or "")
        return found.how == "person" or (entry is not None and entry.kind == "person")

    def _name_at(self, span: Any, root: Any, hits: list[Match[Alias]],
                 doc_words: _DocWords | None = None) -> _Found | None:
        """A dictionary name covering the head, looking a few words beyond the span when the
        phrase cuts a name ("Haram" of "Boko Haram")."""
        at_root = [h for h in hits if h.start <= root.idx < h.end]
        if not at_root and fold_name(root.text).split("-")[0] in self.words.former:    # "l'ex Front al-Nosra"
            gap = root.idx + len(root.text) + 2
            at_root = [h for h in hits if root.idx <= h.start <= gap
                       and self.dictionary.entries[h.value.entry_id].kind != "state"][:1]
        src = _source(span)
        if not at_root and doc_words is not None:
            src = _Source(doc_words.text, 0)
            at_root = [h for h in doc_words.hits if h.start <= root.idx < h.end]
        elif not at_root:
            wide = _widen(span)
            src = _source(wide)
            wide_hits = self.dictionary.names.find_all(words(span_text(wide), wide.start_char))
            at_root = [h for h in wide_hits if h.start <= root.idx < h.end and h.end - h.start > len(root)]
        if not at_root:
            return None
        entry = self.dictionary.entries[at_root[0].value.entry_id]
        return _Found(self._entry_actor(src, at_root[0], entry), "name")

    def _by_head(self, span: Any, root: Any, ws: list[Word], hits: list[Match[Alias]],
                 published: str | None) -> _Found | None:
        head = self._head_at(ws, root.idx)
        if head is None:
            return None
        start, end, values = head
        titles = any(isinstance(v, RoleWord) and v.kind in ("leader", "official", "group") for v in values)
        if _part_of_name(root) and not titles:      # "Marine" Le Pen
            return None
        for value in values:
            found = self._build(span, (start, end), value, ws, hits, published)
            if found is not None:
                return found
        return None

    def _head_at(self, ws: list[Word], char: int) -> tuple[int, int, list[RoleWord | GenericNoun]] | None:
        trie = self.dictionary.heads[self.lang]
        best: tuple[int, int, list[RoleWord | GenericNoun]] | None = None
        for i, w in enumerate(ws):
            if w.start > char:
                break
            for last, values in trie.all_values_at(ws, i):
                if ws[last].end > char and (best is None or ws[last].end - w.start > best[1] - best[0]):
                    best = (w.start, ws[last].end, values)
        return best

    def _build(self, span: Any, head: tuple[int, int], value: RoleWord | GenericNoun,
               ws: list[Word], hits: list[Match[Alias]], published: str | None) -> _Found | None:
        if isinstance(value, GenericNoun):
            return self._generic(span, head, value, ws, hits)
        if value.kind == "official":
            return self._acting_for(span, head, ws, hits)
        if value.kind == "group":
            group = self._group_hit(hits, head)
            if group is not None:
                return self._with_phrase(span, head, group, value.sector)
            named = self._unknown_group(span, head, value.sector, ws, hits)
            if named is None and self.lang == "en":  # "the X Y Front"; French puts the noun first
                named = _named_by_head(span, head, value.sector, hits)
            return named
        return self._role(span, head, value, ws, hits, published)

    def _generic(self, span: Any, head: tuple[int, int], noun: GenericNoun, ws: list[Word],
                 hits: list[Match[Alias]]) -> _Found:
        group = self._group_hit(hits, head)
        if group is not None:
            return self._with_phrase(span, head, group, noun.sector)
        if noun.sector == "IGO":  # "the opposition coalition", "une coalition rebelle": its members' kind
            modifier = self._generic_modifier(span, head)
            if modifier is not None and modifier.actor.sector != "IGO" and _adjacent(modifier.actor.span, head):
                return modifier
        named = self._unknown_group(span, head, noun.sector, ws, hits) or _named_before(span, head, noun.sector, hits)
        if named is not None:
            return named
        state = _first(self._state_hits(ws, hits))
        country = self.dictionary.entries[state.value.entry_id].country if state else None
        text_span = _cover(head, state)
        actor = Actor(text=_source(span).cut(*text_span), name=noun.name, span=text_span,
                      country=country, sector=noun.sector)
        return _Found(actor, "generic")

    def _acting_for(self, span: Any, head: tuple[int, int], ws: list[Word],
                    hits: list[Match[Alias]]) -> _Found | None:
        for hit in _after_first(hits, head[1]):
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.kind != "person" and not _locative(ws, hit, self.words):
                actor = self._entry_actor(_source(span), hit, entry)
                return _Found(replace(actor, sector=actor.sector or "GOV"), "name")
        return None

    def _role(self, span: Any, head: tuple[int, int], role: RoleWord, ws: list[Word],
              hits: list[Match[Alias]], published: str | None) -> _Found | None:
        states = self._state_hits(ws, hits)
        if _possessed(span, head):      # "leurs forces d'Irak": the owner is not Iraq
            states = [h for h in states if h.value.form == "demonym"]
        state = _first(states)
        if state is None:
            return self._stateless_role(span, head, role, hits)
        entry = self.dictionary.entries[state.value.entry_id]
        text_span = _cover(head, state)
        if role.kind == "ministry":
            text_span = _cover(text_span, _first(self.dictionary.portfolios.find_all(ws)))
        if role.kind == "leader":
            return self._leader(span, text_span, role, entry, published)
        name = self._role_name(span, role, entry)
        kb_id = entry.id if name == entry.name else None
        actor = Actor(text=_source(span).cut(*text_span), name=name, span=text_span,
                      country=entry.country, sector=role.sector, kb_id=kb_id)
        return _Found(actor, "role")

    def _role_name(self, span: Any, role: RoleWord, state: ActorEntry) -> str:
        adjective = state.adjective or state.name
        if role.kind == "ministry":
            ws = words(span_text(span), span.start_char)
            hit = _first(self.dictionary.portfolios.find_all(ws))
            if hit is not None:
                return f"{adjective} Ministry of {hit.value}"
        if role.kind in ("body", "ministry") and role.name:
            return role.name.format(adj=adjective, country=state.name)
        return state.name

    def _leader(self, span: Any, text_span: tuple[int, int], role: RoleWord, state: ActorEntry,
                published: str | None) -> _Found:
        named = self.resolve_person(span)
        holder = self.dictionary.holder(state.country, role.role or "", (published or "")[:10] or None)
        text = _source(span).cut(*text_span)
        if named is not None:
            return _Found(replace(named, country=named.country or state.country), "role")
        if holder is not None:
            actor = Actor(text=text, name=holder.name, span=text_span, country=state.country,
                          sector=holder.sector, kb_id=holder.id)
            return _Found(actor, "role")
        name = (role.name or "{adj} leader").format(adj=state.adjective or state.name, country=state.name)
        actor = Actor(text=text, name=name, span=text_span, country=state.country, sector=role.sector)
        return _Found(actor, "role")

    def _stateless_role(self, span: Any, head: tuple[int, int], role: RoleWord,
                        hits: list[Match[Alias]]) -> _Found | None:
        group = self._group_hit(hits, head)
        if group is not None:
            return self._with_phrase(span, head, group, role.sector)
        if role.kind == "leader":
            person = self.resolve_person(span)
            return _Found(person, "role") if person else None
        ruled = self._ruled_by(span, head, role, hits)
        if ruled is not None:
            return ruled
        modifier = self._generic_modifier(span, head)
        if modifier is not None:
            return modifier
        if not role.bare or _possessed(span, head):   # "leurs forces": the possessor acts
            return None
        actor = Actor(text=_source(span).cut(*head), name=role.bare, span=head, sector=role.sector)
        return _Found(actor, "generic")

    def _ruled_by(self, span: Any, head: tuple[int, int], role: RoleWord,
                  hits: list[Match[Alias]]) -> _Found | None:
        """A state body named after its leader ("Assad's regime", "le régime de Bachar
        al-Assad", "Putin's government"): the leader's state."""
        if role.kind not in ("forces", "body"):
            return None
        src = _source(span)
        if not any(self.dictionary.entries[h.value.entry_id].kind == "person" for h in hits):
            wide = _widen(span)          # "le régime de Bachar al-" cut by the parse
            src = _source(wide)
            hits = self.dictionary.names.find_all(words(span_text(wide), wide.start_char))
        for hit in hits:
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.kind != "person" or not entry.country or not entry.offices:
                continue
            if hit.end <= head[0]:
                gap = src.cut(hit.end, head[0]) if hit.end >= src.base else "?"
            elif hit.start >= head[1]:
                gap = src.cut(head[1], hit.start)
            else:
                continue
            if fold_name(gap).replace("’", "'").strip() not in self.words.ruler_links:
                continue
            state = self.dictionary.entries.get(state_id(entry.country))
            if state is None:
                continue
            text_span = _cover(head, hit)
            name = self._role_name(span, role, state)
            actor = Actor(text=src.cut(*text_span), name=name, span=text_span,
                          country=state.country, sector=role.sector,
                          kb_id=state.id if name == state.name else None)
            return _Found(actor, "role")
        return None

    def _unknown_group(self, span: Any, head: tuple[int, int], sector: str, ws: list[Word],
                       hits: list[Match[Alias]]) -> _Found | None:
        """A name the dictionary does not know after a group noun ("groupe jihadiste somalien
        Hizbul Islam"): country and sector from the words around it."""
        run = _proper_after(span, head[1], hits)
        if run is None:
            return None
        state = _first(self._state_hits(ws, hits))
        modifier = self._generic_modifier(span, head)
        text_span = (head[0], run.end_char)
        actor = Actor(text=_source(span).cut(*text_span), name=run.text, span=text_span,
                      country=self.dictionary.entries[state.value.entry_id].country if state else None,
                      sector=modifier.actor.sector if modifier else sector)
        return _Found(actor, "role")

    def _generic_modifier(self, span: Any, head: tuple[int, int]) -> _Found | None:
        """A generic noun modifying a role word: "opposition forces" -> opposition."""
        ws = words(span_text(span), span.start_char)
        trie = self.dictionary.heads[self.lang]
        for i, w in enumerate(ws):
            if head[0] <= w.start < head[1]:
                continue
            for last, values in trie.all_values_at(ws, i):
                noun = next((v for v in values if isinstance(v, GenericNoun)), None)
                if noun is not None and ws[last].end <= head[0] + 40:
                    text_span = (min(w.start, head[0]), max(ws[last].end, head[1]))
                    actor = Actor(text=_source(span).cut(*text_span), name=noun.name, span=text_span,
                                  sector=noun.sector)
                    return _Found(actor, "generic")
        return None

    def _group_hit(self, hits: list[Match[Alias]], head: tuple[int, int]) -> Match[Alias] | None:
        for hit in _after_first(hits, head[1]):
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.kind == "entry":
                return hit
        return None

    def _with_phrase(self, span: Any, head: tuple[int, int], hit: Match[Alias], sector: str) -> _Found:
        """A head noun + a group ("forces de la coalition", "milices chiites")."""
        entry = self.dictionary.entries[hit.value.entry_id]
        text_span = _cover(head, hit)
        community = entry.sector in ("ETH", "REL")
        actor = Actor(text=_source(span).cut(*text_span), name=entry.name, span=text_span,
                      country=entry.country, sector=sector if community else entry.sector, kb_id=entry.id)
        return _Found(actor, "name")

    def _state_hits(self, ws: list[Word], hits: list[Match[Alias]]) -> list[Match[Alias]]:
        """State hits not introduced by a locative preposition, demonyms first."""
        states = [h for h in hits if self.dictionary.entries[h.value.entry_id].kind == "state"
                  and not _locative(ws, h, self.words)]
        return sorted(states, key=lambda h: h.value.form != "demonym")

    def _by_entity(self, span: Any, root: Any) -> _Found | None:
        ent = _entity_at(root)
        if ent is None or ent.label_ not in PERSON_LABELS | ORG_LABELS:
            return None
        ents = tuple(span.doc.ents) if ent.label_ in PERSON_LABELS and len(ent) < 3 else ()
        actor = self._entity_actor(ent, ents)
        if actor.country is None and ent.start > span.start:
            actor = self._titled(span.doc[span.start:ent.start], actor)
        return _Found(actor, "person" if ent.label_ in PERSON_LABELS else "entity")

    def _titled(self, title: Any, actor: Actor) -> Actor:
        """Country and sector from a title before a name ("Serbian President X")."""
        ws = words(span_text(title), title.start_char)
        state = _first(self._state_hits(ws, self.dictionary.names.find_all(ws)))
        if state is None:
            return actor
        roles = [v for i in range(len(ws)) for _, vs in self.dictionary.heads[self.lang].all_values_at(ws, i)
                 for v in vs if isinstance(v, RoleWord)]
        sector = roles[0].sector if roles else actor.sector
        return replace(actor, country=self.dictionary.entries[state.value.entry_id].country, sector=sector)

    # --- actors from entries and entities ------------------------------------------

    def _entry_actor(self, src: _Source, hit: Match[Alias], entry: ActorEntry) -> Actor:
        end = hit.end
        if src.cut(end - 2, end - 1) == "." and src.cut(end, end + 1) == ".":   # "U.S." keeps its dot
            end += 1
        return Actor(text=src.cut(hit.start, end), name=entry.name, span=(hit.start, end),
                     country=entry.country, sector=entry.sector, kb_id=entry.id)

    def _entity_actor(self, ent: Any, ents: tuple[Any, ...]) -> Actor:
        """An actor for a named entity; ``ents`` are the document's (for surnames)."""
        name = _person_name(ent, ents, self.words.honorifics) if ent.label_ in PERSON_LABELS else ent.text
        country, sector = self._context_of(ent)
        if ent.label_ in PERSON_LABELS and (country is None or sector is None):
            titled = self._titled(_title_before(ent), Actor(text="", name="", span=(0, 0)))
            country, sector = country or titled.country, sector or titled.sector
        return Actor(text=ent.text, name=name, span=(ent.start_char, ent.end_char),
                     country=country, sector=sector)

    def _context_of(self, ent: Any) -> tuple[str | None, str | None]:
        """Country and sector said around an entity ("le groupe jihadiste somalien X")."""
        head = ent.root.head if ent.root.head.i not in range(ent.start, ent.end) else ent.root
        if head.i in range(ent.start, ent.end) or head.pos_ not in ("NOUN", "PROPN"):
            return None, None
        outside = [c for c in head.children if c.i not in range(ent.start, ent.end)]
        country: str | None = None
        sector: str | None = None
        for part in [head.doc[head.i:head.i + 1], *(_subtree(c) for c in outside)]:
            ws = words(span_text(part), part.start_char)
            hit = _first(self._state_hits(ws, self.dictionary.names.find_all(ws)))
            country = country or (self.dictionary.entries[hit.value.entry_id].country if hit else None)
            found = self._head_at(ws, part.start_char) if ws else None
            if found is not None and sector is None:
                sector = next((v.sector for v in found[2] if isinstance(v, GenericNoun)), None)
        return country, sector

    # --- mentions (the stage) ------------------------------------------------------

    def _hits(self, span: Any) -> list[Match[Alias]]:
        return self.dictionary.names.find_all(words(span_text(span), span.start_char))

    def _name_mentions(self, doc: Any, src: _Source, doc_words: _DocWords) -> list[_Found]:
        out: list[_Found] = []
        ws = doc_words.words
        for hit in doc_words.hits:
            entry = self.dictionary.entries[hit.value.entry_id]
            if entry.kind == "state" and (_locative(ws, hit, self.words) or not self._nominal(doc, hit)):
                continue
            out.append(_Found(self._entry_actor(src, hit, entry), "name"))
        return out

    def _nominal(self, doc: Any, hit: Match[Alias]) -> bool:
        """Whether a state hit names an actor: a demonym only as a noun ("les Américains",
        not "américain"), a capital not as a noun modifier ("l'accord de Minsk")."""
        if hit.value.form == "name":
            return True
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None:
            return False
        if hit.value.form == "metonym":
            return span.root.dep_ not in _MODIFIER_DEPS
        return span.root.pos_ in ("NOUN", "PROPN") and span.root.dep_ != "amod"

    def _head_mentions(self, doc: Any, doc_words: _DocWords, published: str | None) -> list[_Found]:
        ws = doc_words.words
        trie = self.dictionary.heads[self.lang]
        out: list[_Found] = []
        i = 0
        while i < len(ws):
            matches = trie.all_values_at(ws, i)
            if not matches:
                i += 1
                continue
            found = self._head_mention(doc, ws[i].start, published, doc_words)
            if found is not None and found.how in ("role", "generic"):
                out.append(found)
            i = matches[0][0] + 1
        return out

    def _head_mention(self, doc: Any, char: int, published: str | None,
                      doc_words: _DocWords) -> _Found | None:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return None
        tok = span[0]
        if tok.pos_ not in ("NOUN", "PROPN", "PRON") or _part_of_name(tok):
            return None
        if _modifies_head(tok, self.dictionary.heads[self.lang]):
            return None
        phrase = _phrase(tok)
        run = _name_run(doc, phrase.end)
        if run is not None:
            phrase = doc[phrase.start:run.end]
        return self._resolve(phrase, tok, published, doc_words)

    def _entity_mentions(self, doc: Any, doc_words: _DocWords) -> list[_Found]:
        ents = tuple(doc.ents)
        trie = self.dictionary.heads[self.lang]
        out: list[_Found] = []
        for ent in ents:
            if ent.label_ not in PERSON_LABELS | ORG_LABELS:
                continue
            ws, hits = doc_words.within(ent.start_char, ent.end_char)
            if not _only_heads(trie, ws, self.words.not_name) and not hits:
                out.append(_Found(self._entity_actor(ent, ents), "entity"))
        return out


# --- helpers -------------------------------------------------------------------------

_T = TypeVar("_T")


def _first(items: list[Match[_T]]) -> Match[_T] | None:
    return items[0] if items else None


def _after_first(hits: list[Match[Alias]], after: int) -> list[Match[Alias]]:
    """Hits after the head first (complements: "porte-parole du X"), then before it."""
    return [h for h in hits if h.start >= after] + [h for h in hits if h.start < after]


def _locative(ws: list[Word], hit: Match[Alias], lists: ResolverWords) -> bool:
    """Whether a hit is introduced by a locative preposition ("en Irak", "in Syria")."""
    i = hit.first - 1
    while i >= 0 and ws[i].norm in lists.articles:
        i -= 1
    return i >= 0 and ws[i].norm in lists.locative and ws[hit.first].start - ws[i].end < 12


def _title_before(ent: Any) -> Any:
    """The words right before a name that may be its title ("le ministre somalien")."""
    start = ent.start
    while start > max(0, ent.start - 5) and ent.doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        start -= 1
    return ent.doc[start:ent.start]


def _possessed(span: Any, head: tuple[int, int]) -> bool:
    """Whether the role word has a possessive determiner ("leurs forces", "their troops")."""
    for tok in span:
        if head[0] <= tok.idx < head[1]:
            return any(c.dep_ in ("det", "poss") and ("Yes" in c.morph.get("Poss") or c.tag_ == "PRP$")
                       for c in tok.children)
    return False


def _with_title(span: Any, actor: Actor, articles: frozenset[str]) -> Actor:
    """The person's text extended left to the start of the phrase, ``articles`` excluded."""
    first = next((t for t in span if fold_name(t.text) not in articles), None)
    if first is None or first.idx >= actor.span[0] or actor.span[1] > span.end_char:
        return actor
    text_span = (first.idx, actor.span[1])
    return replace(actor, text=_source(span).cut(*text_span), span=text_span)


def _widen(span: Any, n: int = 4) -> Any:
    """The span with ``n`` more tokens on each side, within its sentence when parsed."""
    doc = span.doc
    lo, hi = max(0, span.start - n), min(len(doc), span.end + n)
    if doc.has_annotation("SENT_START"):
        sent = sentence(span[0]) if len(span) else None
        if sent is not None:
            lo, hi = max(lo, sent.start), min(hi, sent.end)
    return doc[lo:hi]


def _cover(head: tuple[int, int], hit: Match[Any] | None) -> tuple[int, int]:
    return head if hit is None else (min(head[0], hit.start), max(head[1], hit.end))


@dataclass(frozen=True, slots=True)
class _DocWords:
    """A document's normalised words and dictionary hits, computed once per document."""

    text: str
    words: list[Word]
    hits: list[Match[Alias]]

    def within(self, start: int, end: int) -> tuple[list[Word], list[Match[Alias]]]:
        lo = bisect_left(self.words, start, key=lambda w: w.start)
        hi = bisect_left(self.words, end, key=lambda w: w.start)
        ws = self.words[lo:hi]
        hits = [h._replace(first=h.first - lo, last=h.last - lo) for h in self.hits
                if h.start >= start and h.end <= end]
        return ws, hits


@dataclass(frozen=True, slots=True)
class _Source:
    """A piece of the article text starting at ``base`` (``Doc.text`` is costly to rebuild)."""

    text: str
    base: int

    def cut(self, start: int, end: int) -> str:
        return self.text[start - self.base:end - self.base]


def _source(span: Any) -> _Source:
    return _Source(span_text(span), span.start_char)


def _phrase(tok: Any) -> Any:
    """The compact noun phrase headed by ``tok``: modifiers and complements, no clauses."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _PHRASE_DEPS and abs(child.i - tok.i) <= _MAX_PHRASE:
                keep.add(child.i)
                stack.append(child)
    return tok.doc[min(keep):max(keep) + 1]


def _entity_at(tok: Any) -> Any:
    """The named entity containing ``tok`` (from the IOB tags; cheaper than ``doc.ents``)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=tok.ent_type_)


def _subtree(tok: Any) -> Any:
    return tok.doc[tok.left_edge.i:min(tok.right_edge.i, tok.left_edge.i + 8) + 1]


def _person_name(ent: Any, ents: tuple[Any, ...], honorifics: frozenset[str]) -> str:
    """Full name of a person mention (``honorifics`` left out); a bare surname takes an earlier
    unique full name."""
    kept = [t for t in ent if fold_name(t.text).strip(".") not in honorifics]
    if not kept:
        return ent.text
    text = ent.text[kept[0].idx - ent.start_char:]
    if len(kept) != 1:
        return text
    surname = fold_name(text)
    full = {e.text for e in ents
            if e.label_ in PERSON_LABELS and e.end_char <= ent.start_char and len(e) > 1
            and fold_name(e[-1].text) == surname}
    return full.pop() if len(full) == 1 else text


def place_label(text: str, actor: Actor) -> bool:
    """A country opening a line and followed by a colon is the headline's place label ("Belgique : un
    homme tué à Liège", "Iraq: ..."): where the story happens, not the author of what it tells (it
    still counts as a mention of the state, e.g. the holder of a place taken)."""
    a, b = actor.span
    if not actor.is_state or (a > 0 and text[a - 1] != "\n"):
        return False
    return text[b:b + 3].lstrip(" \u00a0").startswith(":")


def _overlaps(found: _Found, kept: list[_Found]) -> bool:
    s, e = found.actor.span
    return any(s < k.actor.span[1] and k.actor.span[0] < e for k in kept)


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    """Longest first; a mention overlapping a longer one is dropped."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.actor.span[0] - f.actor.span[1], f.actor.span[0])):
        if not _overlaps(f, kept):
            kept.append(f)
    return kept


def dictionary_for(resources: Resources) -> ActorDictionary:
    """The compiled actor dictionary, loaded once per process."""
    return resources.get(DICTIONARY_KEY, load_dictionary)


def resolver_for(resources: Resources, lang: str) -> Resolver:
    """The resolver for a language: built once per process and kept in ``resources``, so that every
    stage (actors, quotes, coder, counterparts) shares it. The one way to get a resolver."""
    dictionary = dictionary_for(resources)
    resolver: Resolver = resources.get(f"actor-resolver-{lang}", lambda cfg: _build(dictionary, lang, cfg))
    return resolver


def _build(dictionary: ActorDictionary, lang: str, config: Config) -> Resolver:
    return ActorResolver(dictionary, lang, registry(config.language_dirs))


def _name_run(doc: Any, i: int) -> Any:
    """Capitalised words right after token ``i`` (a name following a noun), if any."""
    end = i
    while end < len(doc) and end - i < 5 and _capitalised(doc[end]):
        end += 1
    return doc[i:end] if end > i else None


def _capitalised(tok: Any) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _named_by_head(span: Any, head: tuple[int, int], sector: str, hits: list[Match[Alias]]) -> _Found | None:
    """A name the dictionary does not know that ends in a group noun ("the Pedro Ruiz Front", "the Red
    Cells Brigade"): a run of at least two capitalised words closing on the head, no dictionary name
    among them (a state's or a known body's word keeps its own reading), is a group of the noun's
    sector, named as written."""
    toks = [t for t in span if t.idx < head[1]]
    if not toks or toks[-1].idx + len(toks[-1]) != head[1] or not toks[-1].text[:1].isupper():
        return None
    i = len(toks)
    while i > 0 and _capitalised(toks[i - 1]):
        i -= 1
    run = toks[i:]
    if len(run) < 2 or any(h.start < head[1] and run[0].idx < h.end for h in hits):
        return None
    return _named_as_written(span, run[0].idx, head, sector)


def _named_as_written(span: Any, start: int, head: tuple[int, int], sector: str) -> _Found:
    """An unknown group named by its words from ``start`` to the end of its head noun, as written."""
    text_span = (start, head[1])
    text = _source(span).cut(*text_span)
    return _Found(Actor(text=text, name=text, span=text_span, sector=sector), "role")


def _proper_after(span: Any, after: int, hits: list[Match[Alias]]) -> Any:
    """The first run of capitalised words after char ``after`` outside dictionary hits."""
    for tok in span:
        if tok.idx < after or any(h.start <= tok.idx < h.end for h in hits):
            continue
        if _capitalised(tok):
            run = _name_run(tok.doc, tok.i)
            return run[:max(1, min(len(run), span.end - tok.i))] if run is not None else None
        if not tok.is_alpha or tok.pos_ not in ("ADJ", "NOUN", "DET", "ADP"):
            return None
    return None


def _named_before(span: Any, head: tuple[int, int], sector: str, hits: list[Match[Alias]]) -> _Found | None:
    """A name the dictionary does not know before a group noun ("Dozo militia", "Koglweogo vigilantes"):
    the proper nouns compounded to the head name the group; country unknown."""
    toks = [t for t in span if t.idx == head[0]]
    if not toks:
        return None
    run: list[Any] = []
    for tok in reversed(span.doc[span.start:toks[0].i]):
        if tok.dep_ != "compound" or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "DATE" \
                or any(h.start < tok.idx + len(tok.text) and tok.idx < h.end for h in hits):
            break
        run.insert(0, tok)
    if not run or any(t.head.i not in (toks[0].i, *(r.i for r in run)) for t in run):
        return None
    return _named_as_written(span, run[0].idx, head, sector)


def _modifies_head(tok: Any, trie: Any) -> bool:
    """Whether ``tok`` is a modifier of another role or generic noun ("opposition" in
    "opposition forces"): the outer noun phrase is resolved instead."""
    if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i or tok.head.i < tok.i:
        return False
    return bool(trie.all_values_at(words(tok.head.text, tok.head.idx), 0))


def _part_of_name(tok: Any) -> bool:
    """A capitalised word inside or just before a person's name ("Marine" Le Pen)."""
    if tok.ent_type_ in PERSON_LABELS:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or not tok.text[:1].isupper():
        return False
    person_next = nxt.ent_iob_ == "B" and nxt.ent_type_ in PERSON_LABELS
    return person_next or (nxt.pos_ in ("PROPN", "DET") and nxt.text[:1].isupper() and not nxt.ent_type_)


def _only_heads(trie: Any, ws: list[Word], not_name: frozenset[str]) -> bool:
    """Whether ``ws`` are all role/generic words or honorifics ("ex-Premier ministre",
    "Président"): an entity made of them names no one ("Marine Le Pen" does)."""
    covered: set[int] = {i for i, w in enumerate(ws) if w.norm in not_name}
    for i in range(len(ws)):
        for last, _ in trie.all_values_at(ws, i)[:1]:
            covered.update(range(i, last + 1))
    return bool(ws) and len(covered) == len(ws)


def _adjacent(cover: tuple[int, int], head: tuple[int, int]) -> bool:
    """A modifier found with ``_generic_modifier`` (its span covers the head) stands right next to the head:
    one space between them, before or after ("opposition coalition", "coalition rebelle")."""
    return cover[0] >= head[0] - 20 and cover[1] <= head[1] + 20

