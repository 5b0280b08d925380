"""Calling a claim false is a denial (``SentenceCoder.dismissals``): REJECT/deny by the one who calls it
so, the subject or the passive's agent; the claim called false is not the denier's own accusation, but
stays its author's when the text names one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _denials(evs):
    return [e for e in evs if e.type == "REJECT" and e.mode == "deny" and ".rule." in (e.rule or "")]


@pytest.mark.parametrize("lang,text,src", [
    ("fr", "Le ministère de la Défense a qualifié ces informations de fantaisistes.", "ministère"),
    ("fr", "Ces rumeurs ont été jugées infondées par la présidence.", "présidence"),
    ("en", "The embassy dismissed the reports as fabricated.", "embassy"),
    ("en", "The police chief called the accusations baseless.", "police"),
])
def test_calling_a_claim_false_is_a_denial(events_of, lang, text, src):
    (ev,) = _denials(events_of(text, lang))
    assert src in ev.source.text and "calls a claim false" in ev.explanation


def test_the_claim_stays_its_authors(events_of):
    text = "Ankara a qualifié de mensongères les accusations de l'opposition."
    evs = events_of(text, "fr")
    assert _denials(evs)
    assert not [e for e in evs if e.type == "ACCUSE" and e.source is not None and "Ankara" in e.source.text]


@pytest.mark.parametrize("lang,text", [
    ("en", "The president called the strike a success."),
    ("fr", "Le juge a qualifié l'accusé de dangereux."),
])
def test_no_denial_without_a_word_of_falsehood(events_of, lang, text):
    assert not _denials(events_of(text, lang))
