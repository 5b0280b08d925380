"""Manner and purpose adjuncts of a clause ("in a telephone conversation", "for talks"): the CONSULT
belongs to the clause's subject, and its partner is the clause's object or a "with" on the verb, past
a date the parser puts between them."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


def test_coder_en_talk_in_adjunct_belongs_to_speaker_and_addressee(rules_pipeline):
    text = "Foreign Minister Amir Karimi told Spanish Foreign Minister Ana Ruiz in a telephone " \
           "conversation on Tuesday that Iran would help."
    (ev,) = coded(rules_pipeline, text, "en", "CONSULT")
    assert "Karimi" in ev.source.text and ev.target is not None and "Ruiz" in ev.target.text
    assert ev.mode == "phone"


def test_coder_en_phone_call_partner_after_a_date_on_the_noun(rules_pipeline):
    text = "The French president said in a phone call on Monday with Vladimir Putin that talks must resume."
    (ev,) = coded(rules_pipeline, text, "en", "CONSULT")
    assert ev.target is not None and ev.target.name == "Vladimir Putin"


def test_coder_en_phone_call_partner_on_the_verb(rules_pipeline):
    text = "Merkel spoke in a phone call late on Friday with the Russian president."
    (ev,) = coded(rules_pipeline, text, "en", "CONSULT")
    assert ev.source.name == "Angela Merkel" and ev.target is not None and ev.target.name == "Vladimir Putin"
    assert "manner-with" in ev.rule


def test_coder_en_travel_for_talks_is_consultation(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Chinese diplomats fly to Vienna this week for talks on the trade dispute.",
                  "en", "CONSULT")
    assert ev.source.name == "China"
