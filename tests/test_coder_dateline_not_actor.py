"""A wire dateline ("DAKAR (AFP) - ") is not an actor: the subject is the noun phrase after it; a
hyphenated name opening a sentence is no dateline."""

from __future__ import annotations

import pytest

from _coder import processed
from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, lang, etype, words", [
    ("DAKAR (AFP) - Senegalese police fired tear gas at protesters in the capital on Monday.", "en", "COERCE",
     "Senegalese police"),  # tear gas to disperse a crowd: COERCE (the lexicon's "fire tear gas")
    ("KABUL (Reuters) - Afghan police arrested two suspects on Monday.", "en", "COERCE", "Afghan police"),
    ("BAMAKO (AFP) - L'armée malienne a arrêté trois officiers mardi.", "fr", "COERCE", "armée malienne"),
])
def test_a_dateline_is_not_the_subject(rules_pipeline, text, lang, etype, words):
    # a hyphen inside a name at the start of a sentence is no dateline: see the last test
    ev = next(e for e in processed(rules_pipeline, text, lang) if e.type == etype)
    assert ev.source is not None and ev.source.text == words and ev.source.span[0] > text.index(" - ")


def test_a_hyphenated_name_opening_a_sentence_is_no_dateline(rules_pipeline):
    text = "L'ex Jabhat al-Nosra et Ahrar al-Cham ont formé une nouvelle alliance militaire."
    evs = processed(rules_pipeline, text, "fr")
    sources = {e.source.name for e in evs if e.type == "COOPERATE" and e.source is not None}
    assert "al-Nusra Front" in sources


@pytest.mark.parametrize("text, etype, name", [
    ("JAKARTA - Indonesia on Friday released 12 Malaysian sailors and returned their ship, officials said.",
     "RETREAT", "Indonesia"),
    ("JAKARTA - Indonesia on Monday expelled two Australian journalists, the immigration office said.",
     "COERCE", "Indonesia"),
])
def test_a_dateline_read_as_the_subject_gives_way_to_its_apposition(rules_pipeline, text, etype, name):
    # the parser makes the dateline the subject and the real subject its apposition
    ev = next(e for e in processed(rules_pipeline, text, "en") if e.type == etype)
    assert ev.source is not None and ev.source.name == name


def test_an_entity_running_from_the_dateline_starts_after_it(pipeline):
    # the NER reads "KATHMANDU - The Communist Party of Nepal" as one organisation: the dateline is cut off
    text = "KATHMANDU - The Communist Party of Nepal said on Monday it would back the new coalition government."
    doc = pipeline.analyze(Article(id="t", text=text, language="en", published="2020-01-06")).doc
    orgs = [e.text for e in doc.ents if "Party" in e.text]
    assert orgs and all(not o.startswith("KATHMANDU") for o in orgs)
    assert all(not (a.text or "").startswith("KATHMANDU") for a in
               (e.source for e in processed(pipeline, text, "en")) if a is not None)


@pytest.mark.parametrize("text, lang, words", [
    ("09:12 - Public school teachers blocked the main avenue on Monday.", "en", "Public school teachers"),
    ("14h05 - Des agriculteurs ont bloqué le périphérique de Nantes.", "fr", "Des agriculteurs"),
])
def test_a_live_blog_time_stamp_is_no_part_of_the_subject(pipeline, text, lang, words):
    ev = next(e for e in processed(pipeline, text, lang) if e.type == "PROTEST")
    assert ev.source is not None and ev.source.text == words


@pytest.mark.parametrize("text, etype, words", [
    # a monitoring service's note after the dateline is no subject (the parser makes it one); a story filed
    # from two cities ("AMMAN/DAMASCUS, March 3 - "): test_wire_dateline
    ("Lima, 9 Mar 91 (Radio Nacional) -- [Excerpt] Senator Ana Ruiz Cuadros of the Workers Front (FT) today "
     "called on the government to freeze fuel prices.", "REQUEST", "Senator Ana Ruiz Cuadros"),
])
def test_a_monitors_note_is_no_subject(rules_pipeline, text, etype, words):
    ev = next(e for e in processed(rules_pipeline, text, "en") if e.type == etype)
    assert ev.source is not None and ev.source.text == words and ev.source.span[0] > text.index(" -")
