"""Reporting lexicons: the language knowledge the quote stage reads.

One YAML file per language under ``data/lang/<lang>/reporting.yaml`` (see
``docs/attribution.md``). Every word is stored *folded* (lower case, no accents, one
apostrophe form) so matching ignores those differences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..data import load_yaml
from ..errors import DataFileError
from ..languages import registry, shipped
from ..text import fold_words

LIST_KEYS: tuple[str, ...] = (
    "reporting_verbs", "statement_verbs", "according_phrases", "learned_phrases", "learned_sources",
    "relay_phrases", "anonymous_nouns", "media_nouns", "institution_nouns", "outlets", "role_nouns",
    "channels",
    "pronouns", "indefinite_pronouns", "skip_words", "skip_phrases", "linking_words",
)

if TYPE_CHECKING:
    from ..pipeline import Resources


OPTIONAL_KEYS = ("act_verbs",)


@dataclass(frozen=True)
class ReportingLexicon:
    """The folded contents of one ``reporting.yaml``."""

    lang: str
    reporting_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    irregular_forms: tuple[tuple[str, str], ...]
    according_phrases: tuple[str, ...]
    learned_phrases: tuple[str, ...]
    learned_sources: tuple[str, ...]
    relay_phrases: tuple[str, ...]
    anonymous_nouns: frozenset[str]
    media_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    outlets: tuple[str, ...]
    role_nouns: tuple[str, ...]
    channels: tuple[str, ...]
    pronouns: frozenset[str]
    indefinite_pronouns: frozenset[str]
    skip_words: frozenset[str]
    skip_phrases: tuple[str, ...]
    linking_words: frozenset[str]
    verbs: frozenset[str] = frozenset()  # reporting and statement verbs together
    act_verbs: frozenset[str] = frozenset()  # statement verbs whose subject acts rather than speaks
    patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False)

    def pattern(self, key: str) -> re.Pattern[str] | None:
        """The compiled phrase pattern of a phrase list (``according_phrases``, ``channels``, ...)."""
        return self.patterns.get(key)

    def is_verb(self, lemma: str, text: str = "") -> bool:
        """True if a token (lemma, surface form) is a reporting or statement verb."""
        verbs = self.verbs
        if lemma.lower() in verbs:
            return True
        forms = dict(self.irregular_forms)
        folded = fold_words(text)
        candidates = {fold_words(lemma), folded, forms.get(folded, ""), _infinitive(folded)}
        return any(c in verbs for c in candidates if c)

    def is_phrase_verb(self, lemma: str, next_text: str) -> bool:
        """"faire part", "faire savoir": a verb and the word after it."""
        return f"{fold_words(lemma)} {fold_words(next_text)}" in self.reporting_verbs | self.statement_verbs

    def is_statement(self, lemma: str, text: str = "") -> bool:
        forms = dict(self.irregular_forms)
        candidates = {fold_words(lemma), forms.get(fold_words(text), "")}
        return any(c in self.statement_verbs for c in candidates if c)


def _infinitive(form: str) -> str:
    """A guess at the infinitive of a past participle the parser took for a noun, by the endings of
    ``participle_infinitives`` (``quotes.yaml``: French "declare" -> "declarer", "reagi" -> "reagir")."""
    for ending, infinitive in _participle_rules():
        if form.endswith(ending):
            return form[: len(form) - len(ending)] + infinitive
    return ""


@cache
def _participle_rules() -> tuple[tuple[str, str], ...]:
    """Every shipped language's ``participle_infinitives`` (folded), longest ending first."""
    rules: dict[str, str] = {}
    for spec in shipped().languages.values():
        table = spec.value("quotes", "participle_infinitives") or {}
        if not isinstance(table, dict):
            raise DataFileError(f"language '{spec.code}' quotes.yaml: 'participle_infinitives' must map endings")
        rules.update({fold_words(str(k)): fold_words(str(v)) for k, v in table.items()})
    return tuple(sorted(rules.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex matching any of ``phrases`` (folded) at word boundaries in folded text."""
    if not phrases:
        return None
    alts = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


@cache
def closed_words(key: str) -> frozenset[str]:
    """The word list ``key`` of every shipped language's ``quotes.yaml``, folded: the closed words
    (articles, titles, prepositions, ...) of the quote rules, which read every language's lists."""
    return frozenset(fold_words(str(w)) for w in shipped().union("quotes", key))


def lexicon_path(lang: str, language_dirs: Iterable[str] = ()) -> Path | None:
    """The language's ``reporting.yaml`` (its last folder that has one); None when it has none."""
    return registry(language_dirs).file(lang, "reporting.yaml")


def load_lexicon(lang: str, path: str | Path | None = None, language_dirs: Iterable[str] = ()) -> ReportingLexicon:
    """Read and validate a reporting lexicon (the language's own unless ``path`` is given)."""
    source = path or lexicon_path(lang, language_dirs)
    if source is None:
        raise DataFileError(f"language '{lang}' has no reporting.yaml", code="E011")
    raw = load_yaml(source)
    validate(raw, str(source))
    return _build(raw)


def validate(raw: Any, source: str) -> None:
    """Raise :class:`DataFileError` unless ``raw`` is a well-formed reporting lexicon."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{source}: expected a mapping at the top level", code="E011")
    missing = [k for k in (*LIST_KEYS, "lang", "irregular_forms") if k not in raw]
    if missing:
        raise DataFileError(f"{source}: missing keys {missing}", code="E011")
    for key in (*LIST_KEYS, *(k for k in OPTIONAL_KEYS if k in raw)):
        values = raw[key] or []
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise DataFileError(f"{source}: '{key}' must be a list of non-empty strings", code="E012")
    forms = raw["irregular_forms"] or {}
    if not isinstance(forms, dict) or not all(isinstance(v, str) for v in forms.values()):
        raise DataFileError(f"{source}: 'irregular_forms' must map forms to lemmas", code="E012")


def _build(raw: dict[str, Any]) -> ReportingLexicon:
    def words(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold_words(str(v)).strip() for v in raw[key] or []))

    phrase_keys = ("according_phrases", "learned_phrases", "relay_phrases", "channels")
    return ReportingLexicon(
        patterns={k: phrase_pattern(words(k)) for k in phrase_keys},
        lang=str(raw["lang"]),
        reporting_verbs=frozenset(words("reporting_verbs")),
        statement_verbs=frozenset(words("statement_verbs")),
        irregular_forms=tuple((fold_words(str(k)), fold_words(v)) for k, v in (raw["irregular_forms"] or {}).items()),
        according_phrases=words("according_phrases"),
        learned_phrases=words("learned_phrases"),
        learned_sources=words("learned_sources"),
        relay_phrases=words("relay_phrases"),
        anonymous_nouns=frozenset(words("anonymous_nouns")),
        media_nouns=frozenset(words("media_nouns")),
        institution_nouns=frozenset(words("institution_nouns")),
        outlets=words("outlets"),
        role_nouns=words("role_nouns"),
        channels=words("channels"),
        pronouns=frozenset(words("pronouns")),
        indefinite_pronouns=frozenset(words("indefinite_pronouns")),
        skip_words=frozenset(words("skip_words")),
        skip_phrases=words("skip_phrases"),
        linking_words=frozenset(words("linking_words")),
        verbs=frozenset(words("reporting_verbs") + words("statement_verbs")),
        act_verbs=frozenset(words("act_verbs")) if "act_verbs" in raw else frozenset(),
    )


def lexicon_for(resources: Resources, lang: str) -> ReportingLexicon | None:
    """The reporting lexicon of ``lang``, loaded once per process; None for a language the
    registry does not know, or one without ``reporting.yaml`` (the quote stages leave it alone)."""
    dirs = resources.config.language_dirs
    if lang not in registry(dirs) or lexicon_path(lang, dirs) is None:
        return None
    lex: ReportingLexicon = resources.get(f"reporting-lexicon-{lang}",
                                          lambda cfg: load_lexicon(lang, language_dirs=cfg.language_dirs))
    return lex
