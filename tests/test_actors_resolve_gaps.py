"""Resolver gaps found by the coder and QA: "the US" as a noun, regimes, government forces,
appositions defining a named group, "ex"/"former" before a name, the US-led coalition,
the Gilets jaunes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actors import resolver_for


@pytest.fixture(scope="module")
def en(resources):
    return resolver_for(resources, "en")


@pytest.fixture(scope="module")
def fr(resources):
    return resolver_for(resources, "fr")


def _subject(doc):
    tok = next(t for t in doc if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"))
    return doc[tok.left_edge.i:tok.right_edge.i + 1]


def _at(doc, word):
    tok = next(t for t in doc if t.text == word)
    return doc[tok.left_edge.i:tok.right_edge.i + 1]


def _key(actor):
    assert actor is not None
    return actor.name, actor.country, actor.sector


@pytest.mark.parametrize("sentence", [
    "The US rejected the proposal on Monday.",
    "the U.S. said it would send more ships.",
    "US warned Tehran against any retaliation.",
])
def test_actors_gaps_us_as_a_noun(nlp_en, en, sentence):
    assert _key(en.resolve(_subject(nlp_en(sentence)), published="2020-01-05")) == (
        "United States", "USA", "GOV")


def test_actors_gaps_us_keeps_its_dots(nlp_en, en):
    doc = nlp_en("Later the U.S. said it would send more ships.")
    actor = en.resolve(_subject(doc))
    assert (actor.text, actor.span) == ("U.S.", (10, 14))


def test_actors_gaps_us_in_a_coordination(nlp_en, en):
    doc = nlp_en("Washington and the US Congress disagreed, but Moscow and the US agreed.")
    us = [t for t in doc if t.text == "US"][-1]
    assert _key(en.resolve(doc[us.i - 1:us.i + 1])) == ("United States", "USA", "GOV")


@pytest.mark.parametrize("phrase", ["Assad's regime", "the Syrian regime", "the regime of Syria",
                                    "the regime of Bashar al-Assad", "the Assad regime"])
def test_actors_gaps_regime_en(nlp_en, en, phrase):
    assert _key(en.resolve(nlp_en(phrase)[:], published="2016-05-01")) == ("Syria", "SYR", "GOV")


@pytest.mark.parametrize("phrase", ["le régime syrien", "le régime de Bachar al-Assad", "le régime de Damas"])
def test_actors_gaps_regime_fr(nlp_fr, fr, phrase):
    assert _key(fr.resolve(nlp_fr(phrase)[:], published="2016-05-01")) == ("Syria", "SYR", "GOV")


def test_actors_gaps_regime_in_a_sentence_fr(nlp_fr, fr):
    doc = nlp_fr("Le régime de Bachar al-Assad a repris le quartier après trois jours de combats.")
    actor = fr.resolve(_at(doc, "régime"), published="2016-05-01")
    assert _key(actor) == ("Syria", "SYR", "GOV")


def test_actors_gaps_leader_names_the_government(nlp_en, en):
    actor = en.resolve(nlp_en("Putin's government")[:], published="2019-01-01")
    assert _key(actor) == ("Russian government", "RUS", "GOV")


def test_actors_gaps_bare_regime_is_no_actor(nlp_en, en):
    assert en.resolve(nlp_en("the regime")[:]) is None


@pytest.mark.parametrize("phrase", ["government troops", "government forces", "pro-government forces"])
def test_actors_gaps_government_forces_en(nlp_en, en, phrase):
    actor = en.resolve(nlp_en(phrase)[:])
    assert actor.sector == "MIL" and actor.country is None
    assert "government" in actor.text.lower()


@pytest.mark.parametrize("phrase, name", [("les forces gouvernementales", "forces"),
                                          ("les troupes loyalistes", "forces"),
                                          ("l'armée régulière", "army")])
def test_actors_gaps_government_forces_fr(nlp_fr, fr, phrase, name):
    actor = fr.resolve(nlp_fr(phrase)[:])
    assert _key(actor) == (name, None, "MIL")
    assert phrase.endswith(actor.text) and " " in actor.text      # not truncated to the noun


@pytest.mark.parametrize("lang, phrase, key", [
    ("en", "Syrian government forces", ("Syria", "SYR", "MIL")),
    ("en", "Iraqi government troops", ("Iraq", "IRQ", "MIL")),
    ("fr", "les forces gouvernementales syriennes", ("Syria", "SYR", "MIL")),
    ("fr", "les troupes loyalistes syriennes", ("Syria", "SYR", "MIL")),
    ("fr", "l'armée régulière syrienne", ("Syria", "SYR", "MIL")),
])
def test_actors_gaps_government_forces_with_country(nlp_en, nlp_fr, en, fr, lang, phrase, key):
    nlp, resolver = (nlp_en, en) if lang == "en" else (nlp_fr, fr)
    assert _key(resolver.resolve(nlp(phrase)[:])) == key


def test_actors_gaps_apposition_en(nlp_en, en):
    doc = nlp_en("The Hashd al-Shaabi, a coalition of Shiite militias, took the town last week.")
    for part in (_subject(doc), _at(doc, "coalition")):
        assert _key(en.resolve(part)) == ("Popular Mobilization Forces", "IRQ", "REB")
    names = [a.name for a in en.mentions(doc)]
    assert "international coalition" not in names


def test_actors_gaps_apposition_fr(nlp_fr, fr):
    doc = nlp_fr("Le Hachd al-Chaabi, coalition de milices chiites armées par Téhéran, "
                 "a annoncé la reprise de la localité.")
    assert _key(fr.resolve(_at(doc, "coalition"))) == ("Popular Mobilization Forces", "IRQ", "REB")
    names = [a.name for a in fr.mentions(doc)]
    assert "Popular Mobilization Forces" in names and "international coalition" not in names


def test_actors_gaps_plain_coalition_stays_generic(nlp_fr, fr):
    doc = nlp_fr("La coalition a frappé trois positions.")
    assert fr.resolve(_subject(doc)).name == "international coalition"


@pytest.mark.parametrize("lang, sentence, name", [
    ("en", "The opposition coalition boycotted the vote.", "opposition"),
    ("fr", "Une coalition rebelle a pris la ville.", "rebels"),
    ("en", "The coalition bombed the jihadists near the town.", "international coalition"),
])
def test_actors_gaps_coalition_of_a_kind_is_that_kind(nlp_en, nlp_fr, en, fr, lang, sentence, name):
    # a coalition named by its members' kind right next to it is that kind, not the international one
    nlp, resolver = (nlp_en, en) if lang == "en" else (nlp_fr, fr)
    assert resolver.resolve(_subject(nlp(sentence))).name == name


@pytest.mark.parametrize("lang, sentence", [
    ("fr", "L'ex Front al-Nosra a lancé une offensive."),
    ("fr", "L'ex-Front al-Nosra a lancé une offensive."),
    ("en", "The former al-Nusra Front launched an offensive."),
])
def test_actors_gaps_former_name(nlp_en, nlp_fr, en, fr, lang, sentence):
    nlp, resolver = (nlp_en, en) if lang == "en" else (nlp_fr, fr)
    assert _key(resolver.resolve(_subject(nlp(sentence)))) == ("al-Nusra Front", "SYR", "REB")


@pytest.mark.parametrize("lang, sentence", [
    ("fr", "La coalition menée par les États-Unis a frappé un dépôt."),
    ("fr", "La coalition emmenée par Washington a frappé un dépôt."),
    ("en", "The US-led coalition struck a depot."),
    ("en", "The U.S.-led coalition struck a depot."),
])
def test_actors_gaps_us_led_coalition(nlp_en, nlp_fr, en, fr, lang, sentence):
    nlp, resolver = (nlp_en, en) if lang == "en" else (nlp_fr, fr)
    actor = resolver.resolve(_subject(nlp(sentence)))
    assert actor.kb_id == "anti-is-coalition" and actor.sector == "IGO"


@pytest.mark.parametrize("sentence", ["Les Gilets jaunes ont de nouveau manifesté samedi.",
                                      "Des gilets jaunes ont bloqué un rond-point."])
def test_actors_gaps_gilets_jaunes(nlp_fr, fr, sentence):
    actor = fr.resolve(_subject(nlp_fr(sentence)))
    assert _key(actor) == ("Yellow Vests", "FRA", "PRO")
    assert actor.text.lower() == "gilets jaunes"
