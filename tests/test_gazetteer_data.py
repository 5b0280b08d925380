"""The shipped places TSV files are valid; a bad user file is refused with its line."""

from __future__ import annotations

import pytest

from eventwire.data import data_path
from eventwire.errors import DataFileError
from eventwire.places.gazetteer import KINDS
from eventwire.places.sources import (
    PLACE_COLUMNS,
    iso3_codes,
    read_countries,
    read_places,
)

HEADER = "\t".join(PLACE_COLUMNS)


@pytest.mark.parametrize("name", ["facilities.tsv", "aliases.tsv"])
def test_gazetteer_data_places_files_are_valid(name):
    rows = read_places(data_path("places", name))
    assert len(rows) >= 20
    for row in rows:
        assert row.place.kind in KINDS and row.place.country in iso3_codes()
        assert -90 <= row.place.lat <= 90 and -180 <= row.place.lon <= 180
        assert row.source, f"{row.place.id} has no source"
        assert len(row.names) >= 2, f"{row.place.id} has no alternative names"


def test_gazetteer_data_ids_unique_across_shipped_files():
    ids = [r.place.id for n in ("facilities.tsv", "aliases.tsv") for r in read_places(data_path("places", n))]
    assert len(ids) == len(set(ids))


def test_gazetteer_data_facilities_have_french_english_and_arabic_names():
    rows = {r.place.id: r for r in read_places(data_path("places", "facilities.tsv"))}
    names = rows["ain-al-asad"].names
    assert "Aïn al-Asad" in names and "Al Asad Air Base" in names and "عين الأسد" in names
    assert (rows["ain-al-asad"].place.lat, rows["ain-al-asad"].place.lon) == (33.8, 42.44)


def test_gazetteer_data_countries_file_is_valid():
    rows = read_countries(data_path("places", "countries.tsv"))
    iso = [r.iso3 for r in rows]
    assert len(iso) == len(set(iso)) and "IRQ" in iso
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in rows)


@pytest.mark.parametrize("line, problem", [
    ("x\tX\tcity\tZZZ\t\t1\t1\t0\tX\tme", "ISO 3166-1"),
    ("x\tX\tcity\tIRQ\t\t95\t1\t0\tX\tme", "out of range"),
    ("x\tX\tvillage\tIRQ\t\t1\t1\t0\tX\tme", "kind"),
])
def test_gazetteer_data_bad_row_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "mine.tsv"
    path.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"mine.tsv: row 2: .*{problem}"):
        read_places(path)


def test_gazetteer_data_duplicate_ids_refused(tmp_path):
    path = tmp_path / "dup.tsv"
    row = "a\tA\tcity\tIRQ\t\t1\t1\t0\tAa\tme"
    path.write_text(f"{HEADER}\n{row}\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate"):
        read_places(path)


def test_gazetteer_data_not_places_lists_months_and_weekdays():
    from eventwire.places.sources import not_place_names

    names = not_place_names()
    assert {"June", "Mardi", "Saturday"} <= set(names)
    assert len(names) == len(set(names))


def test_gazetteer_data_country_names_come_in_every_shipped_language():
    """pycountry's catalogues give the country names of each shipped language (English is the
    catalogues' own: it has none) and of Arabic; the languages are part of the cache key."""
    from eventwire.languages import shipped
    from eventwire.places.sources import catalogue_languages

    assert set(catalogue_languages()) == {*shipped().codes, "ar"}
