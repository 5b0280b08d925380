"""A span of time given to someone to leave is an expulsion (``SentenceCoder.deadlines``): SANCTION/expel
from the giver to the one who must go, in French and English; nothing when what is to be left is no
country, territory or place, or when the giving is denied."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _expulsions(evs):
    return [e for e in evs if e.type == "SANCTION" and e.mode == "expel" and ".rule." in (e.rule or "")]


@pytest.mark.parametrize("lang,text,src,tgt", [
    ("fr", "Le gouvernement malien a donné 72 heures à l'ambassadeur de France pour quitter le territoire.",
     "gouvernement", "France"),  # the ambassador of a country stands for it
    ("fr", "Rabat a accordé une semaine aux diplomates néerlandais pour quitter le pays.", "Rabat", "diplomates"),
    ("en", "The junta gave the French ambassador 72 hours to leave the country.", "junta", "French"),
])
def test_deadline_to_leave_is_an_expulsion(events_of, lang, text, src, tgt):
    (ev,) = _expulsions(events_of(text, lang))
    assert src in ev.source.text and tgt in ev.target.text
    assert "deadline" in ev.rule and "deadline-to-leave" in ev.explanation


@pytest.mark.parametrize("lang,text", [
    ("en", "The teacher gave the pupils an hour to leave the classroom."),
    ("fr", "Le gouvernement n'a pas donné 48 heures à l'ambassadeur pour quitter le pays."),
    ("fr", "Le ministre a donné trois jours aux syndicats pour répondre."),
])
def test_no_expulsion_without_a_country_to_leave(events_of, lang, text):
    assert not _expulsions(events_of(text, lang))


@pytest.mark.parametrize("lang,text,src,tgt", [
    ("en", "Accra ordered two Togolese diplomats to leave within a week.", "Accra", "diplomats"),
    ("en", "The junta ordered the foreign reporters to leave the country.", "junta", "reporters"),
    ("fr", "Le Niger a sommé l'ambassadeur de France de quitter le territoire.", "Niger", "France"),
])
def test_order_to_leave_is_an_expulsion_not_a_request(events_of, lang, text, src, tgt):
    evs = events_of(text, lang)
    (ev,) = _expulsions(evs)
    assert src in ev.source.text and tgt in ev.target.text
    assert not [e for e in evs if e.type == "REQUEST" and e.trigger.span == ev.trigger.span]


def test_order_to_leave_a_square_is_no_expulsion(events_of):
    assert not _expulsions(events_of("The officer ordered the protesters to leave the square.", "en"))
