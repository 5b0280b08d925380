"""A French object the parser reads as an oblique because a time noun follows it is the object."""

from __future__ import annotations

import pytest

from _coder import processed

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, target", [
    ("Le Hezbollah a menacé Israël mercredi.", "THREATEN", "Israel"),
    ("Le Hamas a menacé les États-Unis mardi.", "THREATEN", "United States"),
    # the tagger leaves the name unclassed (X) when a long complement follows the day
    ("Le Hezbollah a menacé Israël mercredi de représailles après la mort de deux de ses combattants.",
     "THREATEN", "Israel"),
])
def test_object_before_a_weekday_is_the_target(rules_pipeline, text, etype, target):
    ev = next(e for e in processed(rules_pipeline, text, "fr") if e.type == etype)
    assert ev.target is not None and ev.target.name == target


def test_a_time_noun_alone_is_not_an_object(rules_pipeline):
    evs = [e for e in processed(rules_pipeline, "Les manifestants ont protesté mercredi.", "fr") if e.type == "PROTEST"]
    assert all(e.target is None for e in evs)
