"""English cooperative senses read from their complement: calling off a protest, dropping a policy,
apologising with a light verb, handing in arms, hosting a guest or sheltering refugees; an agreement signed
with coordinated objects or on a given day."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, absent", [
    pytest.param("The dockers' union lifted its strike on Thursday after the talks.", "CONCEDE", None,
                 id="lifting_a_strike_eases_dissent"),
    pytest.param("The regional council scrapped the planned fare increase on Monday.", "CONCEDE", None,
                 id="scrapping_a_planned_increase_is_a_policy_concession"),
    pytest.param("The Danish army offered a formal apology to the families of the three fishermen.", "CONCEDE",
                 "AGREE", id="offering_an_apology_is_apologising"),
    pytest.param("Turkey has hosted Hungarian President Laszlo Kovacs for two days.", "CONSULT", "AID",
                 id="hosting_a_president_is_a_visit"),
    pytest.param("Jordan has hosted thousands of Syrian refugees since 2012.", "AID", "CONSULT",
                 id="hosting_refugees_is_aid"),
    pytest.param("About 300 fighters of the Karen National Union handed in their rifles on Saturday.", "RETREAT",
                 None, id="handing_in_rifles_is_disarming"),
    pytest.param("The militia turned over its machine guns and mortars to the peace commission.", "RETREAT",
                 None, id="turning_over_guns_is_disarming"),
    pytest.param("Latvia and Estonia signed a fisheries and border-trade cooperation pact on Monday.", "AGREE", None,
                 id="signed_coordinated_objects"),
    pytest.param("A border agreement between Latvia and Estonia was signed on Saturday in Riga.", "AGREE", None,
                 id="signed_on_a_day_is_not_signing_on"),
])
def test_coder_cooperative_sense_from_its_complement(rules_pipeline, text, etype, absent):
    events = coded(rules_pipeline, text, "en")
    assert etype in {e.type for e in events}, events
    assert absent is None or absent not in {e.type for e in events}


def _sense_held(records, sense: str) -> set[bool]:
    """Whether the sense (``TYPE:pos:lemma``) held, for each candidate of it the judge was asked about."""
    return {"sense_ok=True" in r["features"] for r in records if f"sense={sense}" in r["features"]}


@pytest.mark.parametrize("text, holds, fails", [
    pytest.param("Turkey has hosted Hungarian President Laszlo Kovacs for two days.", "CONSULT:verb:host",
                 "AID:verb:host", id="a_president_hosted_is_a_guest"),
    pytest.param("Jordan has hosted thousands of Syrian refugees since 2012.", "AID:verb:host",
                 "CONSULT:verb:host", id="refugees_hosted_are_helped"),
])
def test_coder_hosting_sense_by_who_is_hosted(collected, text, holds, fails):
    records = collected(text, "en")
    assert _sense_held(records, holds) == {True} and _sense_held(records, fails) == {False}
