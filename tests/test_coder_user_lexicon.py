"""A user's lexicon (``config.user_lexicons``) adds triggers, and its entries are tried before shipped
ones of equal specificity (docs/coding.md promises it)."""

from __future__ import annotations

import pytest

from _coder import analyze
from eventwire.coding.lexicon import build_lexicon
from eventwire.config import load_config
from eventwire.pipeline import Pipeline
from eventwire.records import Article


def test_a_user_entry_is_tried_before_a_shipped_one_of_equal_specificity(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("language: fr\ntriggers:\n  PROTEST:\n    verb:\n      - attaquer\n", encoding="utf-8")
    lex = build_lexicon("fr", [str(user)])
    shipped = [e for e in lex.index["attaquer"] if not e.user and len(e.words) == 1 and not e.prep]
    mine = [e for e in lex.index["attaquer"] if e.user]
    assert mine and shipped and mine[0].specificity == shipped[0].specificity
    order = list(lex.index["attaquer"])
    assert order.index(mine[0]) < order.index(shipped[0])


@pytest.mark.slow
def test_the_user_entry_decides_the_type(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("language: fr\ntriggers:\n  PROTEST:\n    verb:\n      - attaquer\n", encoding="utf-8")
    pipe = Pipeline(load_config(overrides={"user_lexicons": [str(user)], "judge": "rules"}))
    res = next(iter(pipe.process([Article(id="t", text="Les syndicats ont attaqué le gouvernement.",
                                           language="fr")])))
    assert [e.type for e in res.events if e.trigger.text == "ont attaqué"] == ["PROTEST"]


@pytest.mark.slow
def test_coder_user_lexicon_adds_trigger(tmp_path):
    user = tmp_path / "extra.yaml"
    user.write_text("language: en\ntriggers:\n  PROTEST:\n    verb:\n      - {lemma: picket, mode: demo}\n",
                    encoding="utf-8")
    pipe = Pipeline(load_config(overrides={"user_lexicons": [str(user)]}))
    a = analyze(pipe, "Thousands of workers picketed the factory.", "en")
    assert [e for e in a.events if e.type == "PROTEST" and e.mode == "demo"]
