"""English "accused X of V-ing", "blamed X for V-ing": X did V (as the accuser reports it); the gerund
is not part of X's span, and the noun "forces" is not the verb "force" that makes a clause hypothetical."""

from __future__ import annotations

import pytest

from _coder import analyze, coded

pytestmark = pytest.mark.slow


def test_coder_en_accused_of_killing_gives_the_accused_as_source(rules_pipeline):
    text = "Local officials have accused government forces of killing 40 civilians during the raid."
    (ev,) = coded(rules_pipeline, text, "en", "ASSAULT")
    assert ev.source.name.lower() == "forces" and ev.target is not None and ev.target.name == "civilians"
    assert "accused-of" in ev.rule


def test_coder_en_blamed_for_gerund(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Washington blamed Moscow for shooting down the airliner.", "en", "ASSAULT")
    assert ev.source.name == "Russia"


def test_coder_en_accused_of_a_non_event_codes_nothing(rules_pipeline):
    events = analyze(rules_pipeline, "The opposition accused the minister of lying to parliament.", "en").events
    assert [e.type for e in events if e.type != "ACCUSE"] == []
    assert [e for e in events if e.type == "ACCUSE" and e.source.name == "opposition"]  # the accusation is read


def test_coder_en_gerund_complement_is_not_part_of_the_object_span(rules_pipeline):
    text = "The court convicted the former general of ordering the massacre."
    (ev,) = coded(rules_pipeline, text, "en", "SANCTION")
    assert ev.target is not None and ev.target.text == "the former general"


def test_coder_en_noun_forces_does_not_make_a_clause_hypothetical(rules_pipeline):
    """"forces" (the noun) is not the verb "force" of hypothetical_verbs."""
    text = "Rights groups have accused security forces of torturing detainees."
    assert coded(rules_pipeline, text, "en", "ASSAULT")
