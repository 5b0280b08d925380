"""Passives and their agents: the agent is the source even when the parser reads the auxiliary as a
copula or hangs the agent on a time adjunct; a discourse adverbial ("par exemple") is no agent; a time
noun is no passive subject; a compound tense with être that is no passive (pronominal or unaccusative
verbs, English stative participles) keeps its subject as the source."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, one

pytestmark = pytest.mark.slow


# -- "par" phrases that are no agent -----------------------------------------------------------
def test_coder_fr_discourse_adverbial_is_not_the_agent(rules_pipeline):
    text = ("En avril 2014, le groupe rebelle appelé 21e régiment du Front du Sud est par exemple "
            "chassé de Bosra par le Front al-Nosra.")
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.source.text == "Front al-Nosra"
    assert ev.target is not None and ev.target.text.startswith("21")  # the name, not "groupe rebelle"


def test_coder_fr_par_ailleurs_in_a_compound_passive(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Le village a par ailleurs été bombardé par l'aviation russe.", "fr", "ASSAULT")
    assert ev.source.text == "aviation russe" and ev.target is not None and ev.target.text == "Le village"


def test_coder_fr_forces_expelled_from_a_town_is_an_assault(rules_pipeline):
    (ev,) = coded(rules_pipeline, "L'armée syrienne a été expulsée de Palmyre par Daech.", "fr", "ASSAULT")
    assert ev.source.name == "Islamic State" and ev.target is not None and ev.target.country == "SYR"
    assert coded(rules_pipeline, "L'armée a expulsé des milliers d'habitants du village.", "fr", "ASSAULT") == []


# -- time adjuncts in passive clauses -------------------------------------------------------------
def test_coder_fr_time_noun_misread_as_passive_subject_yields_to_the_real_one(rules_pipeline):
    text = "Ce matin, à Paris, six personnes, âgés de 22 à 30 ans, dont certaines proches de l’ultradroite, " \
           "ont été arrêtées par la police pour violence contre les agents de l’ordre."
    (ev,) = coded(rules_pipeline, text, "fr", "COERCE")
    assert ev.source.name == "police" and ev.target is not None and ev.target.text != "Ce matin"


def test_coder_fr_agent_hung_on_a_time_adjunct(rules_pipeline):
    text = "Le suspect a été arrêté dans l'après-midi par la Brigade de Recherche et d’Intervention."
    (ev,) = coded(rules_pipeline, text, "fr", "COERCE")  # one event: the "et" is inside the name
    assert ev.source.text.startswith("Brigade") and ev.target is not None and ev.target.text.endswith("suspect")


def test_coder_fr_time_adjunct_without_agent_gives_no_source(rules_pipeline):
    assert coded(rules_pipeline, "Le suspect a été arrêté dans l'après-midi.", "fr", "COERCE") == []


# -- être that makes no passive -------------------------------------------------------------------
@pytest.mark.parametrize("text,etype,source", [
    ("Le lendemain, l'armée syrienne s'est retirée de deux quartiers de la ville.", "RETREAT", "Syria"),
    ("Les forces kurdes se sont retirées de Manbij mardi.", "RETREAT", "Kurds"),
])
def test_coder_fr_pronominal_compound_tense_is_active(rules_pipeline, text, etype, source):
    # "s'est retirée": être is the pronominal verb's auxiliary; the parser reads a passive
    found = coded(rules_pipeline, text, "fr", etype)
    assert found and found[0].source is not None and found[0].source.name == source
    assert found[0].target is None or found[0].target.name != source


def test_coder_fr_unaccusative_with_etre_is_not_a_passive(rules_pipeline):
    ev = one(coded(rules_pipeline, "Les miliciens sont passés à l'offensive dans le nord du pays.", "fr"), "ASSAULT")
    assert "miliciens" in ev.source.text and ev.target is None


def test_coder_en_committed_to_is_no_agentless_passive(rules_pipeline):
    evs = coded(rules_pipeline, "The spokesman said Kenya is committed to opening its borders to refugees.", "en")
    (ev,) = [e for e in evs if e.type == "AGREE"]
    assert ev.source.name == "Kenya"


def test_coder_fr_agent_hung_on_another_adjunct(rules_pipeline):
    # the parser hangs "par le Sénat" on "fonctions"; an actor there is the passive's agent
    text = "Le gouverneur Paul Martin a été suspendu de ses fonctions par le Sénat américain jeudi."
    found = coded(rules_pipeline, text, "fr", "SANCTION")
    assert found and found[0].source is not None and found[0].source.name == "US Congress"


# -- a clause the parser heads with its subject noun ---------------------------------------------
def test_coder_en_main_verb_misread_as_a_participle_keeps_its_subject(rules_pipeline):
    # the parser makes "fighters" the root and "handed" a participle on it: with an object, it is the
    # main verb, and the fighters are its subject, not its patient
    (ev,) = coded(rules_pipeline, "The former fighters handed in their weapons.", "en", "RETREAT")
    assert ev.source is not None and ev.source.text.endswith("fighters") and ev.rule.endswith("acl-root-none")


def test_coder_en_main_verbs_misread_under_the_subjects_complement_keep_it(rules_pipeline):
    # the parser makes "Doctors" the root and "donated ... and delivered" a participle on "charities": the
    # doctors, not the charities, give the vaccines
    text = "Doctors from two Swiss charities donated and then delivered vaccines to a clinic in Mosul."
    found = coded(rules_pipeline, text, "en", "AID")
    assert found and all(e.source is not None and e.source.text.startswith("Doctors") for e in found)


def test_coder_en_reduced_relative_with_no_object_stays_a_participle(nlp_en):
    from eventwire.coding.arg_verbs import _headless_clause

    doc = nlp_en("The weapons handed over at the camp.")
    verb = next(t for t in doc if t.lower_ == "handed")
    assert verb.dep_ == "acl" and _headless_clause(verb.head, verb) is None


@pytest.mark.parametrize("lang,text,src,tgt", [
    ("en", "Government warplanes carried out a series of air strikes on villages around the town.", "Government",
     "villages"),
    ("fr", "L'aviation russe a mené une série de frappes contre les positions rebelles.", "aviation", "positions"),
])
def test_coder_event_noun_counted_by_a_quantity_noun_keeps_its_support_verb(rules_pipeline, lang, text, src, tgt):
    # "a series of", "une série de": the support verb and the target hang on the quantity noun
    (ev,) = coded(rules_pipeline, text, lang, "ASSAULT")
    assert src in ev.source.text and tgt in ev.target.text and ev.rule.endswith(".light-verb")


@pytest.mark.parametrize("lang,text,src", [
    ("fr", "Des centaines de policiers ont été déployés autour du stade.", "police"),
    ("fr", "Les gendarmes, mobilisés en nombre, ont bouclé le quartier.", "gendarmes"),
    ("en", "Five hundred soldiers were deployed to the border.", "soldiers"),
])
def test_coder_forces_deployed_with_no_agent_are_the_source(pipeline, lang, text, src):
    # the guideline codes the forces mobilised as the MOBILIZE's source when no one is named deploying them
    evs = [e for e in analyze(pipeline, text, lang).events if e.type == "MOBILIZE"]
    assert evs and evs[0].source is not None and src in (evs[0].source.text + evs[0].source.name)
    assert "-deployed" in evs[0].rule


def test_coder_forces_deployed_by_an_agent_keep_the_agent(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Des centaines de policiers ont été déployés par le préfet.", "fr", "MOBILIZE")
    assert "préfet" in ev.source.text


def test_coder_an_agentless_deployment_reported_by_an_authority_is_its_act(pipeline):
    # "units" is no actor of its own: the ministry that reports the move is the one mobilising
    text = "The defence ministry said units have been moved closer to the frontier."
    evs = [e for e in analyze(pipeline, text, "en").events if e.type == "MOBILIZE"]
    assert evs and evs[0].source is not None and "-announcer" in evs[0].rule


def test_coder_an_agentless_deployment_reported_by_witnesses_has_no_such_source(pipeline):
    text = "Witnesses said the units had been moved closer to the frontier."
    assert not any("-announcer" in e.rule for e in analyze(pipeline, text, "en").events)
