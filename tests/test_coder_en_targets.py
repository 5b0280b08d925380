"""English targets the clause names through an infinitive (issue 17, the "full" figure): a threat, a
refusal or a call that names no target of its own aims at its infinitive's object, or at the preposition
of an infinitive whose object is a theme (forces, goods, aid)."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, target", [
    ("Kenya threatened to impose sanctions on Uganda.", "THREATEN", "Uganda"),
    ("Chad threatened to expel the French ambassador.", "THREATEN", "France"),
    ("The president refused to meet opposition leaders.", "REJECT", "opposition leaders"),
    # the infinitive's object is what is moved: the preposition names the target
    ("Pakistan has refused to send troops to Afghanistan.", "REJECT", "Afghanistan"),
    ("The junta refused to deploy soldiers against the protesters.", "REJECT", "protesters"),
])
def test_coder_en_target_of_an_infinitive(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and target in (ev.target.name, ev.target.text)


def test_coder_en_released_soldiers_of_a_state_stay_the_target(rules_pipeline):
    ev = one(coded(rules_pipeline, "Kenya refused to release the Ugandan soldiers.", "en"), "REJECT")
    assert ev.target is not None and ev.target.country == "UGA"


def test_coder_en_denial_takes_no_target_from_the_denied_act(rules_pipeline):
    ev = one(coded(rules_pipeline, "Rwanda denied attacking Burundi.", "en"), "REJECT")
    assert ev.target is None or ev.target.name != "Burundi"


@pytest.mark.parametrize("text, target", [
    ("Japan demanded that China release the fishermen.", "China"),
    ("Ghana called for Togo to reopen the border.", "Togo"),
    ("The union demanded on Monday that the government raise wages.", "government"),
])
def test_coder_en_demand_aims_at_the_subject_of_the_act_asked_for(rules_pipeline, text, target):
    ev = one(coded(rules_pipeline, text, "en"), "REQUEST")
    assert ev.target is not None and target in (ev.target.name, ev.target.text)


def test_coder_en_demand_of_a_passive_act_names_no_addressee(rules_pipeline):
    ev = one(coded(rules_pipeline, "The opposition demanded that the pilots be put on trial.", "en"), "REQUEST")
    assert ev.target is None


@pytest.mark.parametrize("text, target", [
    ("Thousands of teachers marched through Nairobi on Tuesday to demand higher pay.", "Kenyan government"),
    ("Truck drivers in Chile began an indefinite strike on Monday.", "Chilean government"),
])
def test_coder_protest_with_no_target_addresses_the_government_where_it_is_held(rules_pipeline, text, target):
    ev = one(coded(rules_pipeline, text, "en"), "PROTEST")
    assert ev.target is not None and ev.target.name == target and ev.target.inferred == "implied"


def test_coder_protest_keeps_the_target_its_clause_names(rules_pipeline):
    ev = one(coded(rules_pipeline, "Hundreds of farmers protested against the Peruvian mining company in Lima.", "en"),
             "PROTEST")
    assert ev.target is None or ev.target.inferred is None


def test_coder_denial_answers_the_last_act_aimed_at_the_denier(rules_pipeline):
    text = ("Kenya accused Somalia on Monday of training militiamen near the border. "
            "Somalia's government denied the allegation on Tuesday.")
    ev = one(coded(rules_pipeline, text, "en"), "REJECT")
    assert ev.target is not None and ev.target.country == "KEN" and ev.target.inferred == "counterpart"


@pytest.mark.parametrize("text", [
    "The Somali government denied the report on Tuesday.",
    # the denier's own earlier act is not what it answers
    "Somalia expelled two Kenyan diplomats on Monday. Somalia later denied the report.",
])
def test_coder_denial_with_no_act_aimed_at_the_denier_keeps_no_target(rules_pipeline, text):
    ev = one(coded(rules_pipeline, text, "en"), "REJECT")
    assert ev.target is None


@pytest.mark.parametrize("text", [
    "Militants fired dozens of rockets at the town, killing 8 people.",
    "Gunmen attacked the village on Sunday, killing 12 villagers.",
    "Government airstrikes hit a market in the town on Tuesday, killing 10 people.",
    # no comma: the participle hangs on a noun of the clause
    "Insurgents targeted a school in the town with four rocket shells killing eight persons.",
    "Militias fired tens of rockets at the bus station claiming the lives of 5 persons.",
])
def test_coder_en_attack_hits_the_people_its_participle_names(rules_pipeline, text):
    ev = one(coded(rules_pipeline, text, "en"), "ASSAULT")
    assert ev.target is not None and ev.target.name == "civilians"


@pytest.mark.parametrize("text, target", [
    ("Jets bombed the town, destroying 20 homes.", "the town"),
    ("Rebels shelled the army base, killing three soldiers.", "forces"),
])
def test_coder_en_attack_keeps_its_target_without_named_victims(rules_pipeline, text, target):
    ev = one(coded(rules_pipeline, text, "en"), "ASSAULT")
    assert ev.target is not None and target in (ev.target.name, ev.target.text)


def test_bare_organ_takes_the_state_of_the_organ_named_before_it_in_its_sentence(rules_pipeline):
    text = ("Cameroon accused Chad of arming rebels. Cameroon said Cameroon would respond. "
            "The Chadian government closed the border on Monday, and the army sent 500 soldiers to the frontier.")
    ev = one(coded(rules_pipeline, text, "en"), "MOBILIZE")
    assert ev.source is not None and ev.source.country == "TCD"


@pytest.mark.parametrize("text, etype, target", [
    ("Egyptian police arrested 23 football fans after the match.", "COERCE", "football fans"),
    ("Kenyan police detained 15 truck drivers on Monday.", "COERCE", "truck drivers"),
])
def test_counted_people_stay_the_target(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and ev.target.name == target


def test_counted_things_are_no_target(rules_pipeline):
    ev = one(coded(rules_pipeline, "Police seized 300 rifles and 20 vehicles.", "en"), "COERCE")
    assert ev.target is None


@pytest.mark.parametrize("text, etype, target", [
    ("The governor imposed a curfew on the town of Kano.", "COERCE", "Kano"),
    ("Police imposed an indefinite curfew in Jaffna after the riots.", "COERCE", "Jaffna"),
    ("Kenya lifted the overnight curfew in Mombasa on Sunday.", "CONCEDE", "Mombasa"),
])
def test_curfew_is_aimed_at_the_people_of_its_place(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and ev.target.text == target and ev.target.inferred == "implied"


@pytest.mark.parametrize("text, etype, target", [
    ("Gunmen from the Zulu Front shot dead a police chief in Quetta on Monday. "
     "The provincial home minister condemned the assassination.", "ACCUSE", "gunmen"),
    ("Police arrested the student leader on Friday. The U.S. embassy criticised the arrest.", "ACCUSE", "police"),
])
def test_reaction_to_an_act_told_before_is_aimed_at_its_author(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and ev.target.name == target and ev.target.inferred == "counterpart"


def test_reaction_to_an_act_of_no_told_author_keeps_no_target(rules_pipeline):
    ev = one(coded(rules_pipeline, "The U.S. embassy criticised the arrest.", "en"), "ACCUSE")
    assert ev.target is None


@pytest.mark.parametrize("text, etype, target", [
    ("The refugee agency appealed to donors for more funds.", "REQUEST", "donors"),
    ("Italian police arrested members of a mafia cell in Naples.", "COERCE", "cell"),
])
def test_people_and_groups_named_by_common_nouns_stay_the_target(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and target in ev.target.text


@pytest.mark.parametrize("text, target", [
    ("Moscow threatened to halt the talks if Washington deployed new missiles in Europe.", "United States"),
    ("Chad threatened to cut ties unless Sudan expelled the rebels.", "Sudan"),
])
def test_coder_en_threat_aims_at_the_subject_of_its_condition(rules_pipeline, text, target):
    ev = one(coded(rules_pipeline, text, "en"), "THREATEN")
    assert ev.target is not None and ev.target.name == target


def test_coder_en_threat_keeps_its_own_target_before_its_condition(rules_pipeline):
    ev = one(coded(rules_pipeline, "Kenya threatened to impose sanctions on Uganda if the border stayed closed.", "en"),
             "THREATEN")
    assert ev.target is not None and ev.target.name == "Uganda"


@pytest.mark.parametrize("text, etype, target", [
    ("Bangladesh has refused to send peacekeepers in Somalia.", "REJECT", "Somalia"),
    ("The rebels threatened to resume attacks in Mali.", "THREATEN", "Mali"),
])
def test_coder_en_infinitive_act_with_no_actor_aims_at_its_named_place(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and ev.target.name == target


@pytest.mark.parametrize("text, etype, target", [
    ("The Kurds are demanding autonomy from the Iraqi government.", "REQUEST", "Iraqi government"),
    ("Peru sought help from Chile.", "REQUEST", "Chile"),
])
def test_coder_en_demand_from_the_holder_aims_at_it(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.target is not None and ev.target.name == target


def test_welcome_answers_the_last_conciliatory_act_of_another(rules_pipeline):
    text = "Uganda lifted its ban on Kenyan sugar on Monday. Kenya's foreign ministry welcomed the move."
    ev = one(coded(rules_pipeline, text, "en"), "SUPPORT")
    assert ev.target is not None and ev.target.name == "Uganda" and ev.target.inferred == "counterpart"


def test_welcome_with_no_conciliatory_act_before_keeps_no_target(rules_pipeline):
    ev = one(coded(rules_pipeline, "Kenya's foreign ministry welcomed the move on Tuesday.", "en"), "SUPPORT")
    assert ev.target is None


def test_coder_en_shooting_of_is_its_victim(rules_pipeline):
    # "the shooting of X" names who was shot; the "by" phrase names who shot
    (ev,) = coded(rules_pipeline, "The shooting of a clan elder by soldiers in Mogadishu angered residents.", "en",
                  "ASSAULT")
    assert ev.target is not None and "elder" in ev.target.text and ev.source is not None and ev.source.sector == "MIL"


def test_coder_en_patrol_sent_is_a_mobilization(rules_pipeline):
    (ev,) = coded(rules_pipeline, "The UN mission had sent a patrol to the village on Friday.", "en", "MOBILIZE")
    assert ev.source is not None


def test_coder_en_shelling_of_names_who_was_shelled(rules_pipeline):
    # "the shelling of X", "the bombing of X", "the ambush of X", "the invasion of X": X is hit
    (ev,) = coded(rules_pipeline, "The army's shelling of the rebels continued on Monday near Kidal.", "en", "ASSAULT")
    assert ev.source is not None and ev.source.name == "army" and ev.target is not None and ev.target.name == "rebels"


@pytest.mark.parametrize("text, etype, target", [
    pytest.param("The rights group holds the government responsible for the journalist's murder.", "ACCUSE",
                 "government", id="hold_responsible"),
    pytest.param("The court found the former minister guilty of corruption on Monday.", "SANCTION",
                 "the former minister", id="find_guilty"),
])
def test_coder_en_subject_of_a_small_clause_is_the_target(rules_pipeline, text, etype, target):
    # "holds [the government responsible]": the parser makes the government the subject of "responsible"
    (ev,) = coded(rules_pipeline, text, "en", etype)
    assert ev.target is not None and ev.target.name == target


def test_coder_en_forces_that_retaliate_attack(rules_pipeline):
    # like French "riposter": armed forces retaliating attack; a minister retaliating with words does not
    text = "Militants shelled a border post, and Turkish forces retaliated."
    (ev,) = [e for e in coded(rules_pipeline, text, "en", "ASSAULT") if "retaliat" in e.trigger.text]
    assert ev.source is not None and ev.source.country == "TUR"
    assert coded(rules_pipeline, "The minister retaliated with a scathing statement.", "en", "ASSAULT") == []
