"""Coreference never crosses sides: a subject pronoun resolves only when number, gender and side agree;
otherwise the source slot stays empty (and no inference from the article fills it)."""

from __future__ import annotations

import pytest

from eventwire.records import Article


def _events(pipeline, text):
    [res] = pipeline.process([Article(id="c", text=text, language="fr", published="2024-03-05")])
    return res.events


def _source_of(events, etype, trigger):
    [ev] = [e for e in events if e.type == etype and trigger in e.trigger.text]
    return ev.source.text if ev.source else None


@pytest.mark.parametrize("text, etype, trigger, source", [
    # both sides of the previous clause fit "il": the arrested man may be the one who protests
    ("Le gouvernement a arrêté le chef rebelle à Bangui. Il a dénoncé une arrestation arbitraire.",
     "ACCUSE", "dénoncé", None),
    # "il" is not "l'armée" (gender)
    ("L'armée a lancé une offensive près de Kidal. Il a ensuite attaqué le marché de la ville.",
     "ASSAULT", "attaqué", None),
    # one actor fits: it is the source
    ("Le groupe armé a pris le contrôle du village. Il a ensuite attaqué le marché de la ville.",
     "ASSAULT", "attaqué", "groupe armé"),
])
def test_subject_pronoun_resolves_only_when_it_agrees(keep_sourceless_pipeline, text, etype, trigger, source):
    assert _source_of(_events(keep_sourceless_pipeline, text), etype, trigger) == source


def test_the_refused_pronoun_is_recorded_for_the_context_stage(nlp_fr, resources):
    from eventwire.actors import resolver_for
    from eventwire.coding.arguments import ArgumentFinder
    from eventwire.coding.lexicon import lexicon_for

    doc = nlp_fr("L'armée a lancé une offensive près de Kidal. Il a ensuite attaqué le marché de la ville.")
    finder = ArgumentFinder(doc, lexicon_for(resources, "fr"), resolver_for(resources, "fr"))
    verb = next(t for t in doc if t.lemma_ == "attaquer")
    pronoun = next(t for t in doc if t.lower_ == "il")
    assert finder.actors(pronoun, "nsubj") == [] and pronoun.i in finder.refused
    assert verb.i not in finder.refused
