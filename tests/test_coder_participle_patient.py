"""A past participle that modifies a noun says what the noun underwent, agent or not: "three guards
wounded at the gate", "the murdered mayor", "les otages libérés". The noun is the event's target and
satisfies a sense that needs an object; a verb conjugated with être ("les troupes entrées dans la
ville") is no such participle. Seen here on the candidates the judge is asked about (the records
``make train`` learns from), since whether a sourceless event is kept is the judge's call."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _at(records: list[dict], text: str, word: str) -> dict:
    start = text.index(word)
    found = [r for r in records if "span" in r and r["span"][0] <= start < r["span"][1]]
    assert found, records
    return found[0]


def test_en_reduced_passive_names_its_patient(collected):
    text = "Relatives buried the three guards killed at the checkpoint on Friday."
    rec = _at(collected(text, "en"), text, "killed")
    assert rec["type"] == "ASSAULT" and rec["source"] is None
    assert rec["target"] is not None and "guards" in rec["target"]["text"]
    assert "sense_ok=True" in rec["features"]


def test_en_attributive_participle_names_its_patient(collected):
    text = "The family of the murdered mayor asked for a new inquiry."
    rec = _at(collected(text, "en"), text, "murdered")
    assert rec["type"] == "ASSAULT" and rec["target"] is not None and "mayor" in rec["target"]["text"]


def test_fr_participle_without_agent_names_its_patient(collected):
    text = "Les deux journalistes enlevés dans le nord du pays ont été vus en vie."
    rec = _at(collected(text, "fr"), text, "enlevés")
    assert rec["type"] == "ASSAULT" and rec["source"] is None
    assert rec["target"] is not None and "journalistes" in rec["target"]["text"]


def test_fr_unaccusative_participle_is_not_undergone(collected):
    text = "Les soldats entrés dans la ville ont hissé leur drapeau."
    assert not [r for r in collected(text, "fr") if "span" in r and r.get("target") and "soldats" in r["target"]["text"]
                and r["span"][0] == text.index("entrés")]


def test_en_weapon_modified_by_an_agentive_participle_is_no_target(collected):
    text = "A roadside bomb planted by the insurgents exploded near the market."
    rec = _at(collected(text, "en"), text, "planted")
    assert rec["type"] == "ASSAULT" and rec["source"] is not None and "insurgents" in rec["source"]["text"]
    assert rec["target"] is None
    text = "The convoy ambushed by the insurgents was carrying fuel."
    rec = _at(collected(text, "en"), text, "ambushed")
    assert rec["target"] is not None and "convoy" in rec["target"]["text"]
