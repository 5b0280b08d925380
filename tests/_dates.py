"""Shared by the date tests: run the date stage on a text with one ASSAULT event per trigger."""

from __future__ import annotations

from eventwire.records import Analysis, Article, Event, TextRef


def run(stage, nlp, text, triggers, published=None, lang="fr", sources=None):
    """Parse ``text``, make one event per trigger and run ``stage``. A trigger is a string (its first
    occurrence) or ``(string, n)`` for its n-th occurrence (0-based); ``sources``: one actor per trigger."""
    events = []
    for k, trig in enumerate(triggers):
        occurrence = 0
        if isinstance(trig, tuple):
            trig, occurrence = trig
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(trig, start + 1)
        src = sources[k] if sources else None
        events.append(Event(article_id="t", language=lang, type="ASSAULT", source=src,
                            trigger=TextRef(trig, (start, start + len(trig))),
                            evidence=TextRef(text, (0, len(text)))))
    article = Article(id="t", text=text, language=lang, published=published)
    return stage(Analysis(article=article, doc=nlp(text), events=tuple(events)))
