"""Actor rules of the argument finder: noun phrases, actor resolution, coordination, pronouns,
relatives and coreference."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..records import Actor
from ..text import EDITORIAL_NOTE, doc_text, sentence, wire_dateline
from .arg_base import (
    ACTOR_ENTS,
    AGENT,
    CLITIC_OBJECTS,
    CLOCK,
    COORDINATORS,
    CUT,
    DATE_ENTS,
    GENITIVE,
    MAX_CONJ,
    OBJ,
    PASS_SUBJ,
    PLACE_ENTS,
    SIDED,
    SUBJ,
    THING_CLASSES,
    Arg,
    FinderBase,
    _acronym,
    _agree,
    _avoir_tense,
)

NOT_NAMES = frozenset({"case", "advmod", "aux", "aux:pass", "auxpass", "mark", "cc", "obl:agent", "agent"})


class ActorRules(FinderBase):
    """Noun phrases to actors: spans, the resolver, coordination, pronouns and relatives."""

    # -- noun phrases ---------------------------------------------------------------------
    def np_span(self, tok: Any) -> Any:
        """The noun phrase headed by ``tok``, without clauses, coordination or place adjuncts."""
        keep = [tok.i]
        for child in self._np_children(tok):
            if child.dep_ == "acl" and child.i == tok.i + 1 and child.n_lefts == 0:
                keep.append(child.i)  # "hommes armés": an adjectival participle, without its adjuncts
                continue
            leading_case = child.dep_ == "case" and child.i < tok.i
            gerund = child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children)
            if child.dep_ in ("conj", "cc") and _inside_name(child):
                keep += [t.i for t in child.subtree]  # "la Brigade de Recherche et d'Intervention": one name
                continue
            if child.dep_ in CUT or self._is_place_adjunct(child) or leading_case or gerund:  # "X of ordering ..."
                continue
            if tok.dep_ == "compound" and child.dep_ in ("nummod", "det"):
                continue  # "three army trucks": the count is the trucks', not the army's
            keep += [t.i for t in child.subtree if not self._in_conj(t, child)]
        # "la préfecture de la Haute-Loire samedi": a bare day the parser hung inside the phrase is no part of it
        days = {t.i for k in keep if k != tok.i and self._bare_day(self.doc[k]) for t in self.doc[k].subtree}
        keep = [k for k in keep if k not in days] or [tok.i]
        lo, hi = min(keep), max(keep)
        lo = max(lo, min(dateline_end(sentence(tok)), tok.i))  # "DAKAR (AFP) - Senegalese police": not the city
        # "Réunis à Abuja, les dirigeants ...": a fronted adjunct the parser hung on the noun ends at its comma
        lo = max([lo] + [i + 1 for i in range(lo, tok.i) if self.doc[i].text == "," and self.doc[i].head.i == tok.i])
        while hi > lo and self.doc[hi].is_punct:
            hi -= 1
        while lo < hi and self.doc[lo].is_punct:
            lo += 1
        return self.doc[lo:min(hi + 1, lo + 14)]

    def _bare_day(self, tok: Any) -> bool:
        """A time noun with no preposition or determiner of its own ("samedi", "Friday", "hier soir")."""
        return tok.lemma_.lower() in self.lex.words("time_nouns") and not any(
            c.dep_ in ("case", "det", "prep") for c in tok.children) and tok.dep_ not in ("conj", "appos")

    def _np_children(self, tok: Any) -> list[Any]:
        return list(tok.children)

    def _in_conj(self, t: Any, top: Any) -> bool:
        """Whether ``t`` lies in a coordinated branch below ``top`` ("Front al-Nosra et Jund al-Aqsa")."""
        while t.i != top.i:
            if t.dep_ in ("conj", "cc"):
                return True
            t = t.head
        return False

    def _is_place_adjunct(self, child: Any) -> bool:
        if child.dep_ not in ("nmod", "prep"):
            return False
        case = [c.lemma_.lower() for c in child.children if c.dep_ == "case"]
        word = case[0] if case else child.lemma_.lower()
        return word in self.lex.words("place_preps") and word not in GENITIVE

    def resolve(self, tok: Any, role: str = "source") -> Actor | None:
        """The actor a noun phrase stands for; generic nouns fall back to their own text. A phrase
        with a negative determiner ("aucun groupe", "no group") stands for nobody."""
        return self.once(("resolve", tok.i, role), lambda: self._resolve(tok, role))  # type: ignore[no-any-return]

    def _resolve(self, tok: Any, role: str) -> Actor | None:
        if any(c.dep_ == "det" and c.lower_ in self.lex.words("negative_determiners") for c in tok.children):
            return None
        named = self._named_apposition(tok) or self._titled_name(tok) or self._called(tok) \
            or self._role_named(tok)
        if named is not None:
            return named
        span = self.np_span(tok)
        actor = self._call_resolver(span)
        if actor is None and tok.pos_ == "PROPN":
            actor = self._hyphenated(span)
        if actor is None and (self.lex.in_class("military", tok.lemma_) or (
                role == "target" and self._facility(tok))):
            actor = self._adjectival_actor(span)  # "la base américaine", "the US embassy"
        if actor is None and role == "source":
            actor = self._modifier_actor(tok)
        if actor is not None:
            return actor
        if self.lex.in_class("civilians", tok.lemma_) or self.lex.in_class("civilians", tok.lower_):
            return Actor(text=span.text, name="civilians", span=(span.start_char, span.end_char),
                         sector="CIV")
        if self._actorish(tok) or (role == "target" and tok.pos_ in ("NOUN", "PROPN")) or self._agent_noun(tok, role):
            return Actor(text=span.text, name=_uncounted(span), span=(span.start_char, span.end_char))
        return None

    def _agent_noun(self, tok: Any, role: str) -> bool:
        """The active subject of the trigger's verb is its agent even when no dictionary knows it ("the
        urban command sabotaged ..."), unless the noun names a thing, a place, a time or an act ("the blast
        destroyed ...", "the convoy", "last week")."""
        if role == "source" and tok.pos_ == "NOUN" and self._by_agent(tok):
            return self._human_or_armed(tok)
        subj = self._counted_by(tok) or tok  # "une cinquantaine d'agents bloquent": the count is the subject
        if role != "source" or subj.dep_ not in SUBJ or not _noun_like(tok) or subj.head.pos_ != "VERB":
            return False
        if subj is not tok and not self._human_or_armed(tok):
            return False  # "une dizaine de véhicules": counted things are no agent
        if tok.ent_type_ and tok.ent_type_ not in ACTOR_ENTS:
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.lex.words("anaphoric_nouns") or any(
                c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children):
            return False  # "the group", "cette branche": an anaphor, resolved (or not) as such
        return not self.thing_time_or_act(tok)

    def _counted_by(self, tok: Any) -> Any | None:
        """The quantity noun or number that counts ``tok`` ("une cinquantaine d'agents", "des centaines de
        salariés"): its head, when ``tok`` is that head's "de" complement."""
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("nmod", "obl", "obl:mod") or self._case(tok) not in \
                self.lex.words("genitive_preps"):
            return None
        counted = head.lemma_.lower() in self.lex.words("quantity_nouns") or head.pos_ == "NUM" \
            or head.ent_type_ in ("CARDINAL", "QUANTITY")
        return head if counted else None

    def _by_agent(self, tok: Any) -> bool:
        """The agent phrase of a passive ("enlevés par un commando")."""
        return tok.dep_ in AGENT or (tok.dep_ in ("obl", "obl:mod", "nmod") and self._case(tok) == "par"
                                     and tok.head.pos_ == "VERB")

    def _human_or_armed(self, tok: Any) -> bool:
        """A noun of people or armed men (``person``, ``military`` classes; "un commando", "les agents de
        l'ordre"), not a thing, a weapon, a time or an act ("une balle perdue", "une explosion")."""
        lemma = tok.lemma_.lower()
        return (self.lex.in_class("person", lemma) or self.lex.in_class("military", lemma)) \
            and not self.thing_time_or_act(tok)

    def thing_time_or_act(self, tok: Any) -> bool:
        """A noun of a class of things (``THING_CLASSES``), a time, or an event noun of the lexicon."""
        lemma = tok.lemma_.lower()
        return any(self.lex.in_class(c, lemma) for c in THING_CLASSES) or self._time(tok) \
            or any(e.pos == "noun" for e in self.lex.index.get(lemma, ()))

    def strict(self, arg: Arg) -> bool:
        """An actor the resolver knows (not a bare noun phrase taken as text)."""
        a = arg.actor
        return a.name != a.text or a.country is not None or a.sector is not None or a.kb_id is not None

    def _named_apposition(self, tok: Any) -> Actor | None:
        """"le groupe ... Kataeb Hezbollah": a generic head named by its apposition."""
        if tok.lemma_.lower() not in self.lex.words("anaphoric_nouns"):
            return None
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                return self._call_resolver(self.np_span(c))
        return None

    def _role_named(self, tok: Any) -> Actor | None:
        """"Le ministre ghanéen de l'Intérieur, Kwame Mensah, a ...": a singular role noun (``person``
        class) named by a person between commas (the parser reads the name as an apposition or as a
        conjunct without coordinator) is that person, with the role's country and sector when the name
        alone gives none. Not a list of names ("les ministres, X et Y,")."""
        if tok.pos_ != "NOUN" or "Plur" in tok.morph.get("Number") \
                or not self.lex.in_class("person", tok.lemma_.lower()):
            return None
        name = self._apposed_person(tok)
        if name is None:
            return None
        names = [name.i] + [t.i for t in name.subtree if t.dep_ in ("flat:name", "flat") and t.head.i == name.i]
        span = self.doc[name.i:max(names) + 1]
        person = self._call_resolver(span) or Actor(text=span.text, name=span.text,
                                                   span=(span.start_char, span.end_char))
        role = self._call_resolver(self.np_span(tok))
        if role is not None and person.country is None and person.sector is None:
            person = replace(person, country=role.country, sector=role.sector)
        return person

    def _apposed_person(self, tok: Any) -> Any | None:
        for c in tok.children:
            if c.dep_ not in ("appos", "conj") or c.i < tok.i or c.pos_ != "PROPN" \
                    or c.ent_type_ not in ("PER", "PERSON"):
                continue
            if self.doc[c.i - 1].text != "," or any(g.dep_ in ("cc", "conj") for g in c.children):
                continue  # "le ministre et Paul X", "les ministres, X et Y"
            return c
        return None

    def _called(self, tok: Any) -> Actor | None:
        """"un groupe du Sahel baptisé les « Lions de la liberté »", "a group called the
        Free Syrian Army": the name a ``naming_verbs`` participle gives stands for a generic actor noun
        (a known actor if the name is one, else the name as written, quotation marks dropped)."""
        if tok.pos_ != "NOUN" or not self.lex.in_class("actor", tok.lemma_.lower()):
            return None
        for c in tok.children:
            if c.i < tok.i or c.lemma_.lower() not in self.lex.words("naming_verbs"):
                continue
            named = [g for g in c.children if g.i > c.i and not g.is_punct and g.dep_ not in NOT_NAMES]
            if not named or named[0].pos_ in ("VERB", "AUX", "ADP", "PRON"):
                continue  # "les pays appelés à voter": not a name
            words = [t for t in self.doc[named[0].left_edge.i:named[0].right_edge.i + 1]]
            while words and (words[0].is_punct or words[0].dep_ == "det"):
                words.pop(0)
            while words and words[-1].is_punct:
                words.pop()
            if not words or any(t.pos_ in ("VERB", "AUX") for t in words) or not any(
                    t.pos_ == "PROPN" or t.text[:1].isupper() for t in words):
                return None
            span = self.doc[words[0].i:words[-1].i + 1]
            actor = self._call_resolver(span)
            if actor is None or not (actor.kb_id or actor.country):
                text = span.text.replace("« ", "").replace(" »", "").strip("«»“”\" ")
                actor = Actor(text=text, name=text, span=(span.start_char, span.end_char))
            return actor
        return None

    def _modifier_actor(self, tok: Any) -> Actor | None:
        """"Israeli army bulldozers demolished ...": an unknown head noun acts for the actor that
        its noun modifiers name (only a resolved actor)."""
        mods = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")]
        if not mods:
            return None
        left = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        span = self.doc[min(t.i for m in left for t in m.subtree):tok.i]
        actor = self._call_resolver(span)
        return actor if actor is not None and (actor.country or actor.kb_id) else None

    def _hyphenated(self, span: Any) -> Actor | None:
        """"Royaume - Uni" split by the tokenizer (even across a sentence break): the whole name."""
        start = span.start
        while start >= 2 and self.doc[start - 1].text in ("-", "‑") and self.doc[start - 2].pos_ == "PROPN":
            start -= 2
        return self._call_resolver(self.doc[start:span.end]) if start < span.start else None

    def _titled_name(self, tok: Any) -> Actor | None:
        """"M. Trudeau", "Mme Merkel": the parser heads the name on the title; the name is the actor."""
        if tok.lower_.rstrip(".") not in self.lex.words("honorifics"):
            return None
        names = [c for c in tok.children if c.dep_ in ("flat:name", "flat", "appos") and c.pos_ == "PROPN"]
        if not names or names[0].i != tok.i + 1:
            return None
        end = max(t.i for n in names for t in n.subtree if t.pos_ == "PROPN") + 1
        span = self.doc[tok.i:end]
        actor = self._call_resolver(self.doc[tok.i + 1:end])
        return actor or Actor(text=span.text, name=self.doc[tok.i + 1:end].text, span=(span.start_char, span.end_char))

    def _adjectival_actor(self, span: Any) -> Actor | None:
        """The state a modifier names ("un raid américain")."""
        return self.resolver.adjectival(span)

    def _call_resolver(self, span: Any) -> Actor | None:
        return self.once(("resolver", span.start, span.end),  # type: ignore[no-any-return]
                         lambda: self.resolver.resolve(span, published=self.published))

    def _actorish(self, tok: Any) -> bool:
        if tok.ent_type_ in ACTOR_ENTS:
            return True
        if tok.pos_ == "PROPN" and self.lex.language == "fr" and tok.i > sentence(tok).start:
            return True  # French has no title case: a proper noun mid-sentence names someone
        return self.lex.in_class("actor", tok.lemma_) or self.lex.in_class("actor", tok.text)

    # -- coordination, pronouns, relatives -----------------------------------------------
    def conjuncts(self, tok: Any) -> list[Any]:
        out = [tok]
        names = [c for c in tok.children if c.dep_ in ("flat:name", "flat", "compound")]
        for child in [c for n in [tok] + names for c in n.children]:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and len(out) < MAX_CONJ \
                    and not _inside_name(child) and not _complement_conjunct(tok, child) \
                    and not self._coordinated_name(child):
                out += self.conjuncts(child)
        return out[:MAX_CONJ]

    def _coordinated_name(self, conj: Any) -> bool:
        """The conjunct ends a known name that holds the coordination ("the Islamic State of Iraq and the
        Levant", the parser joining "the Levant" to the head of the phrase): the name run before the
        "and" and the conjunct, read together, name an actor of the knowledge base."""
        doc = conj.doc
        cc = conj.left_edge.i - 1
        if cc < 1 or doc[cc].lower_ not in COORDINATORS or doc[cc - 1].pos_ != "PROPN":
            return False
        start = cc - 1
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or (
                doc[start - 1].pos_ in ("ADP", "DET") and start > 1 and doc[start - 2].pos_ == "PROPN")):
            start -= 1
        span = doc[start:conj.right_edge.i + 1]
        actor = self._call_resolver(span)  # the whole of it, not a name inside ("France and Germany": France)
        return actor is not None and actor.kb_id is not None and actor.span == (span.start_char, span.end_char)

    def listed(self, tok: Any) -> list[Any]:
        """The members of a list of names, which the parser links by coordination or by apposition
        ("comme Anne Martin, Paul Girard, Luc Besson ou encore l'Unesco"), in text order."""
        out: list[Any] = []
        stack = [tok]
        while stack and len(out) < MAX_CONJ:
            x = stack.pop(0)
            out.append(x)
            stack += [c for c in x.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")
                      and not _inside_name(c)]
        last = max(out, key=lambda t: t.i)
        out += [x for x in self._run_after(last) if all(x.i != t.i for t in out)]
        return sorted(out, key=lambda t: t.i)[:MAX_CONJ]

    def _run_after(self, tok: Any) -> list[Any]:
        """The names that go on after a list member in the text, whatever the parse made of them:
        "comme Anne Martin, Paul Girard, Luc Besson ou encore l'Unesco" where the parser hung the later
        names on the verb. Only names (``_name_like``) joined by commas or a coordinator (an article,
        an adverb after the coordinator allowed) count; anything else ends the list."""
        out: list[Any] = []
        end = sentence(tok).end
        i = tok.i + 1
        while i < end and len(out) < MAX_CONJ:
            while i < end and _name_like(self.doc[i]):
                i += 1  # the rest of this name
            j, joined = i, False
            while j < end and (self.doc[j].text == "," or self.doc[j].pos_ == "CCONJ"
                               or (self.doc[j].pos_ == "ADV" and joined and self.doc[j - 1].pos_ == "CCONJ")):
                joined = True
                j += 1
            while j < end and joined and not _name_like(self.doc[j]) \
                    and (self.doc[j].pos_ == "DET" or self.doc[j].text in "'’"):
                j += 1
            if not joined or j >= end or not _name_like(self.doc[j]):
                break
            out.append(self.doc[j])
            i = j + 1
        return out

    def complement_conjuncts(self, tok: Any, arg: Arg) -> list[Arg]:
        """"les forces du Mali et du Burkina Faso": a head with coordinated "de" complements stands
        for one actor per complement (each must resolve to a known actor by itself). The parser may
        hang the second complement on the head or on the first complement; both are read."""
        if tok.pos_ != "NOUN":
            return []
        firsts = [m for m in tok.children if m.dep_ in ("nmod", "prep") and m.i > tok.i and _case(m)]
        seconds = [c for c in tok.children if c.dep_ == "conj" and _complement_conjunct(tok, c)]
        groups = [[m] + [c for c in m.children if c.dep_ == "conj" and _case(c)] + seconds for m in firsts[:1]]
        groups += self._prep_object_conjuncts(tok)
        out: list[Arg] = []
        for group in groups[:1]:
            if len(group) < 2:
                continue
            for x in group:
                inner = [c for c in x.children if c.dep_ in ("nmod", "prep") and c.i > x.i and _case(c)]
                if x.pos_ == "NOUN" and inner:
                    x = inner[0]  # "la coalition des armées du Tchad et du Niger": the armies' countries
                start = min([x.i] + [c.i for c in x.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
                span = self.doc[start:x.i + 1 + sum(1 for c in x.rights if c.dep_ in ("flat:name", "flat", "nmod")
                                                    and c.i == x.i + 1 and c.pos_ == "PROPN")]
                actor = self._call_resolver(span)
                if actor is None or actor.country is None or any(a.actor.name == actor.name for a in out):
                    continue
                out.append(Arg(replace(actor, sector=arg.actor.sector or actor.sector), arg.path + "+of-conj", 0.85))
        return out[:MAX_CONJ] if len(out) >= 2 else []

    def _prep_object_conjuncts(self, tok: Any) -> list[list[Any]]:
        """"the ministers of Chile and Peru": English hangs the genitive preposition on the head and the
        coordinated names under its object; the names, one group."""
        for m in tok.children:
            if m.dep_ == "prep" and m.i > tok.i and m.lower_ in self.lex.words("genitive_preps"):
                objs = [c for c in m.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                conj = [c for o in objs[:1] for c in o.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
                return [objs[:1] + conj] if conj else []
        return []

    def actors(self, tok: Any, path: str, role: str = "source") -> list[Arg]:
        """Actors for a subject/object token: coordination expanded for sources, pronouns resolved."""
        out: list[Arg] = []
        for t in self.conjuncts(tok) if role == "source" else [tok]:
            examples = self._examples(t, path) or (self._members_listed(t, path) + self._pair(t, path)
                                                   if role == "source" else [])
            if examples:
                out += [e for e in examples if all(a.actor.name != e.actor.name for a in out)]
                continue
            arg = self._one(t, path, role)
            extra = self._nationality_conjuncts(t, arg) if role == "source" and arg is not None else []
            if extra and arg is not None and not self.strict(arg):
                arg = None  # "Police and army units": the sides, not the whole phrase as text
            of = self.complement_conjuncts(t, arg) if role == "source" and arg is not None and not extra else []
            if of:
                arg, extra = None, of  # "les forces du Mali et du Burkina Faso": each side, not the first alone
            for new in ([arg] if arg is not None else []) + extra:
                if all(a.actor.name != new.actor.name for a in out):
                    out.append(new)
        return out[:MAX_CONJ]

    def _examples(self, tok: Any, path: str) -> list[Arg]:
        """"des milices comme les Forces de défense ou la Garde civique", "groups such as X":
        a common noun stands for the known actors it names as examples (each a run of proper nouns).
        French hangs the example on the noun with its preposition as a child; English hangs the
        preposition ("such as", "including") on the noun and the example under it."""
        if tok.pos_ != "NOUN" or not self.lex.in_class("actor", tok.lemma_.lower()):
            return []
        for c in tok.children:
            first = self._example_of(c)
            if first is None:
                continue
            found: list[Arg] = []
            for x in self.listed(first):
                if not _name_like(x):
                    continue
                start = min([x.i] + [t.i for t in x.lefts if t.dep_ in ("compound", "flat") and _name_like(t)])
                end = x.i + 1
                while end < sentence(x).end and (_name_like(self.doc[end]) or self.doc[end].text in "-'’"):
                    end += 1
                span = self.doc[start:end]
                actor = self._call_resolver(span) or Actor(text=span.text, name=span.text,
                                                           span=(span.start_char, span.end_char))
                found.append(Arg(actor, path + ">example", 0.9))
            return found
        return []

    def _members_listed(self, tok: Any, path: str) -> list[Arg]:
        """"plusieurs pays, dont la France et l'Allemagne, ont condamné": a plural actor noun followed
        by a comma and a list mark (``example_list_marks``) stands for the members listed, read on the
        surface (the parser makes a relative clause of it): items split at commas and coordinators, up
        to the end of the sentence or a comma before the next verb; each item a known actor or a name.
        Not a relative clause whose verb follows its subject ("les rebelles, dont le chef a été tué")."""
        marks = self.lex.words("example_list_marks")
        if not marks or tok.pos_ != "NOUN" or not self.lex.in_class("actor", tok.lemma_.lower()) \
                or "Sing" in tok.morph.get("Number"):
            return []
        end = sentence(tok).end
        i = self.np_span(tok).end
        if i + 2 >= end or self.doc[i].text != "," or self.doc[i + 1].lower_ not in marks:
            return []
        items: list[list[Any]] = [[]]
        j = i + 2
        while j < end:
            t = self.doc[j]
            if t.text in (",", ";") or (t.pos_ == "CCONJ" and t.lower_ in self.lex.words("coordinators")):
                items.append([])
            elif t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper():  # "Assimi" misread as a verb
                if self.doc[j - 1].text != ",":
                    return []  # "dont le chef a été tué": a relative clause, not a list
                break
            elif t.is_punct and t.text not in "-'’":
                break
            else:
                items[-1].append(t)
            j += 1
        found: list[Arg] = []
        for item in items:
            words = [t for t in item if t.pos_ not in ("DET", "ADV")] if item else []
            if not words:
                continue
            span = self.doc[words[0].i:item[-1].i + 1]
            actor = self._call_resolver(span)
            if actor is None:
                names = [t for t in item if _name_like(t)]
                if not names:
                    continue
                span = self.doc[names[0].i:names[-1].i + 1]
                actor = Actor(text=span.text, name=span.text, span=(span.start_char, span.end_char))
            if all(a.actor.name != actor.name for a in found):
                found.append(Arg(actor, path + ">member", 0.85))
        return found[:MAX_CONJ]

    def _pair(self, tok: Any, path: str) -> list[Arg]:
        """"both sides", "the two ministers", "les deux pays", "chaque camp" (``pair_words``,
        ``distributive_words``): an actor noun that names two parties together, or each of them, stands
        for the last two known actors the article named together before it ("Chile and Peru", "the
        ministers of Norway and Iceland"), else for the two states the sentence before names, when it
        names exactly two; "two soldiers" (no definite article) names no pair."""
        if tok.pos_ != "NOUN" or not self.lex.in_class("actor", tok.lemma_.lower()) or not self._names_pair(tok):
            return []
        found = self._last_named_pair(tok.idx) or self._states_before(tok)
        return [Arg(a, path + "=pair", 0.85) for a in found]

    def _names_pair(self, tok: Any) -> bool:
        """The noun, or its "of" complement ("the envoys of both countries"), counts two: "both", or "two"
        after a definite article; or it is each of two ("each side", "chaque camp")."""
        words = self.lex.words("pair_words")
        definite = self.lex.words("definite_determiners") | self.lex.words("plural_definite_determiners")
        for t in [tok] + self._genitive_nouns(tok) + [g for n in self._genitive_nouns(tok)
                                                      for g in self._genitive_nouns(n)]:
            kids = [c for c in t.children if c.dep_ in ("det", "predet", "nummod", "preconj")
                    or (t is not tok and c.dep_ == "case" and c.i < t.i)]  # "des deux pays": de + les
            if any(k.lower_ in words for k in kids) and (kids[0].lower_ in definite or (
                    kids[0].lower_ in words and not kids[0].like_num)):  # "both", not "two soldiers"
                return True
            if t is tok and kids and kids[0].lower_ in self.lex.words("distributive_words") \
                    and "Sing" in tok.morph.get("Number"):
                return True
        return False

    def _genitive_nouns(self, tok: Any) -> list[Any]:
        """The nouns of the "of" complements of ``tok`` ("the envoys of both countries", "les ministres de
        l'Intérieur des deux pays": "Intérieur", then "pays" under it)."""
        preps = self.lex.words("genitive_preps")
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "nmod" and any(x.dep_ == "case" and x.lower_ in preps for x in c.children):
                out.append(c)
        return out

    def _last_named_pair(self, before: int) -> list[Actor]:
        """The last two known actors named next to each other before a position ("Chile and Peru"), or []."""
        known = [m for m in self.mentions if m.kb_id and m.span[1] <= before]
        link = self.lex.words("coordinators") | self.lex.words("definite_determiners") | {","}
        for a, b in reversed(list(zip(known, known[1:], strict=False))):
            between = self.doc.text[a.span[1]:b.span[0]].lower().split()
            if a.name != b.name and between and all(w in link for w in between) \
                    and any(w in self.lex.words("coordinators") for w in between):
                return [a, b]
        return []

    def _states_before(self, tok: Any) -> list[Actor]:
        """The two states the sentence before names (by name, by a phrase the resolver knows or by a
        nationality adjective), when it names exactly two ("The Kenyan foreign minister received his
        Tanzanian counterpart. The two governments signed ...")."""
        sent = sentence(tok)
        if sent.start == 0:
            return []
        prev = sentence(self.doc[sent.start - 1])
        found: dict[str, Actor] = {}
        for m in self.mentions:
            if prev.start_char <= m.span[0] < prev.end_char and m.country:
                found.setdefault(m.country, m)
        for t in prev:
            actor = None
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "flat", "flat:name", "amod"):
                actor = self._call_resolver(self.np_span(t))
            elif t.pos_ == "ADJ":
                actor = self._adjectival_actor(self.doc[t.i:t.i + 1])
            if actor is not None and actor.country:
                found.setdefault(actor.country, actor)
        return list(found.values()) if len(found) == 2 else []

    def _example_of(self, c: Any) -> Any | None:
        """The first example a child of an actor noun introduces, or None."""
        preps = self.lex.words("example_preps")
        if c.dep_ in ("nmod", "obl:mod"):
            case = " ".join(g.lower_ for g in c.children if g.dep_ in ("case", "fixed", "mark") and g.i < c.i)
            return c if case in preps else None
        if c.dep_ == "prep":
            case = " ".join([g.lower_ for g in c.lefts if g.dep_ in ("amod", "advmod")] + [c.lower_])
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if case in preps and objs else None
        return None

    def _nationality_conjuncts(self, tok: Any, arg: Arg) -> list[Arg]:
        """"les diplomates russes et américains": a state per coordinated nationality adjective."""
        if tok.pos_ == "NOUN" and self.lex.in_class("military", tok.lemma_.lower()):
            shared = self._shared_head_modifiers(tok, arg)
            if shared:
                return shared
        if not arg.actor.country or tok.pos_ != "NOUN":
            return []
        mods = [c for c in tok.children if c.dep_ == "amod"]
        return [Arg(a.actor, arg.path + "+amod-conj", 0.85) for a in self._conjoined_adjectivals(mods, arg.actor)]

    def _shared_head_modifiers(self, tok: Any, arg: Arg) -> list[Arg]:
        """"Police and army units both took part": coordinated noun modifiers share the
        head, one side each (each modifier must resolve to a known actor by itself)."""
        out: list[Arg] = []
        for m in tok.children:
            if m.dep_ not in ("nmod", "compound") or m.i > tok.i or m.pos_ not in ("NOUN", "PROPN"):
                continue
            conj = [c for c in m.children if c.dep_ == "conj" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")]
            if not conj:
                continue
            for x in [m] + conj:
                actor = self._call_resolver(self.doc[x.i:x.i + 1])
                if actor is not None and self.strict(Arg(actor, "")) and actor.name != arg.actor.name \
                        and all(a.actor.name != actor.name for a in out):
                    out.append(Arg(actor, arg.path + "+mod-conj", 0.85))
        return out[:MAX_CONJ - 1]

    def _one(self, tok: Any, path: str, role: str) -> Arg | None:
        low = tok.lower_
        ante = self.relative_antecedent(tok)
        if ante is not None:
            return self._one(ante, path + "<relcl", role)
        if low in self.lex.words("first_person") and not _acronym(tok):
            actor = self._speaker(tok)
            return Arg(actor, path + "=speaker", 0.85) if actor else None
        if role == "target" and self.object_pronoun(tok):
            ant = self.object_antecedent(tok)  # "X lui demande de ...", "l'accuse de ...", "urged them to"
            return self._one(ant, path + "=coref", role) if ant is not None else None
        if low in self.lex.words("subject_pronouns") or low in self.lex.words("possessives"):
            ant = self.antecedent(tok)
            if ant is None or ant.i == tok.i:
                return None
            if not _agree(tok, ant):
                self.refused.add(tok.i)  # "il" is not "l'armée": the slot stays empty
                return None
            return self._one(ant, path + "=coref", role)
        latter = self._latter(tok, path, role)
        if latter is not None:
            return latter
        owned = self._owned_force(tok, path, role)
        if owned is not None:
            return owned
        if tok.pos_ == "PRON" and not any(c.dep_ == "det" and c.i < tok.i for c in tok.children):
            return None  # a "pronoun" after an article is a noun the tagger did not know ("les shebab")
        if role == "target" and (self._time(tok) or tok.lemma_.lower() in self.lex.words("locution_nouns")):
            return None  # "à plusieurs reprises", "à la suite de"
        band = self._band_of(tok, path, role)
        if band is not None:
            return band
        quantity = tok.lemma_.lower() in self.lex.words("quantity_nouns")
        if tok.ent_type_ in ("CARDINAL", "QUANTITY") or quantity:
            inner = self.complement_of(tok)
            found = self._one(inner, path + ">of", role) if inner is not None else None
            if found is not None and not self.strict(found):
                whole = self._call_resolver(self.np_span(tok))  # "members of the Syrian Coalition's committee"
                if whole is not None and self.strict(Arg(whole, path)):
                    return Arg(whole, path)
            if inner is not None:
                return found
            if role == "target" and self.frame.etype == "ASSAULT":
                span = self.np_span(tok)
                return Arg(Actor(text=span.text, name="civilians", span=(span.start_char, span.end_char),
                                 sector="CIV"), path + "=count")
        members = self._members_of_group(tok, path)
        if members is not None:
            return members
        actor = self.resolve(tok, role)
        if actor is not None and actor.kb_id is None and self._definite_group(tok):
            named = self.last_named_group(tok)
            if named is not None:
                return Arg(named, path + "=coref-group", 0.85)
        if actor is None and self._anaphoric(tok):
            ant = self.antecedent(tok)
            return self._one(ant, path + "=coref", role) if ant is not None and ant.i < tok.i else None
        if actor is None and role == "source" and "<doc" not in path:
            author = self.document_author(tok)
            return self._one(author, path + "<doc", role) if author is not None else None
        return Arg(actor, path) if actor is not None else None

    def _owned_force(self, tok: Any, path: str, role: str) -> Arg | None:
        """"Turkey said its jets struck ...", "l'armée a indiqué que ses soldats avaient tué ...": forces with a
        possessive (a ``military`` noun the resolver does not name) act for their owner, the known actor
        the possessive stands for when number and gender agree (path ``=poss``); the words stay the
        clause's own, the sector the force's."""
        if tok.pos_ != "NOUN" or not self.lex.in_class("military", tok.lemma_.lower()):
            return None
        poss = next((c for c in tok.children if c.i < tok.i and c.lower_ in self.lex.words("possessives")), None)
        if poss is None:
            return None
        own = self.resolve(tok, role)
        if own is not None and (own.kb_id is not None or own.country is not None):
            return None  # "their Russian allies": the words name the force
        ant = self._reporting_subject(tok, agree=False) or self.antecedent(poss)
        numbered = poss.lower_ in self.lex.words("singular_possessives") | self.lex.words("plural_possessives")
        if ant is None or ant.i == poss.i or not (self._possessor_agrees(poss, ant) if numbered else _agree(poss, ant)):
            return None  # "ses soldats": "ses" tells a singular owner, whatever the soldiers' number
        owner = self._one(ant, path + "=poss", role)
        if owner is None or (owner.actor.kb_id is None and owner.actor.country is None):
            return None
        span = self.np_span(tok)
        sector = ((own.sector if own is not None and own.sector else "MIL") if owner.actor.sector in (None, "GOV")
                  else owner.actor.sector)
        actor = replace(owner.actor, text=span.text, span=(span.start_char, span.end_char), sector=sector,
                        inferred=None)
        return Arg(actor, owner.path, owner.reliability)

    def _possessor_agrees(self, det: Any, subj: Any) -> bool:
        """The possessive's number is its possessor's: "son/ses" a singular one, "leur(s)" a plural one
        (a coordination is plural); a relative pronoun or a pronoun is judged by what it stands for."""
        ante = self.relative_antecedent(subj)
        subj = ante if ante is not None else subj
        plural = "Plur" in subj.morph.get("Number") or any(c.dep_ == "conj" for c in subj.children)
        low = det.lower_
        if low in self.lex.words("singular_possessives"):
            return not plural or subj.pos_ == "PRON"
        if low in self.lex.words("plural_possessives"):
            return plural or subj.pos_ == "PRON" or not subj.morph.get("Number")
        return True

    def _band_of(self, tok: Any, path: str, role: str) -> Arg | None:
        """"a group of terrorists", "a band of 30 armed men": a common noun of a band (`band_nouns`)
        stands for the known actor its "of" complement names (path `>of`); not a name ("the Group of
        Eight"), and not a complement the resolver does not know ("a group of experts")."""
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.lemma_.lower() not in self.lex.words("band_nouns"):
            return None
        inner = self.complement_of(tok)
        if inner is None or inner.ent_type_ in ("CARDINAL", "QUANTITY"):
            return None
        found = self._one(inner, path + ">of", role)
        return found if found is not None and self.strict(found) else None

    def _members_of_group(self, tok: Any, path: str) -> Arg | None:
        """"fighters from the Lebanese group Hezbollah": armed men from a named organisation stand for
        it (not "troops from Chad", "fighters from Chechnya": a place says where they come from)."""
        if tok.pos_ != "NOUN" or not self.lex.in_class("military", tok.lemma_.lower()):
            return None
        for c in tok.children:
            inner = self._pobj(c) if c.dep_ in ("prep", "nmod") and self._case(c) == "from" else None
            if inner is None or inner.ent_type_ in ("GPE", "LOC", "FAC"):
                continue
            actor = self.resolve(inner)
            if actor is not None and actor.kb_id and not actor.is_state:
                return Arg(actor, path + ">from", 0.9)
        return None

    def document_author(self, noun: Any) -> Any | None:
        """"une résolution qui exige ...": the body that adopted the document, else its author."""
        if noun.lemma_.lower() not in self.lex.words("document_nouns"):
            return None
        head = noun.head
        if noun.dep_ in OBJ and head.lemma_.lower() in self.lex.words("document_verbs") and not self.is_passive(head):
            found = self.subject_token(head)
            if found is not None and found[1] in SUBJ:
                return found[0]
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.lex.words("document_verbs"):
                agent = self.agent_token(c)
                if agent is not None:
                    return agent
        return None

    def relative_antecedent(self, tok: Any) -> Any | None:
        """The noun a relative pronoun stands for; repairs a relative clause the parser did not
        attach ("les rebelles que la Turquie soutient" parsed with "soutient" as a subject)."""
        if tok.lower_ not in self.lex.words("relative_pronouns"):
            return None
        if tok.dep_ in OBJ and any(c.dep_ in OBJ and c.i != tok.i for c in tok.head.children):
            return None  # "que Fillon a reçu 45 000 euros": the verb has its own object, "que" is a conjunction
        if tok.head.dep_ in ("acl:relcl", "relcl"):
            return tok.head.head
        if "Rel" not in tok.morph.get("PronType") or tok.i == sentence(tok).start or tok.head.dep_ == "ccomp":
            return None  # "révélé par Mediapart que Fillon a reçu": a conjunction, not a relative
        prev = self.doc[tok.i - 1]
        if prev.text == "," and tok.i - 2 > sentence(tok).start:
            prev = self.doc[tok.i - 2]  # "a critiqué Podemos, qui demande ...": the clause hung on the main verb
        while prev.dep_ in ("amod", "flat", "flat:name", "compound") and prev.head.i < prev.i:
            prev = prev.head
        return prev if prev.pos_ in ("NOUN", "PROPN") else None

    def _latter(self, tok: Any, path: str, role: str) -> Arg | None:
        """"ce dernier", "the latter": the last noun before it (this or the previous sentence) that
        agrees in number and gender, when that noun names a known actor (not when it is a place
        adjunct: "qui se déroule à Madagascar. Ce dernier ..." is ambiguous)."""
        if tok.i == 0 or f"{self.doc[tok.i - 1].lower_} {tok.lower_}" not in self.lex.words("latter_phrases"):
            return None
        own = sentence(tok)
        start = sentence(self.doc[own.start - 1]).start if own.start > 0 else own.start
        for i in range(tok.i - 2, start - 1, -1):
            cand = self.doc[i]
            if cand.pos_ not in ("NOUN", "PROPN") or not _agree(tok, cand):
                continue
            while cand.dep_ in ("flat", "flat:name", "nmod") and cand.head.pos_ == "PROPN" and cand.head.i < cand.i:
                cand = cand.head
            if self._case(cand) in self.lex.words("locative_preps"):
                return None  # "le sommet ... à Madagascar. Ce dernier ...": a place adjunct, ambiguous
            found = self._one(cand, path + "=latter", role)
            return found if found is not None and self.strict(found) else None
        return None

    def _facility(self, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        return self.lex.in_class("place", lemma) or self.lex.in_class("building", lemma)

    def _time(self, tok: Any) -> bool:
        if tok.ent_type_ in DATE_ENTS or tok.lemma_.lower() in self.lex.words("time_nouns"):
            return True
        return bool(CLOCK.match(tok.lower_))  # "vers 19h10", "at 5pm"

    def _definite_group(self, tok: Any) -> bool:
        """"le groupe djihadiste", "the group": a definite generic group noun."""
        if tok.lemma_.lower() not in self.lex.words("anaphoric_nouns"):
            return False
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        return bool(dets) and dets[0] in self.lex.words("definite_determiners")

    def last_named_group(self, tok: Any) -> Actor | None:
        """The one named non-state organisation mentioned in this or the previous sentence, if unique."""
        sent = sentence(tok)
        start = sentence(self.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
        found = {a.name: a for a in self.mentions
                 if start <= a.span[0] < tok.idx and a.kb_id and not a.is_state
                 and a.country is None}
        return next(iter(found.values())) if len(found) == 1 else None

    def _anaphoric(self, tok: Any) -> bool:
        if tok.lemma_.lower() not in self.lex.words("anaphoric_nouns"):
            return False
        return not any(c.dep_ in ("amod", "nmod", "compound", "appos", "flat:name") for c in tok.children)

    def speaker_actor(self, tok: Any) -> Actor | None:
        return self._speaker(tok)

    def _speaker(self, tok: Any) -> Actor | None:
        if self.speaker_of is None:
            return None
        quote = self.speaker_of(tok.idx)
        speaker = getattr(quote, "speaker", None) if quote is not None else None
        if speaker is None:
            return None
        actor = getattr(speaker, "actor", None)
        if actor is None and tok.lower_ in self.lex.words("plural_first_person"):
            return self._spokesperson_body(speaker)
        return actor

    def _spokesperson_body(self, speaker: Any) -> Actor | None:
        """"« Nous ... », a précisé un responsable du gouvernement canadien" / "a US official said":
        an official the quote stage left without an organisation speaks, as "nous"/"we", for the
        body named by the complement of the role noun ("chargé de presse du ministère de la
        Défense": the first known body down the chain), else for the state its modifier
        names; a named person, through a role noun in apposition ("Jennifer Psaki, directrice ...")."""
        span = self.doc.char_span(*speaker.span, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        if head.lemma_.lower() not in self.lex.words("spokesperson_nouns"):
            roles = [c for c in head.children if c.dep_ == "appos"
                     and c.lemma_.lower() in self.lex.words("spokesperson_nouns")]
            if head.ent_type_ not in ("PER", "PERSON") or not roles:
                return None
            head = roles[0]
        tok = head
        for _ in range(3):
            comp = next((c for c in tok.children if c.dep_ in ("nmod", "prep") and self._case(c) in GENITIVE), None)
            found = self._pobj(comp) if comp is not None else None
            if found is None:
                break
            if found.ent_type_ in ("PER", "PERSON"):
                return None  # "un porte-parole de Barack Obama": a person's spokesman speaks for the person
            actor = self._call_resolver(self.np_span(found))
            if actor is not None and (actor.country or actor.kb_id):
                return actor
            tok = found
        if tok is not head:
            return None
        mods = [c.i for c in head.children if c.dep_ in ("amod", "compound") and abs(c.i - head.i) < 3]
        return self._adjectival_actor(self.doc[min(mods + [head.i]):max(mods + [head.i]) + 1]) if mods else None

    def object_pronoun(self, tok: Any) -> bool:
        """A direct or indirect object pronoun ("l'accuse", "lui demande", "urged them"): ``object_pronouns``."""
        return tok.pos_ == "PRON" and tok.dep_ in CLITIC_OBJECTS and tok.lower_ in self.lex.words("object_pronouns")

    def object_antecedent(self, tok: Any) -> Any | None:
        """An object pronoun's antecedent ("Le président a reçu les syndicats. Leur chef lui demande de
        retirer la réforme", "Le juge a entendu le militant, puis l'a remis en liberté"): the nearest noun
        phrase before it, in its sentence or the one before, that agrees in number and gender, outside its
        verb's subject (an object pronoun is never its own clause's subject) and outside the adjuncts of
        place and time; a subject pronoun there stands for its own antecedent. That phrase must name an
        actor, and no other actor that fits may be named there: when the nearest one is a thing ("a remis
        sa démission au président, qui l'a acceptée") or two actors fit, the slot stays empty."""
        verb = tok.head
        subject = self.subject_token(verb)
        outside: set[int] = set()
        if subject is not None:
            heads = [subject[0]] + [a for a in [self.relative_antecedent(subject[0])] if a is not None]
            outside = {t.i for h in heads for t in h.subtree}
        sent = sentence(tok)
        start = sentence(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        own = {a.actor.name for a in self.actors(subject[0], subject[1])} if subject is not None else set()
        found: tuple[Any, str] | None = None
        for t in reversed(self.doc[start:tok.i]):
            if t.i in outside or t.dep_ in ("compound", "flat", "flat:name", "fixed"):
                continue
            if self._is_place_adjunct(t) and t.ent_type_ in PLACE_ENTS:
                continue  # "devant ses partisans à New York, ...": a place is not who is spoken to
            cand = t
            if t.pos_ == "PRON" and "Dem" in t.morph.get("PronType"):
                return None  # "après celui de Brest, ... l'ont bloqué": a thing named again
            if t.pos_ == "PRON" and t.lower_ in self.lex.words("subject_pronouns") and t.dep_ in SUBJ:
                cand = self.antecedent(t)
                if cand is None or cand.i >= t.i or cand.i in outside:
                    continue
            elif t.pos_ not in ("NOUN", "PROPN") or self._time(t):
                continue
            if not _agree(tok, t):
                continue
            actor = self.resolve(cand, "source")
            if actor is not None and actor.name in own:
                continue
            named = actor is not None and bool(actor.kb_id or actor.sector or actor.is_state or cand.pos_ == "PROPN")
            if found is None and not named:
                return None  # the nearest phrase that fits is a thing
            if found is None and actor is not None:
                found = (cand, actor.name)
            elif named and actor is not None and found is not None and actor.name != found[1]:
                return None  # two actors fit: the slot stays empty
        return found[0] if found is not None else None

    def antecedent(self, tok: Any, depth: int = 0) -> Any | None:
        """A pronoun's antecedent: in a clause reported by a statement verb ("X a annoncé qu'il
        avait ...", "X said it had ..."), that verb's nominal subject; otherwise the subject of the
        previous sentence's main verb, if nominal; if that subject is itself a pronoun that agrees, its
        own antecedent ("Fillon s'est défendu. Il a reconnu ... Il a nié ...")."""
        reporter = self._reporting_subject(tok)
        if reporter is not None:
            return reporter
        fronted = self._fronted_clause_subject(tok)
        if fronted is not None:
            return fronted
        sent = sentence(tok)
        rules = self.lex.words("antecedent_rules")
        main = self._main_clause_subject(tok, sent) if "main-clause" in rules else None
        if main is not None:
            return main
        if sent.start == 0:
            return None
        prev = sentence(self.doc[sent.start - 1])
        # a compound tense with avoir is active whatever the parser says ("Les syndicats ont condamné"
        # with its subject read as a passive one)
        roles = SUBJ + PASS_SUBJ if _avoir_tense(prev.root) else SUBJ
        subjects = [c for c in prev.root.children if c.dep_ in roles]
        subj = [c for c in subjects if _nominal(c)]
        if not subj and len(subjects) == 1 and depth < 3 and subjects[0].lower_ == tok.lower_ \
                and "chain" in rules:
            return self.antecedent(subjects[0], depth + 1)  # "Il a reconnu ... Il a nié ...": one referent
        if len(subj) != 1:
            return None
        if self.frame.etype in SIDED and self._rival_antecedent(tok, prev.root, subj[0]):
            self.refused.add(tok.i)
            return None  # "Le gouvernement a arrêté le chef rebelle. Il a dénoncé ...": either side
        return subj[0]

    def _main_clause_subject(self, tok: Any, sent: Any) -> Any | None:
        """"Le président a réuni ses ministres, à la suite de quoi il a affirmé ...": a subject pronoun of a
        dependent clause stands for the nominal subject of its sentence's main verb, before it, when that
        subject agrees and no object of the main verb fits as well."""
        root = sent.root
        if tok.dep_ not in SUBJ or tok.head.i == root.i or root.pos_ not in ("VERB", "AUX"):
            return None
        subj = [c for c in root.children if c.dep_ in SUBJ and _nominal(c) and c.i < tok.i]
        if len(subj) != 1 or not _agree(tok, subj[0]) or self._rival_antecedent(tok, root, subj[0]):
            return None
        return subj[0]

    def _rival_antecedent(self, tok: Any, verb: Any, subj: Any) -> bool:
        """The previous sentence's object is an actor that agrees with the pronoun as well as its
        subject: the two sides of that clause both fit, so the pronoun stays unresolved."""
        objs = [c for c in verb.children if c.dep_ in OBJ and c.pos_ in ("NOUN", "PROPN") and c.i != subj.i]
        return any(_agree(tok, o) and self._actorish(o) for o in objs)

    def _fronted_clause_subject(self, tok: Any) -> Any | None:
        """"Alors que l'armée syrienne est en passe de gagner à Alep, elle a été expulsée de Palmyre": a
        subject pronoun after a fronted subordinate clause ("alors que", "while") stands for that
        clause's nominal subject when it is the only one and agrees in number and gender."""
        if tok.dep_ not in SUBJ + PASS_SUBJ or tok.lower_ in self.lex.words("first_person"):
            return None
        sent = sentence(tok)
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.dep_ != "mark" or first.i >= tok.i:
            return None
        clause = first.head  # the verb of the fronted clause
        if clause.i >= tok.i or tok.head.i == clause.i:
            return None
        subj = [c for c in clause.children if c.dep_ in SUBJ + PASS_SUBJ and c.pos_ in ("NOUN", "PROPN")]
        comma = any(t.text == "," for t in self.doc[clause.i:tok.i])
        if len(subj) != 1 or not comma or not _agree(tok, subj[0]):
            return None
        # an actor only: "Si ce thème était absent, il refusera" ("il" is not the theme)
        return subj[0] if self._actorish(subj[0]) else None

    def _reporting_subject(self, tok: Any, agree: bool = True) -> Any | None:
        """The nominal subject of the statement verb whose reported clause ``tok`` is the subject of, if
        it agrees with ``tok`` (unless ``agree`` is false: "said its troops had ...", where the possessive
        is judged by its caller)."""
        if tok.dep_ not in SUBJ + PASS_SUBJ or tok.lower_ in self.lex.words("first_person"):
            return None
        clause = tok.head
        if clause.dep_ != "ccomp" or not verb_lemmas(clause.head) & self.lex.reporting_verbs:
            return None
        subj = [c for c in clause.head.children if c.dep_ in SUBJ and c.pos_ in ("NOUN", "PROPN")]
        return subj[0] if len(subj) == 1 and (not agree or _agree(tok, subj[0])) else None


def _uncounted(span: Any) -> str:
    """The name of a phrase no dictionary knows, without its count in figures ("les 400 grévistes":
    "grévistes"; the text keeps it)."""
    i = 0
    while i < len(span) - 1 and (span[i].pos_ == "DET" or span[i].text.isdigit()):
        i += 1
    counted = any(t.text.isdigit() for t in span[:i])
    return span[i:].text if counted and span[i].is_alpha and span[i].pos_ in ("NOUN", "PROPN") else span.text


def verb_lemmas(verb: Any) -> set[str]:
    """The verb's lemma, and for a French present the lemmatizer left as it is ("indique", "estime")
    the infinitive it stands for."""
    lemma = verb.lemma_.lower()
    out = {lemma}
    if lemma == verb.lower_ and lemma.endswith("e") and "Fin" in verb.morph.get("VerbForm"):
        out.add(lemma + "r")
    return out


def _nominal(tok: Any) -> bool:
    """A noun, or an adjective used as one with its determiner ("les collectifs étudiants" tagged ADJ)."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children))


def _name_like(tok: Any) -> bool:
    """A proper noun, or a capitalised word inside a sentence that the parser tagged otherwise
    ("Marine" read as a noun and "Le" as an article in "Marine Le Pen")."""
    return tok.pos_ == "PROPN" or (tok.i > sentence(tok).start and tok.text[:1].isupper()
                                   and tok.pos_ in ("NOUN", "DET", "ADJ", "X"))


def _inside_name(tok: Any) -> bool:
    """A conjunct that continues its head's named entity ("Brigade de Recherche et d'Intervention"):
    the coordination is inside one name, not between two actors."""
    head = tok.head
    return bool(tok.ent_type_) and tok.ent_iob_ == "I" and head.ent_type_ == tok.ent_type_ and all(
        t.ent_iob_ == "I" for t in tok.doc[head.i + 1:tok.i + 1])


def _case(tok: Any) -> bool:
    """The token heads a "de" complement ("du Mali", "des armées", "of Chad")."""
    return any((c.dep_ == "case" and c.lower_ in GENITIVE)  # "de l'Allemagne": a partitive "de" read as det
               or (c.dep_ == "det" and c.lower_ in GENITIVE and c.lower_ != "des") for c in tok.children)


def _complement_conjunct(head: Any, conj: Any) -> bool:
    """A conjunct with its own "de" on a head without one is the second of coordinated complements
    ("la coalition des armées du Tchad et du Niger": Niger is no second coalition)."""
    return _case(conj) and not _case(head)


def dateline_end(sent: Any) -> int:
    """The first token after a wire dateline opening the sentence ("DAKAR (AFP) -", "KABUL, May 3
    (Reuters) —": ``text.wire_dateline``); the sentence's start when there is none. Kept per sentence."""
    cache = sent.doc.user_data.setdefault(_DATELINES, {})
    if sent.start not in cache:
        cache[sent.start] = _dateline_end(sent)
    return cache[sent.start]


_DATELINES = "eventwire.dateline_end"


def _dateline_end(sent: Any) -> int:
    text = doc_text(sent.doc)
    at = sent.start_char
    line = wire_dateline(text, at) or CLOCK_STAMP.match(text, at) or EDITORIAL_NOTE.match(text, at)
    if line is None:
        return sent.start
    return next((t.i for t in sent if t.idx >= line.end()), sent.start)


# a live blog's time stamp opening an entry ("09:40 - The minister announced ...", "14h05 – Des manifestants"):
# no part of the subject after it, as a dateline
CLOCK_STAMP = re.compile(r"\s*\d{1,2}[:h.]\d{2} *[-–—] +")


def _noun_like(tok: Any) -> bool:
    """A noun, a name, or a participle used as a noun with its determiner ("le principal prévenu a nié",
    "les accusés ont contesté": tagged as verbs by the parser)."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ in ("VERB", "ADJ") and any(
        c.dep_ == "det" and c.i < tok.i for c in tok.children))
