"""An act named only as what a ceremony remembers is no new event: "une minute de silence en hommage aux
victimes de l'attentat de Lyon", "la commémoration du massacre de 1994". An event noun under a noun of
``commemoration_nouns`` (within three links of "de"/"à" complements) is rejected before the judge, with its
reason; the act told as news in the same article is coded as usual."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

REMEMBERED = "remembered"


@pytest.mark.parametrize("text", [
    "Des centaines de personnes ont observé dimanche une minute de silence en hommage aux victimes de "
    "l'attentat de Lyon.",
    "Le président rwandais a présidé samedi à Kigali la commémoration du massacre de Nyarubuye.",
    "Les habitants se sont réunis pour le dixième anniversaire de l'attaque contre la mairie.",
])
def test_an_act_a_ceremony_remembers_is_no_event(analysed, text):
    a = analysed(text, "fr")
    assert not [e for e in a.events if e.type == "ASSAULT"], a.events
    assert any(REMEMBERED in r.reason for r in a.rejections), [r.reason for r in a.rejections]


def test_the_act_itself_is_still_news(analysed):
    a = analysed("Des hommes armés ont attaqué lundi la mairie de Kidal. L'attaque a fait quatre morts.", "fr")
    assert [e for e in a.events if e.type == "ASSAULT"], [r.reason for r in a.rejections]
