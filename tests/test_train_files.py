"""The training data (`train/`, docs in train/README.md) is well formed: every gold file loads, its
events have one of the 16 PLOVER types (and, in the files the judge learns from, a mode of that type; the
second annotators' files of `agreement/` are kept as written), and each trigger is the text's own words at
the offset the file gives (the judge's labels are read from those spans)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "train").rglob("*.json"))
MODES = yaml.safe_load((ROOT / "src/eventwire/data/plover/modes.yaml").read_text(encoding="utf-8"))


def test_there_is_training_data():
    assert len(FILES) > 400


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT / "train")))
def test_a_training_file_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["article_id"] == path.stem and gold["lang"] in ("fr", "en") and gold["text"].strip()
    for ev in gold["events"]:
        assert ev["type"] in MODES, ev["type"]
        if "agreement" not in path.parts:
            assert ev.get("mode") is None or ev["mode"] in MODES[ev["type"]], (ev["type"], ev["mode"])
        if ev.get("trigger_start") is not None:
            at = ev["trigger_start"]
            assert gold["text"][at:at + len(ev["trigger"])] == ev["trigger"]
        for side in ("source", "target"):
            assert ev.get(side) is None or ev[side]["names"], side


def test_held_back_texts_are_not_training_data():
    """`train/held-back/` keeps coded texts that were measured and left out (train/README.md): the judge's
    training never reads them."""
    from eventwire.coding.train import training_docs

    held = {p.stem for p in (ROOT / "train" / "held-back").rglob("*.json")}
    used = {d.gold["article_id"] for d in training_docs(ROOT / "train", None, "en")}
    assert held and used and not held & used
