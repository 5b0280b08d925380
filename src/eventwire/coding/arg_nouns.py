"""Nominal arguments: support, undergo, target and participation verbs, complements, modifiers,
possessives, manner adjuncts and support-noun helpers."""

from __future__ import annotations

from typing import Any

from ..languages import shipped
from ..records import Actor
from ..text import sentence
from .arg_base import (
    BENEFIT_TYPES,
    CONTRACTED,
    COORDINATORS,
    FROM_TYPES,
    GENITIVE,
    LIGHT_OBL,
    MAX_CONJ,
    OBJ,
    OBLIQUE,
    PASS_SUBJ,
    SUBJ,
    Arg,
    _bare_obl,
    _covers,
    _governing_verb,
    armed,
    lemma_of,
)
from .arg_verbs import VerbArguments

PURPOSE = shipped().union("coding", "purpose_preps")  # "returned to Geneva for talks"

# a talk, a cooperation or an accord "between A and B" is theirs
BETWEEN_TYPES = {"CONSULT", "COOPERATE", "AGREE"}

_BLAME_DEPS = ("prep", "obl", "obl:arg", "obl:mod", "nmod", "dative")


class NounArguments(VerbArguments):
    """(sources, targets, how) of noun triggers."""

    # -- nouns ------------------------------------------------------------------------------
    def _event_nouns(self) -> frozenset[str]:
        return self.lex.event_nouns

    def complement_of(self, noun: Any) -> Any | None:
        """The "de X" / "of X" complement of a noun."""
        for c in noun.children:
            if c.dep_ in ("nmod", "prep", "obl", "obl:mod") and self._case(c) in GENITIVE:
                if any(g.dep_ == "advmod" and g.i < c.i for g in c.children) or any(
                        g.dep_ == "advmod" and g.i == c.left_edge.i - 1 for g in noun.children):
                    continue  # "près de l'aéroport" (the adverb on either noun): a place, not a complement
                return self._pobj(c)
        for c in noun.children:  # "l'offensive surprise de Daech": the complement hangs on a modifier
            if c.dep_ in ("amod", "nmod", "acl", "compound") and c.i == noun.i + 1 and not self._case(c):
                inner = self.complement_of(c) if c.i != noun.i else None
                if inner is not None:
                    return inner
        return None

    def stray_person(self, noun: Any) -> Any | None:
        """A person complement the parser hung on a place ("l'aéroport de Bagdad d'Abou Mahdi")."""
        for t in noun.subtree:
            if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B" and self._looks_place(t.head):
                if self._case(t) in GENITIVE:
                    return t
        return None

    def noun_args(self, noun: Any, of_role: str) -> tuple[list[Arg], list[Arg], str]:
        """(sources, targets, how) of an event noun: support verb, modifiers, complements; for a talk, a
        cooperation or an accord, the parties named "between A and B" (``between_preps``)."""
        sources, targets, how = self._noun_args(noun, of_role)
        if self.frame.etype == "ASSAULT" and lemma_of(noun) in self.lex.words("mutual_fight_nouns") \
                and noun.dep_ in (*SUBJ, *PASS_SUBJ, "ROOT"):  # the news, not a setting
            sides = self._between(noun, mutual=True)
            # two armed sides (forces, armed groups, states): police and a crowd are no fight of two sides
            if len(sides) == 2 and all(armed(a.actor) for a in sides) and not any(
                    self.strict(a) for a in sources):
                return sides, sides, "noun-mutual"  # "clashes between A and B": A attacks B and B attacks A
        parties = self._between(noun) if self.frame.etype in BETWEEN_TYPES else []
        names = {a.actor.name for a in parties}
        if not parties or any(a.actor.name not in names for a in targets):
            return sources, targets, how
        if not sources:  # "talks between A and B": each the other's partner (not A's target)
            return parties, [], how
        names = {a.actor.name for a in sources}  # "X launched a mediation between A and B": X -> A, coded once
        return sources, [a for a in parties if a.actor.name not in names][:1], how

    def _between(self, noun: Any, mutual: bool = False) -> list[Arg]:
        """The actors of a "between A and B" on the noun, or on the head it modifies ("a mediation effort
        between A and B"); two at least, else none ("between the towns of A and B" names no actor). For a
        fight (``mutual``), also on the verb it is the subject of ("fighting broke out between A and B")."""
        words = self.lex.words("between_preps")
        heads = [noun] + ([noun.head] if noun.dep_ in ("compound", "nmod", "amod") or (
            mutual and noun.dep_ in SUBJ + PASS_SUBJ) else [])
        deps = ("prep", "nmod", "obl", "obl:mod") if mutual else ("prep", "nmod")  # "ont éclaté lundi entre A et B"
        for c in [c for h in heads for c in h.children if c.dep_ in deps and self._case(c) in words]:
            tok = self._pobj(c)
            found = self.actors(tok, "noun-between") if tok is not None else []
            if len(found) >= 2:
                return [a for a in found if self.strict(a)] if all(self.strict(a) for a in found[:2]) else []
        return []

    def _noun_args(self, noun: Any, of_role: str) -> tuple[list[Arg], list[Arg], str]:
        targets: list[Arg] = []
        victims = self._victims_of(noun)
        comp = self.complement_of(noun)
        if comp is not None and (of_role == "target" or self._placeish(comp)):
            targets = self.actors(comp, "of", "target")
        if not targets:
            aimed = self._noun_prep_targets(noun)
            # "villagers were killed in airstrikes on the town": the people hit, not the place
            targets = victims if victims and (not aimed or not self.strict(aimed[0])) else aimed or victims
        targets = targets or self._aiming_participle(noun)
        if not targets and comp is None and of_role == "target":
            stray = self.stray_person(noun) or self._related_stray(noun)
            targets = self.actors(stray, "of-reattached", "target") if stray is not None else []
        light = self.support_verb(noun)
        if light is not None:
            verb, how = light
            sources, vtargets, _ = self.verb_args(verb)
            if how == "undergo":
                return self._modifier_sources(noun, comp, of_role), self._undergoer(verb) or sources or targets, how
            if how == "target-verb":
                return self._modifier_sources(noun, comp, of_role), vtargets or targets, how
            if how == "participation":
                return self._participants(verb), targets, how
            if lemma_of(verb) in self.lex.words("statement_verbs"):
                named = self._modifier_sources(noun, comp, of_role)
                if named:  # "the ministry announced an attack by X": X attacked
                    return named, targets, "noun"
                found = self.subject_token(verb)
                if found is not None and lemma_of(found[0]) in self.lex.words("media_nouns"):
                    sources = []  # "l'agence Anadolu a annoncé l'arrestation de ...": a report, not an act
            if sources:
                own = [t for t in vtargets if "obj" not in t.path and not _covers(t, noun)]
                return sources, targets or own, how
        sources = self._modifier_sources(noun, comp, of_role)
        if sources and not targets:
            targets = self._adversative_target(noun)
        manner = self._manner_subject(noun, victims)
        if manner is not None and not sources and comp is not None and self.frame.etype in BENEFIT_TYPES:
            manner = None  # "avec l'aide de renforts": the helper is no actor; the subject is helped, not helping
        if manner is not None:
            clause = self.actors(manner, "manner-nsubj")
            if not sources:
                return clause, targets or self._manner_partner(noun), "manner"
            if not targets and self.frame.etype != "ASSAULT":
                return sources, [Arg(a.actor, a.path, a.reliability) for a in clause], "manner"
        return sources, targets, "noun"

    def _participants(self, head: Any) -> list[Arg]:
        """Who takes part: the subject of "participer à", "be involved in" (active or passive), or
        the owner of "la participation de X à", "X's involvement in", else the subject of the verb whose
        object the noun is ("X claimed responsibility for", "X played a role in")."""
        if head.pos_ == "NOUN":
            owners = self._modifier_sources(head, self.complement_of(head), "source")
            if owners or head.dep_ not in OBJ:
                return owners
            found = self.subject_token(head.head)  # "X claimed responsibility for the attack", "X played a role in"
            return self.actors(found[0], "participant-obj-" + found[1].split(">")[-1]) if found else []
        found = self.subject_token(head)
        return self.actors(found[0], "participant-" + found[1].split(">")[-1]) if found else []

    def _undergoer(self, verb: Any) -> list[Arg]:
        """"X a subi une attaque", "X a été la cible d'une attaque": the subject, read as a target."""
        found = self.subject_token(verb)
        return self.actors(found[0], "undergo-" + found[1], "target") if found else []

    def _adversative_target(self, noun: Any) -> list[Arg]:
        """"Malgré les assauts de X, Y ont tenu": the attack is aimed at the clause's subject.
        A sentence-level inference, marked as such in the path (and so in the rule)."""
        if self.frame.etype != "ASSAULT" or self._case(noun) not in self.lex.words("adversative_preps"):
            return []
        verb = _governing_verb(noun)
        found = self.subject_token(verb) if verb is not None else None
        if found is None or found[1].split(">")[-1] not in SUBJ:
            return []
        return [Arg(a.actor, "inferred-adversative-" + a.path, 0.8)
                for a in self.actors(found[0], found[1], "target") if self._named_here(a)]

    def _manner_subject(self, noun: Any, victims: list[Arg]) -> Any | None:
        """"en coopération avec X" / "with the support of X": an adjunct of the clause's subject
        (``victims``: the noun's, from ``_victims_of``)."""
        verb = self._manner_verb(noun)
        if verb is None or victims:  # "died in an ambush": the subject is hit, not acting
            return None
        found = self.subject_token(verb)
        return found[0] if found and found[1] in SUBJ else None

    def _manner_verb(self, noun: Any) -> Any | None:
        """The verb of the clause a manner adjunct belongs to (French "en X", English "in X")."""
        prep, verb = (noun.head, noun.head.head) if noun.dep_ == "pobj" else (None, noun.head)
        case = prep.lower_ if prep is not None else self._case(noun)
        if self.frame.etype == "CONSULT" and verb.dep_ in OBJ + ("iobj", "dative") and verb.head.pos_ == "VERB":
            verb = verb.head  # "told Letta in a telephone conversation": the adjunct hangs on the object
        purpose = self.frame.etype == "CONSULT" and case in PURPOSE  # "returned to Geneva for talks"
        if (case not in self.lex.words("manner_preps") and not purpose) or verb.pos_ not in ("VERB", "AUX"):
            return None
        return verb

    def _manner_partner(self, noun: Any) -> list[Arg]:
        """"X told Y in a telephone conversation": the person addressed is the partner of a talk."""
        verb = self._manner_verb(noun)
        if verb is None or self.frame.etype != "CONSULT":
            return []
        for c in verb.children:
            if c.dep_ in OBJ + ("iobj", "dative") and c.pos_ in ("NOUN", "PROPN"):
                return self.actors(c, "manner-obj", "target")
        for c in verb.children:  # "said in a phone call on Saturday with his Italian counterpart"
            tok = self._pobj(c) if c.dep_ in ("prep", "obl", "nmod") and c.i > noun.i else None
            if tok is not None and self._case(c) in self.lex.words("partner_preps") and tok.pos_ in ("NOUN", "PROPN"):
                return self.actors(tok, "manner-with", "target")
        return []

    def _culprit(self, obj: Any) -> list[Arg]:
        """"condemned the crimes committed by X": the one accused is the author of the act."""
        agent = self.agent_token(obj) or self._acl_agent(obj)
        if agent is not None:
            return [Arg(a.actor, "obj-agent", a.reliability) for a in self.actors(agent, "obj-agent")][:1]
        if obj.lemma_.lower() in self._event_nouns():
            return [Arg(a.actor, "obj-amod", a.reliability) for a in self._adjectival(obj)]
        return []

    def _victims_of(self, noun: Any) -> list[Arg]:
        """"Four villagers were killed in army air raids": the passive subject is the target; so is the
        subject of a verb of dying ("trois soldats ont péri dans une embuscade", ``dying_verbs``) and the
        complement of a noun of death ("la mort de deux combattants dans une frappe", ``dying_nouns``)."""
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        if head.pos_ == "NOUN" and noun.dep_ in ("nmod", "pobj") and lemma_of(head) in self.lex.words("dying_nouns"):
            comp = self.complement_of(head)
            return self.actors(comp, "death-victim", "target") if comp is not None and comp.i != noun.i else []
        if noun.dep_ not in ("pobj", "obl", "obl:mod", "obl:arg", "obl:agent") or head.pos_ != "VERB":
            return []
        lemma = head.lemma_.lower()
        dying = lemma in self.lex.words("dying_verbs") and not self.is_passive(head)
        if not dying and (lemma not in self.lex.words("target_verbs") or not self.is_passive(head)):
            return []
        found = self.subject_token(head)
        return self.actors(found[0], "died-victim" if dying else "passive-victim", "target") if found else []

    def _noun_prep_targets(self, noun: Any) -> list[Arg]:
        words = [noun] + [self.doc[i] for i in sorted(self.frame.trigger_tokens) if i != noun.i]
        wrapper = self._quantity_wrapper(noun)  # "a series of air strikes on villages": "on" hangs on "series"
        words += [wrapper] if wrapper is not None else []
        blamed = self._blamed(noun)  # "imputé l'attentat aux rebelles": the rebels are its authors, not its target
        kids = [c for w in words for c in w.children if c.i not in self.frame.trigger_tokens
                and (blamed is None or c.i != blamed.i and self._pobj(c) is not blamed)]
        for c in self._required_first(kids):
            word = self._case(c)
            if c.dep_ in OBLIQUE and word in self.target_preps():
                tok = self._pobj(c)
                if tok is not None and not self._locative(word, tok) and not self._time(tok):  # "on Saturday with X"
                    return self.actors(tok, f"noun-{word}", "target")
        return []

    def _aiming_participle(self, noun: Any) -> list[Arg]:
        """"une enquête visant le ministre", "des frappes visant les positions de X": a participle of
        an aiming verb (`aiming_verbs`) on the event noun names its target: its object, or the holder
        of a thing aimed at."""
        for c in noun.children:
            if c.dep_ != "acl" or c.lemma_.lower() not in self.lex.words("aiming_verbs"):
                continue
            obj = self.object_token(c)
            found = self.object_target(obj, "acl>obj") if obj is not None else []
            if found:
                return found
        return []

    def _modifier_sources(self, noun: Any, comp: Any, of_role: str) -> list[Arg]:
        agent = self.agent_token(noun) or self._acl_agent(noun) or self._by_phrase(noun)
        if agent is not None:
            return self.actors(agent, "noun-agent")
        blamed = self._blamed(noun)
        if blamed is not None:
            return self.actors(blamed, "noun-blamed")
        if comp is not None and of_role == "source" and not self._placeish(comp):
            found = self.actors(comp, "noun-of")
            if found and not self.strict(found[0]):
                found = self._theme_possessor(noun, comp, of_role) or found  # "le retrait de leurs troupes"
            if found and self._sent_forces(found[0]):
                found = self._sender(noun) or found  # "le préfet a annoncé le renfort de 25 policiers"
            if found:
                return self._with_series(found, comp)
        for c in noun.children:
            possessive_det = c.dep_ == "det" and c.lower_ in self.lex.words("possessives")
            if (c.dep_ in ("poss", "nmod:poss") or possessive_det) and not self._undergone_by_possessor():
                return self._possessive(c, noun)
        own = self._adjectival(noun)
        return own or self._related_noun_source(noun) or self._theme_possessor(noun, comp, of_role)

    def _undergone_by_possessor(self) -> bool:
        """"son arrestation", "his assassination": the possessor of an act of these modes
        (``possessor_patient_modes``) undergoes it; "leur offensive", "their attack": the possessor acts."""
        return self.frame.mode is not None and self.frame.mode in self.lex.words("possessor_patient_modes")

    def _sent_forces(self, arg: Arg) -> bool:
        """The complement of a deployment noun is the forces sent, of no named country ("le
        déploiement de 500 soldats", "the dispatch of 300 police officers"): who sends them is asked
        of the clause."""
        a = arg.actor
        return self.frame.etype == "MOBILIZE" and a.country is None and a.kb_id is None \
            and a.sector in ("MIL", "COP")

    def _sender(self, noun: Any) -> list[Arg]:
        """The subject of a decision verb governing a deployment noun ("le préfet a annoncé le renfort
        de ...", "Paris a décidé l'envoi de ..."), when it is an actor; not of "a reçu", "réclame"."""
        verb = _governing_verb(noun)
        if verb is None or verb.lemma_.lower() not in self.lex.words("sender_verbs"):
            return []
        found = self.subject_token(verb)
        if not found:
            return []
        tok = found[0]
        out = [Arg(a.actor, "sender-" + a.path, a.reliability) for a in self.actors(tok, found[1])]
        if self._actorish(tok) or self._agent_noun(tok, "source"):
            return out
        return [a for a in out if self.strict(a)]  # "la décision a entraîné le déploiement": a thing sends no one

    def _theme_possessor(self, noun: Any, comp: Any, of_role: str) -> list[Arg]:
        """"le retrait de leurs bases", "the withdrawal of their troops": the owner of what is moved
        acts; a possessive pronoun there takes the subject of the governing clause."""
        if comp is None or of_role != "source" or self.frame.etype not in ("RETREAT", "MOBILIZE"):
            return []
        quantity = comp.lemma_.lower() in self.lex.words("quantity_nouns") or comp.pos_ in ("PRON", "NUM", "DET")
        inner = self.complement_of(comp) if quantity else None  # "plusieurs de leurs bases"
        for thing in [t for t in (comp, inner) if t is not None]:
            for c in thing.children:
                if c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in self.lex.words("possessives"):
                    return [Arg(a.actor, "theme-" + a.path, 0.85) for a in self._possessive(c, noun)]
        return []

    def _adjectival(self, noun: Any) -> list[Arg]:
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i != noun.i]
        if not mods:
            return []
        span = self.doc[min(m.i for m in mods + [noun]):max(m.i for m in mods + [noun]) + 1]
        actor = self._adjectival_actor(span)
        if actor is None:
            for m in mods:
                if m.dep_ == "compound" and self.lex.in_class("actor", m.lemma_):
                    actor = self.resolve(m)
                    break
        if actor is None:
            return []
        return [Arg(actor, "noun-amod", 0.85)] + self._conjoined_adjectivals(mods, actor)

    def _conjoined_adjectivals(self, mods: list[Any], first: Actor) -> list[Arg]:
        """"les bombardements russes et syriens": each coordinated nationality is an actor."""
        out: list[Arg] = []
        names = {first.name}
        for m in mods:
            for c in m.children:
                if c.dep_ != "conj" or c.pos_ not in ("ADJ", "NOUN", "PROPN") or len(out) >= MAX_CONJ - 1:
                    continue
                actor = self._adjectival_actor(self.doc[c.i:c.i + 1])
                if actor is not None and actor.country and actor.name not in names:
                    names.add(actor.name)
                    out.append(Arg(actor, "noun-amod-conj", 0.85))
        return out

    def _with_series(self, found: list[Arg], comp: Any) -> list[Arg]:
        """"le soutien de la Russie, de l'Iran et de la Chine": the repeated "de" series,
        read on the surface (the parser often breaks it); only resolved actors are added."""
        out = list(found)
        i, end = self.np_span(comp).end, sentence(comp).end
        while i + 1 < end and len(out) < MAX_CONJ and (self.doc[i].lower_ == "," or self.doc[i].lower_ in COORDINATORS):
            j = i + 1
            if self.doc[j].lower_ in COORDINATORS:
                j += 1
            if j >= end or CONTRACTED.get(self.doc[j].lower_, self.doc[j].lower_) not in GENITIVE:
                break
            j += 1
            while j < end and self.doc[j].pos_ == "DET":
                j += 1
            if j >= end or self.doc[j].pos_ not in ("NOUN", "PROPN"):
                break
            tok = self.doc[j]
            while tok.head.i > tok.i and tok.head.i - j < 4 and tok.dep_ in ("flat", "flat:name", "compound"):
                tok = tok.head
            arg = self._one(tok, "noun-of-series", "source")
            if arg is None or not self._named_here(arg):
                break
            if all(a.actor.name != arg.actor.name for a in out):
                out.append(arg)
            i = j + 1
            while i < end and self.doc[i].idx < arg.actor.span[1]:
                i += 1  # past the name just read
        return out

    def _by_phrase(self, noun: Any, own_only: bool = False) -> Any | None:
        """"the bombing of the city by government jets", "a request from India": the author of
        an event noun, in an agentive "by"/"from" phrase."""
        preps = self.lex.words("agent_preps")
        if own_only or self.frame.etype in FROM_TYPES:  # "a demand from X", not "a withdrawal from X"
            preps = preps | {"from"}
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                return self._pobj(c)
        if own_only:
            return None
        head = noun.head
        if noun.dep_ in OBJ and head.i != noun.i and not self.is_passive(head):
            return self.agent_token(head)  # "reported bombing of the city by X": "by X" hung on the verb
        return None

    def _possessive(self, det: Any, noun: Any) -> list[Arg]:
        if det.lower_ in self.lex.words("possessives"):
            verb = _governing_verb(noun)
            found = self.subject_token(verb) if verb is not None else None
            if found is None or not self._possessor_agrees(det, found[0]):
                return []  # "le président ... rejeter leurs revendications": not his; the slot stays empty
            return self.actors(found[0], "poss=" + found[1])
        return self.actors(det, "poss")

    def _blamed(self, noun: Any) -> Any | None:
        """"Police blamed the bombing on the rebels", "officials attributed the ambush to a militia", "le
        gouvernement impute l'attentat aux rebelles": the one the act is laid on is its author (the
        blaming itself is its own ACCUSE event, and attribution says who claims it)."""
        verb = noun.head
        if noun.dep_ not in OBJ + ("nsubjpass", "nsubj:pass") or verb.i == noun.i \
                or verb.lemma_.lower() not in self.lex.words("blame_verbs"):
            return None
        preps = self.lex.words("blame_preps")
        on_verb = [c for c in verb.children if c.i != noun.i and c.dep_ in _BLAME_DEPS and self._case(c) in preps]
        on_noun = [c for c in noun.children if c.i > noun.i and c.dep_ in _BLAME_DEPS and self._case(c) in preps]
        for c in on_verb or on_noun[-1:]:  # "blamed the bombing on the rebels": the parser may hang it on the noun
            tok = self._pobj(c)
            if tok is not None and tok.pos_ in ("NOUN", "PROPN"):
                return tok
        return None

    def _acl_agent(self, noun: Any) -> Any | None:
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and (c.lemma_.lower() in self.lex.words("light_verbs")
                                               or c.lemma_.lower() in self.lex.words("perpetrate_verbs")):
                agent = self.agent_token(c)
                if agent is not None:
                    return agent
        return None

    def _looks_place(self, tok: Any) -> bool:
        return (tok.ent_type_ in ("LOC", "GPE", "FAC") or self.lex.in_class("place", tok.lemma_)
                or (tok.pos_ == "PROPN" and tok.ent_type_ not in ("PER", "PERSON")))

    def _placeish(self, tok: Any) -> bool:
        """A place that is not an actor ("Manbij", "la ville"; not "la Russie", a state)."""
        if not self._looks_place(tok):
            return False
        actor = self._call_resolver(self.np_span(tok))
        return actor is None or actor.sector is None

    def _related_stray(self, noun: Any) -> Any | None:
        for c in self._related_nouns(noun):
            found = self.stray_person(c)
            if found is not None:
                return found
        return None

    def _related_nouns(self, noun: Any) -> list[Any]:
        near = [c for c in list(noun.children) + list(noun.head.children)
                if c.i != noun.i and c.dep_ in ("nmod", "obl:mod", "obl", "prep", "pobj")
                and abs(c.i - noun.i) <= 8]
        out = [self._pobj(c) if c.dep_ == "prep" else c for c in near]
        return [t for t in out if t is not None and self.lex.in_class("attack", t.lemma_)]

    def _related_noun_source(self, noun: Any) -> list[Arg]:
        """"l'assassinat ..., dans un raid américain": an attack noun beside the trigger."""
        for tok in self._related_nouns(noun):
            found = self._adjectival(tok)
            if found:
                return [Arg(a.actor, "related-noun-amod", 0.8) for a in found]
        return []

    def support_verb(self, noun: Any) -> tuple[Any, str] | None:
        """The support verb of an event noun ("lancer une attaque", "launch an attack")."""
        noun = self._phrase_head(noun)
        head = noun.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.words("undergo_verbs") and noun.dep_ in (
                "nmod", "prep", "pobj") and any(c.dep_ in SUBJ for c in head.children):
            return head, "undergo"  # "X a été la cible d'une attaque"
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.words("participation_nouns") and noun.dep_ in (
                "nmod", "pobj") and head.i < noun.i:
            return head, "participation"  # "sa participation aux négociations"
        if noun.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in self.lex.words(
                "participation_nouns") and head.lower_ not in self.lex.words("genitive_preps"):
            return head.head, "participation"  # "Hezbollah's involvement in the fighting", not "part of the aid"
        if noun.dep_ == "pobj" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp" and head.head.lemma_.lower() \
                in self.lex.words("participation_nouns") and head.lower_ not in self.lex.words("genitive_preps"):
            return head.head.head, "participation"  # "X was responsible for the attack": the copula's subject
        if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
            if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ not in (
                    self.lex.words("partner_preps") | self.lex.words("background_preps")):
                head = head.head  # not "launched an offensive with the support of X", "after days of fighting"
            else:
                return None
        lemma = head.lemma_.lower()
        undergo = self.lex.words("undergo_verbs")
        if any(c.dep_ in OBJ and c.lemma_.lower() in undergo for c in head.children) and noun.dep_ in LIGHT_OBL:
            return head, "undergo"  # "faire l'objet de tirs"
        if lemma in self.lex.words("participation_verbs") and noun.dep_ in LIGHT_OBL + ("obl", "obl:mod"):
            return head, "participation"  # "ont participé aux combats", "was involved in the battle"
        if noun.dep_ in SUBJ and lemma in self.lex.words("target_verbs"):
            return head, "target-verb"
        if lemma in self.lex.words("undergo_verbs") and noun.dep_ in OBJ + LIGHT_OBL:
            return head, "undergo"
        if lemma in self.lex.words("light_verbs") and (noun.dep_ in OBJ + PASS_SUBJ + LIGHT_OBL or _bare_obl(noun)):
            return head, "light-verb"
        return None

    def _quantity_wrapper(self, noun: Any) -> Any | None:
        """The quantity noun an event noun is counted by ("a series of strikes", "une série de frappes",
        "dozens of raids"), else None."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in self.lex.words("genitive_preps"):
            head = head.head  # English: the preposition heads the noun
        elif noun.dep_ != "nmod" or self._case(noun) not in self.lex.words("genitive_preps"):
            return None
        return head if head.i < noun.i and head.pos_ == "NOUN" \
            and head.lemma_.lower() in self.lex.words("quantity_nouns") else None

    def _phrase_head(self, noun: Any) -> Any:
        """The noun a support verb governs for an event noun inside it: a compound modifier
        ("undertook a mediation mission") or a measure of time ("began two weeks of naval drills")."""
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            return noun.head
        wrapper = self._quantity_wrapper(noun)
        if wrapper is not None:
            return wrapper  # "carried out a series of air strikes", "a mené une série de frappes"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self.lex.words(
                "time_nouns"):
            return noun.head.head
        return noun
