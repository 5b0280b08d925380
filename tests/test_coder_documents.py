"""Documents (resolutions, agreements) act for the body that adopts or writes them, never for one that
rejects them, and an agreement named after a city has no city for a source."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


def test_coder_resolution_author_is_request_source(rules_pipeline):
    text = "Le Parlement libanais a voté une résolution exigeant le départ des troupes syriennes."
    evs = coded(rules_pipeline, text, "fr")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req and "arlement" in req[0].source.text
    assert not [e for e in evs if e.type == "RETREAT"]  # the demanded withdrawal is not a fact


def test_coder_fr_document_relative_acts_for_its_adopter(rules_pipeline):
    evs = coded(rules_pipeline,
                "Le Conseil de sécurité a adopté une résolution qui exige le retrait des troupes étrangères.", "fr")
    ev = one(evs, "REQUEST")
    assert ev.source.name == "UN Security Council" and "doc" in ev.rule


def test_coder_en_document_vetoed_is_not_its_request(rules_pipeline):
    evs = coded(rules_pipeline, "Russia vetoed a draft resolution calling for a truce in Aleppo.", "en")
    assert not [e for e in evs if e.type == "REQUEST" and e.source and "Russia" in e.source.name]


def test_coder_agreement_named_after_a_city_has_no_city_source(rules_pipeline):
    evs = coded(rules_pipeline, "En Ukraine, les accords de Minsk ne font pas l'unanimité.", "fr")
    assert not [e for e in evs if e.type == "AGREE"]
