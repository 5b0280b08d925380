"""Regression tests of two bugs: a user's trigger entry did not win over a shipped one of equal
specificity (docs/coding.md promises it does), and a stage that could not be built raised
UnboundLocalError instead of a coded error."""

from __future__ import annotations

import pytest

from eventwire.coding.lexicon import build_lexicon
from eventwire.config import load_config
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline, register
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


def test_a_stage_that_cannot_be_built_is_a_coded_config_error():
    register("broken-for-test", "eventwire.no_such_module:Stage", reads=["doc"], writes=["events"])
    pipe = Pipeline(load_config(overrides={"stages": ["broken-for-test"]}))
    with pytest.raises(ConfigError) as err:
        list(pipe.process([Article(id="t", text="Le Hezbollah a menacé Israël.", language="fr")]))
    assert err.value.code == "E007" and "broken-for-test" in str(err.value)
