"""Speaker phrases: find them around a reporting cue, and say who they are.

Token walks over the existing spaCy parse, no reparsing. A speaker phrase is a token
range ``(start, end)`` of the ``Doc``; :func:`describe` turns it into a
:class:`~eventwire.records.Speaker` and a kind (``named``, ``anonymous``, ``media``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Actor, Speaker
from ..text import doc_text, fold_words
from .lexicon import ReportingLexicon, closed_words

NP_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "MISC"})
QUOTE_MARKS = frozenset('«»“”"„')
MAX_EXTENSION = 8  # tokens a misparsed subject may grow leftwards

TokRange = tuple[int, int]
Resolve = Callable[[Any], Actor | None]


@dataclass(frozen=True, slots=True)
class Described:
    """A speaker phrase understood: its kind and the Speaker record."""

    kind: str
    speaker: Speaker


def skip_range(doc: Any, i: int, end: int, lex: ReportingLexicon, skips: Sequence[TokRange]) -> int:
    """First token from ``i`` that is not a date, adverb, comma or channel phrase."""
    while i < end:
        t = doc[i]
        inside = next((b for a, b in skips if a <= i < b), None)
        if inside is not None:
            i = inside
        elif t.is_punct and t.text not in QUOTE_MARKS or _number(t) or fold_words(t.text) in lex.skip_words:
            i += 1
        elif t.pos_ == "DET" and i + 1 < end and _skippable(doc[i + 1], lex):
            i += 1
        elif t.pos_ == "ADV" and fold_words(t.text) not in lex.pronouns:
            i += 1
        else:
            return i
    return end


def _skippable(t: Any, lex: ReportingLexicon) -> bool:
    return _number(t) or fold_words(t.text) in lex.skip_words


def _number(t: Any) -> bool:
    return bool(t.text[:1].isdigit() or (t.pos_ == "NUM" and t.like_num))


def speaker_after(doc: Any, i: int, end: int, lex: ReportingLexicon,
                  skips: Sequence[TokRange] = ()) -> TokRange | None:
    """The noun phrase a speaker-after-cue construction names ("a déclaré mercredi X")."""
    start = skip_range(doc, i, end, lex, skips)
    if start >= end or not _can_start(doc[start]):
        return None
    if doc[start].pos_ == "PRON":
        return (start, start + 1)
    stop = _np_end(doc, start, end, lex, skips)
    while stop > start and (doc[stop - 1].is_punct or fold_words(doc[stop - 1].text) in lex.linking_words):
        stop -= 1
    return (start, stop) if stop > start else None


def _can_start(t: Any) -> bool:
    return t.pos_ in NP_POS | {"PRON"} or t.text[:1].isupper()


def _np_end(doc: Any, i: int, end: int, lex: ReportingLexicon, skips: Sequence[TokRange]) -> int:
    while i < end:
        t = doc[i]
        if any(a <= i < b for a, b in skips):
            return i
        if t.text == ",":
            nxt = _apposition_end(doc, i + 1, end, lex)
            if nxt is None:
                return i
            i = nxt
        elif _np_token(t, lex):
            i += 1
        else:
            return i
    return i


def _np_token(t: Any, lex: ReportingLexicon) -> bool:
    if t.text in QUOTE_MARKS:
        return False
    return (t.pos_ in NP_POS or fold_words(t.text) in lex.linking_words or t.text in "-'’"
            or (t.text[:1].isupper() and t.pos_ not in ("VERB", "AUX")))


def _apposition_end(doc: Any, i: int, end: int, lex: ReportingLexicon) -> int | None:
    """After a comma: end of an apposed name ("…, Karim Haddad,") or role ("…, le ministre,")."""
    k = i
    while k < end and (doc[k].text[:1].isupper() or doc[k].text in "-'’"
                       or fold_words(doc[k].text) in closed_words("name_particles")):
        k += 1
    if k > i and (k >= end or doc[k].is_punct):
        return k
    if i < end and doc[i].pos_ == "DET" and i + 1 < end and _is_role(doc[i + 1 : min(end, i + 4)], lex):
        k = i + 1
        while k < end and _np_token(doc[k], lex) and doc[k].text != ",":
            k += 1
        return k if k >= end or doc[k].is_punct else None
    return None


def _is_role(tokens: Any, lex: ReportingLexicon) -> bool:
    text = fold_words(" ".join(t.text for t in tokens))
    return any(text.startswith(r) for r in lex.role_nouns)


def speaker_before(verb: Any, lex: ReportingLexicon) -> TokRange | None:
    """The subject phrase before a reporting verb (its ``nsubj`` subtree, cut at the verb)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl:subj") and c.i < verb.i), None)
    if subj is None:
        return None
    relative = fold_words(subj.text) in closed_words("relative_pronouns")
    if subj.pos_ == "PRON" and relative and verb.dep_ in ("acl:relcl", "relcl"):
        return _antecedent_phrase(verb.head, subj.i)
    if subj.pos_ == "PRON":
        return (subj.i, subj.i + 1)
    first_aux = min([c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i] + [verb.i])
    start, stop = subj.left_edge.i, min(subj.right_edge.i + 1, first_aux)
    if all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in verb.doc[stop:first_aux]):
        stop = first_aux  # "Le président français Emmanuel | Macron" split by the parser
    doc = verb.doc
    if lex.lang == "en":
        # English subjects are parsed whole; without commas, growing them would swallow the end
        # of the clause before ("... across the river a rights group said"). A headline run into
        # the first sentence ("40 Fighters Killed in ... Medics in the eastern district said")
        # shows as a capitalised verb inside the subject: keep the phrase before the verb.
        if any(t.pos_ in ("VERB", "AUX") and t.text[:1].isupper() for t in doc[start + 1:stop]):
            start = phrase_before(verb, lex) or start
    else:
        start = _extend_left(doc, start, 0, lex)  # not the sentence: the parser may split inside a name
    while start < stop and (doc[start].is_punct or doc[start].text in QUOTE_MARKS or _number(doc[start])
                            or fold_words(doc[start].text) in lex.skip_words):
        start += 1
    while stop > start and doc[stop - 1].is_punct:
        stop -= 1
    return (start, stop) if stop > start else None


NP_DEPS = frozenset({"compound", "amod", "pobj", "prep", "nummod", "poss", "det", "flat", "nmod"})


def phrase_before(verb: Any, lex: ReportingLexicon) -> int | None:
    """Start of the noun phrase that ends right before ``verb`` ("... the capital the joint
    committee for the monitoring of the truce in the north said"): from the word before the
    verb up its heads while they are nouns or prepositions, stopping under a verb."""
    doc = verb.doc
    j = verb.i - 1
    while (j >= verb.sent.start and doc[j].pos_ in ("AUX", "PART", "ADV")
           and doc[j].dep_.startswith(("aux", "neg", "advmod"))):
        j -= 1  # "farmers have reported"
    if j < verb.sent.start or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    named = _name_before(doc, j, lex)
    t = doc[j]
    while (t.head.i != t.i and t.head.i < verb.i and t.head.pos_ in ("NOUN", "PROPN", "ADP")
           and t.dep_ in NP_DEPS and t.head.dep_ != "ROOT"):
        if t.head.pos_ == "ADP" and (t.head.head.pos_ not in ("NOUN", "PROPN") or t.head.head.i >= verb.i):
            break
        t = t.head
    start = t.left_edge.i
    while start < j and (doc[start].is_punct or _number(doc[start]) or fold_words(doc[start].text) in lex.skip_words):
        start += 1
    if named is not None and start < named and any(d.pos_ == "ADP" for d in doc[start:named]):
        return named  # "... a checkpoint near the border Sputnik reported": the outlet, not the place
    ent = next((e for e in doc.ents if e.end == j + 1 and e.start > verb.sent.start), None)
    if ent is not None and ent.start < start:  # "... people the Syrian Observatory for Human Rights said"
        return int(ent.start)
    return start


def _name_before(doc: Any, j: int, lex: ReportingLexicon) -> int | None:
    """Start of an outlet name, or of a person's name, that ends at token ``j``."""
    tail = doc[max(0, j - 8) : j + 1].text
    folded = " " + fold_words(tail)
    for name in lex.outlets:
        if folded.endswith(" " + fold_words(name)) and len(folded) == len(tail) + 1:
            span = doc.char_span(doc[j].idx + len(doc[j].text) - len(name), doc[j].idx + len(doc[j].text),
                                 alignment_mode="expand")
            if span is not None:
                return int(span.start)
    ent = next((e for e in doc.ents if e.end == j + 1), None)
    if ent is not None and ent.label_ in PERSON_LABELS:
        return int(ent.start)
    return None


def _extend_left(doc: Any, start: int, floor: int, lex: ReportingLexicon) -> int:
    """Grow a subject leftwards over a misparsed noun phrase ("Des témoins cités par la chaîne Al-…")."""
    floor = max(floor, start - MAX_EXTENSION)
    while start > floor:
        t = doc[start - 1]
        relays = closed_words("relay_prepositions")
        relay = t.pos_ == "VERB" and fold_words(doc[start].text) in relays
        if not (relay or (_np_token(t, lex) and t.text != ",") or fold_words(t.text) in relays):
            break
        start -= 1
    return start


def _antecedent_phrase(noun: Any, stop: int) -> TokRange | None:
    """"la Première ministre Theresa May, qui demande …": the noun phrase before "qui"."""
    doc = noun.doc
    start = noun.left_edge.i
    while stop > start and doc[stop - 1].is_punct:
        stop -= 1
    while start < stop and fold_words(doc[start].text) in closed_words("antecedent_openers"):
        start += 1
    return (start, stop) if stop > start else None


def head_token(doc: Any, rng: TokRange, lang: str) -> Any:
    """The head noun of a speaker phrase: first noun (French), last noun of the core (English)."""
    core: list[Any] = []
    for t in doc[rng[0] : rng[1]]:
        if t.text == "," or (t.pos_ == "ADP" and core):
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            core.append(t)
    if not core:
        return doc[rng[0]]
    return core[0] if lang == "fr" else core[-1]


def describe(doc: Any, rng: TokRange, lex: ReportingLexicon, actors: Sequence[Actor],
             resolve: Resolve | None = None) -> Described:
    """Kind, name, role and organisation of the speaker phrase ``doc[rng]``."""
    span = doc[rng[0] : rng[1]]
    head = head_token(doc, rng, lex.lang)
    person = _person(span)
    outlet = _outlet(span, lex)
    role = _role(span, lex)
    if outlet is not None or _media_core(doc, rng, lex):
        name = outlet or _body_name(span, actors) or _proper_tail(span) or _bare(span)
        return Described("media", _speaker(span, name, role, None))
    actor = _actor(span, person, actors, resolve)
    if person is not None:
        return Described("named", _speaker(span, person.text, role, actor))
    if _anonymous(head, lex):
        return Described("anonymous", _speaker(span, _bare(span), None, None))
    proper = actor is not None and actor.text[:1].isupper()
    name = actor.text if actor is not None and proper and role is None else _bare(span)
    return Described("named", _speaker(span, name, role, actor))


def is_speaker_like(doc: Any, rng: TokRange, lex: ReportingLexicon) -> bool:
    """Whether a phrase can be a speaker: an entity, a proper noun, or a known speaker noun."""
    span = doc[rng[0] : rng[1]]
    if span.ents or any(t.pos_ == "PROPN" for t in span):
        return True
    words = lex.anonymous_nouns | lex.media_nouns | lex.institution_nouns
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    known = any(fold_words(t.lemma_) in words or fold_words(t.text) in words for t in nouns)
    return known or _role(span, lex) is not None


def _speaker(span: Any, name: str, role: str | None, actor: Actor | None) -> Speaker:
    return Speaker(text=span.text, name=name, span=(span.start_char, span.end_char), role=role, actor=actor)


def _person(span: Any) -> Any:
    """A person entity in the phrase that is the speaker (not "the office of X")."""
    for ent in span.ents:
        if ent.label_ in PERSON_LABELS and not _after_link(ent):
            return ent
    return None


def _after_link(ent: Any) -> bool:
    if ent.start == 0:
        return False
    prev = fold_words(ent.doc[ent.start - 1].text)
    return prev in closed_words("speaker_links")


def _outlet(span: Any, lex: ReportingLexicon) -> str | None:
    folded = fold_words(span.text)
    for name in lex.outlets:
        m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", folded)
        if m and len(folded) == len(span.text):
            return span.text[m.start() : m.end()]
        if m:
            return name
    return None


def _role(span: Any, lex: ReportingLexicon) -> str | None:
    folded = fold_words(span.text)
    best: re.Match[str] | None = None
    for role in lex.role_nouns:
        m = re.search(r"(?<![\w-])" + re.escape(role) + r"(?![\w-])", folded)
        if m and (best is None or (m.start(), -len(m.group())) < (best.start(), -len(best.group()))):
            best = m
    if best is None:
        return None
    return span.text[best.start() : best.end()] if len(folded) == len(span.text) else best.group()


def _anonymous(head: Any, lex: ReportingLexicon) -> bool:
    return fold_words(head.text) in lex.anonymous_nouns or fold_words(head.lemma_) in lex.anonymous_nouns


def _actor(span: Any, person: Any, actors: Sequence[Actor], resolve: Resolve | None) -> Actor | None:
    """The organisation or state in the phrase (not the person)."""
    lo, hi = span.start_char, span.end_char
    p = (person.start_char, person.end_char) if person is not None else (-1, -1)
    for a in actors:
        if lo <= a.span[0] and a.span[1] <= hi and not (a.span[0] < p[1] and p[0] < a.span[1]):
            return a
    if resolve is None:
        return None
    found = resolve(span)
    if found is None or (found.span[0] < p[1] and p[0] < found.span[1]):
        return None
    return found


def _body_name(span: Any, actors: Sequence[Actor]) -> str | None:
    ents = [e for e in span.ents if e.label_ in BODY_LABELS and not _after_link(e)]
    return ents[-1].text if ents else None


def _media_core(doc: Any, rng: TokRange, lex: ReportingLexicon) -> bool:
    """A noun of the phrase's core names an outlet or its staff ("the state news agency INA")."""
    for t in doc[rng[0] : rng[1]]:
        if t.text == "," or (t.pos_ == "ADP" and t.i > rng[0]):
            return False
        media = fold_words(t.text) in lex.media_nouns or fold_words(t.lemma_) in lex.media_nouns
        if media and t.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _proper_tail(span: Any) -> str | None:
    """"l'agence officielle INA": the proper name that ends the phrase."""
    tokens = list(span)
    k = len(tokens)
    while k > 1 and (tokens[k - 1].pos_ == "PROPN" or tokens[k - 1].text[:1].isupper()):
        k -= 1
    if k == len(tokens) or fold_words(tokens[k - 1].text) in closed_words("name_links"):
        return None
    return doc_text(span.doc)[tokens[k].idx : span.end_char]


def _bare(span: Any) -> str:
    """The phrase without a leading determiner: "une source de sécurité" stays, "le" goes."""
    tokens = list(span)
    if len(tokens) > 1 and fold_words(tokens[0].text) in closed_words("definite_articles"):
        return doc_text(span.doc)[tokens[1].idx : span.end_char]
    return span.text
