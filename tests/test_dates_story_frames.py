"""DateStage: which frame an event takes from its headline, its lead, a participle clause or an aside
in parentheses (hand-written sentences)."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


def test_headline_event_takes_the_date_of_the_body_event(date_stage, nlp_fr):
    # the lead sentence dates nothing; the body tells the attack on Saturday (8 May 2021)
    text = ("Mali : assaut contre un camp militaire près de Gao\n\n"
            "12 mai 2021 . – La situation reste très tendue dans le nord du pays.\n\n"
            "Samedi, des hommes armés ont attaqué un camp de l'armée près de Gao.")
    events = run(date_stage, nlp_fr, text, ["assaut", "ont attaqué"]).events
    title, body = events[0].date, events[1].date
    assert body.value == "2021-05-08"
    assert (title.value, title.text) == ("2021-05-08", "Samedi") and "via-headline" in title.flags


def test_headline_ignores_an_old_date_of_the_body(date_stage, nlp_fr):
    text = ("Mali : assaut contre un camp militaire près de Gao\n\n"
            "12 mai 2021 . – La situation reste très tendue dans le nord du pays.\n\n"
            "En mars 2012, des hommes armés avaient attaqué un camp de l'armée près de Gao.")
    title = run(date_stage, nlp_fr, text, ["assaut", "avaient attaqué"]).events[0].date
    assert title is None or "via-headline" not in title.flags
