"""Normalisation and the longest-match trie behind the actor dictionary."""

from __future__ import annotations

from eventwire.actors.norm import Trie, alias_key, words
from eventwire.text import fold_name


def test_actors_norm_fold_strips_accents_and_case():
    assert fold_name("Kataëb") == "kataeb"
    assert fold_name("Œuvre") == "oeuvre"


def test_actors_norm_apostrophes_join_inside_names_split_after_elision():
    assert [w.norm for w in words("Kata'ib")] == ["kataib"]
    assert [w.norm for w in words("l’armée")] == ["l", "armee"]
    assert [w.norm for w in words("Iran's")] == ["iran", "s"]


def test_actors_norm_offsets_point_into_the_text():
    text = "l’armée d’Irak"
    assert [(text[w.start:w.end], w.norm) for w in words(text)] == [
        ("l", "l"), ("armée", "armee"), ("d", "d"), ("Irak", "irak")]


def test_actors_norm_al_particles_and_leading_articles_are_dropped():
    assert alias_key("Front al-Nosra") == ("front", "nosra")
    assert alias_key("le Hachd al-Chaabi") == ("hachd", "chaabi")
    assert alias_key("Bachar el-Assad") == ("bachar", "assad")


def test_actors_norm_trie_prefers_the_longest_match():
    trie: Trie[str] = Trie()
    trie.add("Hezbollah", "lebanon")
    trie.add("Kataeb Hezbollah", "iraq")
    hits = trie.find_all(words("Le Kataëb Hezbollah et le Hezbollah"))
    assert [h.value for h in hits] == ["iraq", "lebanon"]


def test_actors_norm_acronyms_and_capitalised_names_respect_case():
    trie: Trie[str] = Trie()
    trie.add("US", "usa")
    trie.add("Turkey", "tur")
    assert [h.value for h in trie.find_all(words("the US told us"))] == ["usa"]
    assert trie.find_all(words("a roast turkey")) == []
    assert [h.value for h in trie.find_all(words("Turkey said"))] == ["tur"]
