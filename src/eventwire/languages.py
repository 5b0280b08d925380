"""The language registry: what eventwire knows of a language is a folder of data.

A language is a folder ``<code>/`` holding ``language.yaml`` and the data files of each concern::

    data/lang/fr/
      language.yaml     name, spaCy models tried in order, optional Python module for what data cannot say
      triggers.yaml     the coder's trigger lexicon          coding.yaml   the coder's closed word lists
      reporting.yaml    reporting verbs and nouns (quotes)   dates.yaml    month and weekday names, ...
      places.yaml, actors.yaml, quotes.yaml, ...            closed word lists of each concern

The shipped languages live in ``eventwire/data/lang/``; ``config.language_dirs`` adds folders laid out
the same way. A folder whose language is already known extends it: a file it holds is read after the
shipped one, and a key of a concern's mapping replaces the shipped key (so a user can change one list).
A language only a user folder holds is a new language (``tests/test_toy_language.py`` adds one).

Word lists are read through :meth:`Language.words` (one language) or :meth:`Registry.union` (every
language, for code that does not know the text's language); no Python module spells a word of a
language (``tests/test_no_word_lists.py`` enforces it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .data import data_path, load_yaml
from .errors import ConfigError, DataFileError

SHIPPED_DIR = "lang"
META = "language.yaml"


@dataclass(frozen=True)
class Language:
    """One language: its code, name, spaCy models and data folders (shipped first, then the user's)."""

    code: str
    name: str
    models: tuple[str, ...]
    folders: tuple[Path, ...]
    module: str | None = None
    _concerns: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def files(self, name: str) -> list[Path]:
        """Every folder's copy of the data file ``name``, shipped first."""
        return [f / name for f in self.folders if (f / name).is_file()]

    def file(self, name: str) -> Path | None:
        """The data file ``name`` (the last folder that holds it wins); None when no folder does."""
        found = self.files(name)
        return found[-1] if found else None

    def concern(self, concern: str) -> dict[str, Any]:
        """The mapping of ``<concern>.yaml``, the folders' keys merged (a later folder's key replaces)."""
        if concern not in self._concerns:
            merged: dict[str, Any] = {}
            for path in self.files(f"{concern}.yaml"):
                raw = load_yaml(path) or {}
                if not isinstance(raw, dict):
                    raise DataFileError(f"{path}: expected a mapping of named word lists")
                merged.update(raw)
            self._concerns[concern] = merged
        return self._concerns[concern]

    def value(self, concern: str, key: str, default: Any = None) -> Any:
        return self.concern(concern).get(key, default)

    def words(self, concern: str, key: str) -> frozenset[str]:
        """The word list ``key`` of ``<concern>.yaml`` (empty when this language has none)."""
        raw = self.concern(concern).get(key) or ()
        if isinstance(raw, str) or not isinstance(raw, Iterable):
            raise DataFileError(f"language '{self.code}' {concern}.yaml: '{key}' must be a list of words")
        bad = [w for w in raw if not isinstance(w, str)]
        if bad:  # YAML 1.1 reads a bare on/off/yes/no as a boolean: quote such words
            raise DataFileError(f"language '{self.code}' {concern}.yaml: '{key}' holds non-words {bad!r} "
                                "(quote YAML booleans such as \"on\")")
        return frozenset(raw)


@dataclass(frozen=True)
class Registry:
    """The languages known to one configuration, by code."""

    languages: dict[str, Language]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.languages)

    def __contains__(self, code: object) -> bool:
        return code in self.languages

    def find(self, code: str) -> Language | None:
        return self.languages.get(code)

    def file(self, code: str, name: str) -> Path | None:
        """Language ``code``'s data file ``name`` (see :meth:`Language.file`); None for an unknown code."""
        spec = self.find(code)
        return spec.file(name) if spec is not None else None

    def get(self, code: str) -> Language:
        try:
            return self.languages[code]
        except KeyError:
            raise ConfigError(f"unknown language '{code}' (known: {', '.join(sorted(self.languages))}); "
                              "add a folder to config.language_dirs", code="E004") from None

    def union(self, concern: str, key: str) -> frozenset[str]:
        """The word list ``key`` of every language, for a rule that does not know the text's language."""
        out: frozenset[str] = frozenset()
        for lang in self.languages.values():
            out |= lang.words(concern, key)
        return out


def _folders(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        raise ConfigError(f"language folder {root} does not exist", code="E004")
    return sorted(p for p in root.iterdir() if (p / META).is_file())


@cache
def _registry(dirs: tuple[str, ...]) -> Registry:
    roots = [data_path(SHIPPED_DIR)] + [Path(d) for d in dirs]
    found: dict[str, list[Path]] = {}
    for root in roots:
        for folder in _folders(root):
            found.setdefault(folder.name, []).append(folder)
    langs: dict[str, Language] = {}
    for code, folders in found.items():
        meta: dict[str, Any] = {}
        for folder in folders:
            raw = load_yaml(folder / META) or {}
            if not isinstance(raw, dict):
                raise DataFileError(f"{folder / META}: expected a mapping")
            meta.update(raw)
        models = meta.get("models") or ()
        if isinstance(models, str):
            models = (models,)
        langs[code] = Language(code=code, name=str(meta.get("name", code)), models=tuple(models),
                               folders=tuple(folders), module=meta.get("module"))
    return Registry(langs)


def registry(language_dirs: Iterable[str] = ()) -> Registry:
    """The shipped languages plus those of ``language_dirs`` (built once per distinct list)."""
    return _registry(tuple(str(d) for d in language_dirs))


def shipped() -> Registry:
    """The languages shipped with eventwire (what module-level defaults may read)."""
    return _registry(())


def language(code: str, language_dirs: Iterable[str] = ()) -> Language:
    return registry(language_dirs).get(code)
