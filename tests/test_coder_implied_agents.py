"""An act that implies its agent keeps one when the text names none: an arrest is the police's, a
conviction the judiciary's — marked ``inferred: "implied"``; a state named by the phrase still wins."""

from __future__ import annotations

import pytest

from eventwire.records import Article


def _coded(pipeline, text):
    [res] = pipeline.process([Article(id="i", text=text, language="fr", published="2024-03-05")])
    return res.events


@pytest.mark.parametrize("text, etype, name, sector", [
    ("Un militant a été interpellé à Lyon samedi.", "COERCE", "police", "COP"),
    ("L'ancien maire a été condamné à deux ans de prison ferme.", "SANCTION", "judiciary", "JUD"),
])
def test_an_agentless_arrest_or_conviction_has_its_implied_agent(pipeline, text, etype, name, sector):
    [ev] = [e for e in _coded(pipeline, text) if e.type == etype]
    assert ev.source is not None and (ev.source.name, ev.source.sector, ev.source.inferred) == (name, sector, "implied")
    assert ev.to_dict()["source"]["inferred"] == "implied"  # the record says it was not in the text


def test_a_named_agent_is_kept(pipeline):
    [ev] = [e for e in _coded(pipeline, "Un militant a été interpellé par les gendarmes à Lyon.")
            if e.type == "COERCE"]
    assert ev.source is not None and ev.source.inferred is None and "gendarmes" in ev.source.text


@pytest.mark.parametrize("text, lang, state", [
    ("Kenya on Monday freed 12 Somali traders arrested at the border in March.", "en", "KEN"),
    ("Le Sénégal a expulsé vendredi trois ressortissants gambiens arrêtés à Ziguinchor.", "fr", "SEN"),
])
def test_people_held_and_then_freed_or_sent_away_by_a_state_were_arrested_by_it(rules_pipeline, text, lang, state):
    from _coder import coded
    arrests = coded(rules_pipeline, text, lang, "COERCE")
    assert arrests and arrests[0].source is not None and arrests[0].source.country == state


def test_people_freed_by_rebels_were_not_arrested_by_them(rules_pipeline):
    from _coder import coded
    arrests = coded(rules_pipeline, "The rebels freed two soldiers arrested in March.", "en", "COERCE")
    assert all(e.source is None or e.source.name != "rebels" for e in arrests)
