"""A pronominal use that no sense of the verb has is another verb: "se réclamer de l'État islamique" claims an
allegiance, it asks nobody for anything. When every lexicon sense of a verb says ``reflexive: false`` and the
text uses it with a reflexive clitic, the candidate is no event (a rule before the judge, with its reason);
the non-pronominal use keeps its senses."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PRONOMINAL = "pronominal use"


@pytest.mark.parametrize("text", [
    "Le tireur, qui se réclamait d'Al-Qaïda, a été abattu par la police après une course-poursuite.",
    "Deux groupes qui se réclament de l'État islamique ont revendiqué l'attaque de la caserne.",
])
def test_se_reclamer_de_is_no_request(analysed, text):
    a = analysed(text, "fr")
    assert not [e for e in a.events if e.type == "REQUEST"], a.events
    assert any(PRONOMINAL in r.reason for r in a.rejections), [r.reason for r in a.rejections]


def test_reclamer_still_asks(analysed):
    a = analysed("Le syndicat des enseignants a réclamé mardi la démission du ministre de l'Éducation.", "fr")
    assert [e for e in a.events if e.type == "REQUEST"], [r.reason for r in a.rejections]
