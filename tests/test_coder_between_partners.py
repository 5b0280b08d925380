"""A talk, a cooperation or an accord "between A and B" has A and B as its partners; a mediation "between
A and B" by X is X's, with A as its target (coded once, as the partners of a talk)."""

from __future__ import annotations

import pytest

from _coder import coded, pairs

pytestmark = pytest.mark.slow


def test_coder_talks_between_two_states_are_theirs(rules_pipeline):
    text = "Talks between Chile and Peru opened in Lima on Monday."
    assert pairs(coded(rules_pipeline, text, "en", "CONSULT")) == {("Chile", "Peru")}


def test_coder_mediation_between_two_states_targets_the_first(rules_pipeline):
    # coded once, like the partners of a talk: the mediator -> the first party named
    text = "The Norwegian foreign minister launched a mediation effort between Chile and Peru on Sunday."
    found = coded(rules_pipeline, text, "en", "CONSULT")
    assert {(e.source.country, e.target.name if e.target else None) for e in found} == {("NOR", "Chile")}


def test_coder_between_is_not_a_place_span(rules_pipeline):
    text = "Fighting broke out between the border towns of Kidal and Gao on Monday."
    assert coded(rules_pipeline, text, "en", "CONSULT") == []


def test_coder_french_talks_between_two_states_are_theirs(rules_pipeline):
    text = "Des négociations entre le Mali et l'Algérie se sont ouvertes jeudi à Alger."
    assert pairs(coded(rules_pipeline, text, "fr", "CONSULT")) == {("Mali", "Algeria")}
