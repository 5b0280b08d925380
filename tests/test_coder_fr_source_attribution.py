"""Who did it, French (issue 17): a role noun named by the person in apposition is that person ("le
ministre ..., X Y,", whether the parser reads the name as an apposition or as a conjunct); a subject
pronoun in a clause reported by any verb of saying ("précise qu'elle a ...") stands for the speaker; the
agent of a passive that names armed men or agents as a common noun ("par un commando") is the source."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


def _sources(pipe, text: str, etype: str) -> list[tuple[str, str, str | None]]:
    return [(e.source.name, e.source.text, e.source.inferred) for e in coded(pipe, text, "fr", etype)
            if e.source is not None]


@pytest.mark.parametrize("text, etype, name", [
    pytest.param("Le ministre ghanéen de l'Intérieur, Kwame Mensah, a présenté mardi sa démission.",
                 "RETREAT", "Kwame Mensah", id="apposition"),
    pytest.param("Le président du Sénat camerounais, Paul Biya, a dénoncé mardi une manœuvre de l'opposition.",
                 "ACCUSE", "Paul Biya", id="name_read_as_a_conjunct"),
])
def test_fr_role_noun_named_in_apposition_is_the_person(rules_pipeline, text, etype, name):
    found = _sources(rules_pipeline, text, etype)
    assert found and {n for n, _, _ in found} == {name}


def test_fr_role_noun_keeps_its_country_on_the_person(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Le ministre ghanéen de l'Intérieur, Kwame Mensah, a présenté mardi sa "
                                  "démission.", "fr", "RETREAT")
    assert ev.source is not None and ev.source.country == "GHA"


def test_fr_role_noun_with_a_list_stays_the_role(rules_pipeline):
    text = "Les ministres du Golfe, Ahmed Saleh et Omar Hadi, ont dénoncé mardi une manœuvre de l'opposition."
    names = {n for n, _, _ in _sources(rules_pipeline, text, "ACCUSE")}
    assert "Ahmed Saleh" not in names or "Omar Hadi" in names  # never one member for the whole list


@pytest.mark.parametrize("verb", ["précise", "explique", "confirme", "indique"])
def test_fr_pronoun_after_a_verb_of_saying_is_the_speaker(rules_pipeline, verb):
    text = f"La gendarmerie {verb} qu'elle a interpellé trois militants à Rennes."
    found = _sources(rules_pipeline, text, "COERCE")
    assert ("gendarmerie", None) in {(t, i) for _, t, i in found}


@pytest.mark.parametrize("text, words", [
    pytest.param("Trois militants ont été enlevés par un commando armé près de Gao.", "commando",
                 id="commando"),
    pytest.param("Vingt grévistes ont été évacués de l'usine par les agents de l’ordre.", "agents",
                 id="agents_typographic_apostrophe"),
])
def test_fr_passive_agent_common_noun_is_the_source(rules_pipeline, text, words):
    events = [e for e in coded(rules_pipeline, text, "fr") if e.type in ("ASSAULT", "COERCE")]
    assert events and all(e.source is not None and words in e.source.text and e.source.inferred is None
                          for e in events)


def test_fr_passive_agent_thing_is_no_source(rules_pipeline):
    events = coded(rules_pipeline, "Un passant a été blessé par une balle perdue à Marseille.", "fr", "ASSAULT")
    assert all(e.source is None or "balle" not in e.source.text for e in events)


def test_fr_pronoun_agrees_with_the_determiner_of_an_epicene_role_noun(rules_pipeline):
    text = ("La ministre française des Armées s'est rendue à Damas. Elle a prévenu que les sanctions "
            "pourraient être rétablies.")
    threats = coded(rules_pipeline, text, "fr", "THREATEN")
    assert threats and all(e.source is not None and e.source.name == "France" for e in threats)


@pytest.mark.parametrize("text, name", [
    pytest.param("Plusieurs syndicats ont signé une tribune exigeant la libération du journaliste.",
                 "Plusieurs syndicats", id="tribune"),
    pytest.param("Moscou a remis un mémorandum exigeant le retrait des troupes.", "Russia", id="memorandum"),
])
def test_fr_document_participle_is_its_authors_act(rules_pipeline, text, name):
    found = _sources(rules_pipeline, text, "REQUEST")
    assert found and {(n, i) for n, _, i in found} == {(name, None)}


def test_fr_fronted_adjunct_is_not_part_of_the_subject(rules_pipeline):
    text = ("Réunis en sommet extraordinaire par visioconférence, les chefs d'État ouest-africains ont exigé "
            "le rétablissement de l'ordre constitutionnel.")
    found = _sources(rules_pipeline, text, "REQUEST")
    assert found and all(t.startswith("les chefs") for _, t, _ in found)


def test_fr_unknown_actor_is_named_without_its_count(rules_pipeline):
    found = _sources(rules_pipeline, "À Lorient, 400 dockers ont bloqué le port.", "PROTEST")
    assert ("dockers", "400 dockers") in {(n, t) for n, t, _ in found}


def test_fr_pronoun_chain_reaches_the_named_subject(rules_pipeline):
    text = ("Mardi, le maire Paul Mba s'est défendu à la radio. Il a reconnu des « maladresses ». "
            "Il a cependant fermement nié toute fraude.")
    rejects = coded(rules_pipeline, text, "fr", "REJECT")
    assert rejects and all(e.source is not None and "Paul Mba" in e.source.text and e.source.inferred is None
                           for e in rejects)


def test_fr_pronoun_of_a_dependent_clause_is_the_main_subject(rules_pipeline):
    text = "Le président gabonais a réuni ses ministres lundi soir, à la suite de quoi il a rendu hommage aux soldats."
    found = _sources(rules_pipeline, text, "SUPPORT")
    assert found and all(n == "Gabonese president" and i is None for n, _, i in found)


def test_fr_possessor_of_an_arrest_is_not_its_author(rules_pipeline):
    arrests = coded(rules_pipeline, "Paul Mba a filmé son arrestation.", "fr", "COERCE")
    assert all(e.source is None or e.source.name != "Paul Mba" for e in arrests)
