"""Who claims responsibility for an act, or plays a part in it, is its source: the subject of the verb
whose object is the participation noun ("X claimed responsibility for the murder of Y"); a share of
something ("suspended part of its aid") is no participation."""

from __future__ import annotations


def test_the_claimant_is_the_source(events_of):
    text = "Rebels of the northern front claimed responsibility for the murder of a local judge, the radio said."
    [ev] = [e for e in events_of(text, "en") if e.type == "ASSAULT"]
    assert ev.source is not None and ev.source.text == "Rebels"
    assert "participant-obj" in ev.rule


def test_a_share_is_no_participation(collected):
    text = "The ministry suspended part of its food aid to the northern province on Monday."
    assert not [r for r in collected(text, "en") if "how=participation" in r["features"]]
