"""Issue 2's acceptance: `eventwire extract` on the seed article yields the five core events, placed and dated."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from _shared import EVAL
from eventwire.cli import main as cli

pytestmark = pytest.mark.slow
SEED = EVAL / "dev" / "seed-kh-2020.json"


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("seed")
    (folder / "seed-kh-2020.txt").write_text(gold["text"], encoding="utf-8")
    out = folder / "events.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(folder / "seed-kh-2020.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if not (r["negated"] or r["hypothetical"])]


def _find(events, etype, source):
    return [e for e in events if e["type"] == etype and e["source"] and source in e["source"]["name"]]


def test_seed_threaten_kataeb_hezbollah_against_united_states(events):
    hits = _find(events, "THREATEN", "Kataeb Hezbollah")
    assert any(e["target"] and e["target"]["country"] == "USA" for e in hits)
    assert all(e["article_id"] == "seed-kh-2020" and e["schema"] == "eventwire.event/1" for e in hits)


def test_seed_mobilize_united_states_at_ain_al_asad(events):
    hits = _find(events, "MOBILIZE", "United States")
    assert any(e["location"] and "Asad" in e["location"]["name"] and e["location"]["country"] == "IRQ"
               for e in hits)


def test_seed_assault_on_al_mohandes_dated_3_january_2020(events):
    hits = [e for e in _find(events, "ASSAULT", "United States") if e["target"] and "Mahdi" in e["target"]["name"]]
    assert hits and hits[0]["date"]["value"] == "2020-01-03" and hits[0]["date"]["precision"] == "day"


def test_seed_request_by_iraqi_parliament(events):
    assert _find(events, "REQUEST", "arliament")


def test_seed_reject_by_united_states(events):
    assert _find(events, "REJECT", "United States")


def test_seed_every_value_has_a_span_into_the_text(events):
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    for e in events:
        for key in ("trigger", "evidence"):
            start, end = e[key]["span"]
            assert text[start:end] == e[key]["text"]
        for key in ("source", "target", "location", "date"):
            if e[key]:
                start, end = e[key]["span"]
                assert text[start:end] == e[key]["text"], (key, e[key])
        speaker = (e["attribution"] or {}).get("speaker")
        if speaker:
            assert text[speaker["span"][0]:speaker["span"][1]] == speaker["text"]
