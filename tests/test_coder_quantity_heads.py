"""Quantity heads ("thousands of students", "500 kg of supplies", "members of X") pass the actor role
to their complement, unless the head is itself in a class ("des membres du personnel" are persons)."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, words", [
    pytest.param("Thousands of students protested against the new law.", "PROTEST", "students",
                 id="quantity_subject_passes_to_complement"),
    pytest.param("Members of the Union of Arab Lawyers investigated the treatment of 500 detainees.", "ACCUSE",
                 "Union of Arab Lawyers", id="members_of_a_body_act_for_it"),
])
def test_coder_en_quantity_head_passes_the_role_to_its_complement(rules_pipeline, text, etype, words):
    (ev,) = coded(rules_pipeline, text, "en", etype)
    assert words in ev.source.text


def test_coder_en_weight_unit_passes_class_to_its_complement(rules_pipeline):
    text = "Danish doctors handed over 500 kg of medical supplies to the Red Cross on Monday."
    (ev,) = coded(rules_pipeline, text, "en", "AID")
    assert "doctors" in ev.source.text and ev.target is not None


def test_coder_fr_members_still_persons_for_sense_constraints(rules_pipeline):
    text = "Des membres du personnel soignant d'un hôpital avaient été enlevés par des rebelles."
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.mode == "abduct" and ev.source.name == "rebels"
