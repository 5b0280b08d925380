"""One occasion told in several sentences is one event, its other tellings kept as ``mentions``."""

from __future__ import annotations

from dataclasses import replace

from eventwire.coding.merge import RETOLD_CHARS, merge_events
from eventwire.records import Actor, Event, Place, TextRef

REBELS = Actor(text="Rebels", name="rebels", span=(0, 6), sector="REB")
ARMY = Actor(text="the army", name="army", span=(300, 308), sector="MIL", inferred="context")


def ev(trigger, span, sentence, source=REBELS, rule="en.ASSAULT.verb.nsubj-obj", **kw):
    return Event(article_id="a", language="en", type="ASSAULT", trigger=TextRef(trigger, span),
                 evidence=TextRef("s", sentence), source=source, confidence=0.8, rule=rule, **kw)


def test_a_retelling_without_its_own_source_merges_and_becomes_a_mention():
    first = ev("shelled", (7, 14), (0, 40))
    later = ev("shelling", (48, 56), (41, 90), source=None, rule="en.ASSAULT.noun.none-none")
    [kept], dropped = merge_events([later, first])
    assert kept.source == REBELS and kept.trigger.text == "shelled"  # the telling that names its source
    assert [(m.trigger.text, m.evidence.span) for m in kept.mentions] == [("shelling", (41, 90))]
    assert dropped[0][0] is later


def test_a_context_source_does_not_block_the_merge_but_a_far_retelling_stays_apart():
    first = ev("shelled", (7, 14), (0, 40))
    near = ev("shelling", (48, 56), (41, 90), source=ARMY)
    assert len(merge_events([first, near])[0]) == 1
    far = ev("shelling", (60 + RETOLD_CHARS, 68 + RETOLD_CHARS), (50 + RETOLD_CHARS, 90 + RETOLD_CHARS), source=None)
    assert len(merge_events([first, far])[0]) == 2


def test_another_kind_of_act_or_another_place_is_another_occasion():
    first = ev("shelled", (7, 14), (0, 40), location=Place(text="Goma", name="Goma", span=(20, 24), country="COD",
                                                          lat=-1.68, lon=29.22, precision="city"))
    raid = ev("raid", (48, 52), (41, 90), source=None)
    assert len(merge_events([first, raid])[0]) == 2
    elsewhere = ev("shelling", (48, 56), (41, 90), source=None,
                   location=Place(text="Bukavu", name="Bukavu", span=(70, 76), country="COD", lat=-2.51, lon=28.86,
                                  precision="city"))
    assert len(merge_events([first, elsewhere])[0]) == 2


def test_two_tellings_with_two_stated_sources_stay_two_events():
    other = Actor(text="Militias", name="militias", span=(41, 49), sector="REB")
    kept, _ = merge_events([ev("shelled", (7, 14), (0, 40)), ev("shelling", (50, 58), (41, 90), source=other)])
    assert len(kept) == 2


def test_pipeline_lists_the_tellings_the_judge_turned_down(pipeline):
    from eventwire.records import Article

    text = ("Rebels shelled the city of Goma on Tuesday. The shelling lasted three hours, according to "
            "residents. The shelling destroyed a school.")
    [res] = pipeline.process([Article(id="goma", text=text, language="en", published="2024-03-05")])
    [event] = [e for e in res.events if e.type == "ASSAULT"]
    assert event.trigger.text == "shelled" and event.source is not None and event.source.text == "Rebels"
    spans = [m.evidence.span for m in event.mentions]
    assert [text[a:b] for a, b in spans] == ["The shelling lasted three hours, according to residents.",
                                             "The shelling destroyed a school."]
    record = event.to_dict()
    assert [m["trigger"]["text"] for m in record["mentions"]] == ["shelling", "shelling"]
    assert Event.from_dict(record) == event  # mentions round-trip through JSONL and the store
    assert replace(event, mentions=()).to_dict()["mentions"] == []
