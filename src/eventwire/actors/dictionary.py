"""The actor dictionary: loading, validating and compiling ``data/actors/*.yaml``.

Each file is a YAML mapping with any of these keys (see ``docs/actors.md``)::

    states:     state records (names, French/English demonyms, metonyms)
    entries:    any other actor (groups, international bodies, people, institutions)
    roles:      role words ("gouvernement", "troops", "président") -> how to build the actor
    generic:    generic actor nouns ("hommes armés", "protesters")
    portfolios: ministry portfolios ("affaires étrangères" -> "Foreign Affairs")

Shipped files load first, then ``config.user_actors`` in order; an entry (or state) with
an id already loaded replaces it, user roles and generic nouns take precedence.
Every ISO 3166-1 country without a ``states`` record gets one from pycountry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..data import data_path, load_yaml
from ..errors import DataFileError
from ..languages import Registry, registry, shipped
from ..records import state_id
from ..text import fold_name
from .norm import Trie, alias_key
from .words import one

SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "UAF", "PTY", "OPP", "CIV", "PRO",
    "MED", "NGO", "IGO", "BUS", "REL", "ETH", "REF", "LAB", "EDU",
)
ROLE_KINDS: tuple[str, ...] = ("forces", "body", "leader", "ministry", "official", "group")
EXTRA_COUNTRY_CODES: tuple[str, ...] = ("XKX",)  # Kosovo: user-assigned, not in ISO 3166-1
SHIPPED_FILES: tuple[str, ...] = (
    "states.yaml", "groups.yaml", "igos.yaml", "institutions.yaml", "leaders.yaml",
    "roles.yaml", "generic.yaml",
)


@dataclass(frozen=True, slots=True)
class Office:
    """A role a person held from ``start`` to ``end`` (ISO dates; ``end`` None = ongoing)."""

    role: str
    start: str | None
    end: str | None

    def covers(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary actor. ``kind``: state, entry (group/body) or person."""

    id: str
    name: str
    country: str | None
    sector: str
    aliases: tuple[str, ...]
    kind: str = "entry"
    adjective: str | None = None                 # English demonym (states): "Iraqi"
    demonyms: tuple[str, ...] = ()               # every demonym form, FR and EN
    metonyms: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    ambiguous: bool = False
    source: str = ""                             # the file it came from


@dataclass(frozen=True, slots=True)
class Alias:
    """What a name-trie hit points to; ``form`` is name, demonym or metonym."""

    entry_id: str
    form: str


@dataclass(frozen=True, slots=True)
class RoleWord:
    """A role head noun and how it builds an actor (see ``roles.yaml``)."""

    kind: str
    sector: str
    bare: str | None
    name: str | None
    role: str | None
    word: str


@dataclass(frozen=True, slots=True)
class GenericNoun:
    """A generic actor noun ("gunmen", "protesters")."""

    name: str
    sector: str
    word: str


@dataclass(frozen=True)
class ActorDictionary:
    """The compiled dictionary, built once per process and read-only afterwards."""

    entries: Mapping[str, ActorEntry]
    names: Trie[Alias]
    heads: Mapping[str, Trie[RoleWord | GenericNoun]]
    portfolios: Trie[str]
    offices: Mapping[tuple[str | None, str], tuple[tuple[str, Office], ...]]
    sources: tuple[str, ...] = field(default=())

    def holder(self, country: str | None, role: str, day: str | None) -> ActorEntry | None:
        """The person holding ``role`` for ``country`` on ``day``, if known and unique."""
        if day is None:
            return None
        ids = {pid for pid, office in self.offices.get((country, role), ()) if office.covers(day)}
        return self.entries[ids.pop()] if len(ids) == 1 else None


# --- loading ---------------------------------------------------------------------------


@dataclass
class _Raw:
    """Accumulates file contents before compiling (local to one load call)."""

    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    roles: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    generic: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    portfolios: dict[str, list[str]] = field(default_factory=dict)


def load_dictionary(config: Config) -> ActorDictionary:
    """Load shipped files then ``config.user_actors``; validate; compile the matchers."""
    paths = [data_path("actors", f) for f in SHIPPED_FILES] + [Path(p) for p in config.user_actors]
    raw = _Raw()
    for i, path in enumerate(paths):
        _read_file(raw, path, user=i >= len(SHIPPED_FILES))
    entries = _compile_entries(raw)
    return ActorDictionary(
        entries=entries, names=_names_trie(entries.values()), heads=_heads(raw, registry(config.language_dirs)),
        portfolios=_portfolio_trie(raw.portfolios), offices=_offices(entries.values()),
        sources=tuple(str(p) for p in paths),
    )


def _read_file(raw: _Raw, path: Path, *, user: bool) -> None:
    doc = load_yaml(path) or {}
    if not isinstance(doc, dict):
        raise DataFileError(f"{path}: expected a mapping with states/entries/roles/generic keys")
    unknown = set(doc) - {"states", "entries", "roles", "generic", "portfolios"}
    if unknown:
        raise DataFileError(f"{path}: unknown keys {sorted(unknown)}")
    for rec in _records(doc.get("states"), path, "states"):
        raw.states[str(rec.get("iso", ""))] = {**rec, "_source": str(path)}
    for rec in _records(doc.get("entries"), path, "entries"):
        raw.entries[str(rec.get("id", ""))] = {**rec, "_source": str(path)}
    new_roles = [(r, str(path)) for r in _records(doc.get("roles"), path, "roles")]
    new_generic = [(r, str(path)) for r in _records(doc.get("generic"), path, "generic")]
    raw.roles = new_roles + raw.roles if user else raw.roles + new_roles
    raw.generic = new_generic + raw.generic if user else raw.generic + new_generic
    for portfolio, forms in (doc.get("portfolios") or {}).items():
        raw.portfolios[str(portfolio)] = [str(f) for f in forms]


def _records(value: Any, path: Path, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError(f"{path}: '{key}' must be a list of mappings")
    return value


def _compile_entries(raw: _Raw) -> dict[str, ActorEntry]:
    out: dict[str, ActorEntry] = {}
    for iso, rec in raw.states.items():
        entry = _state_entry(iso, rec)
        out[entry.id] = entry
    for entry in _pycountry_states(set(raw.states)):
        out.setdefault(entry.id, entry)
    for eid, rec in raw.entries.items():
        out[eid] = _plain_entry(eid, rec)
    return out


def _state_entry(iso: str, rec: dict[str, Any]) -> ActorEntry:
    where = f"{rec['_source']}: state {iso!r}"
    country = _country(iso, where)
    if not country or not rec.get("name"):
        raise DataFileError(f"{where}: needs an 'iso' code and a 'name'")
    fr_dem = [str(x) for x in rec.get("fr_dem") or []]
    en_dem = [str(x) for x in rec.get("en_dem") or []]
    demonyms = french_forms(*fr_dem[:2]) + english_forms(en_dem)
    return ActorEntry(
        id=state_id(country), name=str(rec["name"]), country=country, sector="GOV",
        aliases=_unique([str(rec["name"]), *map(str, rec.get("aliases") or [])]), kind="state",
        adjective=en_dem[0] if en_dem else None, demonyms=_unique(demonyms),
        metonyms=_unique(map(str, rec.get("metonyms") or [])), source=str(rec["_source"]),
    )


def _pycountry_states(skip: set[str]) -> Iterator[ActorEntry]:
    import pycountry

    for c in pycountry.countries:
        if c.alpha_3 in skip:
            continue
        name = getattr(c, "common_name", None) or _uninvert(c.name)
        aliases = [name, c.name, getattr(c, "official_name", None)]
        yield ActorEntry(id=state_id(c.alpha_3), name=name, country=c.alpha_3, sector="GOV",
                         aliases=_unique(a for a in aliases if a), kind="state", source="pycountry")


def _uninvert(name: str) -> str:
    """"Micronesia, Federated States of" -> "Federated States of Micronesia"."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else name


def _plain_entry(eid: str, rec: dict[str, Any]) -> ActorEntry:
    where = f"{rec['_source']}: entry {eid!r}"
    if not eid or not rec.get("name"):
        raise DataFileError(f"{where}: needs an 'id' and a 'name'")
    sector = str(rec.get("sector") or "")
    if sector not in SECTORS:
        raise DataFileError(f"{where}: unknown sector {sector!r} (see docs/sectors.md)")
    own = [str(rec["name"])] if rec.get("name_alias", True) else []
    aliases = _unique([*own, *map(str, rec.get("aliases") or [])])
    offices = tuple(_office(o, where) for o in rec.get("roles") or [])
    return ActorEntry(
        id=eid, name=str(rec["name"]), country=_country(rec.get("country"), where), sector=sector,
        aliases=aliases, kind="person" if offices or "leaders" in rec["_source"] else "entry",
        offices=offices, valid_from=_date(rec.get("valid_from"), where),
        valid_to=_date(rec.get("valid_to"), where), ambiguous=bool(rec.get("ambiguous")),
        source=str(rec["_source"]),
    )


def _office(rec: Any, where: str) -> Office:
    if not isinstance(rec, dict) or not rec.get("role"):
        raise DataFileError(f"{where}: each role needs a 'role' and dates")
    return Office(str(rec["role"]), _date(rec.get("from"), where), _date(rec.get("to"), where))


def _country(value: Any, where: str) -> str | None:
    if value is None:
        return None
    code = str(value).upper()
    if code in EXTRA_COUNTRY_CODES:
        return code
    import pycountry

    if pycountry.countries.get(alpha_3=code) is None:
        raise DataFileError(f"{where}: {value!r} is not an ISO 3166-1 alpha-3 code")
    return code


def _date(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r}") from exc


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


# --- inflection ------------------------------------------------------------------------


def french_forms(masc: str | None = None, fem: str | None = None) -> list[str]:
    """Masculine/feminine, singular/plural of a French demonym: irakien -> irakienne, ..."""
    if not masc:
        return []
    fem = fem or _french_feminine(masc)
    return list(dict.fromkeys([masc, fem, french_plural(masc), french_plural(fem)]))


def _french_feminine(masc: str) -> str:
    if masc.endswith("e"):
        return masc
    if masc.endswith(("ien", "éen", "en")):
        return masc + "ne"
    return masc + "e"


def french_plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith("eau"):
        return word + "x"
    return word + "s"


def english_forms(forms: list[str]) -> list[str]:
    """The adjective and extra forms, plus the regular plural noun (Iraqi -> Iraqis)."""
    if not forms:
        return []
    adj = forms[0]
    plural = [adj + "s"] if adj.endswith(("i", "n")) else []
    return [adj, *forms[1:], *plural]


def english_plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x")):
        return word
    if word.endswith(("sh", "ch")):
        return word + "es"
    return word + "s"


def phrase_plurals(phrase: str, lang: str, langs: Registry | None = None) -> list[str]:
    """The phrase and its regular plural: "homme armé" -> "hommes armés" (``plural_prepositions``
    of the language's actors.yaml in ``langs``, the shipped languages by default)."""
    parts = phrase.split(" ")
    low = [fold_name(p.split("'")[0]) for p in parts]
    plural = french_plural if lang == "fr" else english_plural
    preps = one(langs or shipped(), lang, "plural_prepositions")
    if any(p in preps for p in low[1:]):
        plural_parts = [plural(parts[0]), *parts[1:]]
    elif lang == "fr":
        plural_parts = [plural(p) for p in parts]
    else:
        plural_parts = [*parts[:-1], plural(parts[-1])]
    return list(dict.fromkeys([phrase, " ".join(plural_parts)]))


# --- compiling -------------------------------------------------------------------------


def _names_trie(entries: Iterable[ActorEntry]) -> Trie[Alias]:
    trie: Trie[Alias] = Trie()
    for entry in entries:
        for alias in entry.aliases:
            trie.add(alias, Alias(entry.id, "name"))
        for alias in entry.metonyms:
            trie.add(alias, Alias(entry.id, "metonym"))
        for alias in entry.demonyms:
            trie.add(alias, Alias(entry.id, "demonym"))
    return trie


def _heads(raw: _Raw, langs: Registry) -> dict[str, Trie[RoleWord | GenericNoun]]:
    """A trie of role and generic words for every shipped language. A language only a user folder
    adds has none: its resolver uses English's (``ActorResolver``), as the toy language of
    ``tests/test_toy_language.py`` does."""
    out: dict[str, Trie[RoleWord | GenericNoun]] = {}
    for lang in shipped().codes:
        trie: Trie[RoleWord | GenericNoun] = Trie()
        for rec, path in raw.roles:
            for word in _lang_words(rec, lang, path):
                for form in phrase_plurals(word, lang, langs):
                    trie.add(_head_form(form), _role(rec, word, path))
        for rec, path in raw.generic:
            for word in _lang_words(rec, lang, path):
                for form in phrase_plurals(word, lang, langs):
                    trie.add(_head_form(form), _generic(rec, word, path))
        out[lang] = trie
    return out


def _lang_words(rec: dict[str, Any], lang: str, path: str) -> list[str]:
    words = rec.get("words")
    if not isinstance(words, dict):
        raise DataFileError(f"{path}: each role/generic record needs 'words' by language")
    return [str(w) for w in words.get(lang) or []]


def _role(rec: dict[str, Any], word: str, path: str) -> RoleWord:
    kind, sector = str(rec.get("kind")), str(rec.get("sector"))
    if kind not in ROLE_KINDS or sector not in SECTORS:
        raise DataFileError(f"{path}: role {word!r}: bad kind {kind!r} or sector {sector!r}")
    return RoleWord(kind, sector, rec.get("bare"), rec.get("name"), rec.get("role"), word)


def _generic(rec: dict[str, Any], word: str, path: str) -> GenericNoun:
    sector = str(rec.get("sector"))
    if sector not in SECTORS or not rec.get("name"):
        raise DataFileError(f"{path}: generic {word!r}: needs a name and a known sector")
    return GenericNoun(str(rec["name"]), sector, word)


def _portfolio_trie(portfolios: Mapping[str, list[str]]) -> Trie[str]:
    trie: Trie[str] = Trie()
    for name, forms in portfolios.items():
        for form in forms:
            trie.add(form.lower(), name)
    return trie


def _offices(entries: Iterable[ActorEntry]) -> dict[tuple[str | None, str], tuple[tuple[str, Office], ...]]:
    out: dict[tuple[str | None, str], list[tuple[str, Office]]] = {}
    for entry in entries:
        for office in entry.offices:
            out.setdefault((entry.country, office.role), []).append((entry.id, office))
    return {k: tuple(v) for k, v in out.items()}


def alias_owners(entries: Iterable[ActorEntry]) -> dict[tuple[str, ...], set[str]]:
    """Normalised alias -> ids of the entries that use it (for the ambiguity check)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for entry in entries:
        for alias in (*entry.aliases, *entry.metonyms, *entry.demonyms):
            out.setdefault(alias_key(alias), set()).add(entry.id)
    return out


def _head_form(form: str) -> str:
    """Role and generic words match in any case, except acronyms ("MP", "PM")."""
    return form if form.replace("s", "").isupper() else form.lower()
