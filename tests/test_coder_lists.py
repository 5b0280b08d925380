"""Lists of named sources: every member an act of its own, whatever the parser made of the list.

A condemnation "by several figures such as A, B, C or D" is one act per name. The parser often breaks
long lists (later names hung on the verb, a first name read as a noun); the surface run of names joined
by commas and coordinators still counts. Two names from one list are two acts even when both speak
for the same state (the merge keeps them apart). English introduces examples with "such as" or
"including", which the parser hangs as a preposition on the noun.
"""

from __future__ import annotations


def _sources(events, etype="ACCUSE"):
    return {e.source.text for e in events if e.type == etype and e.source is not None}


def test_a_list_the_parser_breaks_still_gives_every_name(events_of):
    # the parser hangs the later names on the verb and reads "Marine" as a noun
    text = ("L'assassinat du juge a été condamné par plusieurs élus comme Jean Dupont , Paul Martin , "
            "Marine Le Pen , Léon Blum ou encore l' OTAN , qui ont aussi exprimé leur colère.")
    assert {"Jean Dupont", "Paul Martin", "Marine Le Pen", "Léon Blum"} <= _sources(events_of(text, "fr"))


def test_members_of_one_government_in_a_list_stay_apart(events_of):
    text = ("L'incendie de la mosquée a été condamné par plusieurs responsables comme Emmanuel Macron, "
            "Édouard Philippe, Jean-Yves Le Drian ou encore l'Unesco.")
    assert {"Emmanuel Macron", "Édouard Philippe", "Jean-Yves Le Drian"} <= _sources(events_of(text, "fr"))


def test_english_examples_after_such_as_and_including(events_of):
    for prep in ("such as", "including"):
        text = f"The bombing was condemned by world leaders {prep} Joe Biden, Boris Johnson and Olaf Scholz."
        assert {"Joe Biden", "Boris Johnson", "Olaf Scholz"} <= _sources(events_of(text, "en")), prep


def test_unidentified_individuals_are_an_actor(events_of):
    events = events_of("Le maire a été agressé mardi par des individus non identifiés.", "fr")
    assert any(e.type == "ASSAULT" and e.source is not None and e.source.name == "unidentified individuals"
               for e in events)
    events = events_of("The mayor was shot dead on Monday by unidentified men.", "en")
    assert any(e.type == "ASSAULT" and e.source is not None and e.source.name == "unidentified individuals"
               for e in events)
