"""The rule coder on tiny hand-written sentences: types, actors, modality, rejections."""

from __future__ import annotations

import pytest

from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def analyze(pipeline, text, lang):
    return pipeline.analyze(Article(id="t", text=text, language=lang, published="2020-11-05"))


def facts(analysis):
    return [e for e in analysis.events if not (e.negated or e.hypothetical)]


def find(analysis, etype):
    return [e for e in analysis.events if e.type == etype]


def test_coder_fr_active_verb_subject_and_object(pipeline):
    a = analyze(pipeline, "Des hommes armés ont attaqué un poste de police à Kirkouk.", "fr")
    (ev,) = find(a, "ASSAULT")
    assert "hommes armés" in ev.source.text
    assert ev.target is not None and "police" in ev.target.text  # the post stands for its holder
    assert ev.rule.startswith("fr.ASSAULT.verb.nsubj")
    assert a.article.text[slice(*ev.trigger.span)] == ev.trigger.text
    assert 0 < ev.confidence <= 1 and ev.explanation


def test_coder_fr_passive_agent_is_source(pipeline):
    a = analyze(pipeline, "Le journaliste a été enlevé par des hommes armés près de Gao.", "fr")
    (ev,) = find(a, "ASSAULT")
    assert ev.mode == "abduct"
    assert "hommes armés" in ev.source.text
    assert "journaliste" in ev.target.text


def test_coder_en_passive_by_agent(pipeline):
    a = analyze(pipeline, "Three soldiers were killed by gunmen in the north.", "en")
    (ev,) = find(a, "ASSAULT")
    assert "gunmen" in ev.source.text.lower()
    assert ev.target is not None and "soldiers" in ev.target.text


def test_coder_en_coordinated_subjects_give_two_events(pipeline):
    a = analyze(pipeline, "Russia and China vetoed the resolution.", "en")
    sources = sorted(e.source.name for e in find(a, "REJECT"))
    assert len(sources) == 2 and sources[0] != sources[1]


def test_coder_fr_threat_makes_attack_hypothetical(pipeline):
    a = analyze(pipeline, "Le Hezbollah a menacé de lancer une attaque contre Israël.", "fr")
    threats = [e for e in find(a, "THREATEN") if not e.hypothetical]
    assert threats and "Hezbollah" in threats[0].source.text
    assert all(e.hypothetical for e in find(a, "ASSAULT"))


def test_coder_en_negation_flags_event(pipeline):
    a = analyze(pipeline, "The army did not attack the village.", "en")
    (ev,) = find(a, "ASSAULT")
    assert ev.negated and not facts(a)


def test_coder_en_denial_is_reject_and_denied_act_not_fact(pipeline):
    a = analyze(pipeline, "The government denied attacking the protesters.", "en")
    assert [e for e in facts(a) if e.type == "REJECT"]
    assert not [e for e in facts(a) if e.type == "ASSAULT"]


def test_coder_en_future_is_hypothetical(pipeline):
    a = analyze(pipeline, "The rebels will attack the capital.", "en")
    assert find(a, "ASSAULT") and all(e.hypothetical for e in find(a, "ASSAULT"))


def test_coder_fr_request_sense_needs_a(rules_pipeline):
    pipeline = rules_pipeline
    a = analyze(pipeline, "Le président a appelé son homologue turc.", "fr")
    assert not find(a, "REQUEST")
    assert any(r.reason.startswith("sense constraint failed") for r in a.rejections)
    b = analyze(pipeline, "Le président a appelé les rebelles à déposer les armes.", "fr")
    assert find(b, "REQUEST")


def test_coder_en_call_for_is_request(pipeline):
    a = analyze(pipeline, "The opposition called for the release of all prisoners.", "en")
    (ev,) = [e for e in find(a, "REQUEST") if not e.hypothetical]
    assert "opposition" in ev.source.text.lower()


def test_coder_no_source_is_rejected_not_guessed(rules_pipeline):
    pipeline = rules_pipeline
    a = analyze(pipeline, "Une attaque a eu lieu hier soir.", "fr")
    assert not facts(a)
    assert any(r.reason == "no source actor" and r.type == "ASSAULT" for r in a.rejections)


def test_coder_fr_light_verb_passes_subject_to_noun(pipeline):
    a = analyze(pipeline, "L'armée turque a lancé une offensive contre les rebelles.", "fr")
    evs = [e for e in find(a, "ASSAULT") if not e.hypothetical]
    assert evs and "light-verb" in evs[0].rule
    assert "rebelles" in evs[0].target.text


def test_coder_fr_relative_clause_antecedent_is_subject(pipeline):
    a = analyze(pipeline, "Les rebelles qui ont attaqué la ville ont été repoussés.", "fr")
    evs = [e for e in find(a, "ASSAULT") if e.trigger.text.endswith("attaqué")]
    assert evs and "rebelles" in evs[0].source.text


def test_coder_user_lexicon_adds_trigger(tmp_path):
    user = tmp_path / "extra.yaml"
    user.write_text("language: en\ntriggers:\n  PROTEST:\n    verb:\n      - {lemma: picket, mode: demo}\n",
                    encoding="utf-8")
    pipe = Pipeline(load_config(overrides={"user_lexicons": [str(user)]}))
    a = analyze(pipe, "Thousands of workers picketed the factory.", "en")
    assert [e for e in a.events if e.type == "PROTEST" and e.mode == "demo"]
