"""Configuration: defaults, user file overrides, validation."""

from __future__ import annotations

import pytest

from eventwire.config import Config, load_config
from eventwire.errors import ConfigError


def test_config_defaults():
    cfg = load_config()
    assert cfg == Config()
    assert cfg.languages == ("fr", "en")


def test_config_user_file_overrides_key_by_key(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text('batch_size = 4\nuser_actors = ["a.yaml"]\n[models]\nfr = ["fr_core_news_sm", "fr_core_news_md"]\n')
    cfg = load_config(path)
    assert cfg.batch_size == 4
    assert cfg.user_actors == ("a.yaml",)
    assert cfg.models["fr"] == ("fr_core_news_sm", "fr_core_news_md")
    assert cfg.workers == Config().workers


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"min_confidence": 1.5}, {"no_such_key": 1},
                                 {"languages": ["fr", "ar"]}])
def test_config_rejects_invalid_values(bad):
    with pytest.raises(ConfigError):
        load_config(overrides=bad)


def test_config_unreadable_file_is_a_config_error(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("batch_size = = 3")
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(path)


@pytest.mark.parametrize("bad, field", [
    ({"stages": "actors"}, "stages"), ({"workers": 2.5}, "workers"), ({"languages": "fr"}, "languages"),
    ({"batch_size": "8"}, "batch_size"), ({"workers": True}, "workers"), ({"judge": 3}, "judge"),
    ({"models": {"fr": [1]}}, "models"),
])
def test_a_value_of_the_wrong_type_is_a_config_error_naming_its_field(bad, field):
    with pytest.raises(ConfigError) as err:
        load_config(overrides=bad)
    assert err.value.code == "E003" and f"'{field}" in str(err.value)


def test_lists_from_toml_are_accepted(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('languages = ["fr"]\nstages = ["actors", "quotes", "coder"]\nbatch_size = 8\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.languages == ("fr",) and cfg.stages == ("actors", "quotes", "coder") and cfg.batch_size == 8
