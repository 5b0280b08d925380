"""Shared by the place tests: run the place stage on a text with one event at a trigger."""

from __future__ import annotations

from eventwire.records import Actor, Analysis, Article, Event, TextRef


def run(stage, nlp, text, trigger, lang, etype="ASSAULT", source=None, sector=None, country=None, published=None,
        mode=None):
    """Parse ``text``, make one ``etype`` event at the first ``trigger`` (with ``source`` as its actor, if
    given) and run ``stage``; the event as the stage returns it."""
    doc = nlp(text)
    start = text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    actor = None
    if source is not None:
        s = text.index(source)
        actor = Actor(text=source, name=source, span=(s, s + len(source)), country=country, sector=sector)
    event = Event("t", lang, etype, TextRef(trigger, (start, start + len(trigger))),
                  TextRef(sent.text, (sent.start_char, sent.end_char)), source=actor, mode=mode, explanation="rule.")
    article = Article("t", text, lang, published=published)
    return stage(Analysis(article=article, doc=doc, events=(event,))).events[0]
