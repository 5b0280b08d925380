"""ActorResolver on English noun phrases."""

from __future__ import annotations

import pytest

from eventwire.actors import resolver_for


@pytest.fixture(scope="module")
def resolver(resources):
    return resolver_for(resources, "en")


def _resolve(nlp_en, resolver, phrase, published="2020-11-05"):
    return resolver.resolve(nlp_en(phrase)[:], published=published)


@pytest.mark.parametrize("phrase, name, country, sector", [
    ("the Iraqi government", "Iraqi government", "IRQ", "GOV"),
    ("US troops", "United States", "USA", "MIL"),
    ("Russian jets", "Russia", "RUS", "MIL"),
    ("Israeli soldiers", "Israel", "ISR", "MIL"),
    ("Turkish police", "Turkish police", "TUR", "COP"),
    ("the Syrian army", "Syria", "SYR", "MIL"),
    ("Iraqis", "Iraq", "IRQ", "GOV"),
    ("the White House", "United States", "USA", "GOV"),
    ("Downing Street", "United Kingdom", "GBR", "GOV"),
    ("Beijing", "China", "CHN", "GOV"),
    ("the Pentagon", "United States", "USA", "MIL"),
    ("ISIS", "Islamic State", None, "REB"),
    ("the Islamic State group", "Islamic State", None, "REB"),
    ("Hizballah", "Hezbollah", "LBN", "REB"),
    ("the Popular Mobilization Forces", "Popular Mobilization Forces", "IRQ", "REB"),
    ("the UN Security Council", "UN Security Council", None, "IGO"),
    ("gunmen", "gunmen", None, "UAF"),
    ("protesters", "protesters", None, "PRO"),
    ("security forces", "security forces", None, "COP"),
    ("a suicide bomber", "suicide bomber", None, "REB"),
    ("civilians", "civilians", None, "CIV"),
    # states the generated ISO entries named without demonyms or capitals
    ("the Dominican government", "Dominican government", "DOM", "GOV"),
    ("Santo Domingo", "Dominican Republic", "DOM", "GOV"),
    ("the Paraguayan army", "Paraguay", "PRY", "MIL"),
    ("Zambian police", "Zambian police", "ZMB", "COP"),
    ("the Gambian government", "Gambian government", "GMB", "GOV"),
    ("Port Moresby", "Papua New Guinea", "PNG", "GOV"),
])
def test_actors_resolve_en_phrases(nlp_en, resolver, phrase, name, country, sector):
    actor = _resolve(nlp_en, resolver, phrase)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_actors_resolve_en_prime_minister_on_the_article_date(nlp_en, resolver):
    actor = _resolve(nlp_en, resolver, "the Iraqi prime minister", "2019-06-01")
    assert (actor.name, actor.country, actor.text) == ("Adel Abdel Mahdi", "IRQ", "Iraqi prime minister")


def test_actors_resolve_en_possessive_country(nlp_en, resolver):
    actor = _resolve(nlp_en, resolver, "Iran's foreign minister", "2016-01-10")
    assert (actor.name, actor.country) == ("Mohammad Javad Zarif", "IRN")


def test_actors_resolve_en_official_acts_for_state(nlp_en, resolver):
    assert _resolve(nlp_en, resolver, "a US official").country == "USA"
    doc = nlp_en("the spokesman for Asaib Ahl al-Haq, Nadim Sabbagh")
    assert resolver.resolve(doc[:]).name == "Asaib Ahl al-Haq"
    assert resolver.resolve_person(doc[:]).name == "Nadim Sabbagh"


def test_actors_resolve_en_acronym_needs_capitals(nlp_en, resolver):
    assert _resolve(nlp_en, resolver, "us") is None
    assert _resolve(nlp_en, resolver, "the US").name == "United States"


def test_actors_resolve_en_adjectival_country(nlp_en, resolver):
    doc = nlp_en("a US strike")
    assert resolver.resolve(doc[:]) is None
    assert resolver.country_of(doc[:]) == "USA"


def test_actors_resolve_en_modifier_noun_names_the_actor(nlp_en, resolver):
    assert _resolve(nlp_en, resolver, "opposition forces").name == "opposition"


@pytest.mark.parametrize("phrase", ["the base", "the resolution", "the convoy", "new measures"])
def test_actors_resolve_en_non_actors_give_none(nlp_en, resolver, phrase):
    assert _resolve(nlp_en, resolver, phrase) is None


def test_actors_resolve_en_affiliation_from_the_title(nlp_en, resolver):
    doc = nlp_en("Iranian Foreign Minister Mohammad Javad Zarif met Lavrov. Later, Zarif warned Washington.")
    zarif = [t for t in doc if t.text == "Zarif"][-1]
    actor = resolver.affiliation(doc[zarif.i:zarif.i + 1])
    assert (actor.name, actor.country) == ("Iran", "IRN")


def test_actors_resolve_en_unknown_person_with_title(nlp_en, resolver):
    actor = _resolve(nlp_en, resolver, "Serbian President Vojislav Kostunica")
    assert (actor.name, actor.country, actor.sector) == ("Vojislav Kostunica", "SRB", "GOV")
    assert actor.text == "Serbian President Vojislav Kostunica"


def test_actors_resolve_en_apposed_acronym_of_another_country_is_not_the_actor(nlp_en, resolver):
    # an acronym in parentheses spells the phrase before it; that another country's group has the same
    # letters does not make the phrase that group
    actor = _resolve(nlp_en, resolver, "the Burkinabe army (FDS)")
    assert (actor.name, actor.country) == ("Burkina Faso", "BFA")
    assert _resolve(nlp_en, resolver, "the Kurdish-led militia (SDF)").name == "Syrian Democratic Forces"


def test_actors_resolve_en_unknown_name_before_a_group_noun_names_the_group(nlp_en, resolver):
    militia = _resolve(nlp_en, resolver, "the Koglweogo militia")
    assert militia.name == "Koglweogo militia" and militia.sector == _resolve(nlp_en, resolver, "the militia").sector
    assert _resolve(nlp_en, resolver, "Hezbollah fighters").name == "Hezbollah"  # a known name stays itself
    assert _resolve(nlp_en, resolver, "armed militants").name == "militants"    # no name, no change
