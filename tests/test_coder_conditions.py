"""A conditional whose condition is stated is hypothetical ("seraient condamnés s'ils étaient reconnus
coupables", "would be jailed if they were convicted"); the French press's conditional of a reported fact
("l'armée aurait bombardé", "auraient mobilisé ... pour reprendre") stays a fact, and so does one with a
purpose clause. The elided "s'" is a condition mark."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _at(records: list[dict], text: str, word: str) -> dict:
    at = text.index(word)
    found = [r for r in records if r["span"][0] <= at < r["span"][1]]
    assert found, records
    return found[0]


@pytest.mark.parametrize("lang,text,word", [
    ("fr", "Les trois prévenus seraient condamnés à la perpétuité s'ils étaient reconnus coupables.", "condamnés"),
    ("fr", "Les trois prévenus seraient condamnés à la perpétuité s'ils étaient reconnus coupables.", "reconnus"),
    ("en", "The two smugglers would be jailed for life if they were convicted.", "jailed"),
])
def test_stated_condition_makes_it_hypothetical(collected, lang, text, word):
    assert _at(collected(text, lang), text, word)["hypothetical"] is True


@pytest.mark.parametrize("text,word", [
    ("Selon des témoins, l'armée aurait bombardé le marché de la ville.", "bombardé"),
    ("Selon l'ONG, les miliciens auraient mobilisé 300 hommes pour reprendre le village.", "mobilisé"),
])
def test_reported_conditional_stays_a_fact(collected, text, word):
    assert _at(collected(text, "fr"), text, word)["hypothetical"] is False
