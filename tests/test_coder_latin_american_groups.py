"""Armed groups of the Latin American conflicts of the 1970s-1990s (FMLN, Shining Path, MRTA, ELN, EPL,
M-19, FPMR, URNG, the Contras) are known actors with their country and the rebel sector, so wire
reports of that era (and histories written since) code them as armed groups, not as bare text."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, name, country", [
    ("The FMLN blew up a power pylon near the capital on Tuesday.",
     "Farabundo Marti National Liberation Front", "SLV"),
    ("Shining Path attacked a police post in the highlands.", "Shining Path", "PER"),
    ("The MRTA kidnapped a businessman in the capital last week.", "Movimiento Revolucionario Túpac Amaru", "PER"),
    ("The ELN dynamited an oil pipeline on Sunday.", "National Liberation Army", "COL"),
])
def test_coder_en_latin_american_group_is_a_known_rebel_actor(rules_pipeline, text, name, country):
    events = coded(rules_pipeline, text, "en", "ASSAULT")
    assert events, text
    src = events[0].source
    assert (src.name, src.country, src.sector) == (name, country, "REB")
