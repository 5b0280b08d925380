"""A possessive names its possessor only when their numbers agree: French "son/sa/ses" a singular one,
"leur(s)" a plural one (a coordination is plural); English "his/her" no plural one ("their" may stand
for a government). Otherwise the slot stays empty: coreference never crosses sides."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _source_at(records: list[dict], text: str, word: str) -> str | None:
    at = text.index(word)
    found = [r for r in records if r["span"][0] <= at < r["span"][1]]
    assert found, records
    return found[0]["source"]["text"] if found[0]["source"] else None


def test_plural_possessive_is_not_the_singular_subjects(collected):
    text = "Le préfet a reçu les agriculteurs avant de rejeter leurs revendications."
    assert _source_at(collected(text, "fr"), text, "revendications") != "Le préfet"


@pytest.mark.parametrize("text,source", [
    ("Les agriculteurs ont maintenu leurs revendications.", "agriculteurs"),
    ("La Belgique et les Pays-Bas ont réaffirmé leur soutien au Kenya.", "Belgique"),
])
def test_agreeing_possessive_names_the_subject(collected, text, source):
    word = "revendications" if "revendications" in text else "soutien"
    assert source in (_source_at(collected(text, "fr"), text, word) or "")


def test_english_singular_possessive_is_not_a_plural_subjects(collected):
    text = "The ministers rejected his demands on Monday."
    assert _source_at(collected(text, "en"), text, "demands") != "The ministers"
