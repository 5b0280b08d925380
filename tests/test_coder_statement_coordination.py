"""A second act coordinated with what a speaker said is the speaker's when the parser hangs it on the
reported clause: after a simple present ("said the plan is unfair and demanded ..."), or when it is itself
an act of saying and the reported verb is none ("denied that its troops had a role and blamed ...");
a reported act coordinated with another act keeps the reported subject (``arg_verbs._said_and``)."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, speaker", [
    ("The dockers' union said the new port rules are unfair and demanded the resignation of the transport "
     "minister.", "REQUEST", "dockers' union"),
    ("The Interior Ministry denied that its forces had any role in the shooting and blamed outlaw groups.",
     "ACCUSE", "Ministry"),
    ("The farmers' federation said the tax does not help anyone and urged parliament to repeal it.",
     "REQUEST", "farmers' federation"),
    # a denial and a blame are both the speaker's, whatever the denied clause tells
    ("A spokesman for the defence ministry denied that soldiers had fired on the crowd and blamed armed "
     "protesters.", "ACCUSE", "spokesman"),
])
def test_the_second_act_is_the_speakers(rules_pipeline, text, etype, speaker):
    ev = one(coded(rules_pipeline, text, "en"), etype)
    assert ev.source is not None and speaker in ev.source.text


@pytest.mark.parametrize("text, etype, doer", [
    ("Officials said the rebels attacked the convoy and killed four soldiers.", "ASSAULT", "rebels"),
    ("Police said the gang kidnapped a businessman and demanded a ransom.", "REQUEST", "the gang"),
    ("Officials said the rebels have seized the dam and demanded talks.", "REQUEST", "rebels"),
])
def test_a_reported_act_keeps_its_own_subject(rules_pipeline, text, etype, doer):
    evs = [e for e in coded(rules_pipeline, text, "en", etype) if e.trigger.text.startswith(("killed", "demanded"))]
    assert evs and all(e.source is not None and e.source.text == doer for e in evs)
