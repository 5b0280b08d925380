"""The active subject of a trigger verb is its agent even when no dictionary knows it; a thing, an act,
a place or a time as subject is not."""

from __future__ import annotations

import pytest

from eventwire.records import Article


def _sources(pipeline, text, lang="en"):
    [res] = pipeline.process([Article(id="u", text=text, language=lang, published="1990-03-05")])
    return {(e.type, e.source.text if e.source else None) for e in res.events if not e.negated}


@pytest.mark.parametrize("text, source", [
    ("The mountain detachment sabotaged a power station in the capital.", "The mountain detachment"),
    ("A rebel column ambushed an army patrol near the border.", "A rebel column"),
])
def test_an_unknown_organisation_subject_is_the_source(rules_pipeline, text, source):
    assert ("ASSAULT", source) in _sources(rules_pipeline, text)


@pytest.mark.parametrize("text, thing", [
    ("The explosion destroyed a power station in the capital.", "The explosion"),
    ("The bomb destroyed a power station in the capital.", "The bomb"),
])
def test_a_thing_or_an_act_as_subject_is_no_source(rules_pipeline, text, thing):
    assert all(src != thing for _, src in _sources(rules_pipeline, text))


@pytest.mark.parametrize("text, lang, vehicle", [
    ("Witnesses said a van rammed into shoppers outside the market on Friday.", "en", "a van"),
    ("Une camionnette a foncé sur des passants devant la gare vendredi.", "fr", "Une camionnette"),
])
def test_a_vehicle_driven_into_people_is_an_attack_with_no_vehicle_source(keep_sourceless_pipeline, text, lang,
                                                                         vehicle):
    found = _sources(keep_sourceless_pipeline, text, lang)
    assert found and {t for t, _ in found} == {"ASSAULT"}, found
    assert all(src != vehicle for _, src in found), found


@pytest.mark.parametrize("text, etype, source", [
    # a counted subject: the people counted act ("une cinquantaine d'agents")
    ("Une quarantaine d'agents bloquent le dépôt de bus depuis lundi.", "PROTEST",
     "agents"),
    # a participle used as a noun, tagged as a verb by the parser
    ("Le principal prévenu a nié toute intention de voler.", "REJECT", "prévenu"),
])
def test_fr_an_unknown_counted_or_participle_subject_is_the_source(rules_pipeline, text, etype, source):
    found = _sources(rules_pipeline, text, "fr")
    assert any(t == etype and src and source in src for t, src in found), found


def test_fr_counted_things_are_no_source(rules_pipeline):
    found = _sources(rules_pipeline, "Une dizaine de camions bloquent le dépôt de bus.", "fr")
    assert all(src is None or "camions" not in src for _, src in found), found


def test_fr_a_participle_used_as_a_noun_is_no_act(rules_pipeline):
    [res] = rules_pipeline.process([Article(id="u", text="Le principal prévenu a nié toute intention de voler.",
                                            language="fr", published="1990-03-05")])
    assert not [e for e in res.events if e.type == "THREATEN"]
    assert [r for r in res.rejections if r.trigger.text == "prévenu" and "participle used as a noun" in r.reason]
