"""Attack reports in English (radio and wire style): unnamed perpetrators and the nouns that name them
("subversives", "a band of terrorists", "the X Y Front"), the verbs of such reports ("derailed",
"machinegunned"), a victim who survives, an author named by "responsible for", and an act told first with
no author and then again with one ("police blamed the attack on X")."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


def _assaults(events_of, text):
    return [e for e in events_of(text, "en") if e.type == "ASSAULT" and not (e.negated or e.hypothetical)]


# -- perpetrators -------------------------------------------------------------------------------
def test_a_band_noun_stands_for_the_known_actor_it_counts(rules_pipeline):
    ev = one(coded(rules_pipeline, "A band of terrorists set fire to two lorries on the coast road.", "en"),
             "ASSAULT")
    assert ev.source.name == "terrorists" and ev.source.sector == "REB"


def test_a_band_of_unknown_people_keeps_its_phrase(rules_pipeline):
    ev = one(coded(rules_pipeline, "A group of farmers set fire to the grain warehouse.", "en"), "ASSAULT")
    assert ev.source.text.lower().startswith("a group of")


@pytest.mark.parametrize(("noun", "sector"), [("Subversives", "REB"), ("Hired killers", "UAF"),
                                              ("Death squads", "REB"), ("Hooded men", "UAF"),
                                              ("Narcoterrorists", "REB")])
def test_generic_perpetrator_nouns(rules_pipeline, noun, sector):
    ev = one(coded(rules_pipeline, f"{noun} murdered a shopkeeper and his son in the market town.", "en"),
             "ASSAULT")
    assert ev.source.sector == sector


def test_an_unknown_name_ending_in_a_group_noun_is_a_group(rules_pipeline):
    ev = one(coded(rules_pipeline, "The Tomas Rivera Front bombed a telephone exchange in the port.", "en"),
             "ASSAULT")
    assert ev.source.name == "Tomas Rivera Front" and ev.source.sector == "REB"


# -- verbs and constructions --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Rebels derailed a freight train near the river on Friday.",
                                  "A freight train was derailed by rebels near the river on Friday.",
                                  "Rebels machinegunned a freight train near the river on Friday."])
def test_verbs_of_attack_reports(rules_pipeline, text):
    ev = one(coded(rules_pipeline, text, "en"), "ASSAULT")
    assert ev.source.text.lower() == "rebels" and "train" in ev.target.text


def test_who_survives_an_attack_undergoes_it(rules_pipeline):
    ev = one(coded(rules_pipeline, "The provincial governor survived an attack by gunmen on Sunday.", "en"),
             "ASSAULT")
    assert ev.source.name == "gunmen" and "governor" in ev.target.text


def test_responsible_for_an_attack_names_its_author(rules_pipeline):
    ev = one(coded(rules_pipeline, "The army said the rebels were responsible for the attack on the depot.",
                   "en"), "ASSAULT")
    assert ev.source.text == "rebels" and "depot" in ev.target.text
    assert ".participation" in ev.rule


# -- an act told again with its author ----------------------------------------------------------
def test_an_unattributed_act_takes_the_author_it_is_blamed_on(events_of):
    text = ("Nine people were wounded when a grenade went off in a crowded café on Saturday night. "
            "The police blamed the attack on the rebels.")
    [ev] = _assaults(events_of, text)
    assert ev.source is not None and ev.source.text == "rebels"
    assert ev.rule.endswith("+unattributed+retold")


def test_an_act_carried_out_by_a_named_group(config):
    # whether the judge holds the unattributed telling to be an event is its call (the event threshold moves
    # with each retraining: here a low one); this is about the author it takes when it does
    from dataclasses import replace

    from eventwire import Pipeline
    from eventwire.coding.judge import load_judge, model_path

    pipe = Pipeline(config)
    pipe.resources.put("coding-judge-en", replace(load_judge(model_path("en")), threshold=0.2))
    text = ("A bomb exploded at a bank in the old town on Friday, injuring three guards. "
            "An anonymous caller said the bombing had been carried out by the Red Dawn Cells.")
    res = pipe.extract(text, lang="en")
    told = [e for e in res if e.type == "ASSAULT" and not (e.negated or e.hypothetical)]
    assert told and all(e.source is not None and "Red Dawn Cells" in e.source.text for e in told), told


def test_another_attack_is_no_retelling(events_of):
    text = ("Nine people were wounded in a crowded café on Saturday night. "
            "The rebels carried out a separate attack in the north.")
    told = [e for e in _assaults(events_of, text) if "wounded" in e.trigger.text]
    assert all("+retold" not in e.rule for e in told)


def test_an_irregular_past_and_an_old_spelling(rules_pipeline):
    ev = one(coded(rules_pipeline, "Marines retook the customs post at dawn.", "en"), "ASSAULT")
    assert "customs post" in ev.target.text
    ev = one(coded(rules_pipeline, "The kidnaping of the harbour master by rebels shocked the port.", "en"), "ASSAULT")
    assert ev.source.text == "rebels"


def test_a_breakaway_faction_is_armed(rules_pipeline):
    ev = one(coded(rules_pipeline, "A breakaway faction raided a police post in the hills.", "en"), "ASSAULT")
    assert ev.source.sector == "REB"
