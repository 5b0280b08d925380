"""Event nouns in prepositional phrases (issue 11, French dates): the date of such a noun is its own, and the
noun itself goes with its verb when the phrase tells the same occasion."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


@pytest.mark.parametrize("text,trigger,published,value", [
    # "de mardi" dates the bombing, which the reinforcement follows: Friday's dispatch, not Tuesday
    pytest.param("La préfecture a renforcé la surveillance des lieux de culte après l'attentat de mardi contre "
                 "une chapelle de Dijon.", "a renforcé", "2023-05-19", "2023-05-19", id="after-the-noun-of-a-day"),
    pytest.param("Deux jeunes ont été condamnés à six mois de prison ferme pour les violences de samedi à Tours.",
                 "ont été condamnés", "2023-05-17", "2023-05-17", id="sentenced-for-the-noun-of-a-day"),
    pytest.param("Les employés ont repris le travail à la suite des grèves du 2 mai dans les usines du nord.",
                 "ont repris", "2023-05-17", "2023-05-17", id="following-the-noun-of-a-date"),
    # the noun keeps its own date
    pytest.param("La préfecture a renforcé la surveillance des lieux de culte après l'attentat de mardi contre "
                 "une chapelle de Dijon.", "attentat", "2023-05-19", "2023-05-16", id="the-noun-keeps-its-day"),
    # during the protest of 3 May: the same occasion, the same day
    pytest.param("Onze policiers ont été blessés lors de la manifestation du 3 mai à Rennes.",
                 "ont été blessés", "2023-05-17", "2023-05-03", id="during-the-noun-of-a-date"),
    # a date of the verb itself is not the noun's
    pytest.param("Mardi, la préfecture a renforcé la surveillance des églises après l'attentat de Dijon.",
                 "a renforcé", "2023-05-19", "2023-05-16", id="verb-date-kept"),
])
def test_a_date_of_an_earlier_noun_does_not_date_the_verb(date_stage, nlp_fr, text, trigger, published, value):
    out = run(date_stage, nlp_fr, text, [trigger], published=published)
    assert out.events[0].date is not None
    assert out.events[0].date.value == value


@pytest.mark.parametrize("text,trigger", [
    # "lors" read as an adverb that governs the noun
    pytest.param("Les gendarmes ont saisi trois fusils lors de leur perquisition au domicile du suspect.",
                 "perquisition", id="during-read-as-adverb"),
    pytest.param("Les gendarmes, lors de leur perquisition au domicile du suspect, ont saisi trois fusils.",
                 "perquisition", id="during-as-incise"),
    # the agent of a passive is the means of the act
    pytest.param("Le forcené a été abattu par la riposte des gendarmes.", "riposte", id="agent-of-a-passive"),
])
def test_an_event_noun_of_the_same_occasion_takes_its_verbs_day(date_stage, nlp_fr, text, trigger):
    out = run(date_stage, nlp_fr, text, [trigger], published="2023-05-19")
    assert out.events[0].date is not None
    assert out.events[0].date.value == "2023-05-19"


def test_an_event_inside_the_earlier_nouns_phrase_keeps_its_date(date_stage, nlp_fr):
    # the inquiry is part of the announcement of 30 September, the phrase the date belongs to
    text = ("Les relations se sont tendues à la suite de l'annonce du conseil du 30 septembre 2022, de l'ouverture "
            "d'une enquête sur les responsables des massacres.")
    out = run(date_stage, nlp_fr, text, ["enquête"], published="2022-10-12")
    assert out.events[0].date is not None
    assert out.events[0].date.value == "2022-09-30"


@pytest.mark.parametrize("text,trigger,published,value", [
    # a participle that tells when the noun's event took place ("commis", "survenue", "prévue")
    pytest.param("Le pays a relevé son niveau d'alerte après l'attentat commis le 12 mars dans une gare de Lyon.",
                 "attentat", "2023-04-20", "2023-03-12", id="committed-on"),
    pytest.param("Le gouvernement a décrété un deuil national après l'attaque survenue mardi près de la frontière.",
                 "attaque", "2023-04-20", "2023-04-18", id="happened-on-a-weekday"),
    pytest.param("L'accord a été signé lors de la rencontre des deux présidents tenue le 12 avril à Rabat.",
                 "rencontre", "2023-04-20", "2023-04-12", id="held-on"),
    pytest.param("Les enquêteurs s'intéressent à la manifestation qui s'est déroulée samedi devant la préfecture.",
                 "manifestation", "2023-04-20", "2023-04-15", id="relative-clause-took-place"),
])
def test_a_participle_of_occurrence_dates_its_event_noun(date_stage, nlp_fr, text, trigger, published, value):
    out = run(date_stage, nlp_fr, text, [trigger], published=published)
    assert out.events[0].date is not None
    assert out.events[0].date.value == value


def test_a_participle_of_a_later_act_does_not_date_its_event_noun(date_stage, nlp_fr):
    # the claim of Tuesday is not the attack's day
    text = "Le ministre a évoqué l'attentat, revendiqué mardi par un groupe armé, lors de sa conférence de presse."
    out = run(date_stage, nlp_fr, text, ["attentat"], published="2023-04-20")
    assert out.events[0].date is None or out.events[0].date.value != "2023-04-18"


@pytest.mark.parametrize("text,trigger,value", [
    # a year that completes an event noun is that noun's date
    pytest.param("Le vote est le premier scrutin organisé depuis les accords de paix de 2019 avec la guérilla.",
                 "accords", "2019", id="noun-year-dates-its-noun"),
    # it does not date the verb of the clause
    pytest.param("Le syndicat a dénoncé mercredi la réforme de 2019 sur les retraites.", "a dénoncé", "2023-05-17",
                 id="noun-year-not-the-verbs"),
    pytest.param("Le syndicat a dénoncé la réforme de 2019, qui a réduit les pensions.", "a dénoncé", "2023-05-19",
                 id="noun-year-not-the-verbs-no-other-date"),
])
def test_a_year_that_completes_a_noun_dates_that_noun_only(date_stage, nlp_fr, text, trigger, value):
    out = run(date_stage, nlp_fr, text, [trigger], published="2023-05-19")
    assert out.events[0].date is not None and out.events[0].date.value == value


@pytest.mark.parametrize("text,found", [
    ("la signature des accords de 2016 avec la guérilla", ["de 2016"]),
    ("la réforme de 2019.", ["de 2019"]),
    ("plus de 2000 manifestants ont défilé", []),  # a number of people, not a year
    ("une amende de 1500 euros", []),
])
def test_a_year_after_de_is_read_only_before_punctuation_or_a_small_word(text, found):
    from eventwire.dates.find import find_mentions
    from eventwire.dates.vocab import compile_grammar, load_vocab

    mentions = find_mentions(text, compile_grammar(load_vocab("fr")))
    assert [m.text for m in mentions] == found
    assert all(m.role == "noun" and m.kind == "year" for m in mentions)
