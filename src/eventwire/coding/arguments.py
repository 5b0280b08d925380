"""Argument rules over the dependency parse: who did it (source) and to whom (target).

Works on UD labels (French: nsubj, nsubj:pass, obj, obl:agent, obl:arg, nmod, amod, acl,
acl:relcl, conj, xcomp, ccomp) and ClearNLP labels (English: nsubj, nsubjpass, dobj, agent,
prep/pobj, poss, compound, relcl). Each finder returns :class:`Arg` records naming the
dependency path that gave the actor, which the coder turns into the rule name and explanation.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from ..records import Actor
from .lexicon import Lexicon

SUBJ = ("nsubj", "expl:subj")
PASS_SUBJ = ("nsubj:pass", "nsubjpass")
OBJ = ("obj", "dobj")
AGENT = ("obl:agent", "agent")
OBLIQUE = ("obl", "obl:arg", "obl:mod", "nmod", "prep", "dative", "iobj")
INHERIT = ("conj", "xcomp", "advcl")
LIGHT_OBL = ("obl:arg", "pobj")
CUT = {"acl:relcl", "relcl", "acl", "advcl", "conj", "cc", "parataxis", "punct", "ccomp", "xcomp",
       "dep", "mark", "appos:dis"}
ACTOR_ENTS = {"PER", "PERSON", "ORG", "NORP", "GPE", "LOC", "MISC", "FAC"}
MAX_CONJ = 4
BENEFIT_TYPES = {"SUPPORT", "AID"}
FROM_TYPES = {"REQUEST", "SUPPORT", "AID", "ACCUSE", "THREATEN"}  # speech and giving: "from X" is the author
CLOCK = re.compile(r"^\d{1,2}(h\d{0,2}|:\d\d|[ap]\.?m\.?)$")
CONTRACTED = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de"}


@dataclass(frozen=True)
class Frame:
    """What the finder needs to know about the candidate being coded."""

    etype: str = ""                                   # the PLOVER type
    mode: str | None = None                           # the entry's mode
    trigger_tokens: frozenset[int] = frozenset()      # the words of the trigger
    partner: bool = False                             # "with"/"avec" gives a target (CONSULT, ...)
    theme_object: bool = False                        # the object is what is moved (troops, aid)
    required_preps: frozenset[str] = frozenset()      # the entry's own prepositions ("fire at")


@dataclass(frozen=True)
class Arg:
    """An actor found for a role, with how it was found (a short dependency path)."""

    actor: Actor
    path: str
    reliability: float = 1.0


class ArgumentFinder:
    """Source and target rules for one document. ``resolver`` follows the actor stage's interface."""

    def __init__(self, doc: Any, lexicon: Lexicon, resolver: Any, speaker_of: Any = None,
                 published: str | None = None, mentions: tuple[Actor, ...] = ()) -> None:
        self.doc, self.lex, self.resolver = doc, lexicon, resolver
        self.mentions = mentions
        self.speaker_of, self.published = speaker_of, published
        self.frame = Frame()

    def with_frame(self, frame: Frame) -> ArgumentFinder:
        """A finder for one candidate: same document, that candidate's frame."""
        other = copy.copy(self)
        other.frame = frame
        return other

    # -- noun phrases ---------------------------------------------------------------------
    def np_span(self, tok: Any) -> Any:
        """The noun phrase headed by ``tok``, without clauses, coordination or place adjuncts."""
        keep = [tok.i]
        for child in self._np_children(tok):
            if child.dep_ == "acl" and child.i == tok.i + 1 and child.n_lefts == 0:
                keep.append(child.i)  # "hommes armés": an adjectival participle, without its adjuncts
                continue
            leading_case = child.dep_ == "case" and child.i < tok.i
            if child.dep_ in CUT or self._is_place_adjunct(child) or leading_case:
                continue
            keep += [t.i for t in child.subtree if not self._in_conj(t, child)]
        lo, hi = min(keep), max(keep)
        while hi > lo and self.doc[hi].is_punct:
            hi -= 1
        while lo < hi and self.doc[lo].is_punct:
            lo += 1
        return self.doc[lo:min(hi + 1, lo + 14)]

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
        return word in self.lex.words("place_preps") and word not in ("de", "of")

    def resolve(self, tok: Any, role: str = "source") -> Actor | None:
        """The actor a noun phrase stands for; generic nouns fall back to their own text."""
        named = self._named_apposition(tok) or self._titled_name(tok)
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
        if self._actorish(tok) or (role == "target" and tok.pos_ in ("NOUN", "PROPN")):
            return Actor(text=span.text, name=span.text, span=(span.start_char, span.end_char))
        return None

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
        """The state a modifier names ("un raid américain"), if the resolver offers it."""
        adjectival = getattr(self.resolver, "adjectival", None)
        return adjectival(span) if adjectival is not None else self._call_resolver(span)

    def _call_resolver(self, span: Any) -> Actor | None:
        try:
            return self.resolver.resolve(span, published=self.published)
        except TypeError:
            return self.resolver.resolve(span)

    def _actorish(self, tok: Any) -> bool:
        if tok.ent_type_ in ACTOR_ENTS:
            return True
        if tok.pos_ == "PROPN" and self.lex.language == "fr" and tok.i > tok.sent.start:
            return True  # French has no title case: a proper noun mid-sentence names someone
        return self.lex.in_class("actor", tok.lemma_) or self.lex.in_class("actor", tok.text)

    # -- coordination, pronouns, relatives -----------------------------------------------
    def conjuncts(self, tok: Any) -> list[Any]:
        out = [tok]
        names = [c for c in tok.children if c.dep_ in ("flat:name", "flat", "compound")]
        for child in [c for n in [tok] + names for c in n.children]:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and len(out) < MAX_CONJ:
                out += self.conjuncts(child)
        return out[:MAX_CONJ]

    def actors(self, tok: Any, path: str, role: str = "source") -> list[Arg]:
        """Actors for a subject/object token: coordination expanded for sources, pronouns resolved."""
        out: list[Arg] = []
        for t in self.conjuncts(tok) if role == "source" else [tok]:
            arg = self._one(t, path, role)
            extra = self._nationality_conjuncts(t, arg) if role == "source" and arg is not None else []
            for new in ([arg] if arg is not None else []) + extra:
                if all(a.actor.name != new.actor.name for a in out):
                    out.append(new)
        return out[:MAX_CONJ]

    def _nationality_conjuncts(self, tok: Any, arg: Arg) -> list[Arg]:
        """"les diplomates russes et américains": a state per coordinated nationality adjective."""
        if not arg.actor.country or tok.pos_ != "NOUN":
            return []
        mods = [c for c in tok.children if c.dep_ == "amod"]
        return [Arg(a.actor, arg.path + "+amod-conj", 0.85) for a in self._conjoined_adjectivals(mods, arg.actor)]

    def _one(self, tok: Any, path: str, role: str) -> Arg | None:
        low = tok.lower_
        ante = self.relative_antecedent(tok)
        if ante is not None:
            return self._one(ante, path + "<relcl", role)
        if low in self.lex.words("first_person"):
            actor = self._speaker(tok)
            return Arg(actor, path + "=speaker", 0.85) if actor else None
        if low in self.lex.words("subject_pronouns") or low in self.lex.words("possessives"):
            ant = self.antecedent(tok)
            if ant is None or ant.i == tok.i or not _agree(tok, ant):
                return None
            return self._one(ant, path + "=coref", role)
        if tok.pos_ == "PRON":
            return None
        if role == "target" and (self._time(tok) or tok.lemma_.lower() in self.lex.words("locution_nouns")):
            return None  # "à plusieurs reprises", "à la suite de"
        quantity = tok.lemma_.lower() in self.lex.words("quantity_nouns")
        if tok.ent_type_ in ("CARDINAL", "QUANTITY") or quantity:
            inner = self.complement_of(tok)
            if inner is not None:
                return self._one(inner, path + ">of", role)
            if role == "target" and self.frame.etype == "ASSAULT":
                span = self.np_span(tok)
                return Arg(Actor(text=span.text, name="civilians", span=(span.start_char, span.end_char),
                                 sector="CIV"), path + "=count")
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
        if "Rel" not in tok.morph.get("PronType") or tok.i == tok.sent.start or tok.head.dep_ == "ccomp":
            return None  # "révélé par Mediapart que Fillon a reçu": a conjunction, not a relative
        prev = self.doc[tok.i - 1]
        while prev.dep_ in ("amod", "flat", "flat:name", "compound") and prev.head.i < prev.i:
            prev = prev.head
        return prev if prev.pos_ in ("NOUN", "PROPN") else None

    def _facility(self, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        return self.lex.in_class("place", lemma) or self.lex.in_class("building", lemma)

    def _time(self, tok: Any) -> bool:
        if tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in self.lex.words("time_nouns"):
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
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        found = {a.name: a for a in self.mentions
                 if start <= a.span[0] < tok.idx and a.kb_id and not a.kb_id.startswith("state:")
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
        return getattr(speaker, "actor", None) if speaker is not None else None

    def antecedent(self, tok: Any) -> Any | None:
        """A pronoun's antecedent: in a clause reported by a statement verb ("X a annoncé qu'il
        avait ...", "X said it had ..."), that verb's nominal subject; otherwise the subject of the
        previous sentence's main verb, if nominal."""
        reporter = self._reporting_subject(tok)
        if reporter is not None:
            return reporter
        sent = tok.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        subj = [c for c in prev.root.children if c.dep_ in SUBJ and c.pos_ in ("NOUN", "PROPN")]
        return subj[0] if len(subj) == 1 else None

    def _reporting_subject(self, tok: Any) -> Any | None:
        if tok.dep_ not in SUBJ + PASS_SUBJ or tok.lower_ in self.lex.words("first_person"):
            return None
        clause = tok.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.lex.words("statement_verbs"):
            return None
        subj = [c for c in clause.head.children if c.dep_ in SUBJ and c.pos_ in ("NOUN", "PROPN")]
        return subj[0] if len(subj) == 1 and _agree(tok, subj[0]) else None

    # -- verbs ------------------------------------------------------------------------------
    def is_passive(self, verb: Any) -> bool:
        return any(c.dep_ in PASS_SUBJ or c.dep_ in ("aux:pass", "auxpass") for c in verb.children)

    def subject_token(self, verb: Any, depth: int = 0) -> tuple[Any, str] | None:
        """The token that fills the subject of ``verb`` (active or passive), with its path."""
        for c in verb.children:
            if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ:
                return self._closer_apposition(c, verb), c.dep_
        if depth > 3:
            return None
        if verb.dep_ in ("acl:relcl", "relcl") and self._has_relative(verb):
            return verb.head, "relcl"
        if verb.dep_ in ("acl:relcl", "relcl", "ROOT", "conj", "ccomp", "advcl") and _finite(verb):
            near = self._adjacent_subject(verb)
            if near is not None:
                return near, "adjacent"
        if verb.dep_ in ("acl", "advcl") and _participle_passive(verb) and not self.is_passive(verb):
            agent = self.agent_token(verb)
            if agent is not None:
                return agent, "agent"  # "les rebelles soutenus par la Turquie"
        if verb.dep_ == "acl":
            return self._acl_subject(verb)
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            controller = self.object_token(verb.head)  # "urged Iran to release", "appelé la Russie à cesser"
            if controller is not None and controller.i < verb.i and controller.pos_ in ("NOUN", "PROPN") \
                    and verb.head.lemma_.lower() in self.lex.words("object_control_verbs"):
                return controller, "xcomp<obj"
        if verb.dep_ in INHERIT and verb.head.i != verb.i:
            found = self.subject_token(verb.head, depth + 1)
            return (found[0], f"{verb.dep_}>{found[1]}") if found else None
        return None

    def _closer_apposition(self, subj: Any, verb: Any) -> Any:
        """A long subject ending in an apposition right before the verb: the apposition acts."""
        if not 6 < verb.i - subj.i:
            return subj
        near = self._adjacent_subject(verb)
        if near is not None and near.dep_ == "appos" and subj.i < near.i < verb.i \
                and any(t.i == near.i for t in subj.subtree):
            return near
        return subj

    def _has_relative(self, verb: Any) -> bool:
        rel = self.lex.words("relative_pronouns")
        return any(c.lower_ in rel for c in verb.children) or verb.dep_ == "relcl"

    def _adjacent_subject(self, verb: Any) -> Any | None:
        """Repair a parse with no subject: the noun phrase right before a finite verb."""
        first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
        i = first - 1
        while i >= 0 and (self.doc[i].pos_ == "ADV" or self.doc[i].dep_.startswith("expl")):
            i -= 1
        if i < 0 or self.doc[i].is_sent_start:
            return None
        tok = self.doc[i]
        if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            tok = tok.head
        while tok.dep_ in ("flat", "flat:name", "compound") and tok.head.i < tok.i:
            tok = tok.head
        return tok if tok.pos_ in ("NOUN", "PROPN") else None

    def _argument_of_other_verb(self, tok: Any, verb: Any) -> bool:
        head = tok.head
        return head.i != verb.i and head.i != tok.i and head.pos_ in ("VERB", "AUX") \
            and tok.dep_ in OBJ + OBLIQUE

    def _agentive_participle(self, verb: Any) -> tuple[list[Arg], list[Arg], str] | None:
        """"X, enlevé par Y" / "Encerclés par Y, les soldats ...": a past participle with an agent."""
        fronted = verb.pos_ == "NOUN" and verb.dep_ in ("obl:mod", "obl", "nmod")  # tagged as a noun
        if not fronted and (verb.dep_ not in ("acl", "advcl") or not _participle_passive(verb)
                            or self.is_passive(verb)):
            return None
        agent = self.agent_token(verb)
        if agent is None:
            return None
        if verb.dep_ == "acl":
            patient = verb.head
        else:
            found = self.subject_token(verb.head)
            patient = found[0] if found else None
        targets = self.actors(patient, f"{verb.dep_}-patient", "target") if patient is not None else []
        return self.actors(agent, "agent"), targets, "passive"

    def _adjacent_name(self, verb: Any) -> list[Arg]:
        """Repair a broken parse ("le Royaume - Uni a expulsé"): the name right before the verb."""
        first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
        i = first - 1
        while i >= 0 and self.doc[i].pos_ == "ADV":
            i -= 1
        end = i + 1
        while i >= 0 and (self.doc[i].pos_ == "PROPN" or self.doc[i].text in "-'’") and end - i < 6:
            i -= 1
        if end - (i + 1) < 1 or self._argument_of_other_verb(self.doc[end - 1], verb):
            return []
        if i >= 0 and self.doc[i].pos_ in ("VERB", "AUX") and self.doc[i].i != verb.i:
            return []  # "Qui attaque Paris attaque ...": a name right after a verb is its object
        actor = self._call_resolver(self.doc[i + 1:end])
        return [Arg(actor, "adjacent-name", 0.8)] if actor is not None else []

    def _acl_subject(self, verb: Any) -> tuple[Any, str] | None:
        noun = verb.head
        if noun.lemma_.lower() not in self.lex.words("document_nouns"):
            return None if self.is_passive(verb) or _participle_passive(verb) else (noun, "acl")
        for c in noun.children:
            if c.dep_ in AGENT or self._case(c) in self.lex.words("agent_preps"):
                return c, "acl<doc<agent"
        if noun.head.i != noun.i and noun.head.lemma_.lower() in self.lex.words("document_verbs"):
            found = self.subject_token(noun.head, 2)
            return (found[0], "acl<doc<" + found[1]) if found else None
        return None

    def agent_token(self, head: Any) -> Any | None:
        for c in head.children:
            if c.dep_ == "agent":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                return pobj[0] if pobj else None
            if c.dep_ == "obl:agent" or (c.dep_ in ("obl", "nmod", "obl:mod") and self._case(c) == "par"):
                return c
        return None

    def object_token(self, verb: Any) -> Any | None:
        objs = [c for c in verb.children if c.dep_ in OBJ]
        if len(objs) > 1:  # "que Fillon a reçu 45 000 euros": the conjunction is not the object
            objs = [c for c in objs if c.lower_ not in self.lex.words("relative_pronouns")] or objs
        return objs[0] if objs else None

    def target_preps(self) -> frozenset[str]:
        partner = self.lex.words("partner_preps") if self.frame.partner else frozenset()
        if self.frame.etype in BENEFIT_TYPES:  # "support for Ukraine", "aid for the refugees"
            partner = partner | self.lex.words("beneficiary_preps")
        return self.lex.words("target_preps") | partner

    def verb_args(self, verb: Any) -> tuple[list[Arg], list[Arg], str]:
        """(sources, targets, voice) of a verb trigger."""
        participle = self._agentive_participle(verb)
        if participle is not None:
            return participle
        subj = self.subject_token(verb)
        passive = self.is_passive(verb) or (subj is not None and subj[1].split(">")[-1] in PASS_SUBJ)
        if passive and self._unaccusative(verb):
            passive = False  # "les troupes sont entrées": être is the tense auxiliary, not a passive
        if subj is not None and subj[1] == "relcl" and _participle_passive(verb) and not _has_aux(verb):
            passive = True  # "groups outlawed in Russia": a reduced passive relative
        sources: list[Arg] = []
        targets: list[Arg] = []
        if passive:
            agent = self.agent_token(verb)
            if agent is not None:
                sources = self.actors(agent, "agent")
            if subj is not None:
                targets = self.actors(subj[0], subj[1], "target")
        else:
            if subj is not None:
                sources = self.actors(subj[0], subj[1])
            elif _finite(verb):
                sources = self._adjacent_name(verb)
            targets = self.verb_targets(verb)
        return sources, targets, "passive" if passive else "active"

    def _unaccusative(self, verb: Any) -> bool:
        """A verb conjugated with être (entrer, arriver, passer) read by the parser as a passive."""
        return verb.lemma_.lower() in self.lex.words("unaccusative_verbs") and self.agent_token(verb) is None

    def verb_targets(self, verb: Any) -> list[Arg]:
        obj = self.object_token(verb)
        if obj is not None and obj.i in self.frame.trigger_tokens:  # "briser les lignes de X"
            return self._noun_prep_targets(obj) or self._prep_targets(verb) or self.owner_of(obj)
        if obj is not None:
            ante = self.relative_antecedent(obj)
            if ante is not None:
                return self.actors(ante, "obj<relcl", "target")
            if self.frame.theme_object or self._is_weapon(obj):
                return self._prep_targets(verb) or self._prep_targets(obj)  # "fired a shell on X"
            if self.frame.etype == "ACCUSE":
                culprit = self._culprit(obj)
                if culprit:
                    return culprit
            found = self.actors(obj, "obj", "target")
            inner = self.complement_of(obj)
            if inner is None and obj.lemma_.lower() in self._event_nouns():
                inner = self._by_phrase(obj, own_only=True)  # "rejected a request from India"
            if inner is not None and (not found or obj.lemma_.lower() in self._event_nouns()):
                found = self.actors(inner, "obj>of", "target") or found
            if found and not self.strict(found[0]):
                owner = self._thing_owner(obj, verb) or (self.owner_of(inner) if inner is not None else [])
                return owner or found
            if found:
                return found
        return self._prep_targets(verb)

    def _is_weapon(self, obj: Any) -> bool:
        """"fired a shell", "fired tens of shells": the object (or its counted noun) is a weapon."""
        if obj.lemma_.lower() in self.lex.words("quantity_nouns") or obj.pos_ == "NUM":
            inner = self.complement_of(obj)
            obj = inner if inner is not None else obj
        return self.lex.in_class("weapon", obj.lemma_)

    def _holder(self, verb: Any) -> list[Arg]:
        """"captured villages from the insurgents": the previous holder of what is taken."""
        for c in verb.children:
            if c.dep_ in OBLIQUE and self._case(c) in self.lex.words("holder_preps"):
                tok = self._pobj(c)
                if tok is not None:
                    return [a for a in self.actors(tok, f"{c.dep_}:{self._case(c)}", "target") if self._named_here(a)]
        return []

    def _thing_owner(self, obj: Any, verb: Any) -> list[Arg]:
        """A place or thing as object stands for the actor who holds it, when the sentence says so:
        "les positions de l'EI", "la ville tenue par X", "insurgent-held districts", "leurs relations
        avec le Qatar", "a repris le village aux rebelles". Only resolved actors are taken."""
        for found in (self.owner_of(obj), self._relation_partner(obj), self._strict_prep_targets(verb),
                      self._holder(verb) if self.frame.etype in ("ASSAULT", "COERCE") else [],
                      self._strict_prep_targets(obj), self._held_by_clause(obj, verb)):
            if found:
                return found
        return []

    def _held_by_clause(self, obj: Any, verb: Any) -> list[Arg]:
        """"a pris la ville, tenue par X": the participle hangs on the verb, after the object."""
        for c in verb.children:
            if c.i <= obj.i:
                continue
            if c.dep_ == "advcl" and c.lemma_.lower() in self.lex.words("hold_verbs"):
                agent = self.agent_token(c)
                if agent is not None:
                    return [a for a in self.actors(agent, "obj>held-by", "target") if self._named_here(a)]
            near = obj.right_edge.i < c.i <= obj.right_edge.i + 3
            if c.dep_ in ("obl:mod", "appos", "obj") and c.pos_ == "NOUN" and near:
                found = self.owner_of(c, 1)  # "prendre X, dernière ville tenue par Y" (apposition misparsed)
                if found:
                    return found
        return []

    def owner_of(self, tok: Any, depth: int = 0) -> list[Arg]:
        """The holder of a place: its "de X" complement, a "held by X" participle, an apposition's."""
        inner = self.complement_of(tok)
        if inner is None:  # "rejected Annan's calls": a named possessor
            inner = next((c for c in tok.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PROPN"), None)
        if inner is not None:
            found = [a for a in self.actors(inner, "obj>owner", "target") if self._named_here(a)]
            if found:
                return [Arg(a.actor, "obj>owner", a.reliability) for a in found]
        for c in tok.children:
            if c.lemma_.lower() not in self.lex.words("hold_verbs") or c.dep_ not in ("acl", "amod", "relcl"):
                continue
            agent = self.agent_token(c) or next(
                (g for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < c.i), None)
            if agent is not None:
                found = [a for a in self.actors(agent, "obj>held-by", "target") if self._named_here(a)]
                if found:
                    return found
        for c in tok.children:
            if c.dep_ == "appos" and depth == 0:
                found = self.owner_of(c, 1)
                if found:
                    return found
        return []

    def _relation_partner(self, obj: Any) -> list[Arg]:
        if obj.lemma_.lower() not in self.lex.words("relation_nouns"):
            return []
        for c in obj.children:
            if c.dep_ in OBLIQUE and self._case(c) in self.lex.words("partner_preps"):
                tok = self._pobj(c)
                if tok is not None:  # "avec le bureau de l'ONU": a named partner, or the holder of the place
                    found = [a for a in self.actors(tok, "obj>with", "target") if self._named_here(a)]
                    return found or self.owner_of(tok)
        return []

    def _strict_prep_targets(self, verb: Any) -> list[Arg]:
        """Prepositional targets named in the clause itself (no coreference guess)."""
        return [a for a in self._prep_targets(verb) if self._named_here(a)]

    def _named_here(self, arg: Arg) -> bool:
        """A resolved actor named in this clause (not reached through coreference)."""
        return self.strict(arg) and "coref" not in arg.path

    def _locative(self, word: str, tok: Any) -> bool:
        """"à Aïn al-Asad", "at the base": a place after a locative preposition is not a target."""
        if word in self.frame.required_preps:
            return False
        if self.frame.etype == "ASSAULT" and word in self.lex.words("directional_preps"):
            return False  # "fired rockets at the airport": violence aims at places
        if word not in self.lex.words("locative_preps"):
            return False
        named_place = tok.ent_type_ in ("LOC", "GPE", "FAC") or self.lex.in_class("place", tok.lemma_)
        place_only = self.frame.etype.lower() in self.lex.words("place_only_types") or (
            self.frame.etype == "CONSULT" and self.frame.mode != "visit")  # "se sont réunis à Paris"
        if named_place and place_only:
            return True  # "ont manifesté à Paris": where, not against whom
        return named_place and self._placeish(tok)

    def _required_first(self, kids: list[Any]) -> list[Any]:
        """The entry's own prepositions first ("rendre hommage à X", not "sur Twitter")."""
        return sorted(kids, key=lambda c: self._case(c) not in self.frame.required_preps)

    def _prep_targets(self, verb: Any) -> list[Arg]:
        for c in self._required_first(list(verb.children)):
            word = self._case(c)
            if c.i in self.frame.trigger_tokens:
                continue  # "passer à l'offensive": the trigger's own words
            if c.dep_ in OBLIQUE and word in self.target_preps():
                tok = self._pobj(c)
                if tok is not None and not self._locative(word, tok):
                    return self.actors(tok, f"{c.dep_}:{word}", "target")
        for c in verb.children:
            tok = self._pobj(c) if c.dep_ in OBLIQUE else None
            if tok is not None and tok.lemma_.lower() in self._event_nouns():
                found = self._noun_prep_targets(tok)
                if found:
                    return found
        return []

    # -- nouns ------------------------------------------------------------------------------
    def _event_nouns(self) -> set[str]:
        return {e.words[0] for e in self.lex.entries if e.pos == "noun"}

    def complement_of(self, noun: Any) -> Any | None:
        """The "de X" / "of X" complement of a noun."""
        for c in noun.children:
            if c.dep_ in ("nmod", "prep", "obl", "obl:mod") and self._case(c) in ("de", "of", "d'", "d’", "du", "des"):
                if any(g.dep_ == "advmod" and g.i < c.i for g in c.children):
                    continue  # "près de l'aéroport": a place, not a complement
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
                if self._case(t) in ("de", "d'", "d’", "of"):
                    return t
        return None

    def noun_args(self, noun: Any, of_role: str) -> tuple[list[Arg], list[Arg], str]:
        """(sources, targets, how) of an event noun: support verb, modifiers, complements."""
        targets: list[Arg] = []
        comp = self.complement_of(noun)
        if comp is not None and (of_role == "target" or self._placeish(comp)):
            targets = self.actors(comp, "of", "target")
        if not targets:
            aimed, victims = self._noun_prep_targets(noun), self._victims_of(noun)
            # "villagers were killed in airstrikes on the town": the people hit, not the place
            targets = victims if victims and (not aimed or not self.strict(aimed[0])) else aimed or victims
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
            if sources:
                own = [t for t in vtargets if "obj" not in t.path and not _covers(t, noun)]
                return sources, targets or own, how
        sources = self._modifier_sources(noun, comp, of_role)
        if sources and not targets:
            targets = self._adversative_target(noun)
        manner = self._manner_subject(noun)
        if manner is not None:
            clause = self.actors(manner, "manner-nsubj")
            if not sources:
                return clause, targets, "manner"
            if not targets and self.frame.etype != "ASSAULT":
                return sources, [Arg(a.actor, a.path, a.reliability) for a in clause], "manner"
        return sources, targets, "noun"

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

    def _manner_subject(self, noun: Any) -> Any | None:
        """"en coopération avec X" / "with the support of X": an adjunct of the clause's subject."""
        if self._case(noun) not in self.lex.words("manner_preps") or noun.head.pos_ not in ("VERB", "AUX"):
            return None
        found = self.subject_token(noun.head)
        return found[0] if found and found[1] in SUBJ else None

    def _culprit(self, obj: Any) -> list[Arg]:
        """"condemned the crimes committed by X": the one accused is the author of the act."""
        agent = self.agent_token(obj) or self._acl_agent(obj)
        if agent is not None:
            return [Arg(a.actor, "obj-agent", a.reliability) for a in self.actors(agent, "obj-agent")][:1]
        if obj.lemma_.lower() in self._event_nouns():
            return [Arg(a.actor, "obj-amod", a.reliability) for a in self._adjectival(obj)]
        return []

    def _victims_of(self, noun: Any) -> list[Arg]:
        """"Two civilians were killed in regime airstrikes": the passive subject is the target."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in ("pobj", "obl", "obl:mod", "obl:arg", "obl:agent") or verb.pos_ != "VERB":
            return []
        if verb.lemma_.lower() not in self.lex.words("target_verbs") or not self.is_passive(verb):
            return []
        found = self.subject_token(verb)
        return self.actors(found[0], "passive-victim", "target") if found else []

    def _noun_prep_targets(self, noun: Any) -> list[Arg]:
        words = [noun] + [self.doc[i] for i in sorted(self.frame.trigger_tokens) if i != noun.i]
        kids = [c for w in words for c in w.children if c.i not in self.frame.trigger_tokens]
        for c in self._required_first(kids):
            word = self._case(c)
            if c.dep_ in OBLIQUE and word in self.target_preps():
                tok = self._pobj(c)
                if tok is not None and not self._locative(word, tok):
                    return self.actors(tok, f"noun-{word}", "target")
        return []

    def _modifier_sources(self, noun: Any, comp: Any, of_role: str) -> list[Arg]:
        agent = self.agent_token(noun) or self._acl_agent(noun) or self._by_phrase(noun)
        if agent is not None:
            return self.actors(agent, "noun-agent")
        if comp is not None and of_role == "source" and not self._placeish(comp):
            found = self.actors(comp, "noun-of")
            if found and not self.strict(found[0]):
                found = self._theme_possessor(noun, comp, of_role) or found  # "le retrait de leurs troupes"
            if found:
                return self._with_series(found, comp)
        for c in noun.children:
            possessive_det = c.dep_ == "det" and c.lower_ in self.lex.words("possessives")
            if c.dep_ in ("poss", "nmod:poss") or possessive_det:
                return self._possessive(c, noun)
        own = self._adjectival(noun)
        return own or self._related_noun_source(noun) or self._theme_possessor(noun, comp, of_role)

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
        """"le soutien de la Turquie, de l'Arabie saoudite et du Qatar": the repeated "de" series,
        read on the surface (the parser often breaks it); only resolved actors are added."""
        out = list(found)
        i, end = self.np_span(comp).end, comp.sent.end
        while i + 1 < end and len(out) < MAX_CONJ and self.doc[i].lower_ in (",", "et", "ou", "and", "or"):
            j = i + 1
            if self.doc[j].lower_ in ("et", "ou", "and", "or"):
                j += 1
            if j >= end or CONTRACTED.get(self.doc[j].lower_, self.doc[j].lower_) not in ("de", "of"):
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
            return self.actors(found[0], "poss=" + found[1]) if found else []
        return self.actors(det, "poss")

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
        head = noun.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.words("undergo_verbs") and noun.dep_ in (
                "nmod", "prep", "pobj") and any(c.dep_ in SUBJ for c in head.children):
            return head, "undergo"  # "X a été la cible d'une attaque"
        if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
            if noun.dep_ == "pobj" and head.head.pos_ == "VERB":
                head = head.head
            else:
                return None
        lemma = head.lemma_.lower()
        undergo = self.lex.words("undergo_verbs")
        if any(c.dep_ in OBJ and c.lemma_.lower() in undergo for c in head.children) and noun.dep_ in LIGHT_OBL:
            return head, "undergo"  # "faire l'objet de tirs"
        if noun.dep_ in SUBJ and lemma in self.lex.words("target_verbs"):
            return head, "target-verb"
        if lemma in self.lex.words("undergo_verbs") and noun.dep_ in OBJ + LIGHT_OBL:
            return head, "undergo"
        if lemma in self.lex.words("light_verbs") and noun.dep_ in OBJ + PASS_SUBJ + LIGHT_OBL:
            return head, "light-verb"
        return None

    # -- helpers ----------------------------------------------------------------------------
    def case_of(self, tok: Any) -> str:
        """The preposition or marker a dependent carries ("à" for "aux rebelles")."""
        return self._case(tok)

    def pobj_of(self, tok: Any) -> Any | None:
        """The noun of a prepositional dependent (the dependent itself in UD)."""
        return self._pobj(tok)

    def _case(self, tok: Any) -> str:
        if tok.dep_ in ("prep", "agent"):
            return tok.lower_
        case = [c for c in tok.children if c.dep_ in ("case", "mark")]
        word = case[0].lower_.replace("’", "'") if case else ""
        return CONTRACTED.get(word, word)

    def _pobj(self, tok: Any) -> Any | None:
        if tok.dep_ in ("prep", "agent"):
            objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            return objs[0] if objs else None
        return tok


def _agree(pronoun: Any, antecedent: Any) -> bool:
    """Number agreement when both carry it (collective names such as "la Russie" are singular)."""
    a, b = pronoun.morph.get("Number"), antecedent.morph.get("Number")
    return not a or not b or a == b


def _has_aux(verb: Any) -> bool:
    return any(c.dep_.startswith("aux") for c in verb.children)


def _finite(verb: Any) -> bool:
    if "Fin" in verb.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _covers(arg: Arg, tok: Any) -> bool:
    return arg.actor.span[0] <= tok.idx < arg.actor.span[1]


def _participle_passive(verb: Any) -> bool:
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") or verb.tag_ == "VBN"


def _governing_verb(tok: Any) -> Any | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None
