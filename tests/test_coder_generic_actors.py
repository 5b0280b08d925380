"""Generic actor nouns and whom they stand for: a group named by a participle ("un groupe baptisé X",
"a group called X") is X, fighters "from" a named group act for it (not for a country they come from),
civilians never attack, protesters are implied by a protest noun, and "no group" is nobody."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, processed
from eventwire.records import Found

pytestmark = pytest.mark.slow


# -- a generic noun named by a participle ----------------------------------------------------
def test_coder_fr_named_group_is_the_actor(rules_pipeline):
    text = ("Un ingénieur français a été kidnappé dans le nord du pays par un groupe tchadien du Tibesti baptisé "
            "les « Faucons du désert libre ».")
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Faucons du désert libre"
    assert text[ev.source.span[0]:ev.source.span[1]].startswith("Faucons")


def test_coder_fr_called_upon_is_not_a_name(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Les rebelles, appelés à déposer les armes par Damas, ont attaqué la ville.", "fr",
                  "ASSAULT")
    assert ev.source.text == "rebelles"


def test_coder_en_group_called_a_known_name(rules_pipeline):
    text = "The town was attacked by a little-known group called the Free Syrian Army."
    (ev,) = coded(rules_pipeline, text, "en", "ASSAULT")
    assert ev.source.name == "Free Syrian Army"


# -- "fighters from X" -----------------------------------------------------------------------
def test_coder_en_fighters_from_a_named_group_stand_for_it(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Fighters from Hezbollah attacked the town on Monday.", "en", "ASSAULT")
    assert ev.source.name == "Hezbollah" and ev.rule.startswith("en.ASSAULT.verb.nsubj-from")


def test_coder_en_troops_from_a_country_are_not_its_state(rules_pipeline):
    events = coded(rules_pipeline, "Troops from Chad attacked the town on Monday.", "en", "ASSAULT")
    assert events and all(e.source.name != "Chad" for e in events)


# -- civilians, implicit protesters, nobody ---------------------------------------------------
@pytest.mark.parametrize("lang, text", [
    pytest.param("en", "Eight civilians killed in the north.", id="victims_of_a_headline_passive"),
    pytest.param("fr", "Des civils ont attaqué le commissariat.", id="subject_of_an_attack"),
])
def test_coder_civilians_are_not_attackers(rules_pipeline, lang, text):
    a = analyze(rules_pipeline, text, lang)
    assert not [e for e in a.events if e.type == "ASSAULT" and e.source and e.source.name == "civilians"]


def test_coder_fr_protest_noun_has_implicit_protesters(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Le pays est secoué par une vague de manifestations.", "fr", "PROTEST")
    assert ev.source.name == "protesters" and ev.confidence < 0.5


@pytest.mark.parametrize("text, lang", [
    ("Aucun groupe n'a revendiqué l'attaque contre la caserne.", "fr"),
    ("No group has claimed responsibility for the attack on the barracks.", "en"),
])
def test_a_negative_quantifier_is_nobody(pipeline, rules_pipeline, text, lang):
    for pipe in (pipeline, rules_pipeline):
        assert not [e for e in processed(pipe, text, lang) if e.source is not None and e.source.text.lower().startswith(
            ("aucun", "no "))]


def test_coder_en_a_count_before_a_noun_modifier_is_not_the_actor(rules_pipeline):
    """"three regime airstrikes": the count is the airstrikes', the actor is the regime."""
    events = coded(rules_pipeline, "Activists said three regime airstrikes hit a bakery in Idlib on Monday.", "en",
                   "ASSAULT")
    assert events and events[0].source.text == "regime"


@pytest.mark.parametrize("text,lang", [
    ("Les gendarmes ont bloqué le convoi des agriculteurs sur l'autoroute A6.", "fr"),
    ("Government troops blocked the main road to the airport on Monday.", "en"),
])
def test_coder_a_blockade_by_state_forces_is_coercion(pipeline, text, lang):
    evs = coded(pipeline, text, lang)
    assert [e for e in evs if e.type == "COERCE" and e.mode == "restrict"]
    assert not [e for e in evs if e.type == "PROTEST"]


def test_coder_a_blockade_by_farmers_stays_a_protest(pipeline):
    text = "Des agriculteurs ont bloqué l'autoroute A6 lundi."
    assert [e for e in coded(pipeline, text, "fr") if e.type == "PROTEST" and e.mode == "obstruct"]


@pytest.mark.parametrize("text,lang", [
    ("Militia fighters looted the central market of the town on Sunday.", "en"),
    ("Des jihadistes ont pillé le centre de santé du village avant de repartir.", "fr"),
])
def test_coder_looting_by_an_armed_group_takes_property(rules_pipeline, text, lang):
    evs = coded(rules_pipeline, text, lang)
    assert [e for e in evs if e.type == "COERCE" and e.mode == "seize"], evs
    assert not [e for e in evs if e.type == "PROTEST"], evs


def test_coder_looting_by_a_crowd_stays_a_riot(pipeline):
    evs = coded(pipeline, "Rioters looted shops in the capital overnight.", "en")
    assert [e for e in evs if e.type == "PROTEST" and e.mode == "riot"], evs


@pytest.mark.parametrize("text, lang", [
    ("Les forces ukrainiennes ont capturé vingt soldats russes près de la frontière.", "fr"),
    ("L'armée tchadienne a capturé une dizaine de combattants lors d'un ratissage.", "fr"),
    ("Ukrainian troops captured twenty Russian soldiers near the border on Monday.", "en"),
])
def test_coder_capture_by_state_forces_is_an_arrest(pipeline, text, lang):
    evs = coded(pipeline, text, lang)
    assert [e for e in evs if e.type == "COERCE" and e.mode == "arrest"], evs
    assert not [e for e in evs if e.type == "ASSAULT"], evs


@pytest.mark.parametrize("text, lang", [
    ("Des soldats maliens ont été capturés par les jihadistes près de la frontière.", "fr"),
    ("Rebels captured two soldiers near the border on Monday.", "en"),
])
def test_coder_capture_by_an_armed_group_stays_an_abduction(pipeline, text, lang):
    evs = coded(pipeline, text, lang)
    assert [e for e in evs if e.type == "ASSAULT" and e.mode == "abduct"], evs


@pytest.mark.parametrize("text, lang, etype", [
    ("The council released two opposition leaders detained by the mutineers, state television said.", "en", "COERCE"),
    ("Les mutins ont arrêté le chef d'état-major de l'armée dans la nuit.", "fr", "COERCE"),
])
def test_coder_mutineers_are_soldiers_in_revolt(rules_pipeline, text, lang, etype):
    # not the police an arrest implies: the mutineers named as its doers
    ev = next(e for e in coded(rules_pipeline, text, lang, etype))
    assert ev.source is not None and ev.source.name == "mutineers" and ev.source.sector == "MIL"


def test_coder_fr_group_name_the_tagger_reads_as_a_pronoun_is_the_source(rules_pipeline):
    # lower-case "shebab" after "les" is tagged as a pronoun: with its article it is a noun, the group's name
    text = "Les shebab ont revendiqué l'attentat contre un hôtel de Mogadiscio."
    evs = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "ASSAULT"]
    assert evs and evs[0].source.name == "al-Shabaab" and evs[0].source_found != Found.CONTEXT, evs


def test_coder_fr_phrase_of_occasion_is_no_subject(rules_pipeline):
    # "une nouvelle fois" between the auxiliary and the participle: the parser takes it for the subject
    # and hangs the real one on the auxiliary
    for text in ("Dimanche, Caracas a une nouvelle fois refusé la proposition de médiation du Brésil.",
                 "En revanche, Varsovie a une nouvelle fois refusé le plan de paix de l'Union européenne."):
        evs = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "REJECT"]
        assert evs and evs[0].source.name in ("Venezuela", "Poland"), (text, evs)


@pytest.mark.parametrize("text, etype, name", [
    pytest.param("Le groupe armé a démenti toute implication, tout en exigeant le départ des soldats étrangers.",
                 "REQUEST", "militants", id="tout_en_on_the_object"),
    pytest.param("Le ministre a salué l'accord tout en dénonçant les violences des colons.", "ACCUSE", "Le ministre",
                 id="tout_en_without_comma"),
])
def test_coder_fr_gerund_acts_for_its_main_clause_subject(rules_pipeline, text, etype, name):
    # a gerund's subject is its main clause's, whatever noun the parser hangs it on; and it is an act of its own,
    # not the complement of a denial ("a démenti ..., tout en exigeant": the demand is made)
    evs = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == etype]
    assert evs and evs[0].source.name == name and not evs[0].negated, evs


def test_coder_fr_perfect_infinitive_of_the_accused_is_its_act(rules_pipeline):
    # "accusé X d'avoir ouvert le feu": the parser hangs the infinitive on X; the act is X's, active
    text = "La veille, l'armée avait accusé les forces rebelles d'avoir ouvert le feu près du pont."
    evs = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "ASSAULT"]
    assert evs and evs[0].source.name == "rebels", evs


def test_coder_fr_turning_on_bystanders_is_an_assault_by_the_subject(rules_pipeline):
    # "s'en prendre à" drivers or passers-by is a physical attack; the clitic "s'" the parser labels as a marker
    # still makes the verb pronominal (its "sont" is no passive auxiliary): the subject acts
    text = "Samedi, des chauffeurs de taxi s'en sont pris à des conducteurs de VTC devant la gare."
    evs = analyze(rules_pipeline, text, "fr").events
    assert [e for e in evs if e.type == "ASSAULT" and "chauffeurs" in e.source.text], evs
    evs = analyze(rules_pipeline, "Le candidat s'en est pris au gouvernement lors de son meeting.", "fr").events
    assert [e.type for e in evs] == ["ACCUSE"], evs
