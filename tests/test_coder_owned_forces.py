"""Forces named with a possessive act for their owner: "Turkey said its jets struck ...", "l'armée a
indiqué que ses soldats avaient tué ..." (``ActorRules._owned_force``): the owner is the known actor
the possessive stands for when its number agrees ("ses" a singular owner, "leurs" a plural one); the
words stay the clause's own."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, lang, words, country", [
    ("Turkey said its jets struck Kurdish militant positions in northern Iraq on Monday.", "en", "its jets", "TUR"),
    ("L'armée turque a indiqué que ses soldats avaient tué cinq combattants près de la frontière.", "fr",
     "ses soldats", "TUR"),
    ("Le Niger a annoncé mardi que ses forces avaient tué dix assaillants près de la frontière.", "fr",
     "ses forces", "NER"),
])
def test_forces_with_a_possessive_are_their_owners(rules_pipeline, text, lang, words, country):
    ev = one(coded(rules_pipeline, text, lang), "ASSAULT")
    assert ev.source is not None and ev.source.text == words and ev.source.country == country
    assert ev.source.sector == "MIL"


def test_an_owner_of_the_wrong_number_is_none(rules_pipeline):
    # "son" tells a singular owner: the rebels (plural) are not the army's owner
    ev = one(coded(rules_pipeline, "Les rebelles ont affirmé que son armée avait bombardé le village.", "fr"),
             "ASSAULT")
    assert ev.source is None or "rebel" not in (ev.source.name or "").lower()
