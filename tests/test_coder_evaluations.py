"""Words of blame in a statement are a condemnation by whoever says them (``SentenceCoder.evaluations``).

A speaker who calls a decision "inacceptable" or a vote "a sham", or who judges a reply "méprisante",
disapproves of it: ACCUSE (disapprove) by the speaker (the quote stage's speaker, or the subject of a
calling verb). Not the author's own words, not a negated judgment.
"""

from __future__ import annotations


def _blame(events):
    return [e for e in events if e.type == "ACCUSE" and e.rule.split(".")[2] == "rule"]


def test_a_quoted_word_of_blame_is_the_speakers_condemnation(events_of):
    text = "« Cette réforme est inacceptable », a déclaré mardi Paul Girard, le président du syndicat."
    found = _blame(events_of(text, "fr"))
    assert [(e.mode, e.source.name, e.trigger.text) for e in found] == [("disapprove", "Paul Girard", "inacceptable")]


def test_a_calling_verb_with_a_word_of_blame(events_of):
    found = _blame(events_of("Le maire de Lille a jugé la réponse du préfet « méprisante ».", "fr"))
    assert [e.source.text for e in found] == ["Le maire de Lille"]
    found = _blame(events_of("The opposition leader called the referendum a sham on Monday.", "en"))
    assert [e.source.text for e in found] == ["The opposition leader"]


def test_a_negated_judgment_or_the_authors_own_words_are_no_condemnation(events_of):
    assert not _blame(events_of("Le ministre a estimé que ce retard n'était pas inacceptable.", "fr"))
    assert not _blame(events_of("Le bilan de la saison est lamentable pour le club.", "fr"))


def test_one_condemnation_per_statement(events_of):
    text = "« C'est scandaleux, honteux et irresponsable », a dénoncé la sénatrice Marie Lenoir."
    assert len([e for e in _blame(events_of(text, "fr")) if not e.hypothetical]) == 1


def test_a_word_of_blame_under_a_coded_condemnation_is_not_a_second_one(events_of):
    events = events_of("The minister condemned the unacceptable decision.", "en")
    assert len([e for e in events if e.type == "ACCUSE"]) == 1


def test_a_judgment_is_no_call_for_a_strike(events_of):
    judged = events_of("The minister called the strike irresponsible.", "en")
    assert [e.type for e in judged] == ["ACCUSE"]
    assert [e.type for e in events_of("The union called a strike for Monday.", "en")] == ["PROTEST"]


def test_a_calling_verb_of_judgment_is_no_call_for_it(events_of):
    # "call" also asks for things ("called for talks"); "called the move a provocation" is the judgment itself
    found = _blame(events_of("The Estonian government called the troop movements a provocation.", "en"))
    assert [(e.source.country, e.hypothetical) for e in found] == [("EST", False)]
