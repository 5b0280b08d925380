"""Find trigger candidates in a parsed sentence: lexicon entries matched on lemmas.

A multiword entry ("prendre en otage", "air strike") matches consecutive tokens, allowing
up to two determiners/adjectives/adverbs in between ("lever les sanctions"), and up to three time
words besides ("ont levé vendredi matin les barricades", the wire's place for the day). The longest
match wins; tokens inside a longer match start no other candidate. A match whose head has the wrong
part of speech for its entry (a noun entry headed on a verb) is dropped before that choice, so it takes
no words from the matches that fit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import ADJ, NOUN, VERB

from ..errors import ConfigError
from ..languages import shipped
from .arg_base import OBJ
from .lexicon import Entry, Lexicon

GAP_POS = {"DET", "ADJ", "ADV", "NUM", "PRON"}
VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}
COPULAS = shipped().union("coding", "copulas")
INFINITIVE_PREPS = shipped().union("coding", "infinitive_preps")  # "réussit à ravitailler"
PARTICIPLE = re.compile(r"(é|ée|és|ées)$")
INFINITIVE = re.compile(r"\w{3,}(er|ir|re)$")
TIME_GAPS = 3  # time words a multiword match may step over, besides the GAP_POS ones
FUTURE = re.compile(r"^(\w{3,}er)(ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")  # "négocieraient"
COMMENT_RELATIVES = shipped().union("coding", "comment_relatives")  # "ce que X dément"
NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


@dataclass(frozen=True)
class Candidate:
    """A place where one or more entries match; ``alternatives`` in the order to try them."""

    head: Any                                   # spaCy Token carrying the event
    tokens: tuple[int, ...]                     # token indices of the trigger words
    alternatives: tuple[Entry, ...]

    @property
    def start(self) -> int:
        return min(self.tokens)


_FORMS = "eventwire.forms"


def forms(tok: Any) -> frozenset[str]:
    """The forms a lexicon entry may match on a token: its lemma, its text and the repairs below;
    computed once per token (kept in the document's ``user_data``)."""
    cache = tok.doc.user_data.get(_FORMS)
    if cache is None:
        cache = tok.doc.user_data[_FORMS] = {}
    found = cache.get(tok.i)
    if found is None:
        found = cache[tok.i] = frozenset(_forms(tok))
    return found


def _forms(tok: Any) -> set[str]:
    out = _spelled({tok.lemma_.lower(), tok.text.lower()}, tok.doc.lang_)
    if fronted_participle(tok) or misread_participle(tok):
        out.add(PARTICIPLE.sub("er", tok.lower_))  # "Encerclés par X, ..." -> encercler
    if verbal_noun(tok) or misread_present(tok):
        out.add(tok.lower_[:-3] + "er")  # "les partis l'accusent" tagged as a noun -> accuser
    future = unlemmatized_future(tok)
    if future:
        out.add(future)  # "les diplomates négocieraient" left unlemmatized -> négocier
    present = unlemmatized_present(tok)
    if present:
        out.add(present)  # "le syndicat demande" left as "demande" -> demander
    past = misread_past(tok.lemma_.lower(), tok.lower_, tok.pos_, tok.doc.lang_)
    if past:
        out.add(past)  # "staged" lemmatized as "stag" -> stage
    return out


def _spelled(words: set[str], lang: str) -> set[str]:
    """The words, and in French their spelling with the "œ" ligature that text typed without it writes
    as "oe" ("manoeuvres", "oeufs", "voeux"): the lexicon spells the ligature."""
    if lang == "fr" and any("oe" in w for w in words):
        words |= {w.replace("oe", "œ") for w in words}
    return words


def misread_past(lemma: str, low: str, pos: str, lang: str) -> str:
    """An English past in -ed whose lemmatizer dropped the verb's final "e" ("staged" -> "stag"): the
    form without the "d" ("stage"); empty when the lemma is not the form less "ed"."""
    if lang != "en" or pos != "VERB" or not low.endswith("ed") or len(low) < 5 or lemma != low[:-2]:
        return ""
    return low[:-1]


def unlemmatized_present(tok: Any) -> str:
    """A French present of an -er verb that the lemmatizer left as it is, because the form is also a
    noun ("il demande", "elle reproche", "ils coupent"): the infinitive, for a verb-tagged token."""
    low = tok.lower_
    if tok.pos_ != "VERB" or tok.doc.lang_ != "fr" or tok.lemma_.lower() != low or len(low) < 4:
        return ""
    if low.endswith("ent"):
        return low[:-3] + "er"
    return low + "r" if low.endswith("e") and not low.endswith("ée") else ""


def misread_present(tok: Any) -> bool:
    """A French present in -ent lemmatized as an -ir verb ("ils pressent" -> pressentir): the -er
    verb is also tried (entries still need their constraints: "presser à")."""
    low = tok.lower_
    return (tok.pos_ == "VERB" and low.endswith("ent") and len(low) > 6 and tok.lemma_.lower().endswith("ir")
            and tok.doc.lang_ == "fr")


def unlemmatized_future(tok: Any) -> str:
    """A French future or conditional the lemmatizer left as it is (often tagged as a noun or an
    adjective), recognisable by its subject: the infinitive ("négocieraient" -> "négocier")."""
    low = tok.lower_
    if tok.lemma_.lower() != low or tok.pos_ not in ("NOUN", "ADJ", "VERB") or tok.doc.lang_ != "fr":
        return ""
    found = FUTURE.match(low)
    if found is None or not any(c.dep_ == "nsubj" for c in tok.children):
        return ""
    return found.group(1)


def verbal_noun(tok: Any) -> bool:
    """A French present-tense verb in -ent that the tagger reads as a noun, recognisable by its
    subject (and no copula): "les partis d'opposition l'accusent d'intimidation"."""
    if tok.pos_ not in ("NOUN", "ADJ") or not tok.lower_.endswith("ent") or len(tok.lower_) < 6:
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "cop" not in deps


def comment_subject(tok: Any) -> Any | None:
    """The subject of a verb that closes a relative about the clause before it, "..., ce que Paris
    dément", "ce que le gouvernement conteste" (``comment_relatives``): the noun phrase between the
    relative pronoun and the verb (its last noun), which the parser often misses, reading the verb as an
    adverb or an adjective ("dément") or "ce" as its subject."""
    doc = tok.doc
    if tok.pos_ in ("DET", "PUNCT", "ADP", "PRON", "CCONJ", "SCONJ", "AUX") or tok.i < 3:
        return None
    i = tok.i - 1
    while i > 0 and doc[i].pos_ in ("ADV", "AUX"):
        i -= 1  # "ce que X a toujours démenti"
    end = i
    while i > 0 and (doc[i].pos_ in NP_POS or doc[i].text in "-'’") and end - i < 6:
        i -= 1
    if i == end or i < 1 or f"{doc[i - 1].lower_} {doc[i].lower_}" not in COMMENT_RELATIVES:
        return None
    noun = next((doc[j] for j in range(end, i, -1) if doc[j].pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return None
    while noun.dep_ in ("flat", "flat:name", "compound") and i < noun.head.i < noun.i:
        noun = noun.head
    return noun


def comment_verb_forms(tok: Any) -> set[str]:
    """The infinitives a French present in the verb slot of a comment relative may stand for, when the
    tagger read it as an adverb, an adjective or a noun ("ce que Paris dément": démentir)."""
    if tok.doc.lang_ != "fr" or tok.pos_ not in ("ADV", "ADJ", "NOUN") or comment_subject(tok) is None:
        return set()
    low = tok.lower_
    out = {low + "r", low + "ir"}
    if low.endswith("ent"):
        out.add(low[:-3] + "er")
    return out


def misread_infinitive(tok: Any) -> bool:
    """A French infinitive after "à"/"de" that the tagger reads as a noun, with no determiner
    ("l'aviation réussit à ravitailler les combattants"): the verb entry is tried."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or tok.doc.lang_ != "fr" or tok.lemma_.lower() != low or not INFINITIVE.search(low):
        return False
    if any(c.dep_ in ("det", "nmod:poss", "nummod", "amod") for c in tok.children):
        return False
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in INFINITIVE_PREPS and tok.head.pos_ == "VERB"


def fronted_participle(tok: Any) -> bool:
    """A sentence-initial French past participle with an agent, which the tagger reads as a noun
    ("Encerclés par le groupe État islamique, les soldats ...")."""
    return (tok.pos_ == "NOUN" and tok.is_sent_start and bool(PARTICIPLE.search(tok.lower_))
            and any(c.dep_ == "obl:agent" for c in tok.children))


def misread_participle(tok: Any) -> bool:
    """A French past participle with its auxiliary, which the tagger reads as an adjective or a noun
    ("un homme a volontairement foncé sur ...": "foncé", dark): the -er verb is tried."""
    return (tok.pos_ in ("ADJ", "NOUN") and tok.doc.lang_ == "fr" and bool(PARTICIPLE.search(tok.lower_))
            and any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in tok.children))


def pos_ok(entry: Entry, tok: Any) -> bool:
    if entry.pos == "noun":
        return tok.pos_ in NOUN_POS
    if tok.pos_ in VERB_POS or fronted_participle(tok) or verbal_noun(tok) or unlemmatized_future(tok) \
            or misread_infinitive(tok) or misread_participle(tok):
        return True
    if tok.pos_ == "AUX" and len(entry.words) > 1:
        return True
    if tok.pos_ in ("ADV", "ADJ", "NOUN") and comment_verb_forms(tok) & set(entry.words[:1]):
        return True  # "ce que Paris dément": a verb the tagger misread
    if tok.pos_ == "NOUN" and len(entry.words) > 1 and entry.words[0] in COPULAS:
        return True  # "être en contact avec": the parse heads the predicate on the noun
    return tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm")


def match_words(entry: Entry, doc: Any, start: int, end: int, first: Any = None) -> tuple[int, ...] | None:
    """Token indices matching ``entry.words`` from ``start`` (inside ``[start, end)``), or None. A
    hyphenated token stands for the words it joins ("mis en garde-à-vue" matches "mettre en garde à vue").
    ``first``: the token at ``start``, when the caller holds it."""
    words = entry.words
    k = covers(words, 0, doc[start] if first is None else first)
    if not k:
        return None
    found = [start]
    i = start + 1
    times = time_words(doc.lang_)
    skipped = False
    while k < len(words):
        gaps = timed = 0
        while i < end and not covers(words, k, doc[i]):
            if not skipped and (after := _object_between(doc, found[0], i, end)) is not None \
                    and not any(covers(words, k, doc[j]) for j in range(i, after)):
                skipped, i = True, after  # "holds the government responsible", "pulled its troops out"
                continue
            if doc[i].lower_ in times and timed < TIME_GAPS:
                timed += 1  # "a ouvert jeudi un corridor": the day between the verb and its object
            elif doc[i].pos_ in GAP_POS and gaps < 2:
                gaps += 1
            else:
                break
            i += 1
        n = covers(words, k, doc[i]) if i < end else 0
        if not n or (skipped and _heads_phrase(doc[i])):
            return None  # after an object, no preposition of a phrase of its own ("signed a pact on Monday")
        found.append(i)
        i, k = i + 1, k + n
    return tuple(found)


OBJECT_GAP = 8  # the longest object a multiword verb may hold between its words (tokens)
SMALL_CLAUSE_SUBJECTS = ("nsubj",)  # "holds [the government responsible]": a subject under the verb's complement
PHRASE_OBJECTS = ("pobj", "obj", "nmod")  # what a preposition heading its own phrase governs


def _object_between(doc: Any, verb: int, i: int, end: int) -> int | None:
    """Where the words of a multiword verb go on after an object phrase that starts at ``i`` ("holds [the
    government] responsible", "tient [le gouvernement] pour responsable", "called [the strike] off"): the
    token after the phrase, when the token at ``i`` heads or opens a nominal object of the verb (or the
    subject of a small clause under it) of at most ``OBJECT_GAP`` tokens; else None."""
    head = doc[verb]
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for c in head.children:
        nominal = c if c.dep_ in OBJ else next(
            (g for g in c.children if g.dep_ in SMALL_CLAUSE_SUBJECTS and g.i > verb), None)
        if nominal is None or nominal.pos_ not in ("NOUN", "PROPN", "PRON") or nominal.left_edge.i != i:
            continue
        after = nominal.right_edge.i + 1
        return after if after - i <= OBJECT_GAP and after < end else None
    return None


def _heads_phrase(tok: Any) -> bool:
    """A preposition with an object of its own ("on Monday"): no word of a multiword verb."""
    return tok.pos_ == "ADP" and any(c.dep_ in PHRASE_OBJECTS for c in tok.children)


@functools.cache
def time_words(lang: str) -> frozenset[str]:
    """The language's time nouns (``time_nouns`` of coding.yaml: days, parts of the day)."""
    try:
        return shipped().get(lang).words("coding", "time_nouns")
    except ConfigError:  # a language eventwire does not ship: no time words
        return frozenset()


def covers(words: tuple[str, ...], k: int, tok: Any) -> int:
    """How many of ``words`` from the ``k``-th one the token stands for: one when it is a form of that
    word, all of its parts when it joins them with hyphens, else none."""
    if words[k] in forms(tok):
        return 1
    parts = tuple(tok.lower_.split("-"))
    return len(parts) if len(parts) > 1 and words[k:k + len(parts)] == parts else 0


def syntactic_head(doc: Any, idx: tuple[int, ...], pos: str) -> Any:
    """The matched token whose head lies outside the match (the phrase's head)."""
    inside = set(idx)
    wanted = NOUN_POS if pos == "noun" else VERB_POS | {"AUX", "ADJ"}
    heads = [doc[i] for i in idx if doc[i].head.i not in inside or doc[i].head.i == i]
    typed = [t for t in heads if t.pos_ in wanted]
    return (typed or heads or [doc[idx[0]]])[0]


def candidates(sent: Any, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every trigger candidate of a sentence span, longest matches first, no overlaps."""
    doc = sent.doc
    keys = token_keys(doc)
    index = lexicon.index
    found: list[tuple[tuple[int, ...], Entry]] = []
    for i in range(sent.start, sent.end):
        tok = None
        for key in keys[i]:
            for entry in index.get(key, ()):
                tok = doc[i] if tok is None else tok
                idx = match_words(entry, doc, i, sent.end, tok)
                if idx is not None:
                    found.append((idx, entry))
    yield from _resolve_overlaps(doc, found)


_KEYS = "eventwire.keys"
_KEY_ATTRS = [LEMMA, ORTH, LOWER, POS]
_REPAIRED_POS = frozenset({NOUN, ADJ, VERB})  # the parts of speech a repair of ``_forms`` may apply to
# (lemma, text, lower, POS, language) ids -> (forms, keys) of a token whose forms its neighbours do not
# change; bounded (emptied when full: a long run meets new words without end)
_MEMO: dict[tuple[int, int, int, int, str], tuple[frozenset[str], tuple[str, ...]]] = {}
MEMO_SIZE = 1 << 15


def token_keys(doc: Any) -> list[tuple[str, ...]]:
    """For each token of ``doc``, the index keys :func:`candidates` looks up, in order: the lemma, then
    its other :func:`forms` sorted (a set's order varies between processes, and ties with it), then the
    first part of a hyphenated word ("garde-à-vue": the entries that start with it). Computed once per
    document from ``Doc.to_array`` columns; fills the :func:`forms` cache of every token. A token's forms
    depend on its words and part of speech only, except for the repairs that read its neighbours
    (``_context_free``): those are computed on the token, the others memoised across documents."""
    cached = doc.user_data.get(_KEYS)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    strings, lang = doc.vocab.strings, doc.lang_
    cache = doc.user_data.get(_FORMS)
    if cache is None:
        cache = doc.user_data[_FORMS] = {}
    out: list[tuple[str, ...]] = []
    rows = doc.to_array(_KEY_ATTRS).tolist() if len(doc) else []
    for i, (lemma_id, orth_id, lower_id, pos) in enumerate(rows):
        key = (lemma_id, orth_id, lower_id, pos, lang)
        hit = _MEMO.get(key)
        if hit is None:
            lemma, text, low = strings[lemma_id], strings[orth_id], strings[lower_id]
            found = _context_free(lemma, text, low, pos, lang)
            known = found if found is not None else cache.get(i)
            if known is None:
                known = frozenset(_forms(doc[i]))
            hit = (known, _keys(lemma.lower(), known, text, low))
            if found is not None:
                if len(_MEMO) >= MEMO_SIZE:
                    _MEMO.clear()
                _MEMO[key] = hit
        cache[i] = hit[0]
        out.append(hit[1])
    for i in range(len(out)):  # a misread verb closing a comment relative ("ce que Paris dément")
        if 1 <= i < len(out) - 1 and f"{doc[i - 1].lower_} {doc[i].lower_}" in COMMENT_RELATIVES:
            for j in range(i + 2, min(i + 10, len(out))):
                extra = comment_verb_forms(doc[j])
                if extra - cache[j]:
                    cache[j] = cache[j] | frozenset(extra)
                    out[j] = out[j] + tuple(sorted(extra - set(out[j])))
    doc.user_data[_KEYS] = out
    return out


def _keys(lemma: str, found: frozenset[str], text: str, low: str) -> tuple[str, ...]:
    keys = [lemma, *sorted(found - {lemma})]
    if "-" in text:
        keys.append(low.split("-")[0])
    return tuple(dict.fromkeys(keys))


def _context_free(lemma: str, text: str, low: str, pos: int, lang: str) -> frozenset[str] | None:
    """``_forms`` of a token from its words (lemma, text, lower-case form), part of speech and
    language, when no repair that reads the token's neighbours may apply (a fronted or misread participle, a
    verbal noun, an unlemmatized future: each has a spelling it needs first); None otherwise."""
    lemma_low = lemma.lower()
    out = _spelled({lemma_low, text.lower()}, lang)
    if pos not in _REPAIRED_POS:
        return frozenset(out)
    fr = lang == "fr"
    if (((pos == NOUN or fr and pos == ADJ) and PARTICIPLE.search(low))
            or (pos != VERB and low.endswith("ent") and len(low) >= 6)
            or (fr and lemma_low == low and FUTURE.match(low))):
        return None
    if pos == VERB and low.endswith("ent") and len(low) > 6 and lemma_low.endswith("ir") and fr:
        out.add(low[:-3] + "er")  # misread_present
    past = misread_past(lemma_low, low, "VERB" if pos == VERB else "", lang)
    if past:
        out.add(past)  # "staged" lemmatized as "stag" -> stage
    if pos == VERB and fr and lemma_low == low and len(low) >= 4:  # unlemmatized_present
        if low.endswith("ent"):
            out.add(low[:-3] + "er")
        elif low.endswith("e") and not low.endswith("ée"):
            out.add(low + "r")
    return frozenset(out)


def _resolve_overlaps(doc: Any, found: list[tuple[tuple[int, ...], Entry]]) -> Iterator[Candidate]:
    # a match whose head has the wrong part of speech is no candidate and takes no words from another:
    # "qui demande des négociations" is the verb "demander", not the noun "demande de négociation"
    found = [(idx, e) for idx, e in found if pos_ok(e, syntactic_head(doc, idx, e.pos))]
    found.sort(key=lambda f: (-len(f[0]), f[0][0]))
    used: set[int] = set()
    groups: dict[tuple[int, ...], list[Entry]] = {}
    for idx, entry in found:
        if idx in groups:
            if entry not in groups[idx]:
                groups[idx].append(entry)
            continue
        if used & set(idx):
            continue
        used |= set(idx)
        groups[idx] = [entry]
    for idx, entries in sorted(groups.items()):
        by_pos: dict[str, list[Entry]] = {}
        for e in entries:
            by_pos.setdefault(e.pos, []).append(e)
        for pos, alts in by_pos.items():
            head = syntactic_head(doc, idx, pos)
            alts = [e for e in alts if pos_ok(e, head)]
            if alts:
                alts.sort(key=lambda e: -e.specificity)
                yield Candidate(head=head, tokens=idx, alternatives=tuple(alts))
