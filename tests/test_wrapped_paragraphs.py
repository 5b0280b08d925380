"""Hard-wrapped wire copy (~70-character lines): a line break is only the page's width, a paragraph
ends at a blank line, so the place and the date of a paragraph's earlier sentences reach a sentence
that starts on a later line of it (hand-written text)."""

from __future__ import annotations

import pytest

from _dates import run as run_dates  # noqa: E402
from _places import run as run_places  # noqa: E402
from eventwire.dates import DateStage
from eventwire.places import PlaceStage
from eventwire.text import paragraph_start

pytestmark = pytest.mark.slow

WRAPPED = ("   Lima, 3 Mar 90 (Radio Zorglub) -- [Text] The police said that a group\n"
           "of armed men attacked a police post in Huancayo on Tuesday and set fire to\n"
           "the town hall and to two trucks of the local cooperative. The police\n"
           "added that the armed men also burned a bus of the regional transport\n"
           "company before they fled towards the nearby hills at dawn.\n\n"
           "   The governor of the department has asked the government for more\n"
           "troops and for a curfew in the whole province starting next week.\n")


def test_paragraph_start_skips_line_wraps():
    at = WRAPPED.index("burned")
    assert paragraph_start(WRAPPED, at) == WRAPPED.rindex("\n", 0, at) + 1
    assert paragraph_start(WRAPPED, at, wrapped=True) == 0
    later = WRAPPED.index("troops")
    assert paragraph_start(WRAPPED, later, wrapped=True) == WRAPPED.index("   The governor")


def test_a_wrapped_paragraph_keeps_its_place(resources, nlp_en):
    ev = run_places(PlaceStage(resources), nlp_en, WRAPPED, "burned", "en", "ASSAULT", source="the armed men")
    assert ev.location is not None and ev.location.name == "Huancayo"


def test_a_wrapped_paragraph_keeps_its_date(resources, nlp_en):
    w = run_dates(DateStage(resources), nlp_en, WRAPPED, ["burned"], published="1990-03-03", lang="en")
    assert w.events[0].date is not None and w.events[0].date.value == "1990-02-27"
