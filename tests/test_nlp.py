"""spaCy loading: once per process, and a line break always ends a sentence."""

from __future__ import annotations

import json

import pytest

from _shared import CORPUS
from eventwire import nlp as _nlp
from eventwire.errors import ModelError
from eventwire.text import doc_text


def test_nlp_loads_once_per_process(pipeline):
    assert pipeline.nlp("fr") is pipeline.nlp("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_nlp_line_break_starts_a_sentence(pipeline, lang):
    text = {"fr": "Le Parlement a voté une résolution\nLes forces américaines sont arrivées à la base.",
            "en": "Parliament voted a resolution\nUS forces arrived at the base."}[lang]
    doc = pipeline.nlp(lang)(text)
    assert all("\n" not in s.text.strip() for s in doc.sents)
    assert len(list(doc.sents)) == 2


def test_nlp_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no spaCy model installed for 'xx'"):
        _nlp.model_name("xx", ("xx_no_such_model_sm",))


def test_doc_text_is_built_once(pipeline):
    doc = pipeline.nlp("fr")("Le gouvernement a rappelé son ambassadeur.\nLa crise continue.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # kept: spaCy's Doc.text would build a new string


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemma_index_as_sets_gives_the_stock_lemmas(pipeline, lang):
    """eventwire's lemmatizer index is a set where the model ships a list: the lemmas must not move."""
    import spacy

    ours = pipeline.nlp(lang)
    stock = spacy.load(ours.meta["lang"] + "_" + ours.meta["name"], exclude=[])
    if lang == "fr":  # a corpus article that is in no evaluation set
        text = next(json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()
                    if json.loads(line)["id"] == "wikinews-fr-2016_06_14-006")
    else:
        text = ("Protesters blocked the main roads leading to the capital on Tuesday, and the police "
                "arrested dozens of them. The interior ministry said the detained men were being questioned; "
                "opposition leaders called the arrests unlawful and vowed to keep marching.")
    table = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in table.values())
    assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in stock(text)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sentence_is_the_tokens_sent_from_an_index(pipeline, lang):
    """``text.sentence(token)``: the bounds of ``token.sent``, from an index built once per document
    (the same ``Span`` object for every token of a sentence)."""
    from eventwire.text import sentence

    text = {"fr": "Le ministre a parlé. Il est parti hier soir !\n\nLa suite vient ici\nEt la fin.",
            "en": "The minister spoke. He left last night!\n\nMore follows here\nAnd the end."}[lang]
    doc = pipeline.nlp(lang)(text)
    assert all((sentence(t).start, sentence(t).end) == (t.sent.start, t.sent.end) for t in doc)
    assert len({id(sentence(t)) for t in doc}) == len(list(doc.sents)) >= 4


def test_hyphened_names_are_one_word_before_the_parse(pipeline):
    """French: a run of capitalised words joined by hyphens ("Royaume-Uni", "Seine-Saint-Denis") is one
    token for the tagger and the parser, as the tokenizer's own exceptions ("États-Unis") are; Arabic
    names with their article ("al-Nosra") and words after a hyphen in lower case stay as cut."""
    text = ("Le Royaume-Uni et les Pays-Bas ont dénoncé dimanche les tirs à Seine-Saint-Denis et Lille-sud ; "
            "celle-ci accuse le Front al-Nosra.")
    doc = pipeline.nlp("fr")(text)
    words = [t.text for t in doc]
    assert {"Royaume-Uni", "Pays-Bas", "Seine-Saint-Denis"} <= set(words)
    assert "al-Nosra" not in words and "Nosra" in words and "Lille-sud" not in words
    assert doc.text == text
    subject = next(t for t in doc if t.text == "Royaume-Uni")
    assert subject.dep_ == "nsubj" and subject.head.lemma_ == "dénoncer"
    assert _nlp.HYPHENED_NAMES not in pipeline.nlp("en").pipe_names
