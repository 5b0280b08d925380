"""French sense gaps (issue 17): the trigger word is in the lexicon, but not with a sense of the
construction's type; the rule coder (first sense whose constraints hold) shows the sense is there."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, mode", [
    pytest.param("Des routiers en colère ont bloqué l'entrepôt du groupe pendant deux jours.", "PROTEST",
                 "obstruct", id="blocking_a_warehouse_is_an_obstruction"),
    pytest.param("Des syndicalistes ont bloqué la raffinerie de Donges depuis mardi.", "PROTEST", "obstruct",
                 id="blocking_a_refinery_is_an_obstruction"),
    pytest.param("Des opposants ont dégradé la permanence de la sénatrice dans la nuit.", "PROTEST", "riot",
                 id="damaging_an_mp_office_is_a_riot"),
    pytest.param("Le gouverneur a ordonné un couvre-feu nocturne dans la province.", "COERCE", "curfew",
                 id="ordering_a_curfew_is_coercion"),
    pytest.param("Le régime a ordonné un black-out total des réseaux pendant les émeutes.", "COERCE", "censor",
                 id="ordering_an_internet_shutdown_is_censorship"),
])
def test_coder_fr_sense_of_the_construction(rules_pipeline, text, etype, mode):
    events = coded(rules_pipeline, text, "fr", etype)
    assert events and events[0].mode == mode, coded(rules_pipeline, text, "fr")
