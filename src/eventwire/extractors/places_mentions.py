"""Place mentions in a parsed document: where a place name is, and how the sentence uses it.

Mentions come from two sources: the reviewed names of ``data/places`` (facilities, regions,
user places) matched as phrases over the accent-folded text, and spaCy's named entities.
Each mention records whether a locative preposition governs it ("à", "près de", "in",
"near", ...), whether it is the nominal subject of a verb ("Washington a refusé"), and whether
the words around it name an administrative level ("province d'Idleb", "Idlib province").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from spacy.attrs import ENT_IOB, IDX, IS_ALPHA, LOWER, ORTH, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import PROPN

from ..records import Span
from .gazetteer import fold, name_key

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
BARE = "BARE"  # a proper noun NER did not tag: kept only if it names a country, region, facility or big city
# Accepted only after a locative preposition ("PROPN": a proper-noun run NER missed).
WEAK_LABELS = frozenset({"PER", "PERSON", "ORG", "MISC", "PROPN"})
LOCATIVE = frozenset({
    "à", "au", "aux", "en", "dans", "près", "sur", "autour", "devant", "chez",
    "entre",
    "in", "near", "outside", "at", "inside", "around", "across", "on", "into", "throughout", "within",
    "under", "along", "between", "among", "over", "beside", "off",
})
# Words that may stand between a locative preposition and the name: "à l'ouest d'al-Anbar".
BRIDGE = frozenset({
    "l'", "l’", "la", "le", "les", "de", "d'", "d’", "du", "des", "the", "of", "'s", "a", "an",
    "nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "ville", "town", "city", "village", "localité", "région", "region", "province",
    "gouvernorat", "governorate", "district", "quartier", "périphérie", "banlieue", "outskirts",
    "suburbs", "environs", "abords", "proximité", "frontière", "border", "capitale", "capital",
    "part", "parts", "area", "territoire", "territory", ",",
})
ADMIN_WORDS = frozenset({"province", "région", "region", "gouvernorat", "governorate", "state", "état",
                         "wilaya", "oblast", "countryside", "campagne", "provinces", "régions", "regions",
                         "gouvernorats", "governorates"})
# Articles before a capitalised plural or a singular person noun: "les Kurdes", "des Français", "un
# Français". Such a name is a place only by its own name or as a country ("les Philippines").
PEOPLE_ARTICLES = frozenset({"les", "des", "aux", "un", "une"})
GENITIVE_WORDS = frozenset({"de", "d'", "d’", "du", "of"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
# Token attributes read once per doc (``Doc.to_array``): see ``Sentences``.
_ATTRS = [SENT_START, POS, ENT_IOB, LOWER, ORTH, IDX, IS_ALPHA]
_IOB_OUTSIDE = 2  # ``ent_iob_ == "O"``
_LOCATIVE_IDS = frozenset(get_string_id(w) for w in LOCATIVE)
_HYPHEN_ID = get_string_id("-")
_LEADING = re.compile(r"^(?:l['’]|d['’]|la |le |les |the )", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in the text, with the syntactic facts the resolver uses."""

    text: str
    span: Span
    tokens: tuple[int, int]   # token indices [start, end)
    sentence: Span            # char span of the sentence it sits in
    source: str               # "curated" or the NER label
    locative: bool
    subject: bool
    admin_cue: bool
    person_article: bool = False  # "les Kurdes", "un Français": a people, not a place (see resolver)


class PlaceLexicon:
    """The reviewed place names (facilities, regions, user places) as one folded-text regex,
    and the words that are never places ("June", "Mardi") however NER tags them."""

    def __init__(self, names: Iterable[str], not_places: Iterable[str] = ()) -> None:
        folded = sorted({fold(n).strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
        body = "|".join(re.escape(n) for n in folded) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
        self._not_places = frozenset(name_key(n) for n in not_places)

    def find(self, text: str, folded: str | None = None) -> list[Span]:
        """Spans of the names in ``text`` (``folded``: ``fold(text)``, when the caller has it)."""
        return [m.span() for m in self._regex.finditer(fold(text) if folded is None else folded)]

    def is_place_word(self, text: str) -> bool:
        return name_key(text) not in self._not_places


def find_mentions(doc: Any, lexicon: PlaceLexicon, sents: Sentences | None = None) -> list[Mention]:
    """All candidate place mentions of ``doc``, curated phrases first, no overlaps."""
    taken: list[Span] = []
    out: list[Mention] = []
    sents = sents or Sentences(doc)
    for start, end in lexicon.find(sents.text, sents.folded):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not _overlaps((start, end), taken):
            out.append(_mention(span, "curated", (start, end), sents))
            taken.append((start, end))
    spans = [*((e, e.label_) for e in doc.ents), *((s, "PROPN") for s in _located_propns(sents)),
             *((s, BARE) for s in _bare_propns(sents))]
    for span, source in spans:
        mention = _entity_mention(span, source, sents)
        if mention is not None and lexicon.is_place_word(mention.text) and not _overlaps(mention.span, taken):
            out.append(mention)
            taken.append(mention.span)
    return sorted(out, key=lambda m: m.span)


def _bare_propns(sents: Sentences) -> list[Any]:
    """Proper-noun runs outside any entity: the resolver keeps them only for major places."""
    bare = [p and o for p, o in zip(sents.propn, sents.outside, strict=True)]
    out = []
    i, n = 0, len(bare)
    while i < n:
        end = i
        while end < n and bare[end]:
            end += 1
        if end > i:
            out.append(sents.doc[i:end])
        i = max(end, i + 1)
    return out


def _located_propns(sents: Sentences) -> list[Any]:
    """Proper-noun runs right after a locative preposition ("à Hilla"), which NER may miss."""
    propn, n = sents.propn, len(sents.propn)
    out = []
    for i, lower in enumerate(sents.lower):
        if lower in _LOCATIVE_IDS and i + 1 < n and propn[i + 1]:
            end = i + 1
            while end < n and (propn[end] or sents.orth[end] == _HYPHEN_ID):
                end += 1
            out.append(sents.doc[i + 1:end])
    return out


class Sentences:
    """Per-document facts computed once and passed down: the text, sentence bounds (token and char
    indices) and the token attributes the stage reads (``doc.text``, ``doc.sents`` and ``for tok in
    doc`` each walk the whole doc on every call)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str = doc.text  # computed once: Doc.text joins every token
        self.folded = fold(self.text)  # offsets kept: one char per char
        rows: list[list[int]] = doc.to_array(_ATTRS).tolist() if len(doc) else []
        self.propn = [r[1] == PROPN for r in rows]
        self.outside = [r[2] == _IOB_OUTSIDE for r in rows]
        self.lower = [r[3] for r in rows]
        self.orth = [r[4] for r in rows]
        self.alpha = [r[6] for r in rows]
        self.starts = [i for i, r in enumerate(rows) if r[0] == 1] or [0]
        if self.starts[0] != 0:
            self.starts.insert(0, 0)
        ends = [*self.starts[1:], len(doc)]
        self.bounds: list[tuple[int, int]] = list(zip(self.starts, ends, strict=True)) if rows else []
        self.char_starts: list[int] = [rows[s][5] for s, _ in self.bounds]

    def of(self, token: int) -> tuple[int, int]:
        """Token bounds [start, end) of the sentence holding ``token``."""
        k = bisect.bisect_right(self.starts, token) - 1
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return self.starts[k], end

    def chars(self, token: int) -> Span:
        start, end = self.of(token)
        return self.doc[start].idx, self.end_char(end)

    def end_char(self, end: int) -> int:
        """The char end of a sentence whose token bounds end at ``end``."""
        last = self.doc[end - 1]
        return int(last.idx + len(last.text))


def _entity_mention(ent: Any, label: str, sents: Sentences) -> Mention | None:
    if label not in PLACE_LABELS | WEAK_LABELS | {BARE}:
        return None
    genitive = label == "MISC" and _inner_genitive(ent) is not None
    span = _trim_leading(_after_inner_locative(ent) if label in WEAK_LABELS else ent)
    if genitive and span.start == ent.start:
        span = _inner_genitive(ent)
    if not span.text or not span.text[0].isupper():
        return None  # "américains", "en mars": demonyms and common words are lower-case in French
    if _is_based(span):
        return None  # "a Britain-based monitor": where the monitor sits, not where anything happened
    mention = _mention(span, label, (span.start_char, span.end_char), sents)
    if label in WEAK_LABELS and not mention.locative and not genitive:
        return None
    if span.start > 0 and span.doc[span.start - 1].lower_ in PEOPLE_ARTICLES:
        mention = replace(mention, person_article=True)
    return mention


def _is_based(span: Any) -> bool:
    doc = span.doc
    following = "".join(t.text for t in doc[span.end:span.end + 2]).lower()
    return following.startswith(("-based", "based"))


def _inner_genitive(ent: Any) -> Any | None:
    """"attentat de Kayseri", "bataille d'Alep" (MISC) -> the capitalised name after "de"/"of": the
    event's place complement (used for an event only in that role, see places_context)."""
    inner = [t.i for t in ent[1:-1] if t.lower_ in GENITIVE_WORDS and t.i + 1 < ent.end]
    if not inner or ent[0].pos_ == "PROPN" or not ent.doc[inner[-1] + 1].text[:1].isupper():
        return None  # "Front de libération du Kurdistan" names a group: only "attentat de X" counts
    return ent.doc[inner[-1] + 1:ent.end]


def _after_inner_locative(ent: Any) -> Any:
    """"Attentats à Aden" (MISC) -> "Aden": the part after a locative preposition inside the entity."""
    inner = [t.i for t in ent[:-1] if t.lower_ in LOCATIVE]
    return ent.doc[inner[-1] + 1:ent.end] if inner else ent


def _trim_leading(ent: Any) -> Any:
    """Drop a leading article or elision the NER swallowed ("l'Irak" -> "Irak")."""
    span = ent
    while len(span) > 1 and _LEADING.match(span[0].text + " "):
        span = span[1:]
    return span


def _mention(span: Any, source: str, chars: Span, sents: Sentences) -> Mention:
    first = sents.of(span.start)[0]
    locative = is_locative(span, first)
    return Mention(text=sents.text[chars[0]:chars[1]], span=chars, tokens=(span.start, span.end),
                   sentence=sents.chars(span.start), source=source, locative=locative,
                   subject=span.root.dep_ in SUBJECT_DEPS and not locative, admin_cue=has_admin_cue(span))


def is_locative(span: Any, sentence_start: int = 0) -> bool:
    """A locative preposition before the name, possibly across articles and direction words."""
    doc = span.doc
    i = span.start - 1
    while i >= max(sentence_start, span.start - 6):
        word = doc[i].lower_
        if word in LOCATIVE:
            return True
        if word not in BRIDGE:
            return False
        i -= 1
    return False


def has_admin_cue(span: Any) -> bool:
    doc = span.doc
    before = {doc[i].lower_ for i in range(max(0, span.start - 3), span.start)}
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return bool(before & ADMIN_WORDS) or after in ADMIN_WORDS


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)
