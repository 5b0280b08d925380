"""The shipped actor dictionary is valid: ids, names, countries, sectors, aliases, dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest

from eventwire.actors.dictionary import (
    EXTRA_COUNTRY_CODES,
    SECTORS,
    SHIPPED_FILES,
    alias_owners,
    french_forms,
    load_dictionary,
    phrase_plurals,
)
from eventwire.config import load_config
from eventwire.data import data_path, load_yaml
from eventwire.errors import DataFileError

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def dictionary(config):
    return load_dictionary(config)


def _raw_records(key: str) -> list[dict]:
    out: list[dict] = []
    for name in SHIPPED_FILES:
        out += (load_yaml(data_path("actors", name)) or {}).get(key) or []
    return out


def test_actors_data_ids_unique_across_files():
    ids = [r["id"] for r in _raw_records("entries")]
    isos = [r["iso"] for r in _raw_records("states")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert len(isos) == len(set(isos))


def test_actors_data_every_entry_is_well_formed(dictionary):
    assert len(dictionary.entries) > 400
    for entry in dictionary.entries.values():
        assert entry.name.strip(), entry.id
        assert entry.aliases, entry.id
        assert entry.sector in SECTORS, entry.id
        if entry.country is not None:
            known = pycountry.countries.get(alpha_3=entry.country) is not None
            assert known or entry.country in EXTRA_COUNTRY_CODES, entry.id


def test_actors_data_dates_parse_and_are_ordered(dictionary):
    for entry in dictionary.entries.values():
        for office in entry.offices:
            for day in (office.start, office.end):
                assert day is None or dt.date.fromisoformat(day)
            assert office.end is None or office.start is None or office.start < office.end, entry.id


def test_actors_data_no_alias_points_to_two_entries_unless_marked(dictionary):
    clashes = {
        key: ids for key, ids in alias_owners(dictionary.entries.values()).items()
        if len(ids) > 1 and not any(dictionary.entries[i].ambiguous for i in ids)
    }
    assert clashes == {}


def test_actors_data_every_sector_is_documented():
    documented = set(re.findall(r"^\| `([A-Z]{3})` \|", (DOCS / "sectors.md").read_text(), re.M))
    assert documented == set(SECTORS)


def test_actors_data_canonical_state_names_are_the_short_ones(dictionary):
    names = {e.country: e.name for e in dictionary.entries.values() if e.kind == "state"}
    assert names["SYR"] == "Syria" and names["USA"] == "United States"
    assert names["GBR"] == "United Kingdom" and names["IRN"] == "Iran" and names["RUS"] == "Russia"
    assert len(names) >= 249  # every ISO 3166-1 country, from pycountry when not written out


def test_actors_data_french_demonyms_are_inflected():
    assert french_forms("irakien") == ["irakien", "irakienne", "irakiens", "irakiennes"]
    assert french_forms("turc", "turque") == ["turc", "turque", "turcs", "turques"]
    assert french_forms("français") == ["français", "française", "françaises"]


def test_actors_data_role_words_get_plurals():
    assert phrase_plurals("homme armé", "fr") == ["homme armé", "hommes armés"]
    assert phrase_plurals("chef de l'État", "fr")[1] == "chefs de l'État"
    assert phrase_plurals("policeman", "en")[1] == "policemen"


def test_actors_data_bad_user_file_raises(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: x, name: X, country: ZZZ, sector: REB, aliases: [X]}\n")
    with pytest.raises(DataFileError, match="ZZZ"):
        load_dictionary(load_config(overrides={"user_actors": [str(bad)]}))


def test_actors_data_unknown_sector_raises(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {id: x, name: X, country: null, sector: XYZ, aliases: [X]}\n")
    with pytest.raises(DataFileError, match="sector"):
        load_dictionary(load_config(overrides={"user_actors": [str(bad)]}))
