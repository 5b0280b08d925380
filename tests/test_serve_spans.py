"""The article page's text segments: every event value's span is recoverable from the tags."""

from __future__ import annotations

from eventwire.serve.spans import Mark, article_segments, segments
from test_store_factories import TEXT_FR, make_accuse, make_quote, make_threat


def test_serve_spans_cut_at_every_boundary_and_keep_overlaps() -> None:
    text = "abcdefghij"
    segs = segments(text, [Mark(2, 6, "e0-evidence"), Mark(3, 5, "e0-trigger"), Mark(4, 8, "q0-quote")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.tags) for s in segs] == [
        ("ab", ()), ("c", ("e0-evidence",)), ("d", ("e0-evidence", "e0-trigger")),
        ("e", ("e0-evidence", "e0-trigger", "q0-quote")), ("f", ("e0-evidence", "q0-quote")),
        ("gh", ("q0-quote",)), ("ij", ())]
    assert segs[3].roles == ("evidence", "quote", "trigger")


def test_serve_spans_clip_marks_outside_the_text() -> None:
    segs = segments("abc", [Mark(1, 10, "e0-source"), Mark(5, 9, "e0-date"), Mark(2, 2, "e0-trigger")])
    assert [(s.text, s.tags) for s in segs] == [("a", ()), ("bc", ("e0-source",))]


def test_serve_spans_recover_each_value_of_an_event() -> None:
    events, quotes = [make_threat(), make_accuse()], [make_quote()]
    segs = article_segments(TEXT_FR, events, quotes)
    assert "".join(s.text for s in segs) == TEXT_FR

    def text_of(tag: str) -> str:
        return "".join(s.text for s in segs if tag in s.tags)

    threat = events[0]
    assert threat.source and threat.target and threat.location and threat.date and threat.attribution
    assert text_of("e0-trigger") == threat.trigger.text
    assert text_of("e0-source") == threat.source.text
    assert text_of("e0-target") == threat.target.text
    assert text_of("e0-location") == threat.location.text
    assert text_of("e0-date") == threat.date.text
    assert threat.attribution.speaker and text_of("e0-speaker") == threat.attribution.speaker.text
    assert text_of("e1-trigger") == events[1].trigger.text
    assert text_of("q0-quote") == quotes[0].text
