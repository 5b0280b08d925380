"""What the parse says about dates: where a mention attaches, and the tense of a clause.

Small functions over a spaCy ``Doc`` (typed ``Any``: this module does not import
spaCy). Tense comes from ``token.morph`` (``Tense=Fut``, ``Tense=Imp``) and from
auxiliaries listed in the date vocabulary (``future_markers``: "aller", "will").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from ..languages import shipped
from ..records import Span
from ..text import doc_text


@dataclass(frozen=True, slots=True)
class Attachment:
    """Where a span sits in the parse: its tokens, sentence, and path up to its verb.

    ``path``: token indices of the ancestors of the span's root, up to and including
    the first verb (``verb``, or -1 when the chain reaches the root without a verb).
    """

    first: int
    last: int
    root: int
    sent: int
    path: tuple[int, ...]
    verb: int


SENTENCE_END = (".", "!", "?", "…", "»", '"', "”", ":", ";")


def sentence_index(doc: Any) -> list[int]:
    """For each token, the index of its sentence; a line break always ends a sentence
    (the parser sometimes runs a sentence across paragraphs). A parser sentence start
    that continues the text (a lower-case word or punctuation, after no sentence-final
    mark: "Lors | de la réunion", "2018 | , les 28 États") is not a sentence start.

    Read from ``Doc.to_array`` columns and the text (no ``Token`` objects: building one per token was
    most of the cost); only the tokens that may open a sentence (a parser start, or the token after
    one whose text runs to a line break) are looked at one by one."""
    size = len(doc)
    if not size:
        return []
    text = doc_text(doc)
    rows = doc.to_array(_SENT_ATTRS)
    idx, length, parser, punct, space = (rows[:, k].tolist() for k in range(5))
    # the tokens whose text, up to the next token, holds a line break
    breaks = set()
    at = text.find("\n")
    while at >= 0:
        breaks.add(bisect_right(idx, at) - 1)
        at = text.find("\n", at + 1)
    words = [0, *accumulate(not (p or s) for p, s in zip(punct, space, strict=True))]  # words before each token
    candidates = sorted({i for i, start in enumerate(parser) if start == 1 and i} | {b + 1 for b in breaks
                                                                                    if 0 <= b < size - 1})
    out: list[int] = []
    first, n = 0, 0  # the current sentence's first token and number
    for i in candidates:
        if words[i] == words[first]:  # no word since the sentence began
            continue
        if i - 1 not in breaks:
            j = i - 1  # the last token before it that is not a space
            while j >= 0 and space[j]:
                j -= 1
            last = text[idx[j]:idx[j] + length[j]] if j >= 0 else ""
            if _continues_text(text[idx[i]:idx[i] + length[i]], bool(punct[i]), last):
                continue
        out += [n] * (i - first)
        first, n = i, n + 1
    out += [n] * (size - first)
    return out


_SENT_ATTRS = ["IDX", "LENGTH", "SENT_START", "IS_PUNCT", "IS_SPACE"]


def tokens_with_text(doc: Any, words: Iterable[str]) -> list[int]:
    """The indices of the tokens whose text is one of ``words`` (compared by string id, from one
    ``Doc.to_array`` column: no ``Token`` objects)."""
    if not len(doc):
        return []
    ids = {doc.vocab.strings[w] for w in words}
    return [i for i, orth in enumerate(doc.to_array("ORTH").tolist()) if orth in ids]


def _continues_text(word: str, punct: bool, last: str) -> bool:
    first = word[:1]
    return bool(last) and not last.endswith(SENTENCE_END) and (
        first.islower() or (punct and first not in "«“\"–—"))


def is_verb(token: Any) -> bool:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and not token.dep_.startswith("aux")):
        return True
    # a verb the tagger read as a noun ("les diplomates négocieraient"): it heads a clause and has a
    # subject, with no copula (a copular "X est un chef" has a noun head with a subject too)
    return bool(token.pos_ in ("NOUN", "ADJ") and token.dep_ in _CLAUSE_DEPS
                and any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children)
                and not any(c.dep_ == "cop" for c in token.children))


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "acl:relcl", "parataxis"})


def attach(doc: Any, span: Span, sents: list[int]) -> Attachment | None:
    """The :class:`Attachment` of a character span; None when it covers no token."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    root = tokens.root
    path: list[int] = []
    verb = -1
    after_comma = tokens.start > 0 and doc[tokens.start - 1].text == ","
    for tok in root.ancestors:
        if sents[tok.i] != sents[root.i]:  # a parse arc across a line break is not trusted
            break
        path.append(tok.i)
        if is_verb(tok):
            # "Elle avait été enlevée par des hommes, qui n'ont pas revendiqué l'enlèvement,
            # le 24 décembre": a date after the comma that closes a relative clause belongs
            # to the main clause, whatever the parser says.
            if after_comma and tok.dep_.startswith("acl") and tok.i < tokens.start - 1:
                continue
            verb = tok.i
            break
    return Attachment(tokens.start, tokens.end - 1, root.i, sents[root.i], tuple(path), verb)


def clause_verb(doc: Any, att: Attachment) -> int:
    """The verb of a span's own clause: its highest verb token, else the verb it attaches to."""
    verbs = [t for t in doc[att.first:att.last + 1] if is_verb(t)]
    if verbs:
        return min(verbs, key=lambda t: sum(1 for _ in t.ancestors)).i
    return att.verb


CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj"})


# "obl:agent": the agent of a passive is the means of its act ("tué par la riposte des policiers")
ADVERBIAL_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "obl:agent", "nmod", "prep", "pobj", "advcl"})


def event_verb(doc: Any, att: Attachment, earlier: Iterable[str] = ()) -> int:
    """The verb that tells an event: a verb of the trigger, or, for an event noun that is the
    subject or object of a verb ("Ces attaques ont été revendiquées"), that verb; else -1.
    An event noun in an adverbial of manner ("en coopération avec les forces alliées, a lancé")
    goes with its verb; one after an ``earlier`` cue ("suite au retrait", "depuis
    l'assassinat", "after the attack") tells an earlier event and has none."""
    verb = clause_verb(doc, att)
    if att.first <= verb <= att.last:
        return verb
    root = doc[att.root]
    if not att.path or att.verb < 0:
        return -1
    if root.dep_ in CORE_DEPS and att.path[0] == att.verb:
        return att.verb
    first = root  # "Les assauts et les contre-attaques ont causé": a coordinated subject or object
    while first.dep_ == "conj" and first.head.i != first.i and first.head.i in att.path:
        first = first.head
    if first is not root and first.dep_ in CORE_DEPS and first.head.i == att.verb:
        return att.verb
    # the adverbial hangs on the verb, or is an incise on its subject ("L'armée, en coopération
    # avec la coalition, a lancé": the parser often hangs it on "armée"); "lors de la perquisition":
    # the parser may read "lors" as an adverb that governs the noun
    incise = root.left_edge.i > 0 and doc[root.left_edge.i - 1].text == ","
    on_verb = all(doc[i].pos_ == "ADP" or (incise and doc[i].dep_ in CORE_DEPS and doc[i].head.i == att.verb)
                  or (i == root.head.i and doc[i].pos_ == "ADV" and root.dep_ == "obl:arg")
                  for i in att.path[:-1])
    if root.dep_ in ADVERBIAL_DEPS and on_verb:
        lead = cue_phrase(doc, root)
        if lead.strip() and not has_cue(lead, earlier):
            return att.verb
    return -1


def cue_phrase(doc: Any, noun: Any) -> str:
    """The words of a noun's phrase before it ("après l'", "à la suite des"), lower-cased, an elided article
    split off, padded with spaces: `` après l' ``; what ``earlier_cues`` are looked up in."""
    lead = " ".join(t.lower_ for t in doc[noun.left_edge.i:noun.i])
    return " " + lead.replace("'", "' ").replace("’", "' ") + " "


def has_cue(phrase: str, words: Iterable[str]) -> bool:
    """One of ``words`` (``earlier_cues``, ``reason_cues``) among the words of a :func:`cue_phrase`."""
    return any(f" {w.lower()} " in phrase for w in words)


def _aux(token: Any) -> Iterable[Any]:
    return (c for c in token.children if c.dep_.startswith("aux"))


def _marked(token: Any, markers: frozenset[str]) -> bool:
    past = {"Past", "Imp"} & set(token.morph.get("Tense"))
    return not past and (token.lower_ in markers or token.lemma_.lower() in markers)


def is_future(doc: Any, verb: int, markers: frozenset[str]) -> bool:
    """Future tense: ``Tense=Fut`` on the verb or an auxiliary, a future auxiliary
    ("will"), or an infinitive under a future head, directly or through other infinitives
    ("va se rendre", "devrait chercher à reprendre", "will try to retake")."""
    if verb < 0:
        return False
    tok = doc[verb]
    if "Fut" in tok.morph.get("Tense") or any(
            "Fut" in a.morph.get("Tense") or _marked(a, markers) for a in _aux(tok)):
        return True
    for _ in range(3):  # "va se rendre", "devrait chercher à reprendre": up a chain of infinitives
        if "Inf" not in tok.morph.get("VerbForm") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if _marked(tok, markers) or "Fut" in tok.morph.get("Tense"):
            return True
    return False


def is_present(doc: Any, verb: int) -> bool:
    """A finite verb in the simple present ("annonce", "announces"), not a compound tense."""
    if verb < 0:
        return False
    tok = doc[verb]
    return ("Pres" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm")
            and not any(a.dep_.startswith("aux") for a in tok.children))


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of every shipped language's ``dates.yaml`` (these helpers do not know the text's language)."""
    return shipped().union("dates", key)


@cache
def _conditional_endings() -> tuple[str, ...]:
    """The ``conditional_endings``, longest first."""
    return tuple(sorted(_words("conditional_endings"), key=lambda e: (-len(e), e)))


def is_conditional(token: Any) -> bool:
    """French conditional ("négocieraient", "aurait mobilisé", "bombarderait"): the tagger
    often labels it ``Tense=Imp``, but it reports unconfirmed news, not background. The form
    is the future stem (the infinitive, "prendre" without its "e", or an irregular stem of
    ``conditional_stems``) plus one of ``conditional_endings`` (``dates.yaml``); an imperfect is
    not ("déclarait", "courait")."""
    if "Cnd" in token.morph.get("Mood"):
        return True
    form, lemma = token.lower_, token.lemma_.lower()
    ending = next((e for e in _conditional_endings() if form.endswith(e)), "")
    if not ending:
        return False
    stem = form[:-len(ending) + 1]  # keep the "r": "négocier|aient", "prendr|ait", "ser|ait"
    return stem in (lemma, lemma[:-1]) or stem in _words("conditional_stems")


def is_background(doc: Any, verb: int, imperfect: bool = True) -> bool:
    """Pluperfect or imperfect ("avait été enlevée", "étaient détenus", "had been kidnapped": a past
    auxiliary of ``perfect_auxiliaries``): the clause recalls earlier facts rather than reporting the
    news of the day. A conditional tagged as imperfect ("bombarderait") is not background. With
    ``imperfect`` False only the pluperfect counts (a tense auxiliary in the imperfect: "avait
    accusé", "étaient arrivés"); the simple or passive imperfect ("les manifestants occupaient",
    "ils étaient retenus") then describes the scene of the story, not an earlier fact."""
    tok = doc[verb]
    for _ in range(3):  # infinitives and participles take the tense of their head verb
        if "Fin" in tok.morph.get("VerbForm") or any(True for _ in _aux(tok)) or tok.head.i == tok.i:
            break
        if not is_verb(tok.head):  # a participle on a noun ("X, kidnappé en 2009") has no tense
            return False
        tok = tok.head
    finite = [a for a in _aux(tok) if "Fin" in a.morph.get("VerbForm")] or [tok]
    for f in finite:
        if "Imp" in f.morph.get("Tense") and not is_conditional(f) and (
                imperfect or (f.i != tok.i and f.dep_ == "aux:tense")):
            return True
        if f.lemma_.lower() in _words("perfect_auxiliaries") and "Past" in f.morph.get("Tense") and f.i != tok.i:
            return True
    return False
