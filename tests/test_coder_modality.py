"""Modality: what is told as a fact, a hypothesis or a negation. Implicative verbs in a completed past
are factual; ended acts are not new acts; futures, conditionals, purposes and hedges are hypothetical;
obligations ("Y must ...") and promises are acts of their own."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, facts, of_type

pytestmark = pytest.mark.slow


def test_coder_fr_completed_convaincre_de_makes_the_act_factual(rules_pipeline):
    text = "L'Égypte a convaincu les Saoudiens de retirer leur soutien aux rebelles."
    evs = analyze(rules_pipeline, text, "fr").events
    (ev,) = [e for e in evs if e.type == "SANCTION"]
    assert not ev.hypothetical and ev.source.name == "Saudi Arabia"


def test_coder_fr_future_permettre_de_stays_hypothetical(rules_pipeline):
    text = "Les renforts américains permettront de repousser les djihadistes hors de la ville."
    assaults = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "ASSAULT"]
    assert assaults and all(e.hypothetical or e.negated for e in assaults)


def test_coder_fr_a_du_demissionner_happened(rules_pipeline):
    evs = analyze(rules_pipeline, "Le ministre a dû démissionner après le scandale.", "fr").events
    assert [e for e in evs if e.type == "RETREAT" and e.mode == "resign" and not e.hypothetical]


def test_coder_fr_conditional_devoir_stays_hypothetical(rules_pipeline):
    evs = analyze(rules_pipeline, "Le ministre devrait démissionner.", "fr").events
    assert all(e.hypothetical for e in evs if e.type == "RETREAT")


def test_coder_en_forced_to_withdraw_happened(rules_pipeline):
    evs = analyze(rules_pipeline, "Heavy fighting forced the rebels to withdraw from the town.", "en").events
    assert [e for e in evs if e.type == "RETREAT" and not e.hypothetical and "rebels" in e.source.text]


def test_coder_fr_withdrawn_support_is_not_a_new_act_of_support(rules_pipeline):
    evs = analyze(rules_pipeline, "Les États-Unis ont retiré leur soutien aux Kurdes.", "fr").events
    assert [e for e in evs if e.type == "SANCTION" and not e.negated]
    support = [e for e in evs if e.type in ("AID", "SUPPORT")]  # the support withdrawn is coded, negated
    assert support and all(e.negated for e in support)


@pytest.mark.parametrize("text, etype", [
    pytest.param("Les pays de la région ne montrent aucun empressement à punir la junte.", "SANCTION",
                 id="aucun_on_the_governing_object_negates"),
    pytest.param("La Russie n'a pas voulu attaquer la ville.", "ASSAULT", id="negated_governor_negates_the_complement"),
])
def test_coder_fr_negated_governor_negates_its_complement(rules_pipeline, text, etype):
    evs = analyze(rules_pipeline, text, "fr").events
    assert all(e.negated for e in evs if e.type == etype)


def test_coder_fr_n_a_pas_hesite_a_keeps_the_act(rules_pipeline):
    evs = analyze(rules_pipeline, "L'armée n'a pas hésité à bombarder les quartiers rebelles.", "fr").events
    assert [e for e in evs if e.type == "ASSAULT" and not e.negated]


def test_coder_en_announced_hostile_act_is_a_threat_by_its_author(rules_pipeline):
    evs = analyze(rules_pipeline, "Pakistan said it would expel two Indian diplomats.", "en").events
    (threat,) = [e for e in evs if e.type == "THREATEN"]
    assert threat.source.name == "Pakistan" and threat.mode == "expel" and threat.rule.endswith(".threat")
    assert all(e.hypothetical for e in evs if e.type == "SANCTION")


def test_coder_en_third_party_forecast_is_not_a_threat(rules_pipeline):
    evs = analyze(rules_pipeline, "Analysts said the army would attack the town next week.", "en").events
    assert not [e for e in evs if e.type == "THREATEN"]


def test_coder_en_agentless_act_announced_by_an_official_is_his_threat(pipeline):
    # the rule coder alone drops an agentless act before its threat is read: the judged pipeline
    text = "Interior minister Tomas Arrieta said the strike leaders would be arrested if the blockade continued."
    evs = analyze(pipeline, text, "en").events
    (threat,) = [e for e in evs if e.type == "THREATEN"]
    assert threat.source.name == "Tomas Arrieta" and "strike leaders" in threat.target.text
    assert ".announcer-" in threat.rule and not threat.hypothetical
    assert all(e.hypothetical for e in evs if e.type == "COERCE")


def test_coder_en_agentless_act_forecast_by_a_watchdog_is_no_threat(pipeline):
    evs = analyze(pipeline, "Human Rights Watch said the strike leaders would be arrested.", "en").events
    assert not [e for e in evs if e.type == "THREATEN"]


def test_coder_en_could_in_an_own_statement_is_a_threat(rules_pipeline):
    evs = analyze(rules_pipeline, "Beijing said it could impose sanctions on the arms makers.", "en").events
    assert [e for e in evs if e.type == "THREATEN" and e.source.name == "China"]


def test_coder_fr_future_hostile_act_reported_by_its_author_is_a_threat(rules_pipeline):
    evs = analyze(rules_pipeline, "Le gouvernement a annoncé qu'il expulsera les diplomates russes.", "fr").events
    assert [e for e in evs if e.type == "THREATEN" and not e.hypothetical]


def test_coder_en_negated_acceptance_is_a_rejection(rules_pipeline):
    evs = analyze(rules_pipeline, "The government did not accept the proposal.", "en").events
    (rej,) = [e for e in evs if e.type == "REJECT"]
    assert not rej.negated and rej.rule.endswith(".refusal")
    assert all(e.negated for e in evs if e.type == "AGREE")


def test_coder_refused_acceptance_is_not_doubled(rules_pipeline):
    evs = analyze(rules_pipeline, "The rebels refused to accept the deal.", "en").events
    assert len([e for e in evs if e.type == "REJECT"]) == 1


def test_coder_fr_negative_subject_negates(rules_pipeline):
    evs = analyze(rules_pipeline, "Personne n'a démenti cette information.", "fr").events
    assert evs and all(e.negated for e in evs if e.type == "REJECT")


@pytest.mark.parametrize("lang,text,trigger", [
    ("fr", "Les rebelles en profitent aussitôt pour frapper les dépôts de munitions de l'armée.", "frapper"),
    ("en", "The rebels used the lull to attack an army checkpoint near the border.", "attack"),
])
def test_coder_purpose_after_seizing_a_chance_is_what_was_done(rules_pipeline, lang, text, trigger):
    evs = [e for e in analyze(rules_pipeline, text, lang).events if trigger in e.trigger.text]
    assert evs and not evs[0].hypothetical


def test_coder_fr_plain_purpose_stays_hypothetical(rules_pipeline):
    evs = analyze(rules_pipeline, "L'armée a envoyé des renforts pour attaquer la ville.", "fr").events
    assert [e for e in evs if e.trigger.text.startswith("attaquer") and e.hypothetical]


@pytest.mark.parametrize("text", [
    pytest.param("L'armée va attaquer la ville.", id="futur_proche"),
    pytest.param("Les rebelles pourraient attaquer la capitale.", id="conditional"),
])
def test_coder_fr_futur_proche_and_conditional_are_hypothetical(rules_pipeline, text):
    a = analyze(rules_pipeline, text, "fr")
    assert [e for e in a.events if e.type == "ASSAULT"]
    assert all(e.hypothetical for e in a.events if e.type == "ASSAULT")


def test_coder_fr_ne_jamais_is_negation(rules_pipeline):
    a = analyze(rules_pipeline, "L'armée n'a jamais attaqué la ville.", "fr")
    (ev,) = [e for e in a.events if e.type == "ASSAULT"]
    assert ev.negated


def test_coder_en_purpose_infinitive_is_hypothetical(rules_pipeline):
    a = analyze(rules_pipeline, "Thousands of farmers rallied in the capital to demand land reform.", "en")
    assert of_type(facts(a.events), "PROTEST")
    assert all(e.hypothetical for e in a.events if e.type == "REQUEST")


def test_coder_fr_hedged_participation_is_not_a_fact(rules_pipeline):
    text = "L'enquête n'a pas trouvé d'éléments prouvant une éventuelle participation de l'islamiste " \
           "irakien, arrêté mercredi, à l'attentat contre le bus du Borussia Dortmund."
    assert not coded(rules_pipeline, text, "fr", "ASSAULT")


# -- obligations and promises --------------------------------------------------------------------
def test_coder_en_must_clause_is_request_from_speaker(rules_pipeline):
    (req,) = coded(rules_pipeline, "France said on Monday that Mali must release the journalists.", "en", "REQUEST")
    assert req.source.name == "France" and req.target.name == "Mali" and ".modal." in req.rule


def test_coder_en_future_aid_is_a_promise(rules_pipeline):
    a = analyze(rules_pipeline, "The European Union will provide medical aid to the flood victims.", "en")
    assert [e for e in facts(a.events) if e.type == "AGREE" and e.rule.endswith(".promise")]
    assert all(e.hypothetical for e in a.events if e.type == "AID")


def test_coder_fr_plus_without_ne_is_no_negation(pipeline):
    # "plus de moyens" is "more means": "plus", "point", "guère" negate only with "ne"
    evs = analyze(pipeline, "Le collectif des soignants réclame plus de moyens pour les hôpitaux.", "fr").events
    (req,) = [e for e in evs if e.type == "REQUEST"]
    assert not req.negated


def test_coder_fr_ne_plus_is_a_negation(rules_pipeline):
    evs = analyze(rules_pipeline, "Les rebelles n'attaquent plus les convois humanitaires.", "fr").events
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert ev.negated


def test_coder_en_no_longer_negates(rules_pipeline):
    evs = analyze(rules_pipeline, "The rebels no longer attack the aid convoys.", "en").events
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert ev.negated


@pytest.mark.parametrize("lang,text", [
    ("en", "The interior minister said the government would not negotiate with the strikers."),
    ("fr", "Le gouvernement ne négociera pas avec les grévistes."),
])
def test_coder_talks_refused_for_the_future_are_a_rejection(rules_pipeline, lang, text):
    evs = analyze(rules_pipeline, text, lang).events
    (rej,) = [e for e in evs if e.type == "REJECT"]
    assert rej.rule.endswith(".refusal") and not rej.negated
    assert all(e.negated for e in evs if e.type == "CONSULT")


def test_coder_talks_that_did_not_happen_are_no_rejection(rules_pipeline):
    evs = analyze(rules_pipeline, "The president did not meet the opposition leaders on Monday.", "en").events
    assert not [e for e in evs if e.type == "REJECT"]


@pytest.mark.parametrize("text,etype", [
    # "s'apprêter à": about to act, not acted yet
    ("Le président nigérien s'apprête à signer un accord de défense avec la Turquie.", "AGREE"),
    # a French future in -era the tagger reads as a participle: still a future
    ("Le Parlement votera mardi des sanctions contre la Biélorussie.", "SANCTION"),
    ("Le Sénat examinera jeudi des sanctions contre le régime syrien.", "SANCTION"),
])
def test_coder_fr_announced_acts_are_not_yet_facts(analysed, text, etype):
    found = [e for e in analysed(text, "fr").events if e.type == etype]
    assert all(e.hypothetical or e.negated for e in found), found


def test_coder_fr_a_past_tense_in_ra_is_no_future(analysed):
    # "il déclara", passé simple: a fact
    text = "Le ministre déclara la guerre au Paraguay et envoya ses troupes à la frontière."
    found = [e for e in analysed(text, "fr").events if e.type == "MOBILIZE"]
    assert found and not any(e.hypothetical for e in found), found


def test_coder_fr_completed_pouvoir_makes_the_act_factual(rules_pipeline):
    text = "Le ministre des Affaires étrangères a pu rencontrer son homologue chinois à Pékin."
    evs = analyze(rules_pipeline, text, "fr").events
    assert [e for e in evs if e.type == "CONSULT" and not e.hypothetical]


def test_coder_fr_conditional_pouvoir_stays_hypothetical(rules_pipeline):
    text = "Le ministre des Affaires étrangères pourrait rencontrer son homologue chinois à Pékin."
    evs = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "CONSULT"]
    assert evs and all(e.hypothetical for e in evs)


@pytest.mark.parametrize("text,lang", [
    ("Les écologistes ont réclamé un audit de la régie, tandis que les libéraux ont accusé le maire de mentir.", "fr"),
    ("Le syndicat a exigé une hausse des salaires, alors que l'opposition a accusé le ministre de mentir.", "fr"),
    ("The union demanded an audit of the utility, while the opposition accused the mayor of lying.", "en"),
])
def test_coder_a_clause_of_contrast_is_outside_the_request(rules_pipeline, text, lang):
    # a clause of its own subject opened by "tandis que" / "alors que" / "while" states its own fact: the
    # accusation is told, not what the first clause's verb of asking asks for
    assert coded(rules_pipeline, text, lang, "ACCUSE")


def test_coder_a_request_keeps_its_own_complement_hypothetical(rules_pipeline):
    evs = analyze(rules_pipeline, "Les écologistes ont réclamé que le maire soit arrêté.", "fr").events
    assert all(e.hypothetical for e in evs if e.type == "COERCE")


def test_coder_fr_an_order_of_an_act_is_that_act_done(rules_pipeline):
    # "ordonner" is an ordering verb: the act ordered is the orderer's, told as done, and no REQUEST
    evs = analyze(rules_pipeline, "Le ministre a ordonné mardi l'envoi de renforts dans la région.", "fr").events
    (mob,) = [e for e in evs if e.type == "MOBILIZE"]
    assert not mob.hypothetical and mob.source.text == "Le ministre"
    assert not [e for e in evs if e.type == "REQUEST"]


def test_coder_fr_a_step_is_no_negation(pipeline):
    # "pas" with a determiner of its own is a noun the tagger read as the negation adverb
    assert coded(pipeline, "Le syndicat a salué « un premier pas » du gouvernement.", "fr", "SUPPORT")
    evs = analyze(pipeline, "Le syndicat n'a pas salué la décision du gouvernement.", "fr").events
    assert all(e.negated for e in evs if e.type == "SUPPORT")


@pytest.mark.parametrize("text,lang", [
    ("Le Kremlin a rejeté ces critiques, accusant Berlin de prolonger la guerre.", "fr"),
    ("The Kremlin rejected the claims, accusing Berlin of prolonging the war.", "en"),
])
def test_coder_a_detached_participle_is_the_subjects_own_act(rules_pipeline, text, lang):
    # the participle after the comma speaks of the main clause's subject, not of the object the parser
    # hangs it on, and is outside the scope of the rejection
    (acc,) = coded(rules_pipeline, text, lang, "ACCUSE")
    assert acc.source.name.lower() in ("kremlin", "russia") or "Kremlin" in acc.source.text
    assert "Berlin" in acc.target.text



def test_coder_fr_a_march_to_demand_made_the_demand(rules_pipeline):
    text = "Plusieurs centaines de riverains ont manifesté devant l'hôtel de ville pour exiger le départ du préfet."
    (req,) = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "REQUEST"]
    assert not req.hypothetical and "riverains" in req.source.text


def test_coder_fr_a_march_to_come_to_demand_is_a_plan(rules_pipeline):
    text = "Plusieurs centaines de riverains vont manifester devant l'hôtel de ville pour exiger le départ du préfet."
    assert all(e.hypothetical for e in analyze(rules_pipeline, text, "fr").events if e.type == "REQUEST")


def test_coder_en_standing_idly_by_is_no_support(rules_pipeline):
    # "standing idly by": a failure to act, not "standing by" someone (the lexicon's SUPPORT defend)
    text = "Activists said European governments were standing idly by while the refugees drowned."
    support = of_type(analyze(rules_pipeline, text, "en").events, "SUPPORT")
    assert support and all(e.negated for e in support)
    text = "Western governments stood by the government in Kiev throughout the crisis."
    assert [e for e in of_type(analyze(rules_pipeline, text, "en").events, "SUPPORT") if not e.negated]


@pytest.mark.parametrize("text, name", [
    pytest.param("Poland plans to impose new restrictions on Belarusian truck drivers.", "Poland", id="plans_to"),
    pytest.param("The Israeli cabinet intends to close the Allenby crossing to Palestinian traffic.", "",
                 id="intends_to"),
])
def test_coder_en_planned_hostile_act_is_a_threat(pipeline, text, name):
    # a hostile act its author plans or stands ready to carry out is announced, not done: a THREATEN
    evs = analyze(pipeline, text, "en").events
    threats = [e for e in evs if e.type == "THREATEN"]
    assert threats and (not name or threats[0].source.name == name), [(e.type, e.source) for e in evs]
    assert all(e.hypothetical for e in evs if e.type == "COERCE")


def test_coder_en_plan_of_a_peaceful_act_is_no_threat(rules_pipeline):
    evs = analyze(rules_pipeline, "The two ministers plan to meet in Geneva next month.", "en").events
    assert not [e for e in evs if e.type == "THREATEN"]


def test_coder_en_confirmed_future_act_is_a_threat_by_its_author(rules_pipeline):
    # "confirm" is a verb of saying: the pronoun of its clause is its subject, and the act announced is its own
    evs = analyze(rules_pipeline, "NATO confirmed it would impose a naval blockade on the port.", "en").events
    assert [e for e in evs if e.type == "THREATEN" and e.source.name == "NATO"], [(e.type, e.source) for e in evs]


def test_coder_en_denied_act_by_the_denier_stays_negated(rules_pipeline):
    evs = analyze(rules_pipeline, "The interior ministry denied it had detained the two reporters.", "en").events
    assert [e for e in evs if e.type == "REJECT"]
    assert all(e.negated for e in evs if e.type == "COERCE")
