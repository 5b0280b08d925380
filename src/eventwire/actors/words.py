"""The closed word lists of the actors concern, read from ``data/lang/<code>/actors.yaml``.

Every list is folded when read (:func:`eventwire.text.fold_name`: no accents, lower case), as the
words it is compared with are. :func:`every` is a list of every language of a registry, for code
that does not know the text's language; :func:`one` is a list of one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..languages import Registry
from ..text import fold_name

CONCERN = "actors"


def one(langs: Registry, lang: str, key: str) -> frozenset[str]:
    """The folded list ``key`` of language ``lang`` (empty when the registry does not know it)."""
    found = langs.find(lang)
    return frozenset() if found is None else _folded(found.words(CONCERN, key))


def every(langs: Registry, key: str) -> frozenset[str]:
    """The folded list ``key`` of every language of ``langs``."""
    return _folded(langs.union(CONCERN, key))


def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_name(w) for w in words)


@dataclass(frozen=True, slots=True)
class ResolverWords:
    """The lists the resolver reads: ``locative`` in its own language, the others in every language
    (they are used on names and titles, whose language is not the text's)."""

    locative: frozenset[str]            # a country right after one is a place: "en Irak", "in Iraq"
    articles: frozenset[str]            # definite articles, skipped after a locative preposition
    not_title: frozenset[str]           # articles, definite and indefinite: not a person's title
    honorifics: frozenset[str]          # "M.", "Dr", "général": not part of a person's name
    not_name: frozenset[str]            # honorifics and title prefixes ("ex-"): an entity of them names no one
    former: frozenset[str]              # "ex", "former", "ancien" before a group's name
    ruler_links: frozenset[str]         # between a body and its leader's name; "" (adjacent) included

    @classmethod
    def load(cls, langs: Registry, lang: str) -> ResolverWords:
        articles = every(langs, "definite_articles")
        honorifics = every(langs, "honorifics")
        return cls(
            locative=one(langs, lang, "locative"),
            articles=articles,
            not_title=articles | every(langs, "indefinite_articles"),
            honorifics=honorifics,
            not_name=honorifics | every(langs, "title_prefixes"),
            former=every(langs, "former"),
            ruler_links=every(langs, "ruler_links") | {""},
        )
