"""Shared by the coder tests: code one short article and pick its events.

The argument and sense rules are tested on the rule coder alone (the ``rules_pipeline`` fixture); what
the learned judge keeps is measured by ``make eval``, not asserted here."""

from __future__ import annotations

from eventwire.records import Analysis, Article, Event

PUBLISHED = "2016-05-02"


def analyze(pipe, text: str, lang: str, *, published: str = PUBLISHED) -> Analysis:
    """Every stage of ``pipe`` on one article."""
    return pipe.analyze(Article(id="t", text=text, language=lang, published=published))


def facts(events) -> list[Event]:
    """The events told as facts: neither negated nor hypothetical."""
    return [e for e in events if not (e.negated or e.hypothetical)]


def of_type(events, etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


def coded(pipe, text: str, lang: str, etype: str | None = None, *, published: str = PUBLISHED) -> list[Event]:
    """The factual events of one article, only those of ``etype`` if given."""
    events = facts(analyze(pipe, text, lang, published=published).events)
    return events if etype is None else of_type(events, etype)


def one(events, etype: str) -> Event:
    """The first event of ``etype``; fails (listing the events) when there is none."""
    found = of_type(events, etype)
    assert found, events
    return found[0]


def processed(pipe, text: str, lang: str, *, published: str = PUBLISHED) -> list[Event]:
    """The events ``Pipeline.process`` returns for one article (those above ``min_confidence``)."""
    (result,) = pipe.process([Article(id="t", text=text, language=lang, published=published)])
    return list(result.events)


def pairs(events) -> set[tuple[str, str | None]]:
    """(source, target) names of events: one per pair of partners."""
    return {(e.source.name, e.target.name if e.target else None) for e in events}
