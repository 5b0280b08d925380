"""The one reader of wire datelines (``text.wire_dateline``), which the places stage, the argument rules
and the context sources share."""

from __future__ import annotations

import pytest

from eventwire.text import wire_dateline


@pytest.mark.parametrize("text,name", [
    ("LA PAZ - Bolivia's government said on Monday ...", "LA PAZ"),
    ("BAIDOA, Somalia - Gunmen attacked a checkpoint ...", "BAIDOA"),
    ("NEW YORK, 20 mars (AFP) - Le Conseil de sécurité ...", "NEW YORK"),
    ("KABUL, May 3 (Reuters) — Two rockets hit ...", "KABUL"),
    ("Quito, 4 Feb 90 (EFE) -- [Text] Police arrested ...", "Quito"),
    ("  PORT-AU-PRINCE - Protesters blocked ...", "PORT-AU-PRINCE"),
])
def test_wire_dateline_names_the_place_filed_from(text, name):
    line = wire_dateline(text)
    assert line is not None and line.group("name") == name and not text[line.end():].startswith((" ", "-"))


@pytest.mark.parametrize("text", [
    "Syrie - l'armée avance vers Alep",   # a title in mixed case with no date
    "Le président a déclaré - sans détour - qu'il ...",
    "al-Nosra a revendiqué l'attaque.",
])
def test_wire_dateline_is_not_any_dash(text):
    assert wire_dateline(text) is None


def test_wire_dateline_reads_at_a_line_start():
    text = "Un titre\nDAKAR - Senegalese police fired tear gas."
    line = wire_dateline(text, text.index("DAKAR"))
    assert line is not None and line.group("name") == "DAKAR"


@pytest.mark.parametrize("text,name,rest", [
    ("ANKARA/BEIRUT, May 2 - Kurdish fighters shelled ...", "ANKARA", "Kurdish"),  # filed from two cities
    ("Lima, 9 Mar 91 (Radio Nacional) -- [Excerpt] Senator Ana Ruiz ...", "Lima", "Senator"),  # a monitor's note
    ("San Salvador, 3 Feb 90 (ACAN-EFE) -- [Report by Jose Cruz] The army ...", "San Salvador", "The army"),
])
def test_wire_dateline_takes_two_cities_and_a_monitors_note(text, name, rest):
    line = wire_dateline(text)
    assert line is not None and line.group("name") == name and text[line.end():].startswith(rest)
