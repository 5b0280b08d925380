"""Phrases that name the two parties of an article together ("both sides", "the two ministers", "the
envoys of both countries") stand for the two actors the article last named together ("X and Y")."""

from __future__ import annotations

import pytest

from _coder import coded, pairs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, expected", [
    pytest.param("Chile and Peru held a round of border talks in Lima on Monday. Both sides agreed to hold "
                 "monthly meetings.", "AGREE", {("Chile", "Peru")}, id="both_sides"),
    pytest.param("The trade ministers of Norway and Iceland opened a fisheries conference in Oslo. The two "
                 "ministers signed a protocol on cod quotas.", "AGREE", {("Norway", "Iceland")},
                 id="the_two_ministers"),
    pytest.param("Kenya and Ethiopia reopened their border on Monday. The interior ministers of both "
                 "countries met in Moyale on Tuesday.", "CONSULT", {("Kenya", "Ethiopia")},
                 id="ministers_of_both_countries"),
])
def test_coder_pair_phrase_stands_for_the_two_parties(rules_pipeline, text, etype, expected):
    assert pairs(coded(rules_pipeline, text, "en", etype)) == expected  # one event per pair of partners


def test_coder_two_soldiers_are_no_pair(rules_pipeline):
    text = "Chile and Peru held talks in Lima. Two soldiers were wounded when rebels attacked a post."
    assert all(e.source is None or e.source.name not in ("Chile", "Peru")
               for e in coded(rules_pipeline, text, "en", "ASSAULT"))
