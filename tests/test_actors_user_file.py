"""config.user_actors adds or overrides dictionary entries without touching code."""

from __future__ import annotations

import pytest

from eventwire.actors import resolver_for
from eventwire.config import load_config
from eventwire.pipeline import Resources

USER_FILE = """\
entries:
  - {id: kataeb-hezbollah, name: Kata'ib Hezbollah Brigades, country: IRQ, sector: MIL,
     aliases: [Kataeb Hezbollah, Kataëb Hezbollah]}
  - {id: my-militia, name: Saraya Awliya al-Dam, country: IRQ, sector: REB,
     aliases: [Saraya Awliya al-Dam, Awliya al-Dam]}
states:
  - {iso: IRQ, name: Iraq, aliases: [Irak, Mésopotamie], fr_dem: [irakien], en_dem: [Iraqi]}
generic:
  - {name: smugglers, sector: UAF, words: {fr: [contrebandier], en: [smuggler]}}
"""


@pytest.fixture(scope="module")
def user_resolver(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    resources = Resources(load_config(overrides={"user_actors": [str(path)]}))
    return resolver_for(resources, "fr")


def test_actors_user_file_overrides_an_entry(nlp_fr, user_resolver):
    actor = user_resolver.resolve(nlp_fr("le Kataëb Hezbollah")[:])
    assert (actor.name, actor.sector) == ("Kata'ib Hezbollah Brigades", "MIL")


def test_actors_user_file_adds_an_entry(nlp_fr, user_resolver):
    actor = user_resolver.resolve(nlp_fr("Awliya al-Dam")[:])
    assert (actor.name, actor.country) == ("Saraya Awliya al-Dam", "IRQ")


def test_actors_user_file_overrides_a_state(nlp_fr, user_resolver):
    assert user_resolver.resolve(nlp_fr("la Mésopotamie")[:]).country == "IRQ"


def test_actors_user_file_adds_generic_nouns(nlp_fr, user_resolver):
    actor = user_resolver.resolve(nlp_fr("des contrebandiers irakiens")[:])
    assert (actor.name, actor.country, actor.sector) == ("smugglers", "IRQ", "UAF")


def test_actors_user_file_leaves_the_shipped_resolver_alone(nlp_fr, resources):
    actor = resolver_for(resources, "fr").resolve(nlp_fr("le Kataëb Hezbollah")[:])
    assert actor.name == "Kataeb Hezbollah"
