"""Part-of-country regions ("le nord-est du Nigeria", "eastern Chad"): compass words and the point
derived from a country's cities. Pure functions, no gazetteer."""

from __future__ import annotations

import pytest

from eventwire.places.regions import direction, mainland, region_point


@pytest.mark.parametrize(("word", "signs"), [
    ("nord-est", (1, 1)), ("nord", (1, 0)), ("sud-ouest", (-1, -1)), ("est", (0, 1)), ("ouest", (0, -1)),
    ("north-eastern", (1, 1)), ("northeast", (1, 1)), ("western", (0, -1)), ("southern", (-1, 0)),
    ("centre", (0, 0)), ("central", (0, 0)),
])
def test_places_regions_compass_words(word, signs):
    assert direction(word) == signs


GRID = [(float(lat), float(lon)) for lat in range(0, 11) for lon in range(0, 21)]


def test_places_regions_north_moves_along_the_axis_and_keeps_the_middle_across():
    lat, lon = region_point(GRID, 1, 0)
    assert lat == pytest.approx(8.5) and lon == pytest.approx(10.0)


def test_places_regions_south_west_moves_on_both_axes():
    lat, lon = region_point(GRID, -1, -1)
    assert lat == pytest.approx(1.5) and lon == pytest.approx(3.0)


def test_places_regions_east_takes_the_latitude_where_the_eastern_towns_are():
    towns = GRID + [(9.0, float(lon)) for lon in range(15, 21) for _ in range(20)]
    lat, lon = region_point(towns, 0, 1)
    assert lon == pytest.approx(17.0) and lat > 7


def test_places_regions_far_islands_are_left_out():
    islands = [(-15.0, 40.0 + k / 10) for k in range(5)]
    assert len(mainland(GRID + islands)) == len(GRID)
    assert region_point(GRID + islands, -1, 0)[0] == pytest.approx(1.5)


def test_places_regions_too_few_cities_gives_no_region():
    assert region_point([(1.0, 1.0), (2.0, 2.0)], 1, 0) is None


def test_places_regions_text_patterns():
    from eventwire.places.regions import compass_before

    def found(before):
        match = compass_before(before)
        return match and (match[0].group(1), match[1])

    assert found("attacked a village in northern ") == ("north", True)  # bare: "North Korea" is a name
    assert found("dans le nord-est du ") == ("nord-est", False)
    assert found("in the north of ") == ("north", False)
    assert found("in central ") == ("central", False)
    assert not found("la ville est du ")


def test_places_regions_points_stored_in_the_gazetteer_are_those_computed(tmp_path):
    """The built gazetteer file holds each country's region points (``write_sqlite(..., region_points)``):
    the stage reads them instead of computing them, and they are the points computed from its cities."""
    from eventwire.places.gazetteer import Candidate, SqliteGazetteer, write_sqlite
    from eventwire.places.regions import region_points

    towns = GRID + [(9.0, 15.0 + k / 7) for k in range(40)]
    entries = [(f"Town{k}", Candidate(f"gn:{k}", f"Town{k}", "ABC", None, lat, lon, 1000, "city"))
               for k, (lat, lon) in enumerate(towns)]
    entries += [("Lone", Candidate("gn:lone", "Lone", "XYZ", None, 5.0, 5.0, 1000, "city"))]
    write_sqlite(tmp_path / "g.sqlite", entries, region_points)
    gazetteer = SqliteGazetteer(tmp_path / "g.sqlite")
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            assert gazetteer.region_point("ABC", dy, dx) == region_point(gazetteer.city_points("ABC"), dy, dx)
            assert gazetteer.region_point("XYZ", dy, dx) is None  # one city: no region
    assert gazetteer.region_point("ABC", 0, 1) == region_point(towns, 0, 1) != region_point(towns, 0, -1)
