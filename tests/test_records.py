"""Records: the SCHEMA.md shape and exact round trips."""

from __future__ import annotations

import json

from eventwire.records import (
    SCHEMA,
    Actor,
    Attribution,
    Event,
    Place,
    Quote,
    Speaker,
    TextRef,
    When,
    quote_from_dict,
)

SCHEMA_KEYS = ["schema", "event_id", "article_id", "language", "type", "mode", "source", "target", "location",
               "date", "trigger", "evidence", "attribution", "negated", "hypothetical", "confidence", "coder", "rule"]


def _event(**kw) -> Event:
    base = dict(
        article_id="a1", language="fr", type="THREATEN", mode="violence",
        trigger=TextRef("a menacé", (40, 48)), evidence=TextRef("Le groupe a menacé les Américains.", (0, 34)),
        source=Actor("Kataeb Hezbollah", "Kataeb Hezbollah", (22, 38), "IRQ", "REB", "kh"),
        target=Actor("les Américains", "United States", (92, 106), "USA", "GOV"),
        location=Place("Aïn al-Asad", "Ain al-Asad Air Base", (1203, 1214), "IRQ", "Al Anbar", 33.8, 42.44,
                       "facility", "fac:ain-al-asad"),
        date=When("le mercredi 5 novembre", "2020-11-05", "day", (480, 502), ("weekday-mismatch",)),
        attribution=Attribution("named", Speaker("Mohammed Mohi", "Mohammed Mohi", (560, 573), "porte-parole"),
                                None, TextRef("...", (300, 470))),
        confidence=0.82, rule="fr.threaten.menacer.nsubj",
    )
    base.update(kw)
    return Event(**base)


def test_records_event_dict_has_schema_fields_in_order():
    d = _event().to_dict()
    assert list(d)[: len(SCHEMA_KEYS)] == SCHEMA_KEYS
    assert d["schema"] == SCHEMA
    assert d["source"]["span"] == [22, 38]
    assert d["location"]["precision"] == "facility"
    assert d["attribution"]["speaker"]["name"] == "Mohammed Mohi"


def test_records_event_round_trips_through_json():
    ev = _event()
    back = Event.from_dict(json.loads(json.dumps(ev.to_dict())))
    assert back == ev
    assert back.event_id == ev.event_id


def test_records_event_id_is_stable_and_depends_on_content():
    assert _event().event_id == _event().event_id
    assert _event().event_id != _event(type="ASSAULT").event_id
    assert _event().event_id != _event(trigger=TextRef("a menacé", (41, 49))).event_id


def test_records_nulls_round_trip():
    ev = _event(source=None, target=None, location=None, date=None, attribution=None)
    assert Event.from_dict(ev.to_dict()) == ev
    assert ev.to_dict()["target"] is None


def test_records_quote_round_trips():
    q = Quote("a1", "nous ne céderons jamais rien", (10, 38), "named",
              speaker=Speaker("Mohammed Mohi", "Mohammed Mohi", (50, 63), "porte-parole",
                              Actor("Kataeb Hezbollah", "Kataeb Hezbollah", (70, 86), "IRQ", "REB")),
              channel=TextRef("dans un communiqué", (65, 83)), cue=TextRef("a déclaré", (40, 49)))
    d = q.to_dict()
    assert d["quote_id"] == q.quote_id
    assert quote_from_dict(d) == q
