"""The seed article's core events come out of the full pipeline through general rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow
SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "seed-kh-2020.json"


@pytest.fixture(scope="module")
def seed_events(pipeline):
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    d = json.loads(SEED.read_text(encoding="utf-8"))
    art = Article(id=d["article_id"], text=d["text"], language="fr", published=d["published"])
    (res,) = pipeline.process([art])
    return [e for e in res.events if not (e.negated or e.hypothetical)]


def _has(events, etype, source, target=None):
    for e in events:
        names = {e.source.name, e.source.text} if e.source else set()
        if e.type == etype and any(source in n for n in names):
            if target is None or (e.target and target in (e.target.name + e.target.text)):
                return True
    return False


def test_coder_seed_threaten(seed_events):
    assert _has(seed_events, "THREATEN", "Kataeb Hezbollah", "United States")


def test_coder_seed_mobilize_vehicles_arrival(seed_events):
    assert _has(seed_events, "MOBILIZE", "United States")


def test_coder_seed_assassination_by_american_raid(seed_events):
    assert _has(seed_events, "ASSAULT", "United States", "Mahdi")


def test_coder_seed_parliament_request(seed_events):
    assert _has(seed_events, "REQUEST", "arlement")


def test_coder_seed_reject(seed_events):
    assert _has(seed_events, "REJECT", "United States")
