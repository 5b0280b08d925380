"""Every configuration value, right or wrong, loads or is one coded ConfigError line: never a traceback."""

from __future__ import annotations

import math
from dataclasses import fields
from pathlib import Path

from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventwire.cli import main as cli
from eventwire.config import Config, load_config
from eventwire.errors import ConfigError

KEYS = [f.name for f in fields(Config)]
scalars = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=8)
           | st.sampled_from(["high", "fr", "rules", "model", "", "1", "0.5"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["fr", "en", "x"]), inner, max_size=2), max_leaves=5)


@settings(max_examples=300, deadline=None)
@given(overrides=st.dictionaries(st.sampled_from([*KEYS, "unknown_key"]), values, min_size=1, max_size=3))
@example(overrides={"models": None})      # found by this test: AttributeError, a traceback
@example(overrides={"models": 3})
@example(overrides={"min_confidence": "high"})
def test_config_fuzz_any_value_loads_or_is_a_config_error(overrides: dict[str, object]) -> None:
    try:
        cfg = load_config(overrides=overrides)
    except ConfigError as exc:
        assert exc.code in {"E002", "E003", "E004"} and "\n" not in str(exc)
        return
    assert 0.0 <= cfg.min_confidence <= 1.0 and cfg.batch_size >= 1 and cfg.max_seconds > 0
    assert not any(isinstance(v, float) and math.isnan(v) for v in vars(cfg).values() if v is not None)


def test_config_fuzz_wrong_type_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('min_confidence = "high"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le ministre a menacé la Russie de sanctions mardi.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "--config", str(tmp_path / "bad.toml")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: [E003] config 'min_confidence': input should be a valid number (got 'high')"]
    assert result.exception is None or isinstance(result.exception, SystemExit)
