"""French recall pass 4 (mined from the Wikinews corpus): a time adjunct misread as a passive
subject or carrying the passive agent, a coordination inside one name, blockades of depots and
roundabouts, "une trentaine de", receiving representatives. Short sentences from or in the style of
French Wikinews (CC BY 2.5)."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def factual(pipeline, text, etype):
    a = pipeline.analyze(Article(id="r4", text=text, language="fr", published="2018-12-08"))
    return [e for e in a.events if e.type == etype and not (e.negated or e.hypothetical)]


# -- time adjuncts in passive clauses -------------------------------------------------------------
def test_coder_fr_time_noun_misread_as_passive_subject_yields_to_the_real_one(pipeline):
    text = "Ce matin, à Paris, six personnes, âgés de 22 à 30 ans, dont certaines proches de l’ultradroite, " \
           "ont été arrêtées par la police pour violence contre les agents de l’ordre."
    (ev,) = factual(pipeline, text, "COERCE")
    assert ev.source.name == "police" and ev.target is not None and ev.target.text != "Ce matin"


def test_coder_fr_agent_hung_on_a_time_adjunct(pipeline):
    text = "Le suspect a été arrêté dans l'après-midi par la Brigade de Recherche et d’Intervention."
    (ev,) = factual(pipeline, text, "COERCE")  # one event: the "et" is inside the name
    assert ev.source.text.startswith("Brigade") and ev.target is not None and ev.target.text == "Le suspect"


def test_coder_fr_time_adjunct_without_agent_gives_no_source(rules_pipeline):
    pipeline = rules_pipeline
    assert factual(pipeline, "Le suspect a été arrêté dans l'après-midi.", "COERCE") == []


def test_coder_fr_coordinated_actors_stay_two(pipeline):
    events = factual(pipeline, "La Russie et la Turquie ont condamné l'attentat.", "ACCUSE")
    assert {e.source.name for e in events} == {"Russia", "Turkey"}


# -- blockades ------------------------------------------------------------------------------------
def test_coder_fr_blocking_a_depot_is_a_protest_of_a_counted_group(pipeline):
    text = "Ce matin, une trentaine de personnes a bloqué le dépôt pétrolier de Lucciana."
    (ev,) = factual(pipeline, text, "PROTEST")
    assert ev.mode == "obstruct" and ev.source.text == "personnes"


def test_coder_fr_blocking_a_roundabout(pipeline):
    (ev,) = factual(pipeline, "Des Gilets jaunes ont bloqué le rond-point de Margon.", "PROTEST")
    assert ev.source.name == "Yellow Vests"


def test_coder_fr_blocking_a_group_of_people_is_no_protest(pipeline):
    text = "Les policiers ont dû courir pour bloquer et contrôler un groupe de personnes."
    assert factual(pipeline, text, "PROTEST") == []


# -- receiving representatives -------------------------------------------------------------------
def test_coder_fr_receiving_representatives_is_a_meeting(pipeline):
    text = "Le Premier ministre avait reçu deux représentants des gilets jaunes vendredi."
    (ev,) = factual(pipeline, text, "CONSULT")
    assert ev.source.text == "Le Premier ministre" and ev.target is not None


def test_coder_fr_receiving_a_delegation_passive(pipeline):
    text = "Une délégation de « Gilets jaunes libres » a été reçue par le Premier ministre Edouard Philippe."
    (ev,) = factual(pipeline, text, "CONSULT")
    assert ev.source.name == "Édouard Philippe"
