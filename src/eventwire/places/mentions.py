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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from spacy.attrs import ENT_IOB, IDX, IS_ALPHA, LOWER, ORTH, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import PROPN, SPACE

from ..languages import shipped
from ..records import Span
from ..text import case_blind, doc_text, fold_aligned, ignorecase_lowered, wire_dateline
from .gazetteer import ARABIC_ARTICLES, name_key, phrase_regex

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
BARE = "BARE"  # a proper noun NER did not tag: kept only if it names a country, region, facility or big city
# Accepted only after a locative preposition ("PROPN": a proper-noun run NER missed).
WEAK_LABELS = frozenset({"PER", "PERSON", "ORG", "MISC", "PROPN"})
TAKEN = "TAKEN"  # the source of a mention found as the object of a verb of taking (``_taken_propns``)
# The word lists, from every shipped language's ``places.yaml`` (see the comments there).
_WORDS = shipped()
# Verbs whose object is a place taken, besieged or struck ("prendre al-Raï", "captured Manbij").
TAKE_VERBS = _WORDS.union("places", "take_verbs")
_ARTICLE_NAME = re.compile(rf"(?:{'|'.join(sorted(ARABIC_ARTICLES))})-[A-ZÀ-Ý]")  # "al-Raï", "el-Bab"
LOCATIVE = _WORDS.union("places", "locative")
# A locative preposition written as a capital without its accent, opening a sentence ("A Lyon, ..."),
# per language (the English article "A" is no preposition).
CAPITAL_LOCATIVES = {code: _WORDS.get(code).words("places", "capital_locatives") for code in _WORDS.codes}
# Words that may stand between a locative preposition and the name: "à l'ouest d'al-Anbar".
BRIDGE = _WORDS.union("places", "bridge") | {","}
ADMIN_WORDS = _WORDS.union("places", "admin_words")
# Articles before a capitalised plural or a singular person noun: "les Kurdes", "des Français", "un
# Français". Such a name is a place only by its own name or as a country ("les Philippines").
PEOPLE_ARTICLES = _WORDS.union("places", "people_articles")
# A singular definite article before a name: French gives one to regions and countries ("l'Oregon",
# "au Québec", "le Xinjiang"), not to cities ("à Québec"), unless it is part of the name ("Le Havre").
REGION_ARTICLES = _WORDS.union("places", "region_articles")
GENITIVE_WORDS = _WORDS.union("places", "inner_genitives")
# "Britain-based", "Britain based": the word right after a name that makes it where an organisation sits.
BASED_WORDS = tuple(sorted(_WORDS.union("places", "based_words")))
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
# Token attributes read once per doc (``Doc.to_array``): see ``Sentences``.
_ATTRS = [SENT_START, POS, ENT_IOB, LOWER, ORTH, IDX, IS_ALPHA]
_IOB_OUTSIDE = 2  # ``ent_iob_ == "O"``
# The word lists as string ids, to test a token's ``LOWER`` id (``Sentences.lower``) without building
# the token and its ``lower_`` string: ``t.lower_ in LOCATIVE`` is ``sents.lower[t.i] in _LOCATIVE_IDS``.
_LOCATIVE_IDS = frozenset(get_string_id(w) for w in LOCATIVE)
_CAPITAL_LOCATIVE_IDS = frozenset(get_string_id(w.lower()) for words in CAPITAL_LOCATIVES.values() for w in words)
_BRIDGE_IDS = frozenset(get_string_id(w) for w in BRIDGE)
_ADMIN_IDS = frozenset(get_string_id(w) for w in ADMIN_WORDS)
_PEOPLE_IDS = frozenset(get_string_id(w) for w in PEOPLE_ARTICLES)
_REGION_ARTICLE_IDS = frozenset(get_string_id(w) for w in REGION_ARTICLES)
_HYPHEN_ID = get_string_id("-")
_GENITIVE_IDS = frozenset(get_string_id(w) for w in _WORDS.union("places", "genitive"))
# place nouns and buildings: "the market of Kaya", "the community center of X" name a place
_PLACE_NOUN_IDS = frozenset(get_string_id(w) for w in _WORDS.union("places", "place_nouns")
                            | _WORDS.union("places", "facility_heads"))
_LABELS = PLACE_LABELS | WEAK_LABELS | {BARE, TAKEN}
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})  # "San Salvador's": the possessive is no part of the name
_LIST_IDS = frozenset(get_string_id(w) for w in _WORDS.union("places", "list_words"))  # "Madrid and Tangier"
# A leading article or elision NER swallowed ("l'Irak", "the Sudan"): an elided word ends in an
# apostrophe and is glued to the name, any other is followed by a space (the regex reads a token + " ").
_LEADING = re.compile("^(?:{})".format("|".join(
    re.escape(w if w.endswith(("'", "’")) else w + " ")
    for w in sorted(_WORDS.union("places", "leading_articles"), key=lambda w: (-len(w), w)))), re.IGNORECASE)
_BASED = tuple(p for w in BASED_WORDS for p in ("-" + w, w))  # what the tokens after a name start with
_BASED_CHARS = frozenset("-" + "".join(w[:1] for w in BASED_WORDS))


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
    region_article: bool = False  # "dans l'Oregon", "au Québec": French names a region with an article


class PlaceLexicon:
    """The reviewed place names (facilities, regions, user places) as one folded-text regex,
    and the words that are never places ("June", "Mardi") however NER tags them."""

    def __init__(self, names: Iterable[str], not_places: Iterable[str] = ()) -> None:
        self._regex = phrase_regex(fold_aligned(n).strip() for n in names if len(n.strip()) >= 3)
        self._not_places = frozenset(name_key(n) for n in not_places)

    def find(self, text: str, folded: str | None = None) -> list[Span]:
        """Spans of the names in ``text`` (``folded``: ``fold_aligned(text)``, when the caller has it)."""
        return [m.span() for m in self._regex.finditer(fold_aligned(text) if folded is None else folded)]

    def is_place_word(self, text: str) -> bool:
        return name_key(text) not in self._not_places


def find_mentions(doc: Any, lexicon: PlaceLexicon, sents: Sentences | None = None) -> list[Mention]:
    """All candidate place mentions of ``doc``, curated phrases first, no overlaps."""
    taken = _Taken()
    out: list[Mention] = []
    sents = sents or Sentences(doc)
    for start, end in lexicon.find(sents.text, sents.folded):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not taken.overlaps((start, end)):
            out.append(_mention(span, "curated", (start, end), sents))
            taken.add((start, end))
    spans = [*((part, e.label_) for e in doc.ents for part in _division_parts(e, sents)),
             *((s, "PROPN") for s in _located_propns(sents)),
             *((s, TAKEN) for s in _taken_propns(sents)), *((s, BARE) for s in _bare_propns(sents))]
    for span, source in spans:
        mention = _entity_mention(span, source, sents)
        if mention is not None and lexicon.is_place_word(mention.text) and not taken.overlaps(mention.span):
            out.append(mention)
            taken.add(mention.span)
    return sorted(out, key=lambda m: m.span)


DATELINE = "DATELINE"  # the place a wire dispatch opens on ("LA PAZ - ...")
DATELINE_LETTERS = 4  # "LOME", "JUBA"; not an acronym heading ("UN - ", "EU - ", "ONU - ")
SHORT_DATELINE = 3  # "GAO - ", "BOR - ": three capitals are a dateline only when they name a town


def dateline_mention(doc: Any, found: list[Mention], sents: Sentences,
                     lexicon: PlaceLexicon | None = None, town: Callable[[str], bool] | None = None) -> list[Mention]:
    """``found`` with the place a wire dispatch opens on ("LA PAZ - Bolivia's government ...") as one
    mention, in place of whatever NER made of its capitals ("PRINCE" of "PORT-AU-PRINCE", nothing of
    "LA PAZ"). It is where the dispatch was filed: never a subject, never a locative of its own
    sentence's events; the article's fallback place (its dateline) when it resolves. A name of three
    letters ("GAO - ") is one only when ``town`` says a town bears it (an agency's or a body's acronym,
    "AFP - ", "ONU - ", names none)."""
    m = wire_dateline(sents.text)
    letters = sum(ch.isalpha() for ch in m.group("name")) if m is not None else 0
    if m is None or letters < SHORT_DATELINE or (letters < DATELINE_LETTERS and (town is None or not town(
            m.group("name")))) or (lexicon is not None and not lexicon.is_place_word(m.group("name"))):
        return found
    start, end = m.span("name")
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return found
    k = sents.index(span.start)
    mention = Mention(text=sents.text[start:end], span=(start, end), tokens=(span.start, span.end),
                      sentence=(sents.char_starts[k], sents.char_ends[k]), source=DATELINE, locative=False,
                      subject=False, admin_cue=False)
    kept = [x for x in found if x.span[1] <= start or x.span[0] >= end]
    return sorted([*kept, mention], key=lambda x: x.span)


HIERARCHY = "HIERARCHY"  # a unit of the hierarchy written after a name ("X (District, Region)")


def unit_mentions(doc: Any, bodies: Iterable[Span], found: list[Mention], lexicon: PlaceLexicon,
                  sents: Sentences) -> list[Mention]:
    """``found`` with the units of written hierarchies ("X (Djenné, Mopti)": the parenthesis bodies
    ``bodies``) as mentions, whatever NER made of them (it often reads "Mopti" as a person there); every
    mention inside a body has an administrative cue: the text says it is a division."""
    bodies = list(bodies)
    parts = []
    for body_start, body_end in bodies:
        at = body_start
        for part in sents.text[body_start:body_end].split(","):
            lead = len(part) - len(part.lstrip())
            parts.append((at + lead, at + len(part.rstrip())))
            at += len(part) + 1
    found = _cut_at_bodies(doc, found, bodies, parts, sents.text)
    # a unit written as one word is one name, whatever NER cut it into ("Centre-Nord": not "Nord")
    words = [(s, e) for s, e in parts if e > s and not any(ch.isspace() for ch in sents.text[s:e])]
    found = [m for m in found
             if not any(s <= m.span[0] and m.span[1] <= e and m.span != (s, e) for s, e in words)]
    taken = _Taken()
    for m in found:
        taken.add(m.span)
    out = list(found)
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None or taken.overlaps((start, end)) or not lexicon.is_place_word(sents.text[start:end]):
            continue
        out.append(_mention(span, HIERARCHY, (start, end), sents, locative=False))
        taken.add((start, end))
    inside = [replace(m, admin_cue=True, source=HIERARCHY if m.source == BARE else m.source)
              if any(b[0] <= m.span[0] and m.span[1] <= b[1] for b in bodies) else m for m in out]
    return sorted(inside, key=lambda m: m.span)


def _cut_at_bodies(doc: Any, found: list[Mention], bodies: list[Span], parts: list[Span],
                   text: str) -> list[Mention]:
    """``found`` without the entities NER ran across a written hierarchy ("Zorglubia (Koro, Mopti" read as
    one organisation): one that starts before a parenthesis and ends inside it is the name before the
    parenthesis; one inside a parenthesis across its commas is left out, so that each unit is a mention."""
    out = []
    for m in found:
        body = next(((s, e) for s, e in bodies if m.span[0] < e and s < m.span[1]), None)
        if body is None or any(s <= m.span[0] and m.span[1] <= e for s, e in parts):
            out.append(m)
            continue
        if m.span[0] >= body[0]:
            continue  # across the units' commas: each unit is found on its own
        end = m.span[0] + len(text[m.span[0]:body[0]].rstrip(" (\t"))
        span = doc.char_span(m.span[0], end, alignment_mode="contract") if end > m.span[0] else None
        if span is not None and len(span):
            out.append(replace(m, text=text[m.span[0]:end], span=(m.span[0], end), tokens=(span.start, span.end)))
    return out


ANAPHOR = "ANAPHOR"  # a noun phrase naming a place again ("dans cette ville", "in the latter")
_ANAPHORS = shipped().union("places", "place_anaphors")
# weekdays and months, which the NER may join to the name before them ("l'Aube samedi")
_DATE_WORDS = frozenset(w.lower() for key in ("weekdays", "months") for w in shipped().union("dates", key))
_LATTER = shipped().union("places", "latter_anaphors")
_ANAPHOR_RE = re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(
    re.escape(p).replace("\\ ", r"\s+") for p in sorted(_ANAPHORS | _LATTER, key=lambda p: (-len(p), p)))),
    re.IGNORECASE)
ANAPHOR_SENTENCES = 2  # the antecedent is named in the anaphor's sentence or the two before


def anaphor_mentions(doc: Any, sents: Sentences) -> list[tuple[Mention, bool]]:
    """Located anaphors of places ("dans cette ville", "in the latter"), each with whether it means the
    last place named (``latter_anaphors``) rather than the only one."""
    out = []
    text, lowered = sents.text, ignorecase_lowered(sents.text)
    fast = case_blind(_ANAPHOR_RE) if lowered is not None else None
    # the lower-cased text scanned without IGNORECASE when that finds the same (twice as fast)
    hits = (_ANAPHOR_RE.finditer(text) if fast is None or lowered is None
            else (_ANAPHOR_RE.match(text, hit.start()) for hit in fast.finditer(lowered)))
    for m in hits:
        if m is None:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        mention = _mention(span, ANAPHOR, m.span(), sents)
        if mention.locative:
            out.append((mention, " ".join(m.group(0).lower().split()) in _LATTER))
    return out


class _Taken:
    """The char spans already given to a mention. They never overlap one another (a span is added
    only when it overlaps none), so sorted by start they are sorted by end too, and a new span
    overlaps one of them iff it overlaps the last one starting before its end: a bisection instead
    of a scan of every mention of the article."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, span: Span) -> bool:
        k = bisect.bisect_left(self._starts, span[1])  # the spans before k start before ``span`` ends
        return k > 0 and self._ends[k - 1] > span[0]

    def add(self, span: Span) -> None:
        k = bisect.bisect_left(self._starts, span[0])
        self._starts.insert(k, span[0])
        self._ends.insert(k, span[1])


def _bare_propns(sents: Sentences) -> list[Any]:
    """Proper-noun runs outside any entity: the resolver keeps them only for major places."""
    runs: list[list[int]] = []  # maximal runs [start, end) of bare proper nouns, in order
    for i in sents.bare:
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return [sents.doc[start:end] for start, end in runs]


def _taken_propns(sents: Sentences) -> list[Any]:
    """The proper noun a verb of taking or striking has for object ("prendre al-Raï", "ont repris
    Jarablus", "captured Manbij"), which NER may miss: a place in war reporting. It still has to
    resolve, and a small town only in a country the article names."""
    doc, propn, n = sents.doc, sents.propn, len(sents.propn)
    out, last = [], -1
    for i in sents.propns:
        tok = doc[i]
        if i <= last or tok.dep_ not in ("obj", "dobj") or not tok.is_alpha \
                or tok.head.lemma_.lower() not in TAKE_VERBS:
            continue
        start = i
        if i >= 2 and sents.hyphen[i - 1] and doc[i - 2].lower_ in ARABIC_ARTICLES:
            start = i - 2  # "al-Raï": the parser reads "al" as a noun
        while start > last + 1 and propn[start - 1] and doc[start - 1].head.i == i:
            start -= 1  # "raided San Pedro Zorglub": the name's first words hang on its last
        end = i
        while end < n and (propn[end] or sents.hyphen[end]):
            end += 1
        out.append(doc[start:end])
        last = end - 1
    return out


def _located_propns(sents: Sentences) -> list[Any]:
    """Proper-noun runs right after a locative preposition ("à Hilla", "near\nX" across a line break of
    hard-wrapped copy) or the genitive of a place noun or building ("the community center of X"), which
    NER may miss."""
    propn, lower, n = sents.propn, sents.lower, len(sents.propn)
    out = []
    for first in sents.propns:  # the tokens after a locative that are proper nouns, in order
        before = _word_before(first, sents)
        if first == 0 or before < 0 or propn[first - 1]:
            continue
        if lower[before] not in _LOCATIVE_IDS and not _named_place_noun(sents.doc[first:first + 1], sents):
            continue
        end = first
        while end < n and (propn[end] or sents.hyphen[end]):
            end += 1
        out.append(sents.doc[first:end])
    return out


class Sentences:
    """Per-document facts computed once and passed down: the text, sentence bounds (token and char
    indices) and the token attributes the stage reads (``doc.text``, ``doc.sents`` and ``for tok in
    doc`` each walk the whole doc on every call).

    The attributes come from one ``Doc.to_array`` matrix, tested with numpy and turned into lists
    column by column: ``tolist()`` on the whole matrix (a list per token) took a fifth of the stage."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)  # computed once: Doc.text joins every token
        self.folded = fold_aligned(self.text)  # offsets kept: one char per char
        rows = doc.to_array(_ATTRS)  # a numpy matrix, one row per token (none for an empty doc)
        propn = rows[:, 1] == PROPN
        self.propn: list[bool] = propn.tolist()
        # a line break of hard-wrapped copy ("community center of\nX") is a token of its own: skipped
        self.space: list[bool] = (rows[:, 1] == SPACE).tolist()
        self.propns: list[int] = propn.nonzero()[0].tolist()  # the proper nouns' indices
        self.bare: list[int] = (propn & (rows[:, 2] == _IOB_OUTSIDE)).nonzero()[0].tolist()  # those outside entities
        self.lower: list[int] = rows[:, 3].tolist()  # string ids: see ``_LOCATIVE_IDS``
        self.hyphen: list[bool] = (rows[:, 4] == _HYPHEN_ID).tolist()
        self.alpha: list[int] = rows[:, 6].tolist()
        self.starts: list[int] = (rows[:, 0] == 1).nonzero()[0].tolist() or [0]
        if self.starts[0] != 0:
            self.starts.insert(0, 0)
        ends = [*self.starts[1:], len(doc)]
        self.bounds: list[tuple[int, int]] = list(zip(self.starts, ends, strict=True)) if len(doc) else []
        self.char_starts: list[int] = rows[[s for s, _ in self.bounds], 5].tolist()
        self.char_ends: list[int] = [self.end_char(end) for _, end in self.bounds]

    def index(self, token: int) -> int:
        """The number of the sentence holding ``token`` (in ``bounds``)."""
        return bisect.bisect_right(self.starts, token) - 1

    def of(self, token: int) -> tuple[int, int]:
        """Token bounds [start, end) of the sentence holding ``token``."""
        k = self.index(token)
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return self.starts[k], end

    def end_char(self, end: int) -> int:
        """The char end of a sentence whose token bounds end at ``end``."""
        last = self.doc[end - 1]
        return int(last.idx + len(last.text))


def _division_parts(ent: Any, sents: Sentences) -> list[Any]:
    """An entity NER ran over a name and the division written after it with a comma ("near Florencia,
    Caqueta Department" as one organisation): the name and the division, each a mention of its own (the
    division after a located name is located too); any other entity whole."""
    lower = sents.lower
    if len(ent) < 4 or lower[ent.end - 1] not in _ADMIN_IDS:
        return [ent]
    commas = [t.i for t in ent[1:-2] if t.text == ","]
    if not commas:
        return [ent]
    doc, k = ent.doc, commas[-1]
    return [doc[ent.start:k], doc[k + 1:ent.end]]


def _entity_mention(ent: Any, label: str, sents: Sentences) -> Mention | None:
    if label not in _LABELS:
        return None
    inner = _inner_genitive(ent) if label == "MISC" else None
    genitive = inner is not None
    span = _trim_leading(_after_inner_locative(ent, sents) if label in WEAK_LABELS else ent)
    if inner is not None and span.start == ent.start:
        span = inner
    text = sents.text[span.start_char:span.end_char]  # ``span.text``, without joining its tokens again
    if not text or not (text[0].isupper() or _ARTICLE_NAME.match(text)):
        return None  # "américains", "en mars": demonyms and common words are lower-case in French
    if _is_based(span, sents.text):
        return None  # "a Britain-based monitor": where the monitor sits, not where anything happened
    locative = is_locative(span, sents.of(span.start)[0], sents)
    if (label in WEAK_LABELS and not locative and not genitive and not has_admin_cue(span, sents)
            and not _named_place_noun(span, sents) and not _located_conjunct(span, sents)):
        return None  # a person's or an organisation's name, unless a place word says it ("Koro district")
    mention = _mention(span, label, (span.start_char, span.end_char), sents, locative)
    if span.start > 0 and sents.lower[span.start - 1] in _PEOPLE_IDS:
        mention = replace(mention, person_article=True)
    elif span.start > 0 and (sents.lower[span.start - 1] in _REGION_ARTICLE_IDS or _split_elision(span, sents)):
        mention = replace(mention, region_article=True)
    return mention


_APOSTROPHES = frozenset("'’")


def _split_elision(span: Any, sents: Sentences) -> bool:
    """"dans l' Oregon": an elided article written apart from its name, which the parser splits into
    "l" and a lone apostrophe; it is the article "l'" all the same."""
    if span.start < 2 or sents.doc[span.start - 1].text not in _APOSTROPHES:
        return False
    return get_string_id(sents.doc[span.start - 2].lower_ + "'") in _REGION_ARTICLE_IDS


def _is_based(span: Any, text: str) -> bool:
    """"Britain-based", "Britain based": the next two tokens, joined, start with "-based"/"based"
    (``BASED_WORDS``).

    The next token starts at the span's end or one space after it: without '-' or the first letter
    of a ``BASED_WORDS`` word in those two characters of ``text`` (the doc's text, lower-cased) the
    tokens need not be read at all (most names)."""
    after = text[span.end_char:span.end_char + 2].lower()
    if not any(ch in _BASED_CHARS for ch in after):
        return False
    doc = span.doc
    following = "".join(t.text for t in doc[span.end:span.end + 2]).lower()
    return following.startswith(_BASED)


def _inner_genitive(ent: Any) -> Any | None:
    """"attentat de Kayseri", "bataille d'Alep" (MISC) -> the capitalised name after "de"/"of": the
    event's place complement (used for an event only in that role, see places.context)."""
    inner = [t.i for t in ent[1:-1] if t.lower_ in GENITIVE_WORDS and t.i + 1 < ent.end]
    if not inner or ent[0].pos_ == "PROPN" or not ent.doc[inner[-1] + 1].text[:1].isupper():
        return None  # "Front de libération du Kurdistan" names a group: only "attentat de X" counts
    return ent.doc[inner[-1] + 1:ent.end]


def _after_inner_locative(ent: Any, sents: Sentences) -> Any:
    """"Attentats à Aden" (MISC) -> "Aden": the part after a locative preposition inside the entity."""
    inner = [i for i in range(ent.start, ent.end - 1) if sents.lower[i] in _LOCATIVE_IDS]
    return ent.doc[inner[-1] + 1:ent.end] if inner else ent


def _trim_leading(ent: Any) -> Any:
    """Drop a leading article or elision the NER swallowed ("l'Irak" -> "Irak"), or a French "A" (the
    preposition "À" without its accent: "A Lyon"), a trailing English possessive ("San Salvador's" ->
    "San Salvador"), and trailing weekdays and months ("l'Aube samedi" -> "Aube")."""
    span = ent
    while len(span) > 1 and _LEADING.match(span[0].text + " "):
        span = span[1:]
    # "A Lyon" as one entity: the preposition written without its accent ("À") opening the sentence
    if len(span) > 1 and span[0].text in CAPITAL_LOCATIVES.get(span.doc.lang_, ()) and _opens(span[0]):
        span = span[1:]
    if len(span) > 1 and span[-1].text in _POSSESSIVES:
        span = span[:-1]
    while len(span) > 1 and span[-1].lower_ in _DATE_WORDS:  # "dans l'Aube samedi" read as one name
        span = span[:-1]
    return span


def _mention(span: Any, source: str, chars: Span, sents: Sentences, locative: bool | None = None) -> Mention:
    """The mention of ``span`` (``locative``: ``is_locative`` of it, when the caller has it)."""
    k = sents.index(span.start)
    if locative is None:
        locative = is_locative(span, sents.starts[k], sents)
    admin_cue = has_admin_cue(span, sents)
    if not locative and admin_cue:
        locative = after_located_name(span, sents.starts[k], sents)
    # ``span.root`` (a walk up the tree) only matters for a name no preposition governs.
    subject = not locative and span.root.dep_ in SUBJECT_DEPS
    return Mention(text=sents.text[chars[0]:chars[1]], span=chars, tokens=(span.start, span.end),
                   sentence=(sents.char_starts[k], sents.char_ends[k]), source=source, locative=locative,
                   subject=subject, admin_cue=admin_cue)


def mention_of(span: Any, source: str, sents: Sentences) -> Mention:
    """The mention of a span of tokens found by another rule (``places.relative``)."""
    return _mention(span, source, (span.start_char, span.end_char), sents)


def _named_place_noun(span: Any, sents: Sentences) -> bool:
    """The name of a place noun: "the market of Kaya", "le village de Zorglub", "the clinic of X" (a
    genitive word right before the name, a ``place_nouns`` or ``facility_heads`` word right before it)."""
    of = _word_before(span.start, sents)
    noun = _word_before(of, sents) if of >= 0 else -1
    return noun >= 0 and sents.lower[of] in _GENITIVE_IDS and sents.lower[noun] in _PLACE_NOUN_IDS


def _located_conjunct(span: Any, sents: Sentences) -> bool:
    """The second of two names a locative preposition governs together ("raids in Madrid and Tangier",
    where the small English model reads "Tangier" as an organisation): "and" (``list_words``) right before
    it, and right before that a proper-noun run after a locative preposition."""
    i = span.start - 1
    start = sents.of(span.start)[0]
    if i <= start or sents.lower[i] not in _LIST_IDS:
        return False
    j = i - 1
    while j >= start and sents.propn[j]:
        j -= 1
    return j < i - 1 and is_locative(sents.doc[j + 1:i], start, sents)


def after_located_name(span: Any, sentence_start: int, sents: Sentences) -> bool:
    """A division written after a comma and a located name ("in Zorglubia, Mopti region", "à
    Zorglubia, département de Say"): it says where that name is, so it is located too."""
    i = span.start - 1
    if i <= sentence_start or sents.doc[i].text != ",":
        return False
    j = i - 1
    while j >= sentence_start and sents.propn[j]:
        j -= 1
    return j < i - 1 and is_locative(sents.doc[j + 1:i], sentence_start, sents)


def is_locative(span: Any, sentence_start: int, sents: Sentences) -> bool:
    """A locative preposition before the name, possibly across articles and direction words."""
    lower, space = sents.lower, sents.space  # string ids: see ``_LOCATIVE_IDS``
    i = span.start - 1
    lo = max(sentence_start, span.start - 6)
    while i >= lo:
        word = lower[i]
        if word in _LOCATIVE_IDS or (word in _CAPITAL_LOCATIVE_IDS and _capital_locative(i, sentence_start, sents)):
            return True
        if space[i]:  # a line break of hard-wrapped copy ("near\nX")
            lo = max(sentence_start, lo - 1)
        elif word not in _BRIDGE_IDS:
            return False
        i -= 1
    return False


def _capital_locative(i: int, sentence_start: int, sents: Sentences) -> bool:
    """"A Lyon, la police a ...": a capital written without its accent (``capital_locatives``: French
    "A" for "À") opening a sentence or a line is the locative preposition, whatever the tagger made of it
    (the verb "a" is lower-case there)."""
    if sents.doc[i].text not in CAPITAL_LOCATIVES.get(sents.doc.lang_, ()):
        return False
    before = _word_before(i, sents)
    return i == sentence_start or before < 0 or before < i - 1 or sents.doc[before].text in (".", "!", "?", ":")


def _opens(token: Any) -> bool:
    """The token opens a sentence or a line."""
    i = token.i
    if i == 0 or token.is_sent_start:
        return True
    before = token.doc[i - 1]
    return bool(before.is_space) or before.text in (".", "!", "?", ":")


def _word_before(i: int, sents: Sentences) -> int:
    """The index of the last token before ``i`` that is not a line break (-1 when none)."""
    i -= 1
    while i >= 0 and sents.space[i]:
        i -= 1
    return i


def has_admin_cue(span: Any, sents: Sentences) -> bool:
    """An administrative word among the three words before the name or right after it ("province
    d'Idleb", "Idlib province"), or ending the name NER found ("La Libertad Department" as one
    organisation)."""
    lower = sents.lower  # string ids: see ``_LOCATIVE_IDS``
    before = lower[max(0, span.start - 3):span.start]
    after = lower[span.end] if span.end < len(lower) else None
    own = lower[span.end - 1] if len(span) > 1 else None
    return any(word in _ADMIN_IDS for word in before) or after in _ADMIN_IDS or own in _ADMIN_IDS
