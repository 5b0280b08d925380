"""Configuration as data: shipped defaults, overridden key by key by a user TOML file.

>>> cfg = load_config(overrides={"batch_size": 8})
>>> cfg.batch_size
8
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_STAGES: tuple[str, ...] = ("actors", "quotes", "coder", "places", "dates", "attribution", "merge",
                                     "counterparts")


@dataclass(frozen=True)
class Config:
    """Every setting eventwire reads. See ``docs/config.md``."""

    languages: tuple[str, ...] = ("fr", "en")
    # Extra language folders (``<code>/language.yaml`` and data files; eventwire/languages.py).
    language_dirs: tuple[str, ...] = ()
    # Model names tried in order, per language, over those of the language's ``language.yaml``.
    models: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_bytes: int = 5_000_000          # larger documents are refused (E103)
    max_chars: int = 1_000_000          # budget: longer text is refused (E140); spaCy's own limit
    max_sentences: int = 10_000         # budget: more sentences are refused before parsing (E141)
    max_sentence_tokens: int = 1_000    # budget: a longer sentence is refused before parsing (E142)
    max_seconds: float = 60.0           # budget: the stages' time on one document (E143)
    min_chars: int = 20                 # shorter extracted text is "empty" (E101)
    lang_min_score: float = 0.40        # below this, the language is "unknown" (E121)
    batch_size: int = 16
    workers: int = 1
    min_confidence: float = 0.0         # events below are not emitted
    user_actors: tuple[str, ...] = ()   # extra actor dictionary files (YAML)
    user_lexicons: tuple[str, ...] = () # extra trigger lexicon files (YAML)
    user_places: tuple[str, ...] = ()   # extra gazetteer files (TSV)
    judge: str = "model"                # "model": the shipped learned judge decides; "rules": rules/1 alone
    judge_threshold: float | None = None  # override the model's probability threshold

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Defaults, then the user's TOML file (if any), then ``overrides``; validated."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    values.update(overrides or {})
    return _validated(_checked(_coerce(values)))


def _schema() -> Any:
    """A strict pydantic model of :class:`Config`, built from its fields (one source of truth): a value of
    the wrong type is refused, never converted ("8" is no batch size, "fr" is no list of languages)."""
    global _SCHEMA
    if _SCHEMA is None:
        from typing import get_type_hints

        from pydantic import ConfigDict, create_model

        hints = get_type_hints(Config)
        fields_ = {f.name: (hints[f.name], ...) for f in fields(Config)}
        _SCHEMA = create_model("ConfigSchema", __config__=ConfigDict(strict=True, extra="forbid"),
                               **fields_)  # type: ignore[call-overload]
    return _SCHEMA


_SCHEMA: Any = None


def _checked(values: dict[str, Any]) -> Config:
    """``values`` over the defaults, each field type-checked; a wrong one is a ConfigError naming it."""
    from pydantic import ValidationError

    merged = {**asdict(Config()), **values}
    if isinstance(merged["models"], dict):  # anything else is refused below, naming the field
        merged["models"] = {k: tuple(v) if isinstance(v, list | tuple) else v for k, v in merged["models"].items()}
    try:
        _schema().model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(x) for x in first["loc"])
        message = first["msg"].lower().replace("valid tuple", "list")
        raise ConfigError(f"config '{name}': {message} (got {first.get('input')!r})",
                          code="E003") from None
    return replace(Config(), **values)


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown config keys: {', '.join(unknown)}", code="E002")
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, list):
            value = tuple(value)
        if key == "models" and isinstance(value, dict):
            value = {k: tuple(v) if isinstance(v, list | tuple) else (v,) for k, v in value.items()}
        out[key] = value
    return out


def _validated(cfg: Config) -> Config:
    if cfg.batch_size < 1 or cfg.workers < 1:
        raise ConfigError("batch_size and workers must be at least 1", code="E003")
    for name in ("max_bytes", "max_chars", "max_sentences", "max_sentence_tokens"):
        if getattr(cfg, name) < 1:
            raise ConfigError(f"{name} must be at least 1 (got {getattr(cfg, name)!r})", code="E003")
    if cfg.min_chars < 0:
        raise ConfigError(f"min_chars must not be negative (got {cfg.min_chars!r})", code="E003")
    if not 0.0 < cfg.max_seconds < float("inf"):
        raise ConfigError(f"max_seconds must be a positive number of seconds (got {cfg.max_seconds!r})",
                          code="E003")
    if not 0.0 <= cfg.lang_min_score <= 1.0 or not 0.0 <= cfg.min_confidence <= 1.0:
        raise ConfigError("lang_min_score and min_confidence must lie in [0, 1]", code="E003")
    if cfg.judge not in ("model", "rules"):
        raise ConfigError(f"judge must be 'model' or 'rules', not {cfg.judge!r}", code="E003")
    if cfg.judge_threshold is not None and not 0.0 <= cfg.judge_threshold <= 1.0:
        raise ConfigError("judge_threshold must lie in [0, 1]", code="E003")
    from .languages import registry

    langs = registry(cfg.language_dirs)
    missing = [lang for lang in cfg.languages
               if not cfg.models.get(lang) and not (lang in langs and langs.get(lang).models)]
    if missing:
        raise ConfigError(f"no spaCy model configured for: {', '.join(missing)}", code="E004")
    return cfg
