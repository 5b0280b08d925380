"""Property tests: events and quotes round-trip exactly through dicts and through the store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _postgres import drop_schema, server, skip_unless_postgres
from eventwire.records import (
    PLOVER_TYPES,
    Actor,
    Attribution,
    Event,
    Place,
    Quote,
    Result,
    Speaker,
    TextRef,
    When,
    quote_from_dict,
)
from eventwire.store import MemoryStore, Store
from eventwire.store.postgres import PostgresStore
from eventwire.store.sqlite import SQLiteStore
from test_store_factories import make_article

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
codes = st.none() | st.sampled_from(["IRQ", "USA", "FRA", "LBN"])
floats = st.none() | st.floats(-180, 180, allow_nan=False)

actors = st.builds(Actor, text=texts, name=names, span=spans, country=codes,
                   sector=st.none() | st.sampled_from(["GOV", "MIL", "REB"]), kb_id=st.none() | texts)
places = st.builds(Place, text=texts, name=names, span=spans, country=codes, admin1=st.none() | texts,
                   lat=floats, lon=floats, precision=st.none() | st.sampled_from(["city", "country"]),
                   gazetteer_id=st.none() | texts)
whens = st.builds(When, text=texts, value=st.dates().map(str), precision=st.sampled_from(["day", "year"]),
                  span=spans, flags=st.lists(texts, max_size=2).map(tuple))
refs = st.builds(TextRef, text=texts, span=spans)
speakers = st.builds(Speaker, text=texts, name=names, span=spans, role=st.none() | texts,
                     actor=st.none() | actors)
attributions = st.builds(Attribution, kind=st.sampled_from(["named", "anonymous", "media", "author"]),
                         speaker=st.none() | speakers, via=st.none() | speakers, quote=st.none() | refs)
events = st.builds(
    Event, article_id=st.just("a1"), language=st.sampled_from(["fr", "en"]),
    type=st.sampled_from(PLOVER_TYPES),
    trigger=refs, evidence=refs, mode=st.none() | texts, source=st.none() | actors, target=st.none() | actors,
    location=st.none() | places, date=st.none() | whens, attribution=st.none() | attributions,
    negated=st.booleans(), hypothetical=st.booleans(), confidence=st.floats(0, 1), rule=texts,
    explanation=texts,
)
quotes = st.builds(Quote, article_id=st.just("a1"), text=texts, span=spans,
                   kind=st.sampled_from(["named", "media"]), direct=st.booleans(),
                   speaker=st.none() | speakers,
                   via=st.none() | speakers, channel=st.none() | refs, cue=st.none() | refs)


@given(events)
def test_store_event_dict_round_trip(event: Event) -> None:
    assert Event.from_dict(event.to_dict()) == event


@given(quotes)
def test_store_quote_dict_round_trip(quote: Quote) -> None:
    assert quote_from_dict(quote.to_dict()) == quote


@pytest.fixture(scope="module")
def pg_store() -> Iterator[Store | None]:
    """One PostgreSQL store (a schema of its own) for every example: each example replaces article a1.
    None where no server answers (the examples then run on SQLite and memory only, and the PostgreSQL
    test below reports the skip)."""
    url, _ = server()
    if url is None:
        yield None
        return
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    try:
        with PostgresStore(f"{url}?schema={schema}") as store:
            yield store
    finally:
        drop_schema(url, schema)


def _round_trip(store: Store, evs: list[Event], qs: list[Quote]) -> None:
    result = Result(article=make_article("a1"), events=tuple(evs), quotes=tuple(qs))
    store.save_result(result)
    assert list(store.events()) == evs
    assert list(store.quotes()) == qs
    assert [e.event_id for e in store.events(article_id="a1")] == [e.event_id for e in evs]


@settings(max_examples=60, deadline=None)
@given(st.lists(events, max_size=4, unique_by=lambda e: e.event_id),
       st.lists(quotes, max_size=3, unique_by=lambda q: q.quote_id))
def test_store_events_and_quotes_round_trip_through_backends(evs: list[Event], qs: list[Quote]) -> None:
    for store in (SQLiteStore(":memory:"), MemoryStore()):
        with store:
            _round_trip(store, evs, qs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(events, max_size=4, unique_by=lambda e: e.event_id),
       st.lists(quotes, max_size=3, unique_by=lambda q: q.quote_id))
def test_store_events_and_quotes_round_trip_through_postgresql(pg_store: Store | None, evs: list[Event],
                                                               qs: list[Quote]) -> None:
    if pg_store is None:
        skip_unless_postgres()
    assert pg_store is not None
    _round_trip(pg_store, evs, qs)       # any text, NUL characters included
