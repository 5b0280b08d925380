"""The rule coder on tiny hand-written sentences: types, actors, modality, rejections."""

from __future__ import annotations

import pytest

from _coder import analyze, facts, of_type

pytestmark = pytest.mark.slow


def test_coder_fr_active_verb_subject_and_object(rules_pipeline):
    a = analyze(rules_pipeline, "Des hommes armés ont attaqué un poste de police à Kirkouk.", "fr")
    (ev,) = of_type(a.events, "ASSAULT")
    assert "hommes armés" in ev.source.text
    assert ev.target is not None and "police" in ev.target.text  # the post stands for its holder
    assert ev.rule.startswith("fr.ASSAULT.verb.nsubj")
    assert a.article.text[slice(*ev.trigger.span)] == ev.trigger.text
    assert 0 < ev.confidence <= 1 and ev.explanation


def test_coder_fr_passive_agent_is_source(rules_pipeline):
    a = analyze(rules_pipeline, "Le journaliste a été enlevé par des hommes armés près de Gao.", "fr")
    (ev,) = of_type(a.events, "ASSAULT")
    assert ev.mode == "abduct"
    assert "hommes armés" in ev.source.text
    assert "journaliste" in ev.target.text


def test_coder_en_passive_by_agent(rules_pipeline):
    a = analyze(rules_pipeline, "Three soldiers were killed by gunmen in the north.", "en")
    (ev,) = of_type(a.events, "ASSAULT")
    assert "gunmen" in ev.source.text.lower()
    assert ev.target is not None and "soldiers" in ev.target.text


def test_coder_en_coordinated_subjects_give_two_events(rules_pipeline):
    a = analyze(rules_pipeline, "Russia and China vetoed the resolution.", "en")
    sources = sorted(e.source.name for e in of_type(a.events, "REJECT"))
    assert len(sources) == 2 and sources[0] != sources[1]


def test_coder_fr_threat_makes_attack_hypothetical(rules_pipeline):
    a = analyze(rules_pipeline, "Le Hezbollah a menacé de lancer une attaque contre Israël.", "fr")
    threats = [e for e in of_type(a.events, "THREATEN") if not e.hypothetical]
    assert threats and "Hezbollah" in threats[0].source.text
    assert all(e.hypothetical for e in of_type(a.events, "ASSAULT"))


def test_coder_en_negation_flags_event(rules_pipeline):
    a = analyze(rules_pipeline, "The army did not attack the village.", "en")
    (ev,) = of_type(a.events, "ASSAULT")
    assert ev.negated and not facts(a.events)


def test_coder_en_denial_is_reject_and_denied_act_not_fact(rules_pipeline):
    a = analyze(rules_pipeline, "The government denied attacking the protesters.", "en")
    assert [e for e in facts(a.events) if e.type == "REJECT"]
    assert not [e for e in facts(a.events) if e.type == "ASSAULT"]


def test_coder_en_future_is_hypothetical(rules_pipeline):
    a = analyze(rules_pipeline, "The rebels will attack the capital.", "en")
    assert of_type(a.events, "ASSAULT") and all(e.hypothetical for e in of_type(a.events, "ASSAULT"))


def test_coder_fr_request_sense_needs_a(rules_pipeline):
    a = analyze(rules_pipeline, "Le président a appelé son homologue turc.", "fr")
    assert not of_type(a.events, "REQUEST")
    assert any(r.reason.startswith("sense constraint failed") for r in a.rejections)
    b = analyze(rules_pipeline, "Le président a appelé les rebelles à déposer les armes.", "fr")
    assert of_type(b.events, "REQUEST")


def test_coder_en_call_for_is_request(rules_pipeline):
    a = analyze(rules_pipeline, "The opposition called for the release of all prisoners.", "en")
    (ev,) = [e for e in of_type(a.events, "REQUEST") if not e.hypothetical]
    assert "opposition" in ev.source.text.lower()


def test_coder_no_source_is_rejected_not_guessed(rules_pipeline):
    a = analyze(rules_pipeline, "Une attaque a eu lieu hier soir.", "fr")
    assert not facts(a.events)
    assert any(r.reason == "no source actor" and r.type == "ASSAULT" for r in a.rejections)


def test_coder_fr_light_verb_passes_subject_to_noun(rules_pipeline):
    a = analyze(rules_pipeline, "L'armée turque a lancé une offensive contre les rebelles.", "fr")
    evs = [e for e in of_type(a.events, "ASSAULT") if not e.hypothetical]
    assert evs and "light-verb" in evs[0].rule
    assert "rebelles" in evs[0].target.text


def test_coder_fr_relative_clause_antecedent_is_subject(rules_pipeline):
    a = analyze(rules_pipeline, "Les rebelles qui ont attaqué la ville ont été repoussés.", "fr")
    evs = [e for e in of_type(a.events, "ASSAULT") if e.trigger.text.endswith("attaqué")]
    assert evs and "rebelles" in evs[0].source.text


def test_coder_rejections_carry_sentence_and_trigger_spans(rules_pipeline):
    a = analyze(rules_pipeline, "Une attaque a eu lieu hier.", "fr")
    (rej,) = [r for r in a.rejections if r.type == "ASSAULT"]
    assert a.article.text[slice(*rej.trigger.span)] == rej.trigger.text
    assert rej.sentence[0] <= rej.trigger.span[0] < rej.sentence[1]
