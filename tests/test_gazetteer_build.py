"""The gazetteer interface, its SQLite build and cache, on tiny hand-made data."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.places.gazetteer import (
    Candidate,
    MemoryGazetteer,
    SqliteGazetteer,
    build_cached,
    cache_dir,
    name_key,
    name_key_words,
    skeleton,
    write_sqlite,
)

BAGHDAD = Candidate("gn:98182", "Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 7_216_000, "city")
BAGDAD_FL = Candidate("gn:1", "Bagdad", "USA", "Florida", 30.6, -87.03, 3761, "city")
ANBAR = Candidate("anbar", "Al Anbar", "IRQ", "Al Anbar", 33.4, 42.2, 0, "admin1")
RAQQA = Candidate("gn:2", "Raqqa", "SYR", "Raqqa", 35.95, 39.01, 531_952, "city")
DEIR = Candidate("gn:3", "Deir ez-Zor", "SYR", "Deir ez-Zor", 35.34, 40.14, 271_800, "city")
IRAQ = Candidate("country:IRQ", "Iraq", "IRQ", None, 33.0, 44.0, 38_000_000, "country")
TINY = Candidate("gn:4", "Rakkaville", "FRA", None, 45.0, 2.0, 600, "city")

ENTRIES = [("Baghdad", BAGHDAD), ("Bagdad", BAGHDAD), ("Bagdad", BAGDAD_FL), ("Al Anbar", ANBAR),
           ("Raqqa", RAQQA), ("Dayr az Zawr", DEIR), ("Iraq", IRAQ), ("Irak", IRAQ), ("Rakkaville", TINY)]


def test_gazetteer_name_key_drops_accents_articles_and_elisions():
    assert name_key("al-Anbar") == name_key("Al Anbar") == "anbar"
    assert name_key("d’Aïn al-Asad") == name_key("Ain al-Asad") == "ain asad"
    assert name_key("l'Irak") == "irak"


def test_gazetteer_skeleton_absorbs_transliteration_variants():
    assert skeleton("Raqqa") == skeleton("Raqa") == skeleton("Rakka")
    assert skeleton("Deir ez-Zor") == skeleton("Deir Ezzor") == skeleton("Dayr az Zawr")
    assert skeleton("Mossoul") == skeleton("Mosul")
    assert skeleton("Raqqa") != skeleton("Homs")


@pytest.fixture(params=["memory", "sqlite"])
def gazetteer(request, tmp_path):
    if request.param == "memory":
        return MemoryGazetteer(ENTRIES)
    path = tmp_path / "g.sqlite"
    write_sqlite(path, ENTRIES)
    return SqliteGazetteer(path)


def test_gazetteer_lookup_orders_by_population_and_filters_country(gazetteer):
    assert [c.id for c in gazetteer.lookup("Bagdad")] == ["gn:98182", "gn:1"]
    assert [c.id for c in gazetteer.lookup("BAGDAD", country="USA")] == ["gn:1"]
    assert gazetteer.lookup("al-Anbar") == [ANBAR]


def test_gazetteer_lookup_falls_back_to_skeleton_for_notable_places(gazetteer):
    assert gazetteer.lookup("Rakka") == [RAQQA]
    assert gazetteer.lookup("Deir Ezzor") == [DEIR]
    assert gazetteer.lookup("Zorglub") == []


def test_gazetteer_lookup_without_fuzzy_matches_spellings_only(gazetteer):
    assert gazetteer.lookup("Rakka", fuzzy=False) == []
    assert gazetteer.lookup("Rakka") == [RAQQA]  # and the memo of one does not answer the other
    assert gazetteer.lookup("Rakka", fuzzy=False) == []
    assert gazetteer.lookup("Raqqa", fuzzy=False) == [RAQQA]


def test_gazetteer_country_by_iso3(gazetteer):
    assert gazetteer.country("IRQ") == IRAQ
    assert gazetteer.country("SYR") is None


def test_gazetteer_build_cached_builds_once_and_reuses(tmp_path):
    calls: list[int] = []

    def entries():
        calls.append(1)
        return iter(ENTRIES)

    first = build_cached(tmp_path / "cache", "abc", entries)
    second = build_cached(tmp_path / "cache", "abc", entries)
    assert first == second and first.exists() and calls == [1]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]  # no temp file left
    assert SqliteGazetteer(first).lookup("Irak") == [IRAQ]


def test_gazetteer_build_cached_leaves_no_file_when_build_fails(tmp_path):
    def broken():
        yield ("Baghdad", BAGHDAD)
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError):
        build_cached(tmp_path, "x", broken)
    assert list(tmp_path.iterdir()) == []


def test_gazetteer_cache_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "ew"))
    assert cache_dir() == tmp_path / "ew"
    monkeypatch.delenv("EVENTWIRE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == Path(tmp_path / "xdg" / "eventwire")


def test_gazetteer_skeleton_match_needs_a_similar_spelling():
    jounieh = Candidate("gn:5", "Jounieh", "LBN", None, 33.98, 35.62, 100_000, "city")
    stroud = Candidate("gn:6", "Stroud", "GBR", None, 51.74, -2.21, 32_000, "city")
    gaz = MemoryGazetteer([("Jounieh", jounieh), ("Stroud", stroud), ("Raqqa", RAQQA)])
    assert gaz.lookup("June") == [] and gaz.lookup("Saturday") == []
    assert gaz.lookup("Raqa") == [RAQQA]


def test_gazetteer_build_cached_keeps_only_the_newest_builds(tmp_path):
    import os

    for n, digest in enumerate(["a", "b", "c", "d"]):
        path = build_cached(tmp_path, digest, lambda: iter(ENTRIES))
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    build_cached(tmp_path, "e", lambda: iter(ENTRIES))
    kept = sorted(p.name.rsplit("-", 1)[1] for p in tmp_path.iterdir())
    assert kept == ["c.sqlite", "d.sqlite", "e.sqlite"]


def test_gazetteer_fold_keeps_offsets_and_folds_accents():
    from eventwire.text import fold_aligned

    for text in ["Aïn al-Asad’s ÉTATS-Unis", "İstanbul Şam", "Ḩalab", "", "ß"]:
        assert len(fold_aligned(text)) == len(text)
    assert fold_aligned("Aïn al-Asad’s ÉTATS-Unis") == "ain al-asad's etats-unis"


def test_gazetteer_read_ahead_tolerates_a_missing_file(tmp_path):
    from eventwire.places.gazetteer import _read_ahead

    _read_ahead(tmp_path / "missing.sqlite")  # opening the gazetteer must not fail on the cache warm-up
    path = tmp_path / "g.sqlite"
    write_sqlite(path, ENTRIES)
    _read_ahead(path)
    assert SqliteGazetteer(path).lookup("Raqqa") == [RAQQA]


def test_gazetteer_name_key_joins_transliterated_marks_and_splits_elisions():
    assert name_key("Ar Rā‘ī") == name_key("al-Raï") == "rai"
    assert name_key("Ma‘arrat an Nu‘mān") == name_key("Ma'arrat al-Numan") == "maarrat numan"
    assert name_key("Dar‘ā") == "dara" and name_key("Sana'a") == "sanaa"
    assert name_key("d’Aïn al-Asad") == "ain asad" and name_key("l'Irak") == "irak"  # elisions still split


def test_gazetteer_cache_key_covers_the_name_key_words(monkeypatch, config):
    """A change to the word lists name keys read (places.yaml) changes every key: a new file is built."""
    from eventwire.places import sources

    digests = []

    def capture(directory, digest, entries, regions=None):
        digests.append(digest)
        raise LookupError("captured")

    monkeypatch.setattr(sources, "build_cached", capture)
    for words in (sources.name_key_words(), [*sources.name_key_words(), "articles=el|le"]):
        monkeypatch.setattr(sources, "name_key_words", lambda words=words: words)
        with pytest.raises(LookupError):
            sources.open_gazetteer(config)
    assert len(set(digests)) == 2
    # the file stores each country's region points: their constants are in the key too
    from eventwire.places import regions

    monkeypatch.setattr(regions, "SHIFT", regions.SHIFT + 0.1)
    with pytest.raises(LookupError):
        sources.open_gazetteer(config)
    assert len(set(digests)) == 3
    assert any(w.startswith("elisions=") and "|d|" in w for w in name_key_words())
