"""ActorResolver on French noun phrases: aliases, demonyms, metonyms, roles, generics."""

from __future__ import annotations

import pytest

from eventwire.actors import resolver_for


@pytest.fixture(scope="module")
def resolver(resources):
    return resolver_for(resources, "fr")


def _resolve(nlp_fr, resolver, phrase, published="2020-11-05"):
    doc = nlp_fr(phrase)
    return resolver.resolve(doc[:], published=published)


@pytest.mark.parametrize("phrase, name, country, sector", [
    ("Kataëb Hezbollah", "Kataeb Hezbollah", "IRQ", "REB"),
    ("Kata'ib Hizballah", "Kataeb Hezbollah", "IRQ", "REB"),
    ("les Kataib Hezbollah", "Kataeb Hezbollah", "IRQ", "REB"),
    ("le Hachd al-Chaabi", "Popular Mobilization Forces", "IRQ", "REB"),
    ("Daech", "Islamic State", None, "REB"),
    ("l'organisation État islamique", "Islamic State", None, "REB"),
    ("le groupe Etat islamique", "Islamic State", None, "REB"),
    ("les rebelles houthis", "Houthis", "YEM", "REB"),
    ("les talibans", "Taliban", "AFG", "REB"),
    ("les Forces démocratiques syriennes", "Syrian Democratic Forces", "SYR", "REB"),
    ("le Conseil de sécurité de l'ONU", "UN Security Council", None, "IGO"),
    ("l'OTAN", "NATO", None, "IGO"),
    ("la Coalition internationale", "US-led coalition", None, "IGO"),
    ("le CICR", "International Committee of the Red Cross", None, "NGO"),
])
def test_actors_resolve_fr_dictionary_aliases(nlp_fr, resolver, phrase, name, country, sector):
    actor = _resolve(nlp_fr, resolver, phrase)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


@pytest.mark.parametrize("phrase, name, country", [
    ("les Américains", "United States", "USA"),
    ("les Iraniens", "Iran", "IRN"),
    ("Washington", "United States", "USA"),
    ("Moscou", "Russia", "RUS"),
    ("Téhéran", "Iran", "IRN"),
    ("Pékin", "China", "CHN"),
    ("la Maison-Blanche", "United States", "USA"),
    ("le Kremlin", "Russia", "RUS"),
    ("l'Élysée", "France", "FRA"),
    ("les Etats-Unis", "United States", "USA"),
])
def test_actors_resolve_fr_demonyms_and_metonyms_are_states(nlp_fr, resolver, phrase, name, country):
    actor = _resolve(nlp_fr, resolver, phrase)
    assert actor is not None and (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize("phrase, name, country, sector", [
    ("les forces américaines", "United States", "USA", "MIL"),
    ("l'armée syrienne", "Syria", "SYR", "MIL"),
    ("les soldats turcs", "Turkey", "TUR", "MIL"),
    ("le gouvernement irakien", "Iraqi government", "IRQ", "GOV"),
    ("la police turque", "Turkish police", "TUR", "COP"),
    ("le Parlement irakien", "Iraqi parliament", "IRQ", "LEG"),
    ("le ministère irakien des Affaires étrangères", "Iraqi Ministry of Foreign Affairs", "IRQ", "GOV"),
    ("l'armée de l'Irak", "Iraq", "IRQ", "MIL"),
])
def test_actors_resolve_fr_role_phrases(nlp_fr, resolver, phrase, name, country, sector):
    actor = _resolve(nlp_fr, resolver, phrase)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_actors_resolve_fr_role_text_is_the_phrase(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "les forces américaines")
    assert actor.text == "forces américaines" and actor.span == (4, 22)


def test_actors_resolve_fr_located_country_is_not_the_actor(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "les forces américaines en Irak")
    assert actor.country == "USA"


def test_actors_resolve_fr_leader_by_role_and_date(nlp_fr, resolver):
    assert _resolve(nlp_fr, resolver, "le président américain", "2020-11-05").name == "Donald Trump"
    assert _resolve(nlp_fr, resolver, "le président américain", "2022-03-01").name == "Joe Biden"
    assert _resolve(nlp_fr, resolver, "le Premier ministre irakien", "2016-01-04").name == "Haider al-Abadi"


def test_actors_resolve_fr_leader_without_date_keeps_the_role(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "le président turc", None)
    assert (actor.name, actor.country, actor.sector) == ("Turkish president", "TUR", "GOV")


def test_actors_resolve_fr_named_leader(nlp_fr, resolver):
    for phrase in ("Bachar al-Assad", "Bashar al-Assad", "Assad", "Bachar el-Assad"):
        actor = _resolve(nlp_fr, resolver, phrase)
        assert (actor.name, actor.country, actor.sector) == ("Bashar al-Assad", "SYR", "GOV"), phrase
    assert _resolve(nlp_fr, resolver, "Adel Abdel Mahdi").country == "IRQ"


def test_actors_resolve_fr_spokesman_gives_the_organisation(nlp_fr, resolver):
    doc = nlp_fr("le porte-parole d'Asaïb Ahl al-Haq, Nadim Sabbagh")
    actor = resolver.resolve(doc[:])
    assert (actor.name, actor.text) == ("Asaib Ahl al-Haq", "Asaïb Ahl al-Haq")
    assert actor.span == (18, 34)
    assert resolver.resolve_person(doc[:]).name == "Nadim Sabbagh"


def test_actors_resolve_fr_official_acts_for_the_state(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "un responsable américain")
    assert (actor.name, actor.country) == ("United States", "USA")


@pytest.mark.parametrize("phrase, name, country, sector", [
    ("des hommes armés", "gunmen", None, "UAF"),
    ("des manifestants irakiens", "protesters", "IRQ", "PRO"),
    ("les rebelles", "rebels", None, "REB"),
    ("les jihadistes", "jihadists", None, "REB"),
    ("la police", "police", None, "COP"),
    ("l'armée", "army", None, "MIL"),
    ("les forces de sécurité", "security forces", None, "COP"),
    ("les civils", "civilians", None, "CIV"),
    ("un kamikaze", "suicide bomber", None, "REB"),
    ("les terroristes", "terrorists", None, "REB"),
])
def test_actors_resolve_fr_generic_nouns(nlp_fr, resolver, phrase, name, country, sector):
    actor = _resolve(nlp_fr, resolver, phrase)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_actors_resolve_fr_member_noun_gives_the_group(nlp_fr, resolver):
    assert _resolve(nlp_fr, resolver, "les combattants de l'EI").name == "Islamic State"
    assert _resolve(nlp_fr, resolver, "les milices chiites").name == "Shiites"


def test_actors_resolve_fr_adjectival_country(nlp_fr, resolver):
    doc = nlp_fr("un raid américain")
    assert resolver.resolve(doc[:]) is None
    assert resolver.country_of(doc[:]) == "USA"
    actor = resolver.adjectival(doc[:])
    assert (actor.name, actor.text, actor.span) == ("United States", "américain", (8, 17))


def test_actors_resolve_fr_unknown_group_gets_country_and_sector(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "le mouvement rebelle soudanais Tamazuj")
    assert (actor.name, actor.country, actor.sector) == ("Tamazuj", "SDN", "REB")


@pytest.mark.parametrize("phrase", ["la base", "les véhicules", "la résolution", "des mesures", "le groupe"])
def test_actors_resolve_fr_non_actors_give_none(nlp_fr, resolver, phrase):
    assert _resolve(nlp_fr, resolver, phrase) is None


def test_actors_resolve_fr_cut_name_is_completed_from_the_text(nlp_fr, resolver):
    doc = nlp_fr("Le groupe Boko Haram a attaqué le village.")
    actor = resolver.resolve(doc[3:4])               # the coder's phrase is only "Haram"
    assert (actor.name, actor.text) == ("Boko Haram", "Boko Haram")


def test_actors_resolve_fr_affiliation_of_a_spokesman(nlp_fr, resolver):
    text = ("« Nous ne céderons pas », a affirmé le porte-parole d'Asaïb Ahl al-Haq, Nadim Sabbagh. "
            "M. Sabbagh a ensuite accusé les Américains.")
    doc = nlp_fr(text)
    start = text.index("M. Sabbagh")
    sabbagh = doc.char_span(start, start + len("M. Sabbagh"), alignment_mode="expand")
    assert resolver.affiliation(sabbagh).name == "Asaib Ahl al-Haq"
    assert resolver.affiliation(doc.char_span(text.index("Américains"), len(text) - 1)) is None


def test_actors_resolve_fr_bare_coalition(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "la coalition aérienne")
    assert (actor.name, actor.sector, actor.country) == ("international coalition", "IGO", None)


def test_actors_resolve_fr_possessed_forces_leave_the_owner_open(nlp_fr, resolver):
    assert _resolve(nlp_fr, resolver, "leurs forces d’Irak") is None
    assert _resolve(nlp_fr, resolver, "leurs forces américaines").country == "USA"


def test_actors_resolve_fr_role_word_inside_a_name_is_not_a_role(nlp_fr, resolver):
    actor = _resolve(nlp_fr, resolver, "Marine Le Pen")
    assert actor is None or actor.name != "army"


@pytest.mark.parametrize("phrase, text", [
    ("un juge d'instruction", "juge d'instruction"),
    ("le tribunal correctionnel", "tribunal correctionnel"),
    ("le parquet national financier", "parquet national financier"),
])
def test_actors_resolve_fr_judicial_office_text_is_the_whole_office(nlp_fr, resolver, phrase, text):
    """A judicial office of several words is the text of the actor, not its first noun ("juge")."""
    actor = _resolve(nlp_fr, resolver, phrase)
    assert (actor.name, actor.sector, actor.text) == ("judiciary", "JUD", text)
