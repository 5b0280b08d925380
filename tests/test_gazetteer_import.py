"""`eventwire gazetteer import`: a GeoNames country dump, written here in its own format, becomes an
overlay the places stage reads — every village of the file is found offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire import Pipeline
from eventwire.cli import main
from eventwire.config import Config, load_config
from eventwire.places.imports import imported_files
from eventwire.places.sources import open_gazetteer


def _row(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, admin1: str,
         population: int = 0, alternates: str = "") -> str:
    # geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3 admin4
    # population elevation dem timezone modified
    ascii_name = name.encode("ascii", "ignore").decode()
    cols = [str(gid), name, ascii_name, alternates, f"{lat}", f"{lon}", fclass, fcode, cc, "", admin1, "", "", "",
            str(population), "", "300", "Africa/Bamako", "2024-01-01"]
    return "\t".join(cols)


# Invented villages of the Mopti region (ML.04), a stream that must be left out, a district (ADM2).
ROWS = [
    _row(90000001, "Kounabéré", 14.91, -3.12, "P", "PPL", "ML", "04", 700, "Kounabere Foulbé,Kunabere"),
    _row(90000002, "Sambagoro", 15.20, -2.80, "P", "PPLX", "ML", "04"),
    _row(90000003, "Kounabéré Bozo", 14.95, -3.10, "H", "STM", "ML", "04"),
    _row(90000004, "Dialloubé Sud", 14.60, -3.95, "A", "ADM3", "ML", "04"),
]


def _dump(folder: Path, rows: list[str] = ROWS, name: str = "ML.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_gazetteer_import_command_keeps_villages_and_divisions(tmp_path: Path) -> None:
    dump = _dump(tmp_path)
    store = tmp_path / "imports"
    result = CliRunner().invoke(main, ["gazetteer", "import", str(dump), "--dir", str(store)])
    assert result.exit_code == 0, result.output
    assert "imported 3 places" in result.output
    assert [p.name for p in imported_files(store)] == ["geonames-ML.sqlite"]
    gaz = open_gazetteer(Config(), imports=store)
    village = gaz.lookup("Kounabéré")
    assert [(c.name, c.country, c.admin1, c.kind) for c in village] == [("Kounabéré", "MLI", "Mopti", "city")]
    assert gaz.lookup("Kunabere")[0].id == "gn:90000001"  # an alternate name
    assert gaz.lookup("Dialloubé Sud")[0].kind == "admin1"  # a commune, at admin1 precision
    assert gaz.lookup("Kounabéré Bozo", fuzzy=False) == []  # a stream is no place of events
    assert gaz.lookup("Bamako")[0].country == "MLI"  # the default gazetteer is still there
    gaz.close()


def test_gazetteer_import_reads_the_zip_geonames_serves(tmp_path: Path) -> None:
    archive = tmp_path / "ML.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.writestr("ML.txt", "\n".join(ROWS) + "\n")
    store = tmp_path / "imports"
    result = CliRunner().invoke(main, ["gazetteer", "import", str(archive), "--dir", str(store)])
    assert result.exit_code == 0, result.output
    gaz = open_gazetteer(Config(), imports=store)
    assert gaz.lookup("Sambagoro")[0].lat == pytest.approx(15.2)
    gaz.close()


@pytest.mark.parametrize(("content", "code"), [
    (None, "E020"),                                        # no such file
    ("geonameid\tname\n", "E021"),                         # not a GeoNames row
    (_row(1, "Xa", 99.0, 0.0, "P", "PPL", "ML", "04"), "E021"),  # latitude out of range
    (_row(1, "Lake Xyz", 14.0, 0.0, "H", "LK", "ML", "04"), "E022"),  # nothing kept
])
def test_gazetteer_import_refuses_bad_files_with_a_code(tmp_path: Path, content: str | None, code: str) -> None:
    path = tmp_path / "XX.txt"
    if content is not None:
        path.write_text(content + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "import", str(path), "--dir", str(tmp_path / "imports")])
    assert result.exit_code != 0
    assert f"[{code}]" in result.output
    assert imported_files(tmp_path / "imports") == []


def test_gazetteer_import_places_an_event_in_an_imported_village(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_DATA", str(tmp_path / "data"))
    text = "On 12 March, gunmen attacked a military post in Kounabéré (Djenné, Mopti), killing two soldiers."
    rules = load_config(overrides={"judge": "rules"})  # places are tested here, not what the judge keeps
    before = [e.location for e in Pipeline(rules).extract(text, published="2021-03-14") if e.type == "ASSAULT"]
    result = CliRunner().invoke(main, ["gazetteer", "import", str(_dump(tmp_path))])
    assert result.exit_code == 0, result.output
    after = [e for e in Pipeline(rules).extract(text, published="2021-03-14") if e.type == "ASSAULT"]
    assert before and before[0] is not None and before[0].name != "Kounabéré"  # Djenné, written after it
    assert after and after[0].location is not None
    assert (after[0].location.name, after[0].location.country, after[0].location.precision) == (
        "Kounabéré", "MLI", "city")
