"""DateStage, the lead's day (``via-story``): a lead opening on a day the parser leaves hanging on no verb
still gives the story its day."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


def _dates(date_stage, nlp, text, triggers, published=None):
    return [e.date for e in run(date_stage, nlp, text, triggers, published=published).events]


# -- an opening day before a comma frames the lead's main clause, whatever the parser hangs it on ---

OPENING = ("Canada : un passager expulsé d'un train provoque la colère\n\n"
           "11 avril 2017 . –\n"
           "Dimanche, vers 18:00 UTC-5, dans un train partant de Toronto vers Montréal de la compagnie "
           "ferroviaire canadienne Via Rail, quatre voyageurs ont été expulsés du wagon.\n\n"
           "Les agents de sécurité ont blessé un homme qui refusait de descendre.")


def test_opening_day_left_alone_by_the_parser_dates_the_story(date_stage, nlp_fr):
    (w,) = _dates(date_stage, nlp_fr, OPENING, ["ont blessé"])
    assert (w.value, w.flags[-1]) == ("2017-04-09", "via-story")
