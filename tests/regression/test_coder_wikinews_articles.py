"""Whole articles through the full pipeline (rules and the shipped judge): the core events of five French
Wikinews articles of the shared corpus (CC BY 2.5, Wikinews contributors) that are in no evaluation set.

Each expected event was read off the article: who did what to whom, and when the text says it happened.
Events the pipeline gets wrong in these articles are not pinned here."""

from __future__ import annotations

import json

import pytest

from _shared import CORPUS
from eventwire.records import Article

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")]

ARTICLES = (
    "wikinews-fr-2017_02_22-002",  # the European Commission threatens Italy with sanctions; Renzi had to resign
    "wikinews-fr-2018_03_25-001",  # German motorway police arrest Carles Puigdemont
    "wikinews-fr-2017_05_07-001",  # Canadian soldiers sent to the Quebec floods
    "wikinews-fr-2016_11_15-002",  # Belgian soldiers march in Brussels against the pension age
    "wikinews-fr-2016_12_09-001",  # the South Korean parliament suspends Park Geun-hye; protesters demand she go
)


@pytest.fixture(scope="module")
def facts(pipeline):
    records = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["id"] in ARTICLES:
            records[d["id"]] = d
    articles = [Article(id=i, text=records[i]["text"], language="fr", published=records[i]["published"])
                for i in ARTICLES]
    return {r.article.id: [e for e in r.events if not (e.negated or e.hypothetical)]
            for r in pipeline.process(articles)}


@pytest.mark.parametrize("article, etype, source, target, date", [
    pytest.param("wikinews-fr-2017_02_22-002", "THREATEN", "European Union", "Italy", "2017-02-22",
                 id="commission-threatens-italy"),
    pytest.param("wikinews-fr-2017_02_22-002", "RETREAT", "Matteo Renzi", None, "2016-12", id="renzi-resigned"),
    pytest.param("wikinews-fr-2018_03_25-001", "COERCE", "police", "Carles Puigdemont", "2018-03-25",
                 id="police-arrest-puigdemont"),
    pytest.param("wikinews-fr-2017_05_07-001", "MOBILIZE", "Canada", None, "2017-05-06", id="canadian-forces-deploy"),
    pytest.param("wikinews-fr-2016_11_15-002", "PROTEST", "Belgium", None, "2016-11-15", id="belgian-soldiers-march"),
    pytest.param("wikinews-fr-2016_12_09-001", "SANCTION", "South Korean parliament", "Park Geun-hye", "2016-12-09",
                 id="parliament-suspends-park"),
    pytest.param("wikinews-fr-2016_12_09-001", "REQUEST", "protesters", "Park Geun-hye", "2016-10-29",
                 id="protesters-demand-resignation"),
])
def test_core_event_of_an_article(facts, article, etype, source, target, date):
    events = facts[article]
    found = [e for e in events if e.type == etype and e.source is not None and e.source.name == source
             and (target is None or (e.target is not None and e.target.name == target))]
    assert found, [(e.type, e.source and e.source.name, e.target and e.target.name) for e in events]
    assert any(e.date is not None and e.date.value == date for e in found), [e.date for e in found]
