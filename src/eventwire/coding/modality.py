"""Modality as flags: is a trigger negated, or only hypothetical (condition, future, intention)?

Cues are data (``coding.yaml``: negation, negating_verbs, hypothetical_verbs,
hypothetical_nouns, hedge_modifiers, conditional_marks, modal_aux). A trigger governed (through
complement, object or oblique links) by a hypothetical verb or noun is hypothetical:
"a menacé de lancer une attaque" -> the attack is hypothetical (the threat is the event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..languages import shipped
from .arg_base import _infinitive
from .lexicon import Lexicon

UP_DEPS = {"xcomp", "ccomp", "obj", "dobj", "obl", "obl:arg", "nmod", "acl", "advcl", "pobj", "prep",
           "csubj", "nsubj:pass", "nsubjpass", "pcomp", "acomp", "oprd", "obl:mod"}
MAX_UP = 3
GERUND_MARKS = shipped().union("coding", "gerund_marks")  # "en" before a gerund ("tout en exigeant")
VOICED_TYPES = ("REQUEST", "ACCUSE", "SUPPORT", "REJECT")  # acts of saying a purpose clause may carry out
VOICED_PURPOSE = "voiced purpose"  # the cue of such a purpose (_voiced_purpose)
FR_FUTURE = re.compile(r"r(ai|as|a|ons|ez|ont)$")
FR_ER_FUTURE = re.compile(r"er(ai|as|a|ons|ez|ont)$")  # "votera", "sera": no other French verb form ends so


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    cue: str = ""

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


def modality(tok: Any, lex: Lexicon) -> Modality:
    """Negation and hypothesis flags of the event carried by ``tok``, with the cue that set them."""
    neg = _negation_cue(tok, lex)
    if neg:
        return Modality(negated=True, cue=neg)
    hyp = _hypothesis_cue(tok, lex)
    if hyp:
        return Modality(hypothetical=True, cue=hyp)
    gov = _governor_cue(tok, lex)
    if gov is not None:
        kind, cue = gov
        return Modality(negated=kind == "neg", hypothetical=kind == "hyp", cue=cue)
    return Modality()


def aux_scope(tok: Any) -> list[Any]:
    """The token and its auxiliaries: where its tense, mood, modals and negation are written."""
    return [tok] + [c for c in tok.children if c.dep_.startswith("aux")]


def _negation_cue(tok: Any, lex: Lexicon) -> str:
    words = lex.words("negation")
    scope = aux_scope(tok)
    bound = not _has_ne(scope, lex)  # "réclame plus de moyens": "plus" negates only with "ne"
    for t in scope:
        for c in t.children:
            if c.dep_ in ("neg", "advmod", "det", "advmod:neg") and _negating(c, bound, lex):
                return c.text
            neg = [g for g in c.children if g.dep_ == "neg" and g.lower_ in words] if c.dep_ == "advmod" else []
            if neg:
                return f"{neg[0].text} {c.text}"  # "no longer attack"
            if c.dep_.startswith("nsubj") and c.lower_ in lex.words("negative_subjects") \
                    and not any(d.dep_ == "det" for d in c.children):
                return c.text  # "personne ne peut nier", "nobody attacked"
    return ""


def _purpose_cue(tok: Any) -> str:
    """"rallied to demand reforms": an infinitive of purpose is intended, not done."""
    if tok.dep_ == "advcl" and "Inf" in tok.morph.get("VerbForm"):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return "purpose 'to'"
    return ""


def _hypothesis_cue(tok: Any, lex: Lexicon) -> str:
    purpose = _purpose_cue(tok)
    if purpose:
        return purpose
    for t in aux_scope(tok):
        if ("Fut" in t.morph.get("Tense") and future_form(t)) or misread_future(t):
            return f"future '{t.text}'"
        if t.lower_ in lex.words("modal_aux") and t.i != tok.i:
            return f"modal '{t.text}'"
    return _hedge_cue(tok, lex) or _condition_cue(tok, lex)


def future_form(tok: Any) -> bool:
    """A French future has an "r" before its ending ("sera", "décrétera", "iront"); the tagger also reads
    some presents as futures ("il décrète un moratoire"): those are not."""
    return tok.doc.lang_ != "fr" or FR_FUTURE.search(tok.lower_) is not None


def misread_future(tok: Any) -> bool:
    """A French future of an -er verb the tagger reads as another form ("Le Parlement votera mardi des
    sanctions": a participle): the ending "-era", "-eront" is a future's (a passé simple of "-rer" verbs
    has an accent, "il opéra", or no "e", "il tira")."""
    return tok.doc.lang_ == "fr" and tok.pos_ in ("VERB", "AUX") and "Fut" not in tok.morph.get("Tense") \
        and "Inf" not in tok.morph.get("VerbForm") and FR_ER_FUTURE.search(tok.lower_) is not None


def _hedge_cue(noun: Any, lex: Lexicon) -> str:
    """"une éventuelle participation", "the alleged attack": a hedged noun is not stated as fact."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return ""
    for c in noun.children:
        if c.dep_ == "amod" and c.lower_ in lex.words("hedge_modifiers"):
            return f"hedged '{c.text}'"
    return ""


def _condition_cue(tok: Any, lex: Lexicon) -> str:
    marks = lex.words("conditional_marks")
    conditional = [t for t in aux_scope(tok) if "Cnd" in t.morph.get("Mood")]
    ifs = lex.words("if_marks")
    for c in tok.children if conditional else ():
        # "ils seraient condamnés s'ils étaient reconnus coupables": a conditional whose condition is
        # stated is hypothetical (a conditional alone is the press's reported fact: "l'armée aurait tiré")
        if c.dep_ in ("advcl", "conj") and any(m.dep_ == "mark" and m.lower_ in ifs and not _concessive(m)
                                               and not _elided_se(m, lex)
                                               for m in c.children) and _past_condition(c):
            return f"condition on '{conditional[0].text}'"
    clause = tok
    for _ in range(MAX_UP):
        for c in clause.children:
            if c.dep_ == "mark" and not _elided_se(c, lex):
                phrase = _mark_phrase(c)
                if (phrase in marks or c.lower_ in marks) and not _seized_chance(clause, lex) \
                        and not _past_cause(clause, c, lex):
                    if _voiced_purpose(clause, c, lex):
                        return f"{VOICED_PURPOSE} '{phrase}'"  # factual for an act of saying (the coder)
                    return f"condition '{phrase}'"
        if clause.dep_ not in ("conj",) or clause.head.i == clause.i:
            break
        clause = clause.head
    return ""


def _elided_se(mark: Any, lex: Lexicon) -> bool:
    """An elided mark ("s'") read as "si" that is the reflexive "se": "si" elides only before the
    ``elided_if_hosts`` ("s'il"), so "ont affirmé s'être emparés de la ville", "s'exilant en Afrique"
    state no condition. Languages without that list have no such mark."""
    hosts = lex.words("elided_if_hosts")
    if not hosts or not mark.lower_.endswith(("'", "’")):
        return False
    nxt = mark.doc[mark.i + 1] if mark.i + 1 < len(mark.doc) else None
    return nxt is None or nxt.lower_ not in hosts


def _concessive(mark: Any) -> bool:
    """"même si", "even if": a concession, not a condition (an adverb right before the mark, hung on it
    or on its clause)."""
    prev = mark.doc[mark.i - 1] if mark.i > 0 else None
    return prev is not None and prev.dep_ in ("advmod", "fixed") and prev.head.i in (mark.i, mark.head.i)


def _past_condition(clause: Any) -> bool:
    """The condition of a conditional sentence is in the past ("s'ils étaient reconnus coupables", "if
    they were found guilty"): a present "si" clause after a conditional is seldom its condition."""
    return any({"Imp", "Past", "Pqp"} & set(t.morph.get("Tense"))
               for t in aux_scope(clause))


def _past_cause(clause: Any, mark: Any, lex: Lexicon) -> bool:
    """"condamnés pour avoir caillassé des policiers": a purpose mark before a past infinitive gives the
    cause, an act done (an infinitive auxiliary with a past participle), not an aim."""
    if mark.lower_ not in lex.words("purpose_preps") or "Part" not in clause.morph.get("VerbForm"):
        return False
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in clause.children)


def _voiced_purpose(clause: Any, mark: Any, lex: Lexicon) -> bool:
    """"ont manifesté devant l'hôtel de ville pour exiger le départ du préfet": a purpose after an act
    done (French "pour", ``purpose_preps``, with an infinitive). When the infinitive is an act of saying
    (REQUEST, ACCUSE, SUPPORT, REJECT: ``VOICED_TYPES``), it is said by doing the act, the march made the
    demand; the coder reads the cue (``VOICED_PURPOSE``) by the sense's type ("pour attaquer la ville" stays
    an aim); "vont manifester pour exiger" stays a plan."""
    if mark.lower_ not in lex.words("purpose_preps") or "Inf" not in clause.morph.get("VerbForm"):
        return False
    head = clause.head
    return head.i != clause.i and head.pos_ in ("VERB", "AUX") and _completed(head)


def _seized_chance(clause: Any, lex: Lexicon) -> bool:
    """A purpose clause after a verb of seizing a chance is what was done: "la coalition en profite
    pour frapper", "took the opportunity to strike" (``opportunity_verbs``)."""
    head = clause.head
    return head.i != clause.i and head.lemma_.lower() in lex.words("opportunity_verbs")


def _governor_cue(tok: Any, lex: Lexicon) -> tuple[str, str] | None:
    cur = tok
    adjunct = False  # reached through a time adjunct ("pushed in for the first time, seizing ..."):
    for _ in range(MAX_UP):  # the verb's own lemma ("push", "force") does not govern it
        if cur.dep_ not in UP_DEPS or cur.head.i == cur.i or _contrast_clause(cur, lex) or detached_participle(cur):
            return None
        cur = cur.head
        adjunct = adjunct or (cur.pos_ == "NOUN" and cur.lemma_.lower() in lex.words("time_nouns"))
        if tok.pos_ in ("NOUN", "PROPN") and cur.i == tok.head.i and _negation_cue(cur, lex):
            return "neg", f"negated support verb '{cur.text}'"
        if tok.pos_ in ("NOUN", "PROPN") and cur.i == tok.head.i and tok.dep_ in ("obj", "dobj") \
                and cur.lemma_.lower() in lex.words("ending_verbs"):
            return "neg", f"ended by '{cur.text}'"  # "ont retiré leur soutien": no new act of support
        if cur.pos_ == "NOUN" and _negation_cue(cur, lex):
            return "neg", f"under negated '{cur.text}'"  # "aucun empressement à les sanctionner"
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() not in lex.words("double_negation_verbs") \
                and (_negation_cue(cur, lex) or _negated_object(cur, lex)):
            return "neg", f"under negated '{cur.text}'"  # "n'a pas voulu attaquer", "ne montrent aucun empressement à"
        forms = {cur.lemma_.lower(), cur.lower_}  # the lemmatizer misses some forms ("compte")
        if forms & lex.words("implicative_verbs") and _completed(cur) and not _negation_cue(cur, lex):
            continue  # "a permis de repousser", "forced them to withdraw": the act took place
        if tok.pos_ == "NOUN" and cur.i == tok.head.i and tok.dep_ in ("obj", "dobj") and _completed(cur) \
                and forms & lex.words("ordering_verbs") and not _negation_cue(cur, lex):
            continue  # "ordered the arrest of X": the orderer's act, told as done
        if forms & lex.words("negating_verbs"):
            return "neg", f"under '{cur.text}'"
        if _accusation(tok, cur, forms, lex):
            return "hyp", f"alleged under '{cur.text}'"
        if (forms & lex.words("hypothetical_verbs") and cur.pos_ not in ("NOUN", "PROPN") and not adjunct) or (
                cur.pos_ == "NOUN" and forms & lex.words("hypothetical_nouns")):
            return "hyp", f"under '{cur.text}'"
        if cur.pos_ == "NOUN" and _hedge_cue(cur, lex):
            return "hyp", f"under {_hedge_cue(cur, lex)} '{cur.text}'"  # "une éventuelle participation de X à"
        if cur.pos_ in ("VERB", "AUX") and _hypothesis_cue(cur, lex):
            return "hyp", f"under hypothetical '{cur.text}'"
    return None


def _contrast_clause(clause: Any, lex: Lexicon) -> bool:
    """An adverbial clause with a subject of its own opened by a mark of contrast or simultaneity
    (``contrast_marks``: "tandis que", "alors que", "while"): its own statement of fact, outside the
    scope of the verb it hangs on ("X a réclamé un audit, tandis que Y a accusé le maire")."""
    if clause.dep_ != "advcl" or not any(c.dep_.startswith("nsubj") for c in clause.children):
        return False
    marks = lex.words("contrast_marks")
    return any(c.dep_ == "mark" and _mark_phrase(c) in marks for c in clause.children)


def _mark_phrase(mark: Any) -> str:
    """A subordinating mark with the words fixed to it ("tandis qu'", "au cas où"), in lower case."""
    return " ".join([mark.lower_] + [f.lower_ for f in mark.children if f.dep_ == "fixed"])


def gerund(clause: Any) -> bool:
    """A French gerund ("en exigeant", "tout en dénonçant"): a present participle after ``gerund_marks``,
    whose subject is always its main clause's, whatever noun the parser hangs it on."""
    if "Part" not in clause.morph.get("VerbForm") or "Pres" not in clause.morph.get("Tense"):
        return False
    return clause.i > 0 and clause.doc[clause.i - 1].lower_ in GERUND_MARKS


def detached_participle(clause: Any) -> bool:
    """A present participle set off by a comma ("a rejeté ces critiques, accusant Berlin de ...", "rejected
    the claims, accusing Berlin of ...") or a gerund ("a démenti toute implication, tout en exigeant ..."):
    an act of its own beside the verb, outside its scope (and, for the argument rules, its subject's:
    ``arg_verbs._detached_participle_subject``)."""
    if clause.dep_ in ("acl", "advcl") and gerund(clause):
        return True
    prev = clause.doc[clause.i - 1] if clause.i > 0 else None
    if prev is None or prev.text != "," or clause.dep_ not in ("acl", "advcl"):
        return False
    return clause.tag_ == "VBG" or ("Part" in clause.morph.get("VerbForm") and "Pres" in clause.morph.get("Tense"))


def _accusation(tok: Any, cur: Any, forms: set[str], lex: Lexicon) -> bool:
    """"a accusé X de financer Y", "a reproché à X de soutenir Y": the infinitive is what the accuser alleges,
    not an act the article tells (a bare participle, "X, accusé de livrer des armes", tells it as known).
    French "de" + infinitive only (``dative_control_verbs`` are listed for French alone)."""
    if not lex.words("dative_control_verbs") or not _infinitive(tok):
        return False
    if not forms & lex.words("accusing_verbs"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in lex.words("genitive_preps")
               for c in tok.children):
        return False  # "après avoir accusé X, il ...": an adjunct, not what is alleged
    if "Part" in cur.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in cur.children):
        return False  # "contre X, accusé de ...": the participle presents the act as known
    return any(c.dep_ in ("obj", "dobj", "obl:arg", "iobj") for c in cur.children)


def _completed(verb: Any) -> bool:
    """A verb in a completed past: passé composé/plus-que-parfait ("a permis"), passé simple, English past."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    past = "Past" in verb.morph.get("Tense")
    if past and "Fin" in verb.morph.get("VerbForm"):
        return "Ind" in verb.morph.get("Mood") or not verb.morph.get("Mood")
    return past and any(c.dep_ == "aux:tense" and "Cnd" not in c.morph.get("Mood") for c in verb.children)


def _negated_object(verb: Any, lex: Lexicon) -> bool:
    """"ne montrent aucun empressement": the negation sits on the verb's object."""
    objs = [c for c in verb.children if c.dep_ in ("obj", "dobj")]
    bound = not _has_ne(aux_scope(verb), lex)
    return any(d.dep_ == "det" and _negating(d, bound, lex) for o in objs for d in o.children)


def _negating(word: Any, bound: bool, lex: Lexicon) -> bool:
    """A negation word that negates here: "plus", "point", "guère" (``bound_negation``) only when
    ``bound`` is False, that is with "ne" in the scope. A word with a determiner of its own is a noun the
    tagger misread ("a salué « un premier pas »": a step, no negation)."""
    if word.lower_ not in lex.words("negation") or (bound and word.lower_ in lex.words("bound_negation")):
        return False
    return word.dep_ == "det" or not any(d.dep_ == "det" for d in word.children)


def _has_ne(scope: list[Any], lex: Lexicon) -> bool:
    """A negative particle ("ne", "n'") on one of the tokens (a verb and its auxiliaries)."""
    particles = lex.words("negative_particles")
    return any(c.lower_.replace("’", "'") in particles for t in scope for c in t.children)
