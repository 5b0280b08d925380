"""Places of a French live blog (issue: French dates and places): a sentence opened by the preposition
"À" written as a capital without its accent ("A Lyon, ..."), on sentences of our own, with the full
offline gazetteer."""

from __future__ import annotations

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


BLOG = ("Grève des routiers : jeudi 7 mars 2019\n\n7 mars 2019\n\n"
        "Dès le matin, plusieurs dépôts de carburant étaient bloqués dans le pays.\n\n"
        "A Montauban, trois chauffeurs ont été interpellés par les gendarmes.\n\n"
        "A Bourges (Cher), deux camions ont été incendiés sur un parking.")


def test_a_capital_a_opening_a_sentence_is_the_locative_preposition(stage, nlp_fr):
    ev = run(stage, nlp_fr, BLOG, "ont été interpellés", "fr", "COERCE")
    assert (ev.location.name, ev.location.precision) == ("Montauban", "city")


def test_a_capital_a_the_ner_swallowed_is_cut_off_the_name(stage, nlp_fr):
    ev = run(stage, nlp_fr, BLOG, "ont été incendiés", "fr", "ASSAULT")
    assert (ev.location.name, ev.location.country) == ("Bourges", "FRA")


def test_the_capital_a_is_no_preposition_in_english(stage, nlp_en):
    text = "Police said on Monday. A Montauban court convicted three drivers of arson in Toulouse."
    ev = run(stage, nlp_en, text, "convicted", "en", "SANCTION")
    assert ev.location is not None and ev.location.name == "Toulouse"
