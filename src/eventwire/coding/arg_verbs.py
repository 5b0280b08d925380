"""Verbal arguments: subjects (active, passive, inherited, repaired), objects, targets from
prepositions, holders and owners of things aimed at."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..languages import shipped
from ..text import sentence
from .arg_actors import ActorRules, dateline_end
from .arg_base import (
    AGENT,
    BENEFIT_TYPES,
    INHERIT,
    OBJ,
    OBLIQUE,
    PASS_SUBJ,
    SE_CLITICS,
    SUBJ,
    Arg,
    _avoir_tense,
    _finite,
    _has_aux,
    _infinitive,
    _participle_passive,
)
from .match import comment_subject, misread_infinitive
from .modality import VOICED_TYPES, aux_scope, detached_participle, gerund

CLITIC_DEPS = frozenset({"mark", "obj", "iobj"})  # what the parser also calls a clitic before its verb


def _pronominal(verb: Any) -> bool:
    """A French pronominal verb ("l'armée s'est retirée", "se sont emparés"): its compound tenses take
    être, which the parser reads as a passive auxiliary, and its subject as a passive subject."""
    return any(c.lower_ in SE_CLITICS and (c.dep_.startswith("expl") or c.dep_ in CLITIC_DEPS and c.i < verb.i)
               for c in verb.children)


# "par exemple", "par ailleurs": discourse adverbials, never the agent of a passive
PAR_ADVERBIALS = shipped().union("coding", "par_adverbials")
COPULAS = shipped().union("coding", "copulas")
GERUND_PREPS = shipped().union("coding", "gerund_preps")  # "accused of killing"


def _copula_passive(verb: Any) -> bool:
    """A passive whose auxiliary the parser read as a copula: "le groupe est par exemple chassé de
    la ville par le Front al-Nosra" (an adverbial between "est" and the participle): a past participle
    with a copula "être"/"be" and an agent."""
    kids = list(verb.children)
    return (verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm")
            and any(c.dep_ == "cop" and c.lemma_.lower() in COPULAS for c in kids)
            and any(c.dep_ in AGENT for c in kids))


HELD_MODES = {"arrest", "seize"}  # people or things taken and held: their holder frees or tries them
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY"}

SMALL_CLAUSES = ("ccomp", "xcomp", "oprd")  # "holds the government [responsible]"


class VerbArguments(ActorRules):
    """(sources, targets, voice) of verb triggers."""

    # -- verbs ------------------------------------------------------------------------------
    def is_passive(self, verb: Any) -> bool:
        return self.once(("passive", verb.i), lambda: self._is_passive(verb))  # type: ignore[no-any-return]

    def _is_passive(self, verb: Any) -> bool:
        if _avoir_tense(verb):
            return False  # "Ils ont mené une offensive" with "Ils" misread as a passive subject
        if _pronominal(verb):
            return False
        return any(c.dep_ in PASS_SUBJ or c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or (
            _copula_passive(verb))

    def subject_token(self, verb: Any, depth: int = 0) -> tuple[Any, str] | None:
        """The token that fills the subject of ``verb`` (active or passive), with its path (once per
        verb: the voice, subject, object and agent rules read the parse only, see ``once``)."""
        return self.once(("subject", verb.i, depth), lambda: self._subject_token(verb, depth))  # type: ignore[no-any-return]

    def _subject_token(self, verb: Any, depth: int = 0) -> tuple[Any, str] | None:
        comment = comment_subject(verb)
        if comment is not None:
            return comment, "comment-relative"  # "..., ce que Paris dément": Paris denies
        subjects = [c for c in verb.children if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
        opening = dateline_end(sentence(verb))
        # "DAKAR (AFP) - ...": the dateline is no subject; "JAKARTA - Indonesia released ...": the parser
        # took the dateline for the subject and the real one for its apposition
        subjects = [c for c in subjects if c.i >= opening] or [
            a for c in subjects for a in c.children if a.dep_ == "appos" and a.i >= opening]
        if len(subjects) > 1:  # "Ce matin, six personnes ont été arrêtées": a time noun misread as a subject
            subjects = [c for c in subjects if not self._time(c)] or subjects
        if subjects and all(self._time(c) or c.lemma_.lower() in self.lex.words("occasion_nouns") for c in subjects):
            # "Caracas a une nouvelle fois refusé": the parser hung the subject on the auxiliary (read as
            # the verb's auxiliary or as its governor) and took the phrase of time for the verb's own
            hosts = [c for c in aux_scope(verb) if c.i != verb.i]
            if verb.dep_ in ("ccomp", "xcomp") and "Part" in verb.morph.get("VerbForm") \
                    and verb.head.lemma_ in self.lex.words("tense_auxiliaries"):
                hosts.append(verb.head)
            held = [g for c in hosts for g in c.children if g.dep_ in SUBJ and g.i >= opening]
            subjects = held or subjects
        for c in subjects:
            # "Les syndicats ont condamné X, tout en reprochant ...": a compound tense with avoir is active
            # whatever the parser calls its subject, and so are the clauses that inherit it
            dep = SUBJ[0] if c.dep_ in PASS_SUBJ and _avoir_tense(verb) else c.dep_
            return self._closer_apposition(_determiner_head(c), verb), dep
        if depth > 3:
            return None
        host = self.tense_host(verb)
        if host.i not in (verb.i, verb.head.i):  # "X a dénoncé une « escalade » et averti que ..."
            found = self.subject_token(host, depth + 1)
            return (found[0], f"{verb.dep_}>{found[1]}") if found else None
        if verb.dep_ in ("acl:relcl", "relcl") and self._has_relative(verb):
            return verb.head, "relcl"
        if verb.dep_ in ("acl:relcl", "relcl", "ROOT", "conj", "ccomp", "advcl") and _finite(verb):
            near = self._adjacent_subject(verb)
            if near is not None:
                return near, "adjacent"
        if verb.dep_ in ("acl", "advcl") and _participle_passive(verb) and not self.is_passive(verb):
            agent = self.agent_token(verb)
            if agent is not None:
                return agent, "agent"  # "les milices financées par le voisin"
        accused = self._accused_of(verb)
        if accused is not None:
            return accused, "accused-of"
        time_adjunct = verb.head.dep_ in ("pobj", "npadvmod") and self._time(verb.head)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and time_adjunct:  # "pushed in for the first time seizing ..."
            gov = verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
            found = self.subject_token(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else None
            return (found[0], f"advcl>{found[1]}") if found else None
        if verb.dep_ == "acl":
            return self._acl_subject(verb)
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            controller = self.object_token(verb.head)  # "urged Iran to release", "appelé la Russie à cesser"
            if controller is not None and controller.i < verb.i and controller.pos_ in ("NOUN", "PROPN") \
                    and verb.head.lemma_.lower() in self.lex.words("object_control_verbs"):
                return controller, "xcomp<obj"
            accused = self._accused_infinitive(verb)
            if accused is not None:
                return accused if accused[0] is not None else None
        if (verb.dep_ in INHERIT or misread_infinitive(verb)) and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "xcomp" and _infinitive(head) and not _has_aux(verb) \
                    and "Part" in verb.morph.get("VerbForm") and self._accused_infinitive(head) is not None:
                head = head.head  # "a accusé X de saboter les talks et rejeté Y": the participle is the accuser's
            elif verb.dep_ == "conj" and self._said_and(verb):
                head = head.head  # "X said the report is false and asked ...": the asking is the speaker's
            found = self.subject_token(head, depth + 1)
            return (found[0], f"{verb.dep_}>{found[1]}") if found else None
        return None

    def _said_and(self, verb: Any) -> bool:
        """A past verb coordinated with the complement of a past statement verb that tells a second act
        of the speaker, not of the complement's subject (the parser hangs it on the complement's verb):
        after a simple present ("The union said the plan is unfair and called a strike", "said the report
        does not hold and asked ..."; English tags: ``VBD`` against ``VBZ``/``VBP`` on the complement's
        verb or its "do"), or when it is itself an act of saying and the complement's verb tells no act of
        its own (no verb sense of the lexicon: "said its commander was in contact with both sides and urged
        restraint") or the statement verb is an act of saying too ("denied that its troops had fired and
        blamed the rebels": a denial and a blame, both the speaker's). "Police said the gang
        kidnapped a man and demanded a ransom" is the gang's demand; a perfect "have kidnapped ... and
        exploded" keeps its own subject, and so does a clause told before its statement verb."""
        clause, gov = verb.head, verb.head.head
        if clause.dep_ != "ccomp" or gov.i >= clause.i or verb.tag_ != "VBD" or gov.tag_ != "VBD":
            return False
        gov_saying = bool(self._verb_senses(gov) & VOICED)
        if not (gov_saying or gov.lemma_.lower() in self.lex.words("statement_verbs")):
            return False
        aux = [c.tag_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if clause.tag_ in ("VBZ", "VBP") or (clause.tag_ == "VB" and bool(aux) and aux[0] in ("VBZ", "VBP")):
            return True
        return bool(self._verb_senses(verb) & VOICED) and (gov_saying or not self._verb_senses(clause))

    def _verb_senses(self, verb: Any) -> set[str]:
        """The types of the lexicon's one-word verb senses of ``verb``'s lemma (an act of saying: one of
        ``VOICED_TYPES``)."""
        return {e.type for e in self.lex.index.get(verb.lemma_.lower(), ()) if e.pos == "verb" and len(e.words) == 1}

    def tense_host(self, verb: Any) -> Any:
        """The verb whose auxiliary a bare past participle shares: the first conjunct of "a condamné X et
        démenti Y", also when the parser hangs the second participle on the first one's object ("Moroni
        avait convoqué l'ambassadeur et exigé des excuses", "a dénoncé une « escalade irresponsable » et
        averti que") or an adverbial splits the auxiliary from its participle ("le préfet a de son côté
        fustigé"); the verb itself otherwise."""
        return self.once(("host", verb.i), lambda: self._tense_host(verb))  # type: ignore[no-any-return]

    def _tense_host(self, verb: Any) -> Any:
        if not _participle_passive(verb) or _has_aux(verb) or verb.pos_ != "VERB" \
                or any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in verb.children):
            return verb
        if verb.dep_ == "conj":
            cur = verb.head
            for _ in range(3):  # up from a misattached conjunct to the verb that heads the coordination
                if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                    break
                cur = cur.head
            if cur.pos_ == "VERB" and cur.i < verb.i and (_has_aux(cur) or cur.dep_ == "conj"):
                return self.tense_host(cur) if cur.dep_ == "conj" else cur
            return verb
        noun = verb.head
        if verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.i > verb.i:
            return verb
        # "a de son côté fustigé": the auxiliary and the subject hang on the adverbial's noun, or the
        # auxiliary is read as the main verb with the adverbial under it
        if _avoir_tense(noun) and any(c.dep_ in SUBJ for c in noun.children):
            return noun
        aux = noun.head
        if noun.dep_.startswith("obl") and aux.pos_ in ("AUX", "VERB") and aux.lemma_ == "avoir" \
                and aux.i < noun.i and any(c.dep_ in SUBJ for c in aux.children) \
                and not any(c.dep_ in OBJ or c.dep_ in ("xcomp", "ccomp") for c in aux.children):
            return aux
        return verb

    def _accused_infinitive(self, verb: Any) -> tuple[Any, str] | tuple[None, str] | None:
        """"accusant Tokyo de s'ingérer", "a reproché à Paris de soutenir", "le Soudan, accusé de livrer des
        armes": the infinitive of an accusing verb (``accusing_verbs``, ``dative_control_verbs``) is the act
        of the one accused -- its object, its "à" complement, or the noun a bare participle of it follows --,
        never of the accuser; ``(None, ...)`` when none is named. None: not such an infinitive."""
        gov = verb.head
        lemma = gov.lemma_.lower()
        accusing = lemma in self.lex.words("accusing_verbs")
        if not accusing and lemma not in self.lex.words("dative_control_verbs"):
            return None
        nominal = ("NOUN", "PROPN")
        found = self.object_token(gov)
        if found is None or found.pos_ not in nominal or found.i > verb.i:
            found = next((c for c in gov.children if c.dep_ in OBLIQUE and c.pos_ in nominal and c.i < verb.i
                          and self._case(c) in self.lex.words("dative_preps")), None)
        if found is not None:
            return found, "xcomp<accused"
        if not accusing:
            return None
        if _participle_passive(gov) and not _has_aux(gov) and gov.i >= 2 and self.doc[gov.i - 1].text == ",":
            before = self.doc[gov.i - 2]  # "contre le Soudan, accusé de ...": the noun the participle follows
            if before.pos_ in nominal:
                return before, "xcomp<accused-apposed"
        if self.is_passive(gov) or _participle_passive(gov):
            return None  # "X a été accusé de ...": the passive subject, as for any clause
        return None, "xcomp<accused"

    def _accused_of(self, verb: Any) -> Any | None:
        """"accused government forces of killing civilians": the one accused is the subject of the
        accused act (a gerund under "of"/"for", on the object or on the accusing verb)."""
        if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in GERUND_PREPS:
            return None
        prep = verb.head
        host = prep.head
        if host.dep_ in OBJ and host.pos_ in ("NOUN", "PROPN"):
            accuser, accused = host.head, host
        else:
            accuser, accused = host, self.object_token(host)
        if accused is None or accuser.lemma_.lower() not in self.lex.words("accusing_verbs"):
            return None
        return self.relative_antecedent(accused) or accused

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
        while i >= 0 and (self.doc[i].pos_ == "ADV" or self.doc[i].dep_.startswith("expl")
                          or (self.doc[i].pos_ == "PRON" and self.doc[i].dep_ in ("obj", "iobj")
                              and self.doc[i].head.i == verb.i)):
            i -= 1  # "Daech l'a conquise": the object clitic sits between subject and verb
        if i > 0 and self.doc[i].text == ")":
            opening = next((j for j in range(i - 1, max(i - 8, -1), -1) if self.doc[j].text == "("), None)
            i = opening - 1 if opening is not None else i  # "l'État islamique (Daech) a attaqué"
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
        """"X, enlevé par Y" / "Encerclés par Y, les soldats ...": a past participle with an agent;
        without one, the noun it modifies is still what underwent it (``participle_patient``)."""
        fronted = verb.pos_ == "NOUN" and verb.dep_ in ("obl:mod", "obl", "nmod")  # tagged as a noun
        if not fronted and (self.tense_host(verb).i != verb.i or self._accused_perfect(verb)):
            return None  # "le ministre a pour sa part fustigé", "accusé X d'avoir tiré": a compound tense
        if verb.dep_ == "amod":  # "the murdered journalist": an attributive participle has no agent
            return self._undergone(verb)
        if not fronted and (verb.dep_ not in ("acl", "advcl") or not _participle_passive(verb)
                            or self.is_passive(verb) or _headless_clause(verb.head, verb) is not None):
            return None
        agent = self.agent_token(verb)
        if agent is None:
            return self._undergone(verb)
        if verb.dep_ == "acl":
            patient = verb.head
        else:
            found = self.subject_token(verb.head)
            patient = found[0] if found else None
        if patient is not None and self._is_weapon(patient):
            patient = None  # "a bomb planted by X", "rockets fired by X": the weapon, not a target
        targets = self.actors(patient, f"{verb.dep_}-patient", "target") if patient is not None else []
        return self.actors(agent, "agent"), targets, "passive"

    def _undergone(self, verb: Any) -> tuple[list[Arg], list[Arg], str] | None:
        """No source, the participle's patient as the target (passive voice), or None; forces deployed
        ("les forces de l'ordre, mobilisées en nombre") are the source of their deployment."""
        patient = self.participle_patient(verb)
        if patient is None:
            return None
        undergo = self.actors(patient, f"{verb.dep_}-patient", "target")
        if self._deployed(undergo):
            return [replace(a, path=a.path + "-deployed") for a in undergo], self._prep_targets(verb), "passive"
        return self._custodian(verb, patient), undergo, "passive"

    def _custodian(self, verb: Any, patient: Any) -> list[Arg]:
        """"Indonesia released 48 fishermen arrested for poaching", "la junte a libéré les militants détenus
        depuis juillet": people held (``HELD_MODES``) and then freed, tried or sent away by an authority
        (``custody_verbs``) were held by it: the subject of that verb, when it is a state or a state body."""
        if self.frame.etype != "COERCE" or self.frame.mode not in HELD_MODES or patient.dep_ not in OBJ \
                or patient.head.lemma_.lower() not in self.lex.words("custody_verbs"):
            return []
        found = self.subject_token(patient.head)
        if not found:
            return []
        holders = self.actors(found[0], f"{found[1]}<holder")
        return [a for a in holders if a.actor.is_state or (a.actor.country and a.actor.sector in STATE_SECTORS)]

    def _deployed(self, patients: list[Arg]) -> bool:
        """Forces that are mobilised or deployed with no one named doing it ("la police a été mobilisée",
        "500 soldiers were deployed"): they are what the guideline codes as the source of a MOBILIZE; so
        are forces demobilized ("3,000 fighters have been demobilized": a RETREAT of theirs)."""
        own = self.frame.etype == "MOBILIZE" or (self.frame.etype == "RETREAT" and self.frame.mode == "demobilize")
        return own and bool(patients) and all(
            (a.actor.sector or "").lower() in self.lex.words("deployed_sectors") for a in patients)

    def participle_patient(self, verb: Any) -> Any | None:
        """The noun a past participle modifies, which is what undergoes it, with or without an agent:
        "three villagers wounded in the shelling", "the detained activists", "les otages libérés hier";
        not an event noun, a time or a thing of the lexicon's classes.
        Not a verb conjugated with être ("les troupes entrées dans la ville" entered themselves)."""
        if verb.dep_ not in ("acl", "amod") or not _participle_passive(verb) or self.is_passive(verb) \
                or verb.lemma_.lower() in self.lex.words("unaccusative_verbs") or _pronominal(verb) \
                or _headless_clause(verb.head, verb) is not None:
            return None
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        if self.thing_time_or_act(head):
            return None  # "une marche organisée samedi", "la semaine écoulée": an occasion, not a patient
        return head

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
        root = _headless_clause(noun, verb)
        if root is not None:
            return root, "acl-root"  # "The former fighters handed in their rifles.": a clause read as a noun
        detached = self._detached_participle_subject(verb, noun)
        if detached is not None:
            return detached
        if self._accused_perfect(verb):
            return noun, "acl<accused"
        if noun.lemma_.lower() not in self.lex.words("document_nouns"):
            return None if self.is_passive(verb) or _participle_passive(verb) else (noun, "acl")
        for c in noun.children:
            if c.dep_ in AGENT or self._case(c) in self.lex.words("agent_preps"):
                return c, "acl<doc<agent"
        if noun.head.i != noun.i and noun.head.lemma_.lower() in self.lex.words("document_verbs"):
            found = self.subject_token(noun.head, 2)
            return (found[0], "acl<doc<" + found[1]) if found else None
        return None

    def _accused_perfect(self, verb: Any) -> bool:
        """"l'armée a accusé les rebelles d'avoir ouvert le feu": a perfect infinitive the parser hangs on the
        object of an accusing verb (``accusing_verbs``) is the act of that object, in the active voice."""
        noun = verb.head
        return (verb.dep_ == "acl" and _avoir_tense(verb) and noun.dep_ in OBJ and noun.head.i != noun.i
                and noun.head.lemma_.lower() in self.lex.words("accusing_verbs"))

    def _detached_participle_subject(self, verb: Any, noun: Any) -> tuple[Any, str] | None:
        """A present participle set off by a comma after the object of a verb speaks of that verb's
        subject, not of the object the parser hangs it on: "Moscou a rejeté ces critiques, accusant
        Berlin de prolonger la guerre", "rejected the claims, accusing Berlin of ..." (the object is a
        thing, no actor; "a arrêté des manifestants, réclamant ..." keeps the people)."""
        if not detached_participle(verb) or noun.i > verb.i:
            return None
        if gerund(verb):  # the gerund's subject is its main clause's, whatever the noun
            gov = noun
            for _ in range(3):
                if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                    break
                gov = gov.head
            found = self.subject_token(gov, 2) if gov.pos_ in ("VERB", "AUX") else None
            return (found[0], f"gerund>{found[1]}") if found else None
        gov = noun.head
        if noun.dep_ not in ("obj", "dobj", "obl", "obl:arg", "pobj") or gov.i == noun.i:
            return None
        if gov.dep_ == "prep":  # English: the preposition's verb
            gov = gov.head
        if gov.pos_ not in ("VERB", "AUX") or self._actorish(noun) or self.lex.in_class("person", noun.lemma_):
            return None
        if not any(e.pos == "verb" and e.type in STATEMENT_TYPES for e in self.lex.index.get(gov.lemma_.lower(), ())):
            return None  # a statement's object is what is said; "ont dispersé des agriculteurs, réclamant": theirs
        arg = self._one(noun, "obj", "source")
        if arg is not None and self.strict(arg):
            return None
        found = self.subject_token(gov, 2)
        return (found[0], f"acl,>{found[1]}") if found else None

    def agent_token(self, head: Any) -> Any | None:
        return self.once(("agent", head.i), lambda: self._agent_token(head))  # type: ignore[no-any-return]

    def _agent_token(self, head: Any) -> Any | None:
        for c in head.children:
            if c.dep_ == "agent":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                return pobj[0] if pobj else None
            if c.dep_ == "obl:agent":
                return c
        for c in head.children:
            if (c.dep_ in ("obl", "nmod", "obl:mod") and self._case(c) == "par"
                    and c.lower_ not in PAR_ADVERBIALS):
                return c
        if not self.is_passive(head):
            return None
        for c in head.children:  # "a été arrêté dans l'après-midi par la BRI": the agent hung on a time adjunct;
            # "a été suspendue de ses fonctions par le Parlement": on another adjunct, when it names an actor
            if c.dep_ in ("obl", "obl:mod", "obl:arg") and c.i > head.i:
                by = [g for g in c.children
                      if g.dep_ == "nmod" and self._case(g) == "par" and g.pos_ in ("NOUN", "PROPN")
                      and (self._time(c) or self._actorish(g))]
                if by:
                    return by[0]
        return None

    def object_token(self, verb: Any) -> Any | None:
        return self.once(("object", verb.i), lambda: self._object_token(verb))  # type: ignore[no-any-return]

    def _object_token(self, verb: Any) -> Any | None:
        objs = [c for c in verb.children if c.dep_ in OBJ]
        if not objs and verb.lemma_.lower() in self.lex.words("object_control_verbs"):
            objs = self._raised_object(verb)  # "allow U.N. inspectors to visit" read with a subject clause
        if not objs:  # "holds [the government] responsible", "found [the minister] guilty": the subject of a
            objs = [g for c in verb.children if c.dep_ in SMALL_CLAUSES and _small_clause(c)  # verbless clause
                    for g in c.children if g.dep_ in SUBJ and g.pos_ in ("NOUN", "PROPN") and verb.i < g.i < c.i]
        if not objs and misread_infinitive(verb):  # "réussissent à ravitailler les combattants": the
            objs = [c for c in verb.head.children if c.dep_ in OBJ and c.i > verb.i]  # object hangs on the governor
        if not objs:
            objs = self._bare_oblique_object(verb)
        objs = [self._behind_time(c) if self._time(c) else c for c in objs]
        objs = [c for c in objs if c is not None]
        if len(objs) > 1:  # "que Fillon a reçu 45 000 euros": the conjunction is not the object
            objs = [c for c in objs if c.lower_ not in self.lex.words("relative_pronouns")] or objs
        return objs[0] if objs else None

    def _bare_oblique_object(self, verb: Any) -> list[Any]:
        """"a menacé Israël mercredi": a time noun after the object makes the French parser read the
        object as an oblique; a name or noun phrase right after an active verb, with no preposition, that
        is not itself a time expression, is the object; so is the noun the parser hangs, with no
        preposition, under a weekday or a month ("a libéré vendredi six otages", "a sanctionné en
        décembre trois responsables")."""
        if self.is_passive(verb) or verb.pos_ != "VERB":
            return []
        for c in verb.children:
            # a name the tagger could not class ("Israël" as X before a day) is a name all the same
            nominal = c.pos_ in ("PROPN", "NOUN") or (c.pos_ == "X" and (bool(c.ent_type_) or c.is_title))
            if c.dep_ not in ("obl:arg", "obl:mod", "obl") or c.i < verb.i or not nominal:
                continue
            cased = any(g.dep_ == "case" for g in c.children)
            # "a libéré vendredi six otages", "a sanctionné en décembre trois responsables": the noun under
            # the weekday, or under the month of a phrase with its preposition
            if c.lemma_.lower() in self.lex.words("month_words" if cased else "time_nouns"):
                behind = self._behind_time(c)
                if behind is not None:
                    return [behind]
                continue
            if cased:
                continue
            if any(verb.doc[k].pos_ in ("VERB", "ADP", "PUNCT", "SCONJ") for k in range(verb.i + 1, c.left_edge.i)):
                continue
            return [c]
        return []

    def _behind_time(self, tok: Any) -> Any | None:
        """"a présenté jeudi ses excuses", "a libéré vendredi six otages": the parser makes the weekday
        the object (or an oblique) and hangs the real object under it, with no preposition; that noun
        is the object. A time noun alone is no object."""
        for c in tok.children:
            if c.dep_ in ("nmod", "appos") and c.i > tok.i and c.pos_ in ("NOUN", "PROPN") \
                    and not any(g.dep_ == "case" for g in c.children) and not self._time(c):
                return c
        return None

    def _raised_object(self, verb: Any) -> list[Any]:
        """"would permit aid workers to enter": the parser hangs the noun on the infinitive as its
        subject; it is the object of the verb (the noun sits right after the verb, the "to" after it)."""
        for c in verb.children:
            if c.dep_ not in ("ccomp", "xcomp") or c.i < verb.i:
                continue
            to = [a for a in c.children if a.dep_ == "aux" and a.lower_ == "to"]
            subj = [s for s in c.children if s.dep_ in SUBJ and verb.i < s.i]
            if to and subj and subj[0].pos_ in ("NOUN", "PROPN") and subj[0].left_edge.i == verb.i + 1 \
                    and subj[0].i < to[0].i:
                return subj[:1]
        return []

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
        host = self.tense_host(verb)
        passive = self.is_passive(verb) or (subj is not None and subj[1].split(">")[-1] in PASS_SUBJ
                                            and not _avoir_tense(host) and host.pos_ != "AUX")
        if passive and (self._unaccusative(verb) or _pronominal(verb)):
            passive = False  # "les troupes sont entrées", "l'armée s'est retirée": être is the tense auxiliary
        if passive and self.frame.etype in MUTUAL_TYPES and self.agent_token(verb) is None:
            passive = False  # "nous sommes mobilisés avec X", "X is allied with Y": a state both share
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
                if self.frame.etype in BENEFIT_TYPES and self.lex.in_class("offensive", subj[0].lemma_.lower()):
                    targets = self._offensive_owner(subj[0]) or targets  # "the government advance was backed"
                if not sources and self._deployed(targets):  # "500 policiers ont été déployés": they deploy
                    sources = [replace(a, path=a.path + "-deployed") for a in targets]
                    targets = self._prep_targets(verb)
                elif self.frame.theme_object or self._is_weapon(subj[0]):  # "des pierres ont été lancées
                    targets = self._prep_targets(verb) or targets  # sur les policiers": what is thrown is no target
        else:
            if subj is not None:
                sources = self.actors(subj[0], subj[1])
            elif _finite(verb):
                sources = self._adjacent_name(verb)
            targets = self.verb_targets(verb)
            if self.frame.etype in CASUALTY_TYPES and not any(a.actor.sector for a in targets):
                targets = self._casualties(verb) or targets  # "shelled the town, killing 8 people"
        return sources, targets, "passive" if passive else "active"

    def _casualties(self, verb: Any) -> list[Arg]:
        """"fired shells on the town, killing eight people", "hit a market, claiming the lives of ten people":
        the people a participle of a target verb names (``target_verbs``) are what the attack hit, before a
        place or a thing; not things it destroyed ("destroying twenty homes")."""
        for c in verb.subtree:
            if c.dep_ not in ("advcl", "acl") or c.tag_ != "VBG" or c.i < verb.i or c.lemma_.lower() not in \
                    self.lex.words("target_verbs") or not _within_clause(c, verb):
                continue
            obj = self.object_token(c)
            inner = self.complement_of(obj) if obj is not None and obj.lemma_.lower() == "life" else None
            obj = inner if inner is not None else obj
            if obj is None or not any(self.lex.in_class(k, obj.lemma_) for k in ("person", "civilians")):
                continue
            return [replace(a, path=f"advcl>{a.path}") for a in self.actors(obj, "obj", "target")]
        return []

    def _offensive_owner(self, noun: Any) -> list[Arg]:
        """The side whose offensive is backed: a possessive or a modifier naming a known actor."""
        for c in noun.children:
            if c.dep_ in ("poss", "nmod:poss", "compound", "amod") and c.i < noun.i:
                found = [a for a in self.actors(c, "nsubjpass>owner", "target") if self.strict(a)]
                if found:
                    return found
        return []

    def _unaccusative(self, verb: Any) -> bool:
        """A verb conjugated with être (entrer, arriver, passer) read by the parser as a passive."""
        return verb.lemma_.lower() in self.lex.words("unaccusative_verbs") and self.agent_token(verb) is None

    def verb_targets(self, verb: Any) -> list[Arg]:
        obj = self.object_token(verb)
        if obj is not None and obj.i in self.frame.trigger_tokens:  # "briser les lignes de X"
            return (self._noun_prep_targets(obj) or self._prep_targets(verb) or self.owner_of(obj)
                    or self._infinitive_targets(verb))
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
        found = self._prep_targets(verb) or self._clitic_targets(verb) or self._infinitive_targets(verb)
        if not any(self.strict(a) for a in found):
            found = self._condition_targets(verb) or found
        return found or self._clause_subject_targets(verb)

    def _clitic_targets(self, verb: Any) -> list[Arg]:
        """An indirect object pronoun ("lui demande de partir", "leur a livré des armes"): the actor it stands
        for (:meth:`object_antecedent`)."""
        for c in verb.children:
            if c.dep_ not in OBJ and self.object_pronoun(c):
                return self.actors(c, c.dep_, "target")
        return []

    def _condition_targets(self, verb: Any) -> list[Arg]:
        """"threatened to halt the talks if Washington deployed missiles", "unless Sudan expelled the rebels": a
        threat is aimed at the one whose act is its condition (the subject of an "if"/"unless" clause on the
        verb or on its infinitive; resolved actors only)."""
        if self.frame.etype.lower() not in self.lex.words("condition_target_types"):
            return []
        hosts = [verb] + [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        for host in hosts:
            for c in host.children:
                if c.dep_ != "advcl" or c.i < host.i or not any(
                        m.dep_ == "mark" and m.lower_ in self.lex.words("if_marks") for m in c.children):
                    continue
                subj = next((t for t in c.children if t.dep_ in SUBJ and t.pos_ in ("NOUN", "PROPN")), None)
                if subj is not None:
                    found = [a for a in self.actors(subj, "if>nsubj", "target") if self.strict(a)]
                    if found:
                        return found
        return []

    def _clause_subject_targets(self, verb: Any) -> list[Arg]:
        """"demanded that the government raise wages", "called for Togo to reopen the border": a demand
        that names no target of its own aims at the subject of the act it asks for (a "that" clause or a
        "for ... to" clause; an active one: "demanded that the pilots be tried" names the ones to be
        tried, not the ones asked)."""
        if self.frame.etype.lower() not in self.lex.words("clause_target_types"):
            return []
        for c in verb.children:
            if c.i < verb.i or c.pos_ not in ("VERB", "AUX") or c.dep_ not in ("ccomp", "advcl"):
                continue
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ == "advcl" and not (marks & self.lex.words("purpose_preps")
                                          and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                continue
            subj = next((s for s in c.children if s.dep_ in SUBJ), None)
            if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
                continue
            return [a for a in self.actors(subj, f"{c.dep_}>nsubj", "target") if self.strict(a)]
        return []

    def _infinitive_targets(self, verb: Any) -> list[Arg]:
        """"a menacé de tuer les otages", "a menacé de prendre des mesures contre X", "a refusé de
        recevoir les délégués": a threat or a refusal that names no target of its own aims at the
        target of its infinitive (its object, else a target preposition on the object or the
        infinitive). Not a denial ("a démenti avoir attaqué X": its target is the accuser)."""
        kinds = {"xcomp"} if self.frame.etype.lower() in self.lex.words("infinitive_target_types") else set()
        if self.frame.etype.lower() in self.lex.words("purpose_target_types"):
            kinds.add("advcl")  # "a utilisé des gaz lacrymogènes pour disperser les manifestants"
        if not kinds or self.frame.mode == "deny":
            return []
        for c in verb.children:
            if c.dep_ not in kinds or c.pos_ != "VERB" or c.i < verb.i:
                continue
            if c.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ in self.lex.words("purpose_preps")
                                             for m in c.children):
                continue
            obj = self.object_token(c)
            found = self.object_target(obj, "obj") if obj is not None else []
            if obj is not None and self._theme(obj):  # "refused to send troops to X": what is sent is no target
                found = self._prep_targets(c) or self._prep_targets(obj) or found
            elif not any(self.strict(a) for a in found):
                found = (self._prep_targets(obj) if obj is not None else []) or self._prep_targets(c) or found
            if c.dep_ == "xcomp" and not any(self.strict(a) for a in found):
                found = self._named_place_of(c, obj) or found  # "refused to deploy troops in Iraq"
            return [replace(a, path=f"{c.dep_}>{a.path}") for a in found]
        return []

    def _named_place_of(self, clause: Any, obj: Any | None) -> list[Arg]:
        """The named state or territory where an infinitive's act would happen ("to deploy peacekeepers in
        Iraq", "to ban voting in the northern districts"): what a threat or a refusal is about, when the act names
        no actor of its own."""
        for head in (clause, obj):
            if head is None:
                continue
            for c in head.children:
                if c.dep_ not in OBLIQUE or self._case(c) not in self.lex.words("place_preps"):
                    continue
                tok = self._pobj(c)
                if tok is not None and tok.ent_type_ in ("GPE", "LOC"):
                    found = [a for a in self.actors(tok, f"{c.dep_}:{self._case(c)}", "target") if self.strict(a)]
                    if found:
                        return found
        return []

    def _theme(self, obj: Any) -> bool:
        """Forces, goods or aid an infinitive moves ("to send troops", "to cut gas supplies"), not a
        resolved actor with a country ("to release the Iraqi soldiers")."""
        if obj.pos_ != "NOUN" or not any(self.lex.in_class(k, obj.lemma_) for k in THEME_CLASSES):
            return False
        return not any(a.actor.country for a in self.actors(obj, "obj", "target"))

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
                      (self._holder(verb) or self._holder(obj)) if self.frame.etype in HOLDER_TYPES else [],
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

    def object_target(self, obj: Any, path: str) -> list[Arg]:
        """The actors an object names as a target; for an object that names none strictly, its holder
        ("recevoir les délégués de l'opposition", "visant les positions de X")."""
        found = self.actors(obj, path, "target")
        if found and not self.strict(found[0]):
            found = self.owner_of(obj) or found
        return found

    def owner_of(self, tok: Any, depth: int = 0) -> list[Arg]:
        """The holder of a place: its "de X" complement (or its complement's: "un dépôt d'armes du Hezbollah"),
        a "held by X" participle, an apposition's."""
        inner = self.complement_of(tok)
        if inner is None:  # "rejected Annan's calls": a named possessor
            inner = next((c for c in tok.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PROPN"), None)
        if inner is not None:
            found = [a for a in self.actors(inner, "obj>owner", "target") if self._named_here(a)]
            if found:
                return [Arg(a.actor, "obj>owner", a.reliability) for a in found]
            if inner.pos_ == "NOUN" and depth == 0:  # "un dépôt d'armes du Hezbollah": the holder of the arms
                found = self.owner_of(inner, 1)
                if found:
                    return found
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

    def _oblique_target(self, c: Any, prefix: str = "") -> list[Arg] | None:
        """The actors an oblique with a target preposition names ("contre X", "avec X"), or None when ``c``
        is no such oblique or names a place or a time."""
        word = self._case(c)
        if c.dep_ not in OBLIQUE or word not in self.target_preps():
            return None
        tok = self._pobj(c)
        if tok is None or self._locative(word, tok) or self._time(tok):
            return None
        return self.actors(tok, f"{prefix}{c.dep_}:{word}", "target")

    def _prep_targets(self, verb: Any) -> list[Arg]:
        for c in self._required_first(list(verb.children)):
            if c.i in self.frame.trigger_tokens:
                continue  # "passer à l'offensive": the trigger's own words
            found = self._oblique_target(c)
            if found is not None:
                return found
        for c in verb.children:  # "s'est entretenu par téléphone avec X": on a noun of the trigger
            if c.i not in self.frame.trigger_tokens or c.i == verb.i or c.pos_ != "NOUN":
                continue
            for g in c.children:
                found = self._oblique_target(g, f"{c.dep_}>")
                if found is not None:
                    return found
        for c in verb.children:
            tok = self._pobj(c) if c.dep_ in OBLIQUE else None
            if tok is not None and tok.lemma_.lower() in self._event_nouns():
                found = self._noun_prep_targets(tok)
                if found:
                    return found
        return []


MUTUAL_TYPES = ("COOPERATE", "CONSULT")
VOICED = frozenset(VOICED_TYPES)  # acts of saying (_said_and)
STATEMENT_TYPES = ("ACCUSE", "REJECT", "SUPPORT", "REQUEST", "CONCEDE", "AGREE", "THREATEN")  # verbs of saying
THEME_CLASSES = ("military", "goods", "aid")  # what an infinitive moves or gives (_theme)
HOLDER_TYPES = ("ASSAULT", "COERCE", "REQUEST")  # "captured villages from X", "demanded autonomy from X": X (_holder)
CASUALTY_TYPES = ("ASSAULT",)  # acts whose casualties named by a participle are their target (_casualties)


def _within_clause(tok: Any, verb: Any) -> bool:
    """``tok`` hangs on ``verb`` through nouns and prepositions only ("fired shells on the town killing ...",
    the participle read as a modifier of "town"), not through another verb."""
    head = tok.head
    while head.i != verb.i:
        if head.pos_ not in ("NOUN", "PROPN", "ADP", "NUM") or head.head.i == head.i:
            return False
        head = head.head
    return True


def _determiner_head(subj: Any) -> Any:
    """A determiner parsed as the subject, with its noun hanging from it ("L'ex-Front populaire et
    le Parti vert ont formé ..." with "L'" as nsubj): the noun right after it is the subject."""
    if subj.pos_ != "DET":
        return subj
    nxt = [c for c in subj.children if c.i == subj.i + 1 and c.pos_ in ("NOUN", "PROPN")]
    return nxt[0] if nxt else subj


def _headless_clause(noun: Any, verb: Any) -> Any | None:
    """A sentence the parser heads with its subject noun, the main verb hung under it as a participle
    ("The former fighters handed in their rifles."), or under the noun of its complement ("Doctors from
    two aid groups donated and delivered vaccines"): the subject noun (or None). The noun opens the
    sentence, no verb but the participle and its conjuncts heads a clause, and the participle or a conjunct
    takes an object, which a reduced passive relative ("the rifles handed in") cannot."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "ROOT":
        noun = noun.head.head  # "Doctors from two aid groups donated": the participle hangs on "groups"
    if noun.dep_ != "ROOT" or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    clause = {v.i for v in verbs}
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod", "compound") and t.i not in clause
           for t in noun.sent if t.i != verb.i):
        return None
    objects = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "obj")]
    objects += [g for v in verbs for c in v.children if c.dep_ == "prt"
                for g in c.children if g.dep_ in ("pobj", "dobj")]
    return noun if objects else None


def _small_clause(head: Any) -> bool:
    """An adjective or a noun with a subject and no verb of its own ("found [the minister guilty]", "holds [the
    government responsible]"): its subject is the governing verb's object. "said the army was ready" has one."""
    return head.pos_ in ("ADJ", "NOUN") and not any(  # a copula, an auxiliary or a conjunction: a verb of its own
        c.dep_ == "cop" or c.dep_.startswith("aux") or c.dep_ == "mark" for c in head.children)
